package com.outboxwallet.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for the API, as any caller would use it. */
public final class WalletApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String baseUrl;
    private final HttpClient http;

    public WalletApi(String baseUrl) {
        this(baseUrl, HTTP);
    }

    /** @param http a client of the caller's own: with a cookie jar, say, or not following redirects */
    public WalletApi(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    public HttpResponse<String> topUp(ApiServiceIntegrationTest.Credentials user, String key, String amount) {
        return post(user, "/api/v1/topups", key, amount == null ? "{}" : "{\"amount\":\"" + amount + "\"}");
    }

    public HttpResponse<String> post(ApiServiceIntegrationTest.Credentials user, String path, String key, String json) {
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.build());
    }

    public HttpResponse<String> put(ApiServiceIntegrationTest.Credentials user, String path, String json) {
        return send(request(user, path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> get(ApiServiceIntegrationTest.Credentials user, String path) {
        return send(request(user, path).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(ApiServiceIntegrationTest.Credentials user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (user != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user.username() + ":" + user.password())
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }
}
