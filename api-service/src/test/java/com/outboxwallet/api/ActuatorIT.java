package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ActuatorIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void anonymousCallersSeeOnlyWhetherTheServiceIsUp() {
        JsonNode health = json.readTree(api().get(null, "/actuator/health").body());

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
        assertThat(api().get(null, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(api().get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminSeesTheDatabaseAndRedis() {
        JsonNode health = json.readTree(api().get(admin(), "/actuator/health").body());

        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("redis").get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreForAdminsOnly() {
        assertThat(api().get(null, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(api().get(aUser(), "/actuator/prometheus").statusCode()).isEqualTo(403);

        HttpResponse<String> metrics = api().get(admin(), "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
    }

    @Test
    void theMetricsScraperReadsTheMetricsAndNothingElse() {
        HttpResponse<String> metrics = api().get(metricsScraper(), "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("wallet_topups_seconds");
        assertThat(api().get(metricsScraper(), "/api/v1/wallet").statusCode()).isEqualTo(403);
        assertThat(api().get(metricsScraper(), "/api/v1/admin/users").statusCode())
                .isEqualTo(403);
        assertThat(api().topUp(metricsScraper(), "scraper-" + java.util.UUID.randomUUID(), "10.00")
                        .statusCode())
                .isEqualTo(403);
        JsonNode health =
                json.readTree(api().get(metricsScraper(), "/actuator/health").body());
        assertThat(health.has("components"))
                .as("health details are the admin's")
                .isFalse();
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        assertThat(api().get(admin(), "/actuator/env").statusCode()).isEqualTo(404);
        assertThat(api().get(null, "/actuator/env").statusCode()).isEqualTo(401);
    }

    @Test
    void browsersOnOtherSitesMayNotCallTheApiUnlessConfigured() {
        HttpResponse<String> preflight = api().send(api().request(null, "/api/v1/topups")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .build());

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(preflight.statusCode()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void aConfiguredOriginMayCallTheApi() {
        HttpResponse<String> preflight = api().send(api().request(null, "/api/v1/topups")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://wallet.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .build());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://wallet.example");
    }
}
