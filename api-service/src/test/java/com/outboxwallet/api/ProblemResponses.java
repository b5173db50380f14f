package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every refusal must be: problem+json with a stable type, a title, a detail, and nothing of the server's insides. */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** @param type the problem's slug ({@code invalid-request}), or null where several are right */
    public static JsonNode assertProblem(JsonMapper json, HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        if (type != null) {
            assertThat(problem.get("type").asString()).isEqualTo("/problems/" + type);
        }
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (problem.has("errors")) {
            assertThat(problem.get("errors").get(0).get("expected").asString()).isNotBlank();
        }
        assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.", "tools.jackson");
        return problem;
    }
}
