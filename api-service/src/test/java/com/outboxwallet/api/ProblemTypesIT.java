package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.outboxwallet.api.web.ApiProblem;
import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.ProblemCatalog;
import com.outboxwallet.problems.ProblemType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every error answer carries one of the documented types, with its title, and every type's URI explains itself. */
class ProblemTypesIT extends ApiServiceIntegrationTest {

    private static final Pattern PROBLEM_TYPE = Pattern.compile("`(/problems/[a-z-]+)`");

    @Autowired
    JsonMapper json;

    @Autowired
    ProblemCatalog catalog;

    @Test
    void anUnknownRouteIsNotFoundWithItsType() {
        assertTyped(api().get(aUser(), "/api/v1/no-such-thing"), HttpProblem.NOT_FOUND);
    }

    @Test
    void anUnsupportedMethodIsMethodNotAllowedWithItsType() {
        HttpResponse<String> response = api().send(api().request(aUser(), "/api/v1/topups")
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .build());

        assertTyped(response, HttpProblem.METHOD_NOT_ALLOWED);
    }

    @Test
    void anUnacceptableMediaTypeIsNotAcceptableWithItsType() {
        HttpResponse<String> response = api().send(api().request(aUser(), "/api/v1/wallet")
                .header("Accept", "application/xml")
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/not-acceptable");
    }

    @Test
    void everyTypeTheDocumentListsIsOneTheServiceHasAndResolvesWithoutLogin() {
        String description = json.readTree(api().get(null, "/v3/api-docs").body())
                .get("info")
                .get("description")
                .asString();
        List<String> documented = PROBLEM_TYPE
                .matcher(description)
                .results()
                .map(match -> match.group(1))
                .distinct()
                .toList();

        assertThat(documented)
                .containsExactlyInAnyOrderElementsOf(catalog.types().stream()
                        .map(type -> type.uri().toString())
                        .toList());
        assertSoftly(softly -> catalog.types().forEach(type -> {
            HttpResponse<String> page = api().get(null, type.uri().toString());
            softly.assertThat(page.statusCode()).as(type.slug()).isEqualTo(200);
            JsonNode explained = json.readTree(page.body());
            softly.assertThat(explained.get("type").asString())
                    .isEqualTo(type.uri().toString());
            softly.assertThat(explained.get("title").asString()).isEqualTo(type.title());
            softly.assertThat(explained.get("status").asInt())
                    .isEqualTo(type.status().value());
            softly.assertThat(explained.get("whatToDo").asString()).isEqualTo(type.whatToDo());
        }));
    }

    @Test
    void aBrowserFollowingATypeGetsAPageThatSaysWhatToDo() {
        HttpResponse<String> page = api().send(
                        api().request(null, ApiProblem.WALLET_BUSY.uri().toString())
                                .header("Accept", "text/html")
                                .GET()
                                .build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("text/html"));
        assertThat(page.body())
                .contains(
                        "<h1>" + ApiProblem.WALLET_BUSY.title() + "</h1>",
                        "What to do",
                        ApiProblem.WALLET_BUSY.whatToDo());
    }

    @Test
    void aRequestRefusedBeforeAnyControllerIsATypedProblemWithoutTheServersInsides() {
        // The firewall refuses a path with a semicolon before Spring MVC sees it; the container forwards to /error.
        HttpResponse<String> refused = api().get(aUser(), "/api/v1/wallet;x=1");

        assertTyped(refused, HttpProblem.INVALID_REQUEST);
        assertThat(refused.body()).doesNotContain("timestamp", "trace", "exception");
    }

    @Test
    void anUnknownTypeIsItselfNotFound() {
        assertTyped(api().get(null, "/problems/no-such-problem"), HttpProblem.NOT_FOUND);
    }

    private void assertTyped(HttpResponse<String> response, ProblemType type) {
        assertThat(response.statusCode()).isEqualTo(type.status().value());
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type.uri().toString());
        assertThat(problem.get("title").asString()).isEqualTo(type.title());
    }
}
