package com.outboxwallet.api.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The page's security without a browser; {@code WalletPageBrowserIT} drives it in a real one. */
class WalletPageIT extends ApiServiceIntegrationTest {

    @Test
    void thePageAsksAnonymousVisitorsToLogIn() {
        HttpResponse<String> page = api().get(null, "/");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(api().get(null, "/login").body()).contains("name=\"_csrf\"", "name=\"username\"");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndWritesNothing() {
        Credentials alice = aUser();

        HttpResponse<String> forged = api().send(api().request(alice, "/topups")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amount=10.00&_idempotency_key=" + anyKey()))
                .build());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void httpBasicDoesNotOpenThePage() {
        assertThat(api().get(aUser(), "/").statusCode()).isEqualTo(302);
    }
}
