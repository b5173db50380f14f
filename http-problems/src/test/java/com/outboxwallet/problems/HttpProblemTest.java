package com.outboxwallet.problems;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        ProblemCatalog catalog = ProblemCatalog.withDomainTypes(new Teapot("teapot"));

        assertThat(catalog.ofSlug("not-found")).contains(HttpProblem.NOT_FOUND);
        assertThat(catalog.ofSlug("teapot")).map(ProblemType::uri).map(Object::toString).contains("/problems/teapot");
        assertThat(catalog.ofSlug("nothing")).isEmpty();
    }

    @Test
    void twoTypesCannotShareAURI() {
        assertThatThrownBy(() -> ProblemCatalog.withDomainTypes(new Teapot("not-found")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private record Teapot(String slug) implements ProblemType {

        @Override
        public String title() {
            return "I'm a teapot";
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.I_AM_A_TEAPOT;
        }

        @Override
        public String whatToDo() {
            return "Ask a coffee pot.";
        }
    }
}
