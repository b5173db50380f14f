package com.outboxwallet.process;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * An operator command that does its work in the service's own application: its options are read, and its usage
 * errors answered, before that application starts.
 */
public abstract class OperatorCommand {

    @Spec
    private CommandSpec spec;

    /**
     * Starts the service's application for this command, hands it to the work, and closes it.
     *
     * @param settings this command's own settings of the service, above anything its environment or the operator sets
     * @return the work's exit code
     */
    protected int inService(Map<String, Object> settings, CommandWork work) throws Exception {
        CommandSpec command = spec;
        while (command.parent() != null && command.parent().parent() != null) {
            command = command.parent(); // dead-letters redrive runs as dead-letters
        }
        return ((ServiceCommands) spec.root().userObject()).run(command.name(), settings, work);
    }
}
