package com.outboxwallet.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** How the end-to-end tests talk to the pipeline's services: real HTTP/1.1 with HTTP Basic credentials. */
final class PipelineHttp {

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

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
