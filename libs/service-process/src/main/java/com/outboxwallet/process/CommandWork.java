package com.outboxwallet.process;

import org.springframework.context.ApplicationContext;

/** What an operator command does in the service's application, once it has started. */
@FunctionalInterface
public interface CommandWork {

    /** @return the exit code: {@link OperatorCommandLine#OK} or {@link OperatorCommandLine#FOUND_PROBLEMS} */
    int run(ApplicationContext service) throws Exception;
}
