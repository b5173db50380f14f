package com.outboxwallet.process;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The top of a service's command line, above its operator commands: where each of them finds the service's
 * application, and the settings the operator gave for it.
 */
@Command(synopsisSubcommandLabel = "COMMAND")
final class ServiceCommands {

    private final ServiceProcess process;
    private List<String> settings = List.of();

    ServiceCommands(ServiceProcess process) {
        this.process = process;
    }

    void settings(List<String> settings) {
        this.settings = List.copyOf(settings);
    }

    int run(String command, Map<String, Object> commandSettings, CommandWork work) throws Exception {
        return process.run(command, commandSettings, settings, work);
    }
}
