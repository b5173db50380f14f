package com.outboxwallet.api;

import com.outboxwallet.api.web.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error answer carries one of the documented types, with its title, and every type's URI explains itself. */
class ProblemTypesIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void anUnknownRouteIsNotFoundWithItsType() {
        assertTyped(api().get(aUser(), "/api/v1/no-such-thing"), ProblemType.NOT_FOUND);
    }

    @Test
    void anUnsupportedMethodIsMethodNotAllowedWithItsType() {
        HttpResponse<String> response = api().send(api().request(aUser(), "/api/v1/topups")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());

        assertTyped(response, ProblemType.METHOD_NOT_ALLOWED);
    }

    @Test
    void anUnacceptableMediaTypeIsNotAcceptableWithItsType() {
        HttpResponse<String> response = api().send(api().request(aUser(), "/api/v1/wallet")
                .header("Accept", "application/xml").GET().build());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/not-acceptable");
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyTypeResolvesWithoutLoginToWhatItMeansAndWhatToDo(ProblemType type) {
        HttpResponse<String> page = api().get(null, type.uri().toString());

        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode explained = json.readTree(page.body());
        assertThat(explained.get("type").asString()).isEqualTo(type.uri().toString());
        assertThat(explained.get("title").asString()).isEqualTo(type.title());
        assertThat(explained.get("status").asInt()).isEqualTo(type.status().value());
        assertThat(explained.get("whatToDo").asString()).isNotBlank();
    }

    @Test
    void anUnknownTypeIsItselfNotFound() {
        assertTyped(api().get(null, "/problems/no-such-problem"), ProblemType.NOT_FOUND);
    }

    private void assertTyped(HttpResponse<String> response, ProblemType type) {
        assertThat(response.statusCode()).isEqualTo(type.status().value());
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type.uri().toString());
        assertThat(problem.get("title").asString()).isEqualTo(type.title());
    }
}
