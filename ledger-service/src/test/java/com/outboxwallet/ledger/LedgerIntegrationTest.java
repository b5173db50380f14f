package com.outboxwallet.ledger;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger-service most tests share (one Spring context): database {@value #DATABASE}, the topic
 * {@code wallet.events}, the service's own consumer group. Its ledger holds only what came from that topic, so a replay
 * of the topic must rebuild it exactly.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + LedgerServiceApplication.CONFIG_NAME)
abstract class LedgerIntegrationTest extends LedgerTestSupport {

    private static final String DATABASE = "ledger_test";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, DATABASE);
    }

    /** Runs an operator command as {@code java -jar ledger-service-exec.jar ...} would, against the test's servers. */
    static int runCommand(String... args) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--spring.datasource.url=" + infra.postgres().jdbcUrl(DATABASE),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers()));
        return LedgerServiceApplication.runCommand(all.toArray(String[]::new));
    }
}
