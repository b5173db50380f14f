package com.outboxwallet.api.web;

import com.outboxwallet.api.idempotency.IdempotencyProperties;
import com.outboxwallet.api.ratelimit.RateLimitProperties;
import com.outboxwallet.api.wallet.WalletProperties;
import com.outboxwallet.problems.OpenApiProblems;
import com.outboxwallet.problems.ProblemCatalog;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html). Problem types, limits and the idempotency
 * policy are written from the running configuration and the {@link ProblemCatalog}, so the document cannot drift
 * from what the service does.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI walletApi(
            IdempotencyProperties idempotency,
            RateLimitProperties rateLimit,
            WalletProperties wallet,
            ProblemCatalog problems) {
        return new OpenAPI()
                .info(new Info()
                        .title("Outbox wallet API")
                        .version("v1")
                        .description(description(idempotency, rateLimit, wallet, problems)))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSchemas(OpenApiProblems.SCHEMA, OpenApiProblems.schema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                // Relative: the document is right wherever it is served from, not only on the host that served it.
                .servers(List.of(new Server().url("/").description("the host serving this document")));
    }

    /**
     * Every API answer reports where its caller stands against the rate limit: the success responses and the 429s
     * (their problem types come from each operation's {@code @ProblemResponses}).
     */
    @Bean
    OpenApiCustomizer rateLimitHeaders() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperations()
                        .forEach(operation -> operation.getResponses().forEach((status, response) -> {
                            if (status.startsWith("2") || status.equals("429")) {
                                response.addHeaderObject("RateLimit", rateLimitHeader());
                                response.addHeaderObject("RateLimit-Policy", rateLimitPolicyHeader());
                            }
                        }));
            }
        });
    }

    private static Header rateLimitHeader() {
        return new Header()
                .description("IETF RateLimit field: the remaining quota, e.g. \"per-user\";r=42")
                .schema(new StringSchema());
    }

    private static Header rateLimitPolicyHeader() {
        return new Header()
                .description("IETF RateLimit-Policy field: quota and window, e.g. \"per-user\";q=100;w=60")
                .schema(new StringSchema());
    }

    private static String description(
            IdempotencyProperties idempotency,
            RateLimitProperties rateLimit,
            WalletProperties wallet,
            ProblemCatalog problems) {
        return """
                Top up your own wallet and read it. Amounts are exact decimal strings ("150000.00"), in %s.

                ## Idempotency
                `POST /api/v1/topups` requires an `Idempotency-Key` header: 1 to 255 printable ASCII characters,
                unique per request you mean to make once (a UUID is ideal). Its scope is you + the top-up operation +
                key: the web page's form and this API share it.
                - A retry with the same key and the same body gets the first response again, byte for byte, with
                  `Idempotent-Replayed: true`.
                - The same key with a different body: 422 `/problems/idempotency-key-reused`.
                - The same key while the first request is still running: 409 `/problems/request-in-flight` with
                  `Retry-After`; retry the same request.
                - **Key expiry.** The first response is kept for replay for %s. After that, the key is still
                  bound to its top-up forever: a retry returns the original top-up (rebuilt from the database,
                  same id, amount and balance) and never credits twice, and another body under it is still a 422.
                - If the cache is unavailable, requests still run; the database alone keeps a key to one top-up.

                ## Limits
                One top-up is at most %s; a balance is at most %s (422 `/problems/balance-ceiling-exceeded`).
                Each user may make %d requests per %d s (429 `/problems/rate-limited` with `Retry-After`, and
                the IETF `RateLimit` / `RateLimit-Policy` fields on every answer). Bodies over the size limit get 413.

                ## Problem types
                Every error is `application/problem+json` (RFC 9457) with one of these `type`s:

                %s
                """.formatted(
                        wallet.currency(),
                        idempotency.responseTtl(),
                        wallet.limits().maxTopUp().toPlainString(),
                        wallet.limits().balanceCeiling().toPlainString(),
                        rateLimit.requests(),
                        rateLimit.window().toSeconds(),
                        OpenApiProblems.table(problems));
    }
}
