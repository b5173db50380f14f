package com.outboxwallet.problems;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Import it into a service, beside a {@link ProblemCatalog} bean: every problem body gets a documented type, the
 * errors that bypass Spring MVC answer as problems too, and every type's URI explains itself. The service's security
 * must let {@code /problems/*} and {@code /error} through without login.
 */
@Configuration(proxyBeanMethods = false)
@Import({StableProblemTypes.class, ProblemErrorController.class, ProblemTypeController.class})
public class ProblemHandling {

    @Bean
    OperationCustomizer problemResponses(ProblemCatalog catalog) {
        return new ProblemResponsesCustomizer(catalog);
    }
}
