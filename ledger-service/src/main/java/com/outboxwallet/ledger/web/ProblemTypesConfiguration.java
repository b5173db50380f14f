package com.outboxwallet.ledger.web;

import com.outboxwallet.loginguard.LoginThrottleAnswers;
import com.outboxwallet.problems.ProblemCatalog;
import com.outboxwallet.problems.ProblemHandling;
import com.outboxwallet.process.ConditionalOnServing;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The operator API answers with the HTTP problem types and a throttled login's; each type's URI explains it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
@Import(ProblemHandling.class)
class ProblemTypesConfiguration {

    @Bean
    ProblemCatalog problemCatalog() {
        return ProblemCatalog.withDomainTypes(List.of(LoginThrottleAnswers.LOGIN_THROTTLED));
    }
}
