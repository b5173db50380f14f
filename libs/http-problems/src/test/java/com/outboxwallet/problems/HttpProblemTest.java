package com.outboxwallet.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class HttpProblemTest {

    @Test
    void anUntypedAnswerGetsTheTypeOfItsStatus() {
        assertThat(HttpProblem.forStatus(404)).isEqualTo(HttpProblem.NOT_FOUND);
        assertThat(HttpProblem.forStatus(405)).isEqualTo(HttpProblem.METHOD_NOT_ALLOWED);
        assertThat(HttpProblem.forStatus(413)).isEqualTo(HttpProblem.PAYLOAD_TOO_LARGE);
        assertThat(HttpProblem.forStatus(503)).isEqualTo(HttpProblem.SERVICE_UNAVAILABLE);
    }

    @Test
    void aStatusWithoutATypeOfItsOwnIsAnInvalidRequestOrAnInternalError() {
        assertThat(HttpProblem.forStatus(418)).isEqualTo(HttpProblem.INVALID_REQUEST);
        assertThat(HttpProblem.forStatus(502)).isEqualTo(HttpProblem.INTERNAL);
    }

    @Test
    void aCatalogFindsTheSharedAndTheServicesOwnTypesBySlug() {
        ProblemCatalog catalog = ProblemCatalog.withDomainTypes(List.of(teapot("teapot")));

        assertThat(catalog.ofSlug("not-found")).contains(HttpProblem.NOT_FOUND);
        assertThat(catalog.ofSlug("teapot"))
                .map(ProblemType::uri)
                .map(Object::toString)
                .contains("/problems/teapot");
        assertThat(catalog.ofSlug("nothing")).isEmpty();
    }

    @Test
    void twoTypesCannotShareAURI() {
        assertThatThrownBy(() -> ProblemCatalog.withDomainTypes(List.of(teapot("not-found"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ProblemType teapot(String slug) {
        return ProblemType.of(slug, "I'm a teapot", HttpStatus.I_AM_A_TEAPOT, "Ask a coffee pot.");
    }

    @Test
    void onlyA429OrA503SaysWhenToRetryUnlessTheTypeSaysSo() {
        assertThat(HttpProblem.RATE_LIMITED.retryAfter()).isTrue();
        assertThat(HttpProblem.SERVICE_UNAVAILABLE.retryAfter()).isTrue();
        assertThat(HttpProblem.NOT_FOUND.retryAfter()).isFalse();
        assertThat(teapot("teapot").retriedAfter().retryAfter()).isTrue();
    }
}
