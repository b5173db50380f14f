package com.outboxwallet.ledger.web;

import com.outboxwallet.problems.OpenApiProblems;
import com.outboxwallet.problems.ProblemCatalog;
import com.outboxwallet.process.ConditionalOnServing;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator API's OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html), for operator credentials only.
 * Its problem types come from the {@link ProblemCatalog}, so the document lists what the service really sends.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnServing
class OpenApiConfiguration {

    @Bean
    OpenAPI ledgerApi(ProblemCatalog problems) {
        return new OpenAPI()
                .info(new Info()
                        .title("Outbox wallet ledger: operator API")
                        .version("v1")
                        .description(description(problems)))
                .components(new Components()
                        .addSecuritySchemes(
                                "operator",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("LEDGER_OPERATOR_USERNAME / LEDGER_OPERATOR_PASSWORD"))
                        .addSchemas(OpenApiProblems.SCHEMA, OpenApiProblems.schema()))
                .addSecurityItem(new SecurityRequirement().addList("operator"))
                // Relative: the document is right wherever it is served from, not only on the host that served it.
                .servers(List.of(new Server().url("/").description("the host serving this document")));
    }

    private static String description(ProblemCatalog problems) {
        return """
                Read-only views of the ledger that ledger-service builds from the `wallet.events` topic, for the
                operator who replays streams and reconciles the ledger against the wallets (docs/runbook.md).
                Amounts are exact decimal strings. Lists are pages: `page` from 0, `size` within the limits given
                with each operation.

                ## Problem types
                Every error is `application/problem+json` (RFC 9457) with one of these `type`s; each type's URI
                explains itself without login:

                %s
                """.formatted(OpenApiProblems.table(problems));
    }
}
