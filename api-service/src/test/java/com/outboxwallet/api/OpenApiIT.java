package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.payment.WithPaymentSimulator;
import com.outboxwallet.problems.ProblemCatalog;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiIT extends WithPaymentSimulator {

    @Autowired
    JsonMapper json;

    @Autowired
    ProblemCatalog problems;

    @Test
    void theTopUpOperationDocumentsItsKeyItsProblemsAndTheRateLimit() {
        HttpResponse<String> docs = api().get(null, "/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode topUp =
                json.readTree(docs.body()).get("paths").get("/api/v1/topups").get("post");
        assertThat(topUp.get("parameters")
                        .valueStream()
                        .filter(p -> p.get("name").asString().equals("Idempotency-Key"))
                        .findFirst()
                        .orElseThrow()
                        .get("in")
                        .asString())
                .isEqualTo("header");
        JsonNode responses = topUp.get("responses");
        assertThat(responses.propertyNames()).contains("201", "400", "401", "409", "413", "415", "422", "429");
        assertThat(responses.get("201").get("headers").propertyNames())
                .contains("Idempotent-Replayed", "RateLimit", "RateLimit-Policy");
        assertThat(responses.get("429").get("headers").propertyNames())
                .contains("Retry-After", "RateLimit", "RateLimit-Policy");
        assertThat(responses.get("422").get("content").propertyNames()).containsExactly("application/problem+json");
    }

    @Test
    void theDescriptionListsEveryProblemTypeAndTheKeyExpiryPolicy() {
        String description = json.readTree(api().get(null, "/v3/api-docs").body())
                .get("info")
                .get("description")
                .asString();

        assertThat(description)
                .contains(problems.types().stream()
                        .map(type -> type.uri().toString())
                        .toList());
        assertThat(description).contains("Key expiry", "PT1H", "never credits twice");
    }

    @Test
    void accountManagementIsDocumentedWithItsRealStatuses() {
        JsonNode paths = json.readTree(api().get(null, "/v3/api-docs").body()).get("paths");

        assertThat(paths.get("/api/v1/admin/users").get("post").get("responses").propertyNames())
                .contains("201", "400", "409")
                .doesNotContain("200");
        assertThat(paths.get("/api/v1/admin/users").get("get").get("responses").propertyNames())
                .contains("200", "400");
        assertThat(paths.get("/api/v1/admin/users/{id}")
                        .get("get")
                        .get("responses")
                        .propertyNames())
                .contains("200", "404");
        assertThat(paths.get("/api/v1/admin/users/{id}/disable")
                        .get("post")
                        .get("responses")
                        .propertyNames())
                .contains("200", "403", "404", "409");
        assertThat(paths.get("/api/v1/admin/users/{id}/password")
                        .get("put")
                        .get("responses")
                        .propertyNames())
                .contains("204", "400", "404");
        assertThat(paths.get("/api/v1/account/password")
                        .get("put")
                        .get("responses")
                        .propertyNames())
                .contains("204", "400", "403");
    }

    @Test
    void everyOperationHasAMeaningfulIdASummaryADescriptionAndAFeatureTag() {
        JsonNode document = json.readTree(api().get(null, "/v3/api-docs").body());
        List<JsonNode> operations = document.get("paths")
                .valueStream()
                .flatMap(path -> path.valueStream())
                .toList();

        assertThat(operations)
                .extracting(operation -> operation.get("operationId").asString())
                .containsExactlyInAnyOrder(
                        "createTopUp",
                        "getTopUp",
                        "listTopUps",
                        "getWallet",
                        "createUser",
                        "listUsers",
                        "getUser",
                        "disableUser",
                        "enableUser",
                        "resetUserPassword",
                        "changeOwnPassword",
                        "cashIn",
                        "getCashIn",
                        "createPayment",
                        "getPayment",
                        "listPayments",
                        "receiveMidtransNotification");
        assertThat(operations).allSatisfy(operation -> {
            assertThat(operation.get("summary").asString()).isNotBlank();
            assertThat(operation.get("description").asString()).isNotBlank();
            assertThat(operation.get("tags").get(0).asString())
                    .isIn("top-ups", "wallet", "users", "your account", "cash-in", "payments", "payment notifications");
        });
    }

    @Test
    void everyProblemResponseHasAnExampleOfEachTypeItCanCarry() {
        JsonNode responses = json.readTree(api().get(null, "/v3/api-docs").body())
                .get("paths")
                .get("/api/v1/topups")
                .get("post")
                .get("responses");

        JsonNode conflicts = responses
                .get("409")
                .get("content")
                .get("application/problem+json")
                .get("examples");
        assertThat(conflicts.propertyNames()).containsExactlyInAnyOrder("request-in-flight", "wallet-busy");
        assertThat(conflicts.get("wallet-busy").get("value").get("type").asString())
                .isEqualTo("/problems/wallet-busy");
        assertThat(responses.get("409").get("headers").propertyNames()).contains("Retry-After");
        assertThat(responses
                        .get("422")
                        .get("content")
                        .get("application/problem+json")
                        .get("examples")
                        .propertyNames())
                .containsExactlyInAnyOrder("idempotency-key-reused", "balance-ceiling-exceeded", "limit-exceeded");
    }

    /** The served document, for .ci/run to lint with the tools a client would generate from it. */
    @Test
    void theServedDocumentIsWrittenForTheLinters() throws Exception {
        HttpResponse<String> docs = api().get(null, "/v3/api-docs");
        Path written = Path.of("target", "openapi", "api-service.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, docs.body());

        assertThat(json.readTree(Files.readString(written)).get("openapi").asString())
                .startsWith("3.");
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> ui = api().get(null, "/swagger-ui/index.html");

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
