package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** How the end-to-end tests talk to the pipeline's services: real HTTP/1.1 with HTTP Basic credentials. */
final class PipelineHttp {

    /** The local profile's bootstrap administrator (api-service-local.yml). */
    static final String ADMIN = "admin";

    static final String ADMIN_PASSWORD = "admin-local-pass";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PipelineHttp() {}

    /** A JSON POST; with an {@code Idempotency-Key} unless {@code key} is null. */
    static HttpRequest post(URI uri, String user, String password, String key, String body) {
        HttpRequest.Builder request = authorized(uri, user, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.build();
    }

    static HttpRequest get(URI uri, String user, String password) {
        return authorized(uri, user, password).GET().build();
    }

    static HttpRequest.Builder authorized(URI uri, String user, String password) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A user the administrator created, and the body of the 201 that created it (its wallet id among others). */
    record NewUser(String username, String password, String created) {}

    /**
     * A new user with its wallet, created through the admin API ({@code usersUrl}: /api/v1/admin/users) as an
     * operator creates one; the test fails unless the answer is 201. The name starts with {@code prefix}.
     */
    static NewUser aNewUser(URI usersUrl, String prefix) throws IOException, InterruptedException {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = prefix + "-password-" + UUID.randomUUID();
        HttpResponse<String> created = send(post(
                usersUrl,
                ADMIN,
                ADMIN_PASSWORD,
                null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new NewUser(username, password, created.body());
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
