package com.outboxwallet.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * A Java Flight Recorder profile of another JVM, taken with {@code jcmd} for exactly the phases measured, and where its
 * CPU samples went. By component: each sample counts once, for the library or layer nearest the top of its stack (a
 * {@code HashMap} lookup inside Micrometer is Micrometer's, inside Tomcat Tomcat's), so the shares add up to 100 %.
 * By stage of a request: the share of samples inside it, whatever ran there (inclusive, so they overlap). By thread,
 * and by the package on top of the stack.
 */
final class JfrProfile {

    private static final String RECORDING = "e2e-benchmark";
    private static final int STACK_DEPTH = 512;
    /** Stages of a request, each named as the report names it, by the class prefixes that mark being inside it. */
    private static final Map<String, List<String>> STAGES = stages();
    /** Libraries and layers, by class prefix; a sample goes to the first one met from the top of its stack. */
    private static final Map<String, List<String>> COMPONENTS = components();

    private static final String JDK_ONLY = "the JDK alone (no library on the stack)";

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
        List<String> lines = new ArrayList<>(List.of(
                "Recording: `" + file + "` (`jfr print --events"
                        + " jdk.ExecutionSample` or JDK Mission Control to look further).",
                ""));
        lines.addAll(summary(file));
        return lines;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("Could not")) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    static List<String> summary(Path recording) throws IOException {
        long samples = 0;
        Map<String, Long> components = new LinkedHashMap<>();
        Map<String, Long> stages = new LinkedHashMap<>();
        STAGES.keySet().forEach(name -> stages.put(name, 0L));
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
                List<String> classes =
                        stack.getFrames().stream().map(JfrProfile::className).toList();
                for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
                    if (classes.stream().anyMatch(c -> matches(c, stage.getValue()))) {
                        stages.merge(stage.getKey(), 1L, Long::sum);
                    }
                }
                components.merge(component(classes), 1L, Long::sum);
                RecordedThread thread = event.getThread("sampledThread");
                threads.merge(threadGroup(thread == null ? null : thread.getJavaName()), 1L, Long::sum);
                self.merge(packageOf(classes.getFirst()), 1L, Long::sum);
            }
        }
        List<String> lines = new ArrayList<>(List.of(
                "CPU samples: " + samples + " (JFR `jdk.ExecutionSample`, profile settings)",
                "",
                "| component nearest the top of the stack | share of samples |",
                "|---|---:|"));
        long total = samples;
        sortedDescending(components)
                .forEach(e -> lines.add("| %s | %s |".formatted(e.getKey(), percent(e.getValue(), total))));
        lines.addAll(List.of("", "| inside this stage of a request (overlapping) | share of samples |", "|---|---:|"));
        stages.forEach((name, count) -> lines.add("| %s | %s |".formatted(name, percent(count, total))));
        lines.addAll(List.of("", "| thread | share of samples |", "|---|---:|"));
        sortedDescending(threads)
                .forEach(e -> lines.add("| %s | %s |".formatted(e.getKey(), percent(e.getValue(), total))));
        lines.addAll(List.of("", "| on top of the stack (self), by package | share of samples |", "|---|---:|"));
        sortedDescending(self).stream()
                .limit(12)
                .forEach(e -> lines.add("| `%s` | %s |".formatted(e.getKey(), percent(e.getValue(), total))));
        return lines;
    }

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        stages.put("Spring Security's filter chain", List.of("org.springframework.security.web.FilterChainProxy"));
        stages.put("Spring MVC's dispatch", List.of("org.springframework.web.servlet.DispatcherServlet"));
        stages.put("the rate limiter", List.of("com.outboxwallet.api.ratelimit."));
        stages.put("the idempotency guard", List.of("com.outboxwallet.api.idempotency."));
        stages.put("TopUpService.topUp (the transaction)", List.of("com.outboxwallet.api.topup.TopUpService"));
        return stages;
    }

    private static Map<String, List<String>> components() {
        Map<String, List<String>> components = new LinkedHashMap<>();
        components.put("password check (BCrypt)", List.of("org.springframework.security.crypto.bcrypt."));
        components.put("Jackson", List.of("tools.jackson.", "com.fasterxml.jackson."));
        components.put("Redisson and Netty (Redis)", List.of("org.redisson.", "io.netty."));
        components.put("PostgreSQL driver and Hikari", List.of("org.postgresql.", "com.zaxxer.hikari."));
        components.put("Micrometer", List.of("io.micrometer."));
        components.put("Spring Security", List.of("org.springframework.security."));
        components.put("Spring MVC and web", List.of("org.springframework.web."));
        components.put("Spring, other", List.of("org.springframework."));
        components.put("Tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
        components.put("Jakarta Servlet", List.of("jakarta."));
        components.put("logging", List.of("ch.qos.logback.", "org.slf4j."));
        components.put("this application", List.of("com.outboxwallet."));
        components.put("other libraries", List.of("com.", "org.", "io.", "tools."));
        return components;
    }

    private static String component(List<String> classes) {
        for (String name : classes) {
            for (Map.Entry<String, List<String>> component : COMPONENTS.entrySet()) {
                if (matches(name, component.getValue())) {
                    return component.getKey();
                }
            }
        }
        return JDK_ONLY;
    }

    private static boolean matches(String className, List<String> prefixes) {
        return prefixes.stream().anyMatch(className::startsWith);
    }

    private static String className(RecordedFrame frame) {
        return frame.getMethod() == null || frame.getMethod().getType() == null
                ? "?"
                : frame.getMethod().getType().getName();
    }

    private static String packageOf(String className) {
        int last = className.lastIndexOf('.');
        return last < 0 ? className : className.substring(0, last);
    }

    /** Thread names without their numbers: {@code http-nio-8080-exec-12} → {@code http-nio-8080-exec-}. */
    private static String threadGroup(@Nullable String name) {
        return name == null ? "(unnamed)" : name.replaceAll("\\d+", "#");
    }

    private static List<Map.Entry<String, Long>> sortedDescending(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .toList();
    }

    private static String percent(long count, long total) {
        return total == 0 ? "n/a" : "%.1f %%".formatted(100.0 * count / total);
    }
}
