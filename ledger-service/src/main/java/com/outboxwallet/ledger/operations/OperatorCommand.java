package com.outboxwallet.ledger.operations;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commands an operator runs from the service's own jar ({@code java -jar ledger-service-exec.jar replay ...}).
 * Each runs the same application without a web server and without the listener, does its work, and exits.
 */
public enum OperatorCommand {

    /** Its datasource and Flyway work in the rebuild schema; it reaches the live tables only by qualified name. */
    REPLAY("replay", Map.of(
            "spring.datasource.hikari.schema", RebuildSchema.NAME,
            "spring.flyway.schemas", RebuildSchema.NAME,
            "spring.flyway.default-schema", RebuildSchema.NAME)),
    /** Read-only tools: they must not migrate the database they look at. */
    RECONCILE("reconcile", Map.of("spring.flyway.enabled", "false")),
    DEAD_LETTERS("dead-letters", Map.of("spring.flyway.enabled", "false"));

    /** Set for every command, so each command's runner knows it is the one to run. */
    public static final String PROPERTY = "ledger.operation";

    private final String command;
    private final Map<String, Object> settings;

    OperatorCommand(String command, Map<String, Object> settings) {
        this.command = command;
        this.settings = settings;
    }

    /** @return the command the first argument names, if it names one */
    public static Optional<OperatorCommand> named(String... args) {
        return args.length == 0 ? Optional.empty()
                : Arrays.stream(values()).filter(c -> c.command.equals(args[0])).findFirst();
    }

    public String command() {
        return command;
    }

    /** Settings of this command's run, beneath anything the operator sets. */
    public Map<String, Object> settings() {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(PROPERTY, command);
        all.put("spring.main.web-application-type", "none");
        all.put("spring.main.banner-mode", "off");
        all.put("spring.kafka.listener.auto-startup", "false");
        // Topics are the service's to create; reconcile needs no broker at all.
        all.put("spring.kafka.admin.auto-create", "false");
        // The command's own output is the report; the framework's INFO lines would bury it.
        all.put("logging.level.root", "WARN");
        return all;
    }
}
