package com.outboxwallet.relay.commands;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** The exit code of an operator command, read by {@link RelayCommands} when the command's run ends. */
@Component
class RelayCommandResult implements ExitCodeGenerator {

    private volatile int exitCode = 1;

    void exitWith(int code) {
        this.exitCode = code;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
