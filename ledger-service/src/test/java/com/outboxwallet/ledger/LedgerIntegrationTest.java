package com.outboxwallet.ledger;

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
        return runCommandOn(DATABASE, args);
    }
}
