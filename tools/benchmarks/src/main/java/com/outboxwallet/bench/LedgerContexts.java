package com.outboxwallet.bench;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import com.outboxwallet.ledger.LedgerServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the ledger-service, or runs one of its operator commands, against the benchmark's infrastructure, quietly.
 * Both get the same connection settings, as an operator's command gets the service's own.
 */
final class LedgerContexts {

    private LedgerContexts() {}

    static ConfigurableApplicationContext start(EmbeddedInfrastructure infra, String jdbcUrl, String topic) {
        List<String> args = new ArrayList<>(connection(infra, jdbcUrl, topic));
        args.addAll(List.of(
                "--server.port=0",
                "--ledger.operator.username=bench-operator",
                "--ledger.operator.password=benchmark-operator-password",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        return LedgerServiceApplication.application().run(args.toArray(String[]::new));
    }

    /** @return the command's exit code: 0 success */
    static int runCommand(EmbeddedInfrastructure infra, String jdbcUrl, String topic, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(connection(infra, jdbcUrl, topic));
        return LedgerServiceApplication.runCommand(args.toArray(String[]::new));
    }

    private static List<String> connection(EmbeddedInfrastructure infra, String jdbcUrl, String topic) {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
                "--ledger.topic=" + topic);
    }
}
