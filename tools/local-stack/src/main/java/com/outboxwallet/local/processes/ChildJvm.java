package com.outboxwallet.local.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A JVM this launcher started and can stop, crash, freeze and start again with the same command: one service
 * instance or the Kafka broker. Its output goes to a log file, appended across restarts.
 */
public final class ChildJvm {

    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final String name;
    private final List<String> command;
    private final Path log;
    private volatile @Nullable Process process; // null until started

    /**
     * @param name       how the launcher and the fault harness call it, e.g. {@code api-1}
     * @param jvmFlags   such as {@code -Xmx512m}
     * @param arguments  what follows the JVM flags: {@code -jar …} and the program's arguments
     */
    ChildJvm(String name, List<String> jvmFlags, List<String> arguments, Path log) {
        this(name, List.of(), jvmFlags, arguments, log);
    }

    /**
     * @param launcher what runs the JVM, such as {@code ip netns exec <namespace>}, which must replace itself with it
     *                 (exec) so that signals reach the JVM; empty to run it directly
     */
    ChildJvm(String name, List<String> launcher, List<String> jvmFlags, List<String> arguments, Path log) {
        this.name = name;
        this.log = log;
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Kafka and Redisson still use sun.misc.Unsafe
        }
        command.addAll(arguments);
        this.command = List.copyOf(command);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** Starts it, or starts it again after it stopped or was killed; the environment is this JVM's. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        return started().pid();
    }

    private Process started() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return current;
    }

    /** SIGKILL, as a crash: no shutdown hook runs, nothing is flushed. Returns once it is gone. */
    public void kill() {
        Process current = started();
        current.destroyForcibly();
        current.onExit().join();
    }

    /** Waits at most that long for it to exit (a poll interval that ends early when it dies). */
    void awaitExit(Duration atMost) {
        Process current = process;
        if (current != null) {
            current.onExit()
                    .completeOnTimeout(current, atMost.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        }
    }

    /** SIGSTOP: frozen, its connections open, as a long GC pause or a stalled VM would leave it. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGTERM, so it shuts down cleanly; SIGKILL if it has not after a minute. A stopped one is left alone. */
    public void stop() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        signal("CONT"); // a paused JVM cannot act on SIGTERM
        current.destroy();
        try {
            if (!current.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
    }

    /** The last lines of its log, for an error message. */
    public String tail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + pid() + ")" : " (not running)");
    }
}
