package com.outboxwallet.process;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * A service's operator commands on one command line, {@code java -jar <service>-exec.jar <command> [options]}, the
 * same way in every service: {@code --help} on the service and on each command, typed options, a usage error or a
 * failure told in one line, and the exit codes below. Help and usage errors are answered before the service's
 * application starts, so neither touches a database or a broker.
 *
 * <p>The service's own settings may follow the command as {@code --name=value} with a dotted name
 * ({@code --spring.datasource.url=...}): they go to the service's application, as they would to the service. A
 * command's options never have a dot in their name.
 */
public final class OperatorCommandLine {

    public static final int OK = 0;
    /** The command ran and found something wrong, e.g. a reconcile mismatch. */
    public static final int FOUND_PROBLEMS = 1;
    /** The command could not do its work: bad arguments, a system unreachable, an error. Safe to rerun. */
    public static final int FAILED = 2;

    private static final Map<String, String> EXIT_CODES = exitCodes();
    private static final String SETTINGS = "The service's settings come from its environment, as for the service "
            + "(SPRING_DATASOURCE_URL, ...), or follow the command as --name=value with a dotted name "
            + "(--spring.datasource.url=jdbc:postgresql://db:5432/...).";

    private final ServiceCommands service;
    private final CommandLine commandLine;

    /**
     * @param process  the service whose commands these are
     * @param commands the service's operator commands: picocli commands, those that start the service
     *                 {@link OperatorCommand}s
     */
    public OperatorCommandLine(ServiceProcess process, Object... commands) {
        String name = process.name();
        service = new ServiceCommands(process);
        commandLine = new CommandLine(service);
        commandLine
                .getCommandSpec()
                .name(name)
                .usageMessage()
                .description(("The operator commands of the %s, run "
                                + "from its executable jar: java -jar %s-exec.jar COMMAND [OPTIONS]. Each runs the service's own "
                                + "application without its web server or background work, does its work, prints a summary and "
                                + "exits.")
                        .formatted(name, name));
        Arrays.stream(commands).forEach(commandLine::addSubcommand);
        // Said in the operator's terms, not as the parser's exception.
        commandLine.registerConverter(
                Instant.class,
                value -> parsed(value, Instant::parse, "an ISO-8601 instant such as 2026-11-25T06:00:00Z"));
        commandLine.registerConverter(
                UUID.class,
                value -> parsed(value, UUID::fromString, "an id such as d6b801c8-a417-407b-bbea-7ff3c4b3bbe0"));
        commandLine.setExecutionExceptionHandler(OperatorCommandLine::failed);
        everyCommand(commandLine, OperatorCommandLine::describe);
    }

    /**
     * @return whether the arguments are for the command line, naming a command or asking for help, rather than
     *         settings of the service itself
     */
    public static boolean isCommand(String... args) {
        return Arrays.stream(args)
                .filter(Predicate.not(OperatorCommandLine::isSetting))
                .findFirst()
                .filter(first -> !first.startsWith("-") || first.equals("-h") || first.equals("--help"))
                .isPresent();
    }

    /** @return the exit code: {@link #OK}, {@link #FOUND_PROBLEMS} or {@link #FAILED} */
    public int execute(String... args) {
        List<String> settings = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            (isSetting(arg) ? settings : command).add(arg);
        }
        service.settings(settings);
        return commandLine.execute(command.toArray(String[]::new));
    }

    private static <T> T parsed(String value, Function<String, T> parse, String expected) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new TypeConversionException("expected " + expected + ", not '" + value + "'");
        }
    }

    /** The command line itself, for tests of how arguments bind. */
    CommandLine commandLine() {
        return commandLine;
    }

    private static boolean isSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 0 && arg.substring(0, equals).contains(".");
    }

    private static void everyCommand(CommandLine line, Consumer<CommandSpec> action) {
        action.accept(line.getCommandSpec());
        line.getSubcommands().values().forEach(sub -> everyCommand(sub, action));
    }

    /** Help, the exit codes and where settings come from, on every command, so that each one's --help is complete. */
    private static void describe(CommandSpec command) {
        if (command.optionsMap().get("--help") == null) {
            command.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help and exit, without starting anything.")
                    .build());
        }
        command.exitCodeOnInvalidInput(FAILED).exitCodeOnExecutionException(FAILED);
        command.usageMessage()
                .descriptionHeading("%n")
                .parameterListHeading("%nArguments:%n")
                .optionListHeading("%nOptions:%n")
                .commandListHeading("%nCommands:%n")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(EXIT_CODES)
                .footerHeading("%nSettings:%n")
                .footer(SETTINGS);
    }

    /** A failure is one line on standard error, not a stack trace: the operator reads it, then reruns. */
    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        command.getErr().println(nameOf(command.getCommandSpec()) + " failed: " + message(e));
        return FAILED;
    }

    /** {@code dead-letters redrive}: the command as the operator typed it, without the service's name. */
    private static String nameOf(CommandSpec command) {
        return command.parent() == null
                ? command.name()
                : command.qualifiedName()
                        .substring(command.root().name().length())
                        .trim();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(OK), "done, nothing wrong");
        codes.put(String.valueOf(FOUND_PROBLEMS), "ran, and found a problem (the description says which)");
        codes.put(
                String.valueOf(FAILED),
                "could not do its work: a bad argument, a system unreachable, an error; safe to rerun");
        return codes;
    }
}
