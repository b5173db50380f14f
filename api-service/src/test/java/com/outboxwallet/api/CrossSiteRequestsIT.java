package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator who opens another site's page must not disable a user by it (CSRF): the browser would send the
 * administrator's cached credentials with the page's form POST. Requests a browser marks as coming from another site
 * are refused before anything changes; programs, which send no such marks, are not affected. And the API never asks a
 * browser for Basic credentials, so a browser has none of the API's to cache in the first place.
 */
class CrossSiteRequestsIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Origin, https://attacker.example",
        "Origin, null",
        "Sec-Fetch-Site, cross-site",
        "Sec-Fetch-Site, same-site"
    })
    void aPageOfAnotherSiteCannotMakeAnAdministratorsBrowserDisableAUser(String header, String value) {
        Credentials alice = aUser();

        HttpResponse<String> refused = disable(alice, header, value);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(enabled(alice)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "X-Client, a program that sends no browser headers",
        "Sec-Fetch-Site, same-origin",
        "Origin, https://wallet.example" // wallet.http.cors-origins of the test profile
    })
    void theServicesOwnOriginAConfiguredOneAndProgramsMayChangeState(String header, String value) {
        Credentials bob = aUser();

        HttpResponse<String> disabled = disable(bob, header, value);

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(enabled(bob)).isFalse();
    }

    @Test
    void aRequestFromThisServicesOwnOriginMayChangeState() {
        Credentials carol = aUser();

        HttpResponse<String> disabled = disable(carol, "Origin", "http://localhost:" + port);

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "Accept, 'text/html,application/xhtml+xml,*/*;q=0.8'",
        "Sec-Fetch-Mode, navigate",
        "Sec-Fetch-Mode, cors"
    })
    void aBrowserIsNeverAskedForBasicCredentials(String header, String value) {
        HttpResponse<String> unauthorized = api().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/wallet"))
                                .header(header, value)
                                .GET()
                                .build());

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(json.readTree(unauthorized.body()).get("type").asString()).isEqualTo("/problems/unauthorized");
    }

    @Test
    void aProgramIsToldToSendBasicCredentials() {
        HttpResponse<String> unauthorized = api().get(null, "/api/v1/wallet");

        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"wallet\"");
    }

    private HttpResponse<String> disable(Credentials user, String header, String value) {
        return api().send(api().request(admin(), "/api/v1/admin/users/" + user.userId() + "/disable")
                .header(header, value)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private boolean enabled(Credentials user) {
        return jdbc.sql("SELECT enabled FROM users WHERE id = :id")
                .param("id", user.userId())
                .query(Boolean.class)
                .single();
    }
}
