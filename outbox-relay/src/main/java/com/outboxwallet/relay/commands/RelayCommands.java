package com.outboxwallet.relay.commands;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * @param application the relay's application, as its {@code main} builds it (its configuration name and all)
     * @return the process exit code: 0 on success
     */
    public static int run(SpringApplication application, String[] args) {
        application.setWebApplicationType(WebApplicationType.NONE);
        // As command-line settings, above anything the environment says: a command never runs the publishing loops.
        List<String> settings = new ArrayList<>(List.of("--relay.command=" + args[0], "--relay.run-loops=false",
                "--spring.main.banner-mode=off"));
        settings.addAll(Arrays.asList(args).subList(1, args.length));
        ConfigurableApplicationContext context = application.run(settings.toArray(String[]::new));
        return SpringApplication.exit(context);
    }
}
