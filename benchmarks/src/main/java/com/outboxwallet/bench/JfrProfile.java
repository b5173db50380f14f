package com.outboxwallet.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java Flight Recorder profile of another JVM, taken with {@code jcmd} for exactly the phases measured, and where its
 * CPU samples went: by the code on the sampled stack (inclusive, so a sample inside the security filter chain that is
 * also inside Jackson counts for both), by thread, and by the method on top of the stack (self time, by package).
 */
final class JfrProfile {

    private static final String RECORDING = "e2e-benchmark";
    private static final int STACK_DEPTH = 512;
    /** What a sample's stack may pass through, each named as the report names it; the first matching prefix counts. */
    private static final Map<String, List<String>> INCLUSIVE = inclusive();

    private final long pid;
    private final Path file;

    private JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** Starts a recording with the JDK's {@code profile} settings (a CPU sample every 10 ms per thread). */
    static JfrProfile start(long pid, Path file) throws IOException, InterruptedException {
        // Spring's stacks are deep: at JFR's default of 64 frames a sample loses the frames that say which filter or
        // server it ran under, and the inclusive shares come out too low. Possible until the first recording starts.
        jcmd(pid, "JFR.configure", "stackdepth=" + STACK_DEPTH);
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
        return new JfrProfile(pid, file);
    }

    /** Stops the recording, writes it to the file and sums its CPU samples up as Markdown. */
    List<String> stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + RECORDING, "filename=" + file);
        List<String> lines = new ArrayList<>(List.of("Recording: `" + file + "` (`jfr print --events"
                + " jdk.ExecutionSample` or JDK Mission Control to look further).", ""));
        lines.addAll(summary(file));
        return lines;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    static List<String> summary(Path recording) throws IOException {
        long samples = 0;
        Map<String, Long> inclusive = new LinkedHashMap<>();
        INCLUSIVE.keySet().forEach(name -> inclusive.put(name, 0L));
        Map<String, Long> threads = new LinkedHashMap<>();
        Map<String, Long> self = new LinkedHashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<String> classes = stack.getFrames().stream().map(JfrProfile::className).toList();
                for (Map.Entry<String, List<String>> part : INCLUSIVE.entrySet()) {
                    if (classes.stream().anyMatch(c -> part.getValue().stream().anyMatch(c::startsWith))) {
                        inclusive.merge(part.getKey(), 1L, Long::sum);
                    }
                }
                RecordedThread thread = event.getThread("sampledThread");
                threads.merge(threadGroup(thread == null ? null : thread.getJavaName()), 1L, Long::sum);
                self.merge(packageOf(classes.getFirst()), 1L, Long::sum);
            }
        }
        List<String> lines = new ArrayList<>(List.of(
                "CPU samples: " + samples + " (JFR `jdk.ExecutionSample`, profile settings)",
                "",
                "| the sampled stack passes through | share of samples |",
                "|---|---:|"));
        long total = samples;
        inclusive.forEach((name, count) -> lines.add("| %s | %s |".formatted(name, percent(count, total))));
        lines.addAll(List.of("", "| thread | share of samples |", "|---|---:|"));
        sortedDescending(threads).forEach(e -> lines.add("| %s | %s |".formatted(e.getKey(),
                percent(e.getValue(), total))));
        lines.addAll(List.of("", "| on top of the stack (self), by package | share of samples |", "|---|---:|"));
        sortedDescending(self).stream().limit(12).forEach(e -> lines.add("| `%s` | %s |".formatted(e.getKey(),
                percent(e.getValue(), total))));
        return lines;
    }

    private static Map<String, List<String>> inclusive() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("HTTP server (Tomcat)", List.of("org.apache.coyote.", "org.apache.tomcat."));
        parts.put("Spring Security filter chain", List.of("org.springframework.security.web.FilterChainProxy"));
        parts.put("Micrometer observation", List.of("io.micrometer.observation."));
        parts.put("Spring MVC dispatch", List.of("org.springframework.web.servlet.DispatcherServlet"));
        parts.put("rate limiter", List.of("com.outboxwallet.api.ratelimit."));
        parts.put("idempotency guard", List.of("com.outboxwallet.api.idempotency."));
        parts.put("TopUpService.topUp (the transaction)", List.of("com.outboxwallet.api.topup.TopUpService"));
        parts.put("Redisson and Netty", List.of("org.redisson.", "io.netty."));
        parts.put("PostgreSQL driver and Hikari", List.of("org.postgresql.", "com.zaxxer.hikari."));
        parts.put("Jackson", List.of("tools.jackson.", "com.fasterxml.jackson."));
        parts.put("password check (BCrypt)", List.of("org.springframework.security.crypto.bcrypt."));
        parts.put("logging", List.of("ch.qos.logback.", "org.slf4j."));
        return parts;
    }

    private static String className(RecordedFrame frame) {
        return frame.getMethod() == null || frame.getMethod().getType() == null
                ? "?" : frame.getMethod().getType().getName();
    }

    private static String packageOf(String className) {
        int last = className.lastIndexOf('.');
        return last < 0 ? className : className.substring(0, last);
    }

    /** Thread names without their numbers: {@code http-nio-8080-exec-12} → {@code http-nio-8080-exec-}. */
    private static String threadGroup(String name) {
        return name == null ? "(unnamed)" : name.replaceAll("\\d+", "#");
    }

    private static List<Map.Entry<String, Long>> sortedDescending(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .toList();
    }

    private static String percent(long count, long total) {
        return total == 0 ? "n/a" : "%.1f %%".formatted(100.0 * count / total);
    }
}
