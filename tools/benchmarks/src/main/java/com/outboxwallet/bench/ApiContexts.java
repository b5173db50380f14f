package com.outboxwallet.bench;

import com.outboxwallet.api.ApiServiceApplication;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the api-service against the benchmark's infrastructure, quietly, with the given settings on top. */
final class ApiContexts {

    private ApiContexts() {}

    static ConfigurableApplicationContext start(
            EmbeddedInfrastructure infra, String jdbcUrl, Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--wallet.redis.url=" + infra.redis().url(),
                "--wallet.accounts.bootstrap-admin.password=benchmark-admin-password",
                // The limit would measure itself; each benchmark turns on only what it measures.
                "--wallet.rate-limit.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return ApiServiceApplication.application().run(args.toArray(String[]::new));
    }
}
