package com.outboxwallet.local;

import static com.outboxwallet.local.PipelineHttp.aNewUser;
import static com.outboxwallet.local.PipelineHttp.post;
import static com.outboxwallet.local.PipelineHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.local.ComposeMonitoring.Expression;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The compose stack's monitoring on a real Prometheus (Debian's package, 2.42) during a short load: what Grafana's
 * dashboards and Prometheus's alerting would show, as far as a machine without Docker can run them. (Grafana and Jaeger
 * themselves run only in compose: deploy/check-observability checks them there.)
 *
 * <p>The pipeline runs on the embedded infrastructure as {@link MonitoringContractIT} runs it; Prometheus scrapes it
 * with {@code deploy/prometheus/prometheus.yml} (only the targets, the credentials' files and the intervals changed:
 * {@link ComposeMonitoring#prometheusConfigurationFor}) and loads {@code deploy/prometheus/alerts.yml} unchanged, while
 * top-ups go in over HTTP at 10 a second from ten users, every fifth of a user's a retry of its last key. Then:
 * <ul>
 *   <li>Prometheus scrapes every service with the credentials prometheus.yml sends and reads what they answer;</li>
 *   <li>every panel of every dashboard shows a number: one of its queries, as Grafana sends it, returns a series with
 *       a value that is not NaN (a panel of errors shows 0 in a healthy run, not "No data");</li>
 *   <li>every alert rule is loaded and evaluates without an error, and none is pending or firing in this healthy
 *       run.</li>
 * </ul>
 * What each panel showed is written to {@code target/dashboards-on-prometheus/panels.txt}. The build runs this test
 * where {@code /usr/bin/prometheus} exists (.ci/run installs the package and checks that it ran).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsOnPrometheusIT {

    /**
     * What the dashboards' Grafana variables stand for here. {@code $__rate_interval} is at least four scrapes in
     * Grafana (8 s at this test's 2 s scrapes); 10 s lets each rate span several scrapes of a short load.
     * {@code $__range} is the dashboard's time range, a few minutes at most in this run.
     */
    private static final Map<String, String> GRAFANA_VARIABLES =
            Map.of("$__rate_interval", "10s", "$__interval", "2s", "$__range", "5m");

    private final ComposeMonitoring monitoring = new ComposeMonitoring();
    private final Path out = monitoring.root().resolve("tools/local-stack/target/dashboards-on-prometheus");
    private final ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private LocalPipeline pipeline;
    private PrometheusServer prometheus;

    @BeforeAll
    void startThePipelinePrometheusAndALoad() throws Exception {
        pipeline = ComposeMonitoring.startPipeline("dash");
        int port = PrometheusServer.freePort();
        prometheus = PrometheusServer.start(
                monitoring.prometheusConfigurationFor(pipeline, port, out.resolve("config")), port, out);

        List<PipelineHttp.NewUser> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(aNewUser(api("/api/v1/admin/users"), "dash"));
        }
        // Each user in turn, so each sends one request a second: well inside the rate limit (100 a minute). Every
        // fifth turn of a user retries its last key (a replay) instead of using a new one.
        AtomicInteger sent = new AtomicInteger();
        Map<PipelineHttp.NewUser, String> lastKeys = new ConcurrentHashMap<>();
        load.scheduleAtFixedRate(
                () -> {
                    int n = sent.getAndIncrement();
                    PipelineHttp.NewUser user = users.get(n % users.size());
                    boolean retry = (n / users.size()) % 5 == 4;
                    String key = retry ? lastKeys.get(user) : "dash-" + UUID.randomUUID();
                    lastKeys.put(user, key);
                    try {
                        HttpResponse<String> answer = send(post(
                                api("/api/v1/topups"), user.username(), user.password(), key, "{\"amount\":\"1.00\"}"));
                        answers.computeIfAbsent(answer.statusCode(), status -> new AtomicInteger())
                                .incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        answers.computeIfAbsent(-1, status -> new AtomicInteger())
                                .incrementAndGet();
                    }
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
    }

    @AfterAll
    void stopEverything() throws Exception {
        load.shutdownNow();
        load.awaitTermination(30, TimeUnit.SECONDS);
        if (prometheus != null) {
            prometheus.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyPanelOfEveryDashboardShowsANumberDuringALoad() throws Exception {
        Map<String, List<Expression>> panels = monitoring.dashboardExpressions().stream()
                .collect(Collectors.groupingBy(Expression::source, TreeMap::new, Collectors.toList()));
        assertThat(panels).as("panels with queries in the dashboards").hasSizeGreaterThanOrEqualTo(30);

        Map<String, String> shown = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    List<String> empty = new ArrayList<>();
                    for (Map.Entry<String, List<Expression>> panel : panels.entrySet()) {
                        String value = firstNumber(panel.getValue());
                        if (value == null) {
                            empty.add(panel.getKey() + "  ["
                                    + panel.getValue().stream()
                                            .map(Expression::expr)
                                            .collect(Collectors.joining(" ;; "))
                                    + "]");
                        } else {
                            shown.put(panel.getKey(), value);
                        }
                    }
                    assertThat(empty)
                            .as("panels that would show no number in Grafana")
                            .isEmpty();
                });

        Files.createDirectories(out);
        Files.writeString(
                out.resolve("panels.txt"),
                shown.entrySet().stream()
                        .map(panel -> panel.getKey() + " = " + panel.getValue())
                        .collect(Collectors.joining("\n", "", "\n")));
        assertThat(answers.keySet())
                .as("the load's answers by status (-1: no answer): " + answers)
                .isSubsetOf(Set.of(200, 201));
    }

    @Test
    void prometheusScrapesEveryServiceWithTheCredentialsItIsConfiguredWith() throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Map<String, String> health = new TreeMap<>();
                    for (JsonNode target : prometheus.api("/api/v1/targets").get("activeTargets")) {
                        health.put(
                                target.path("labels").path("job").asString(),
                                target.path("health").asString() + " "
                                        + target.path("lastError").asString());
                    }
                    assertThat(health)
                            .containsOnlyKeys("api-service", "outbox-relay", "ledger-service", "prometheus")
                            .allSatisfy(
                                    (job, state) -> assertThat(state).as(job).isEqualTo("up "));
                });
    }

    @Test
    void everyAlertRuleEvaluatesAndNoneFiresInAHealthyRun() throws Exception {
        List<String> expected = monitoring.alertExpressions().stream()
                .map(alert -> alert.source().replaceFirst("^alerts.yml: ", ""))
                .toList();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, String> rules = new TreeMap<>();
                    for (JsonNode group :
                            prometheus.api("/api/v1/rules?type=alert").get("groups")) {
                        for (JsonNode rule : group.get("rules")) {
                            rules.put(
                                    rule.path("name").asString(),
                                    rule.path("health").asString() + " "
                                            + rule.path("state").asString() + " "
                                            + rule.path("lastError").asString("")
                                            + (rule.path("alerts").isEmpty() ? "" : " " + rule.get("alerts")));
                        }
                    }
                    assertThat(rules.keySet()).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(rules)
                            .as("each alert rule: health, state, last error")
                            .allSatisfy((alert, state) ->
                                    assertThat(state).as(alert).isEqualTo("ok inactive "));
                });
    }

    /** The first value of the panel's queries that Grafana would draw as a number, or null if none has one. */
    private String firstNumber(List<Expression> queries) throws IOException, InterruptedException {
        for (Expression query : queries) {
            for (JsonNode series : prometheus.query(asGrafanaSendsIt(query.expr()))) {
                String value = series.path("value").get(1).asString();
                if (!value.equals("NaN")) {
                    return value + " (" + query.refId() + ")";
                }
            }
        }
        return null;
    }

    private static String asGrafanaSendsIt(String expr) {
        String query = expr;
        for (Map.Entry<String, String> variable : GRAFANA_VARIABLES.entrySet()) {
            query = query.replace(variable.getKey(), variable.getValue());
        }
        assertThat(query)
                .as("a Grafana variable this test does not stand in for")
                .doesNotContain("$");
        return query;
    }

    private URI api(String path) {
        return URI.create("http://localhost:" + pipeline.apiPort() + path);
    }
}
