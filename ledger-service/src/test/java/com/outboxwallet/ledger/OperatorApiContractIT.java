package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator API's contract: its OpenAPI document is the operator's, every error answer carries a documented
 * problem type, and every type the document lists explains itself without login.
 */
class OperatorApiContractIT extends LedgerIntegrationTest {

    private static final Pattern PROBLEM_TYPE = Pattern.compile("`(/problems/[a-z-]+)`");

    @Autowired
    JsonMapper json;

    @Test
    void theOpenApiDocumentIsServedToTheOperatorOnly() throws Exception {
        assertThat(get("/v3/api-docs", null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> docs = get("/v3/api-docs", OPERATOR, OPERATOR_PASSWORD);

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.body()).get("paths");
        assertThat(paths.propertyNames())
                .containsExactlyInAnyOrder(
                        "/api/v1/ledger/wallets/{walletId}/entries",
                        "/api/v1/ledger/wallets/{walletId}/balance",
                        "/api/v1/ledger/wallets/{walletId}/audit-log",
                        "/api/v1/ledger/sequence-gaps");
        JsonNode balance =
                paths.get("/api/v1/ledger/wallets/{walletId}/balance").get("get");
        assertThat(balance.get("operationId").asString()).isEqualTo("getLedgerBalance");
        assertThat(balance.get("responses").propertyNames()).contains("200", "400", "401", "404", "406");
        assertThat(balance.get("responses")
                        .get("404")
                        .get("content")
                        .get("application/problem+json")
                        .get("examples")
                        .get("not-found")
                        .get("value")
                        .get("type")
                        .asString())
                .isEqualTo("/problems/not-found");
    }

    /** The served document, for .ci/run to lint with the tools a client would generate from it. */
    @Test
    void theServedDocumentIsWrittenForTheLinters() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", OPERATOR, OPERATOR_PASSWORD);
        Path written = Path.of("target", "openapi", "ledger-service.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, docs.body());

        assertThat(json.readTree(Files.readString(written)).get("openapi").asString())
                .startsWith("3.");
    }

    @Test
    void everyTypeTheDocumentListsResolvesWithoutLoginToWhatItMeansAndWhatToDo() throws Exception {
        String description = json.readTree(
                        get("/v3/api-docs", OPERATOR, OPERATOR_PASSWORD).body())
                .get("info")
                .get("description")
                .asString();
        List<String> types = PROBLEM_TYPE
                .matcher(description)
                .results()
                .map(match -> match.group(1))
                .distinct()
                .toList();

        assertThat(types).contains("/problems/not-found", "/problems/method-not-allowed", "/problems/internal");
        assertSoftly(softly -> types.forEach(type -> {
            try {
                HttpResponse<String> explained = get(type, null, null);
                softly.assertThat(explained.statusCode()).as(type).isEqualTo(200);
                softly.assertThat(json.readTree(explained.body()).get("type").asString())
                        .isEqualTo(type);
                softly.assertThat(
                                json.readTree(explained.body()).get("whatToDo").asString())
                        .isNotBlank();
                HttpResponse<String> page = send(
                        request(type, null, null).header("Accept", "text/html").build());
                softly.assertThat(page.headers().firstValue("Content-Type"))
                        .as(type)
                        .hasValueSatisfying(
                                contentType -> assertThat(contentType).startsWith("text/html"));
                softly.assertThat(page.body()).as(type).contains("What to do");
            } catch (Exception e) {
                softly.fail(type, e);
            }
        }));
    }

    @Test
    void spring404And405And406AreTypedProblems() throws Exception {
        String wallet = "/api/v1/ledger/wallets/" + UUID.randomUUID();
        assertProblem(get("/api/v1/ledger/no-such-thing", OPERATOR, OPERATOR_PASSWORD), 404, "/problems/not-found");
        assertProblem(
                send(request(wallet + "/balance", OPERATOR, OPERATOR_PASSWORD)
                        .method("DELETE", HttpRequest.BodyPublishers.noBody())
                        .build()),
                405,
                "/problems/method-not-allowed");
        assertProblem(
                send(request(wallet + "/balance", OPERATOR, OPERATOR_PASSWORD)
                        .header("Accept", "application/xml")
                        .GET()
                        .build()),
                406,
                "/problems/not-acceptable");
        assertProblem(
                get("/api/v1/ledger/wallets/not-a-uuid/balance", OPERATOR, OPERATOR_PASSWORD),
                400,
                "/problems/invalid-request");
    }

    @Test
    void aRequestRefusedBeforeAnyControllerIsATypedProblemToo() throws Exception {
        // The firewall refuses a path with a semicolon before Spring MVC sees it; the container forwards to /error.
        HttpResponse<String> refused = get("/api/v1/ledger/sequence-gaps;x=1", OPERATOR, OPERATOR_PASSWORD);

        assertProblem(refused, 400, "/problems/invalid-request");
        assertThat(refused.body()).doesNotContain("timestamp", "trace");
    }

    @Test
    void anUnknownProblemTypeIsItselfNotFound() throws Exception {
        assertProblem(get("/problems/no-such-problem", null, null), 404, "/problems/not-found");
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isNotBlank();
    }
}
