package com.outboxwallet.relay.commands;

import com.outboxwallet.relay.OutboxRelayApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Operator commands run from the relay's own jar with its own configuration, but without a web server and without
 * the publishing loops: {@code java -jar outbox-relay.jar republish ...}.
 */
public final class RelayCommands {

    private static final Set<String> COMMANDS = Set.of("republish");

    private RelayCommands() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** @return the process exit code: 0 on success */
    public static int run(String[] args) {
        SpringApplication application = OutboxRelayApplication.application();
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(
                "spring.config.name", OutboxRelayApplication.CONFIG_NAME,
                "relay.command", args[0],
                "relay.run-loops", "false",
                "spring.main.banner-mode", "off"));
        ConfigurableApplicationContext context = application.run(Arrays.copyOfRange(args, 1, args.length));
        return SpringApplication.exit(context);
    }
}
