package com.outboxwallet.api.web;

import com.outboxwallet.problems.ProblemCatalog;
import com.outboxwallet.problems.ProblemHandling;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The API answers with the HTTP problem types and its own; each type's URI explains it (see {@link ProblemHandling}). */
@Configuration(proxyBeanMethods = false)
@Import(ProblemHandling.class)
class ProblemTypesConfiguration {

    @Bean
    ProblemCatalog problemCatalog() {
        return ProblemCatalog.withDomainTypes(ApiProblem.ALL);
    }
}
