package com.outboxwallet.ledger.operations;

import com.outboxwallet.commands.ServiceApplication;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;

/**
 * What the ledger-service's operator commands (replay, reconcile, dead-letters) share: the service's application,
 * started without its listener, beside the live service.
 */
public final class LedgerCommands {

    /** For the tools that only read: they must not migrate the database they look at. */
    public static final Map<String, Object> READ_ONLY = Map.of("spring.flyway.enabled", "false");

    private LedgerCommands() {}

    /** @param ledger the ledger-service's application, given defaults beneath its configuration */
    public static ServiceApplication application(Function<Map<String, Object>, SpringApplication> ledger) {
        return new ServiceApplication(
                ledger,
                Map.of(
                        "spring.kafka.listener.auto-startup", "false",
                        // Topics are the service's to create; reconcile needs no broker at all.
                        "spring.kafka.admin.auto-create", "false"));
    }
}
