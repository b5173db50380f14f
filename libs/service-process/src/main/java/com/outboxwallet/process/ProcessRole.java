package com.outboxwallet.process;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * What a service's process does, decided once, by its {@code main} from its arguments ({@link ServiceProcess}): serve
 * (the web server, the listener, the publishing loops, whatever the service runs), or run one operator command and
 * exit. Beans that belong to one role say so with {@link ConditionalOnServing} or {@link ConditionalOnCommand}; the
 * role is never an operator's setting, so that no environment variable can start a command's beans in a serving
 * process, or a relay's publishing loops beside an operator command.
 *
 * @param command the operator command the process runs; {@code null} when it serves
 */
public record ProcessRole(@Nullable String command) {

    /** Where the role travels from {@code main} to the conditions, first among the property sources. */
    static final String PROPERTY = "service.role";

    private static final String SERVE = "serve";

    public static final ProcessRole SERVING = new ProcessRole(null);

    public ProcessRole {
        if (SERVE.equals(command)) {
            throw new IllegalArgumentException("'" + SERVE + "' is the serving role, not a command");
        }
    }

    public static ProcessRole running(String command) {
        return new ProcessRole(Objects.requireNonNull(command));
    }

    /** @return the process's role; serving when none was set, e.g. in a test's application */
    public static ProcessRole of(Environment environment) {
        String value = environment.getProperty(PROPERTY, SERVE);
        return value.equals(SERVE) ? SERVING : running(value);
    }

    public boolean serves() {
        return command == null;
    }

    public boolean runs(String name) {
        return name.equals(command);
    }

    String setting() {
        return command == null ? SERVE : command;
    }

    @Override
    public String toString() {
        return command == null ? "serving" : "running the command '" + command + "'";
    }
}
