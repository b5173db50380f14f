package com.outboxwallet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Users created through the admin API, as an operator would create them; each gets a wallet.
 *
 * @param usernames       in the order created
 * @param authorizations  each user's HTTP Basic authorization, in the same order
 * @param rateLimitPolicy the {@code RateLimit-Policy} header the API answered with, to show the limit in effect
 */
record StackUsers(List<String> usernames, List<String> authorizations, String rateLimitPolicy) {

    static final String PASSWORD = "benchmark-password";

    /** {@code prefix-0}, {@code prefix-1}, … */
    static StackUsers create(URI api, String prefix, int count) throws IOException, InterruptedException {
        String admin = BasicAuthorization.of(LocalStackProcess.ADMIN, LocalStackProcess.ADMIN_PASSWORD);
        List<String> usernames = new ArrayList<>();
        List<String> authorizations = new ArrayList<>();
        String policy = "(none)";
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < count; i++) {
                String username = prefix + "-" + i;
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(api.resolve("/api/v1/admin/users"))
                                .header("Authorization", admin)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, PASSWORD)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException(
                            "creating " + username + " answered " + created.statusCode() + ": " + created.body());
                }
                policy = created.headers().firstValue("RateLimit-Policy").orElse("(none)");
                usernames.add(username);
                authorizations.add(BasicAuthorization.of(username, PASSWORD));
            }
        }
        return new StackUsers(List.copyOf(usernames), List.copyOf(authorizations), policy);
    }
}
