package com.outboxwallet.ledger.operations;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import java.io.PrintStream;

/**
 * One operator command's run: its report goes to standard output, and its exit code to the shell through
 * {@code SpringApplication.exit}. An exception is a failure reported in one line, not a stack trace.
 */
public abstract class OperatorRun implements ApplicationRunner, ExitCodeGenerator {

    public static final int OK = 0;
    /** The command ran and found something wrong: a mismatch, or a rebuild it refused to swap in. */
    public static final int FOUND_PROBLEMS = 1;
    /** The command could not do its work: bad arguments, unreachable systems, an error. Safe to rerun. */
    public static final int FAILED = 2;

    protected final PrintStream out = System.out;
    private final OperatorCommand command;
    private int exitCode = FAILED;

    protected OperatorRun(OperatorCommand command) {
        this.command = command;
    }

    @Override
    public final void run(ApplicationArguments args) {
        try {
            exitCode = execute(CommandArguments.parse(args.getSourceArgs()));
        } catch (UsageException e) {
            out.println(e.getMessage());
            exitCode = FAILED;
        } catch (RuntimeException | InterruptedException e) {
            out.println(command.command() + " failed: " + e);
            exitCode = FAILED;
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    protected abstract int execute(CommandArguments args) throws InterruptedException;

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** The operator asked for something this command does not do; the message says what it does. */
    protected static final class UsageException extends RuntimeException {

        public UsageException(String message) {
            super(message);
        }
    }
}
