package com.outboxwallet.local;

import static com.outboxwallet.local.ComposeMonitoring.LEDGER_SCRAPER;
import static com.outboxwallet.local.ComposeMonitoring.LEDGER_SCRAPER_PASSWORD;
import static com.outboxwallet.local.ComposeMonitoring.SCRAPER_PASSWORD;
import static com.outboxwallet.local.PipelineHttp.aNewUser;
import static com.outboxwallet.local.PipelineHttp.authorized;
import static com.outboxwallet.local.PipelineHttp.post;
import static com.outboxwallet.local.PipelineHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * No alert rule and no dashboard panel is silently empty: every metric that an expression in
 * {@code deploy/prometheus/alerts.yml} or in a dashboard of {@code deploy/grafana/dashboards} names is exposed by the
 * services, as Prometheus scrapes them ({@code deploy/prometheus/prometheus.yml}).
 *
 * <p>The pipeline runs on the embedded infrastructure with the relay in hybrid mode, the mode that registers every
 * relay metric (the poller's and CDC's: slot lag, WAL held, poller active). After one top-up over HTTP has been
 * applied by the ledger, each service's {@code /actuator/prometheus} is scraped with the credentials prometheus.yml
 * uses (the api-service's metrics scraper, the ledger's operator, none for the relay) and in the format Prometheus asks for
 * (OpenMetrics). Then:
 * <ul>
 *   <li>every metric name in every expression must be among the scraped names: of the service its {@code job}
 *       matcher names, or of any service when the expression has none;</li>
 *   <li>an equality matcher ({@code outcome="duplicate"}, {@code uri="/api/v1/topups"}) claims that such a series
 *       exists once a top-up went through, so a scraped series of that metric must carry all of the expression's
 *       equality matchers at once ({@code job} and {@code instance} are Prometheus's target labels and are not in a
 *       scrape). A series that appears only once something went wrong (a 429, a 5xx) is selected with a regular
 *       expression matcher ({@code status=~"429"}), which is not checked.</li>
 * </ul>
 * {@code up} is the one series Prometheus records itself. What each service exposed is written to
 * {@code target/monitoring-contract/<service>.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringContractIT {

    /** Series Prometheus records for each target itself; no service exposes them. */
    private static final Set<String> RECORDED_BY_PROMETHEUS = Set.of("up");
    /** Prometheus's target labels: added at scrape time, never in a service's answer. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");
    /** What Prometheus 3 asks for first. */
    private static final String OPENMETRICS =
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5";

    private final ComposeMonitoring monitoring = new ComposeMonitoring();
    private LocalPipeline pipeline;

    @BeforeAll
    void startThePipelineAndTopUpOnce() throws Exception {
        pipeline = ComposeMonitoring.startPipeline("mon");

        PipelineHttp.NewUser user = aNewUser(api("/api/v1/admin/users"), "mon");
        HttpResponse<String> topUp = send(post(
                api("/api/v1/topups"),
                user.username(),
                user.password(),
                "mon-" + UUID.randomUUID(),
                "{\"amount\":\"150.00\"}"));
        assertThat(topUp.statusCode()).as(topUp.body()).isEqualTo(201);

        // Through the relay and Kafka into the ledger, as the ledger's own counter tells Prometheus.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                scrape(Job.LEDGER).value("ledger_events_total", Map.of("outcome", "applied")))
                        .as("ledger_events_total{outcome=\"applied\"}")
                        .isGreaterThanOrEqualTo(1.0));
    }

    @AfterAll
    void stopThePipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyMetricTheAlertRulesAndTheDashboardsUseIsExposed() throws Exception {
        List<ComposeMonitoring.Expression> alerts = monitoring.alertExpressions();
        List<ComposeMonitoring.Expression> panels = monitoring.dashboardExpressions();
        assertThat(alerts).as("alert rules in alerts.yml").hasSizeGreaterThanOrEqualTo(7);
        assertThat(panels).as("panel queries in the dashboards").hasSizeGreaterThanOrEqualTo(30);

        List<Use> uses = new ArrayList<>();
        for (ComposeMonitoring.Expression expression :
                Stream.concat(alerts.stream(), panels.stream()).toList()) {
            List<PromQl.Selector> selectors = PromQl.selectors(expression.expr());
            assertThat(selectors)
                    .as(expression.where() + " selects no metric: " + expression.expr())
                    .isNotEmpty();
            selectors.forEach(selector -> uses.add(new Use(expression.where(), expression.expr(), selector)));
        }

        // Some series appear a moment after the top-up (a GC pause, a Kafka client metric): wait for them, no longer.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<Job, Scrape> scrapes = scrapeAll();
                    List<String> problems = uses.stream()
                            .map(use -> use.problem(scrapes))
                            .filter(p -> p != null)
                            .distinct()
                            .toList();
                    assertThat(problems)
                            .as("metrics the alert rules and dashboards use but the services do not expose "
                                    + "(what they expose: tools/local-stack/target/monitoring-contract/)")
                            .isEmpty();
                });

        Set<String> names = new TreeSet<>();
        uses.forEach(use -> names.add(use.selector().name()));
        System.out.println("Metrics used by the alert rules and dashboards, all exposed: " + names);
    }

    /** prometheus.yml scrapes each service the way the service requires: credentials where it asks for them. */
    @Test
    void theScrapeConfigurationAsksEachServiceTheWayItRequires() throws Exception {
        Map<String, Map<String, Object>> jobs = monitoring.scrapeJobs();
        assertThat(jobs).containsKeys("api-service", "outbox-relay", "ledger-service");
        for (Job job : Job.values()) {
            Map<String, Object> config = jobs.get(job.name);
            assertThat(config.get("metrics_path")).as(job.name).isEqualTo("/actuator/prometheus");
            HttpResponse<String> anonymous = send(HttpRequest.newBuilder(job.metricsUrl(pipeline))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build());
            if (job.credentials) {
                assertThat(anonymous.statusCode())
                        .as(job.name + " without credentials")
                        .isEqualTo(401);
                assertThat(config).as(job.name + " in prometheus.yml").containsKey("basic_auth");
                @SuppressWarnings("unchecked")
                Map<String, Object> auth = (Map<String, Object>) config.get("basic_auth");
                assertThat(auth)
                        .as(job.name + "'s password comes from a file")
                        .containsKey("password_file")
                        .doesNotContainKey("password");
            } else {
                assertThat(anonymous.statusCode())
                        .as(job.name + " without credentials")
                        .isEqualTo(200);
                assertThat(config).as(job.name + " in prometheus.yml").doesNotContainKey("basic_auth");
            }
        }
        assertThat(monitoring.scraperName())
                .as("prometheus.yml scrapes the api-service as the metrics scraper the api-service provisions")
                .isEqualTo(new YamlPropertySourceLoader()
                        .load("api-service", new ClassPathResource("api-service.yml"))
                        .getFirst()
                        .getProperty("wallet.accounts.metrics-scraper.username"));
    }

    /**
     * Grafana's Prometheus data source links exemplars to Jaeger by their {@code trace_id}: the top-up latency
     * histogram carries them in the OpenMetrics answer Prometheus gets.
     */
    @Test
    void theTopUpLatencyBucketsCarryTraceIdExemplars() throws Exception {
        String body = send(get(Job.API.metricsUrl(pipeline), monitoring.scraperName(), SCRAPER_PASSWORD, OPENMETRICS))
                .body();
        assertThat(body.lines()
                        .filter(line -> line.startsWith("wallet_topups_seconds_bucket{"))
                        .filter(line -> line.contains("outcome=\"accepted\""))
                        .anyMatch(line -> line.contains("# {")
                                && line.contains(ComposeMonitoring.EXEMPLAR_TRACE_ID_LABEL + "=\"")))
                .as("a wallet_topups_seconds_bucket{outcome=\"accepted\"} line with a trace_id exemplar")
                .isTrue();
    }

    /**
     * Exemplars only where OpenMetrics 1.0 allows them, on histogram buckets and counters: a Prometheus before 2.43
     * (Debian 12's) rejects the whole scrape for one anywhere else ("metric name ..._count does not support
     * exemplars"), and the service shows as down.
     */
    @Test
    void exemplarsAreOnlyWhereOpenMetricsAllowsThem() throws Exception {
        for (Job job : Job.values()) {
            assertThat(openMetrics(job)
                            .lines()
                            .filter(line -> line.contains(" # {"))
                            .filter(line -> {
                                String name = line.replaceFirst("[{ ].*", "");
                                return !name.endsWith("_bucket") && !name.endsWith("_total");
                            }))
                    .as(job.name + ": lines with an exemplar that are neither a bucket nor a counter")
                    .isEmpty();
        }
    }

    // ------------------------------------------------------------------------------------------ what is monitored

    /** One selector of one expression: where it is, and whether the scrapes have it. */
    private record Use(String where, String expr, PromQl.Selector selector) {

        String problem(Map<Job, Scrape> scrapes) {
            String name = selector.name();
            String jobName = selector.equalities().get("job");
            if (jobName != null && Job.named(jobName) == null) {
                return where + ": job=\"" + jobName + "\" is none of the services' jobs";
            }
            if (RECORDED_BY_PROMETHEUS.contains(name)) {
                return null;
            }
            List<Scrape> candidates =
                    jobName != null ? List.of(scrapes.get(Job.named(jobName))) : List.copyOf(scrapes.values());
            if (candidates.stream().noneMatch(scrape -> scrape.names().contains(name))) {
                return where + ": " + name + " is not exposed" + (jobName == null ? "" : " by " + jobName) + "  ["
                        + expr.strip() + "]";
            }
            Map<String, String> labels = new LinkedHashMap<>(selector.equalities());
            TARGET_LABELS.forEach(labels::remove);
            if (!labels.isEmpty() && candidates.stream().noneMatch(scrape -> scrape.has(name, labels))) {
                return where + ": no series " + name + labels + (jobName == null ? "" : " from " + jobName) + "  ["
                        + expr.strip() + "]";
            }
            return null;
        }
    }

    // --------------------------------------------------------------------------------------------------- scraping

    /** The three services as prometheus.yml names them, and whether their metrics need credentials. */
    private enum Job {
        API("api-service", true),
        RELAY("outbox-relay", false),
        LEDGER("ledger-service", true);

        final String name;
        final boolean credentials;

        Job(String name, boolean credentials) {
            this.name = name;
            this.credentials = credentials;
        }

        static Job named(String name) {
            return Stream.of(values())
                    .filter(job -> job.name.equals(name))
                    .findFirst()
                    .orElse(null);
        }

        URI metricsUrl(LocalPipeline pipeline) {
            int port = switch (this) {
                case API -> pipeline.apiPort();
                case RELAY -> pipeline.relayPort();
                case LEDGER -> pipeline.ledgerPort();
            };
            return URI.create("http://localhost:" + port + "/actuator/prometheus");
        }
    }

    private Map<Job, Scrape> scrapeAll() throws IOException, InterruptedException {
        Map<Job, Scrape> scrapes = new LinkedHashMap<>();
        Path out = monitoring.root().resolve("tools/local-stack/target/monitoring-contract");
        Files.createDirectories(out);
        for (Job job : Job.values()) {
            Scrape scrape = scrape(job);
            scrapes.put(job, scrape);
            Files.writeString(out.resolve(job.name + ".txt"), String.join("\n", new TreeSet<>(scrape.names())) + "\n");
        }
        return scrapes;
    }

    private Scrape scrape(Job job) throws IOException, InterruptedException {
        return Scrape.parse(openMetrics(job));
    }

    /** What the service answers Prometheus, in OpenMetrics. */
    private String openMetrics(Job job) throws IOException, InterruptedException {
        HttpRequest request = switch (job) {
            case API -> get(job.metricsUrl(pipeline), monitoring.scraperName(), SCRAPER_PASSWORD, OPENMETRICS);
            case LEDGER -> get(job.metricsUrl(pipeline), LEDGER_SCRAPER, LEDGER_SCRAPER_PASSWORD, OPENMETRICS);
            case RELAY ->
                HttpRequest.newBuilder(job.metricsUrl(pipeline))
                        .timeout(Duration.ofSeconds(30))
                        .header("Accept", OPENMETRICS)
                        .GET()
                        .build();
        };
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(job.name + " /actuator/prometheus").isEqualTo(200);
        return response.body();
    }

    /** The samples of one answer in the Prometheus text or OpenMetrics format. */
    record Scrape(List<Sample> samples) {

        record Sample(String name, Map<String, String> labels, double value) {}

        static Scrape parse(String body) {
            List<Sample> samples = new ArrayList<>();
            body.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> {
                        int i = 0;
                        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
                            i++;
                        }
                        String name = line.substring(0, i);
                        Map<String, String> labels = new LinkedHashMap<>();
                        if (i < line.length() && line.charAt(i) == '{') {
                            i = labels(line, i + 1, labels);
                        }
                        String[] rest = line.substring(i).strip().split("\\s+");
                        samples.add(new Sample(name, labels, number(rest[0])));
                    });
            return new Scrape(samples);
        }

        private static double number(String text) {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }

        /** Reads {@code name="value",...}} from {@code from}; returns the index after the closing brace. */
        private static int labels(String line, int from, Map<String, String> labels) {
            int i = from;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq).strip();
                StringBuilder value = new StringBuilder();
                int j = line.indexOf('"', eq) + 1;
                while (line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\') {
                        j++;
                        char escaped = line.charAt(j);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(line.charAt(j));
                    }
                    j++;
                }
                labels.put(label, value.toString());
                i = j + 1;
                while (line.charAt(i) == ',' || line.charAt(i) == ' ') {
                    i++;
                }
            }
            return i + 1;
        }

        Set<String> names() {
            Set<String> names = new TreeSet<>();
            samples.forEach(sample -> names.add(sample.name()));
            return names;
        }

        boolean has(String name, Map<String, String> labels) {
            return samples.stream()
                    .anyMatch(
                            s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()));
        }

        double value(String name, Map<String, String> labels) {
            return samples.stream()
                    .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                    .mapToDouble(Sample::value)
                    .sum();
        }
    }

    // ---------------------------------------------------------------------------------------------------- PromQL

    /**
     * Just enough of PromQL to find the metrics an expression selects. String literals, range and subquery brackets
     * ({@code [5m]}, {@code [$__rate_interval]}), numbers and Grafana variables are skipped; an identifier followed by
     * {@code (}, or by {@code by}/{@code without}, is a function or aggregation; {@code by}, {@code without},
     * {@code on}, {@code ignoring}, {@code group_left} and {@code group_right} are followed by label names; the binary
     * operators' and modifiers' words are keywords. Every other identifier is a metric name, with the label matchers
     * in the braces after it, if any.
     */
    static final class PromQl {

        record Selector(String name, Map<String, String> equalities) {}

        private static final Set<String> LABEL_LISTS =
                Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
        private static final Set<String> KEYWORDS =
                Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan", "start", "end");
        private static final Pattern MATCHER = Pattern.compile(
                "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`)"
                        + "\\s*(,|$)");

        private record Token(String kind, String text) {}

        static List<Selector> selectors(String expr) {
            List<Token> tokens = tokens(expr);
            List<Selector> selectors = new ArrayList<>();
            for (int k = 0; k < tokens.size(); k++) {
                Token token = tokens.get(k);
                if (token.kind().equals("{")) {
                    throw new IllegalArgumentException("a selector without a metric name: " + expr);
                }
                if (!token.kind().equals("ident")) {
                    continue;
                }
                String word = token.text();
                Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : new Token("end", "");
                if (LABEL_LISTS.contains(word)) {
                    if (next.kind().equals("(")) { // skip the label names up to the closing parenthesis
                        k++;
                        while (k < tokens.size() && !tokens.get(k).kind().equals(")")) {
                            k++;
                        }
                    }
                } else if (next.kind().equals("(")
                        || next.kind().equals("ident")
                                && Set.of("by", "without").contains(next.text())) {
                    continue; // a function or an aggregation
                } else if (!KEYWORDS.contains(word.toLowerCase())) {
                    Map<String, String> equalities = new LinkedHashMap<>();
                    if (next.kind().equals("{")) {
                        equalities = equalities(next.text(), expr);
                        k++;
                    }
                    selectors.add(new Selector(word, equalities));
                }
            }
            return selectors;
        }

        private static List<Token> tokens(String expr) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < expr.length()) {
                char c = expr.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"' || c == '\'' || c == '`') {
                    i = endOfString(expr, i);
                    tokens.add(new Token("string", ""));
                } else if (c == '{') {
                    int end = closing(expr, i, '{', '}');
                    tokens.add(new Token("{", expr.substring(i + 1, end)));
                    i = end + 1;
                } else if (c == '[') {
                    i = closing(expr, i, '[', ']') + 1;
                } else if (c == '$') { // a Grafana variable: $name or ${name}
                    i++;
                    if (i < expr.length() && expr.charAt(i) == '{') {
                        i = closing(expr, i, '{', '}') + 1;
                    }
                    while (i < expr.length() && isWordPart(expr.charAt(i))) {
                        i++;
                    }
                } else if (Character.isDigit(c)
                        || c == '.'
                                && i + 1 < expr.length()
                                && Character.isDigit(expr.charAt(i + 1))) { // a number or a duration: 0.99, 1e3, 5m
                    while (i < expr.length()
                            && (isWordPart(expr.charAt(i))
                                    || expr.charAt(i) == '.'
                                    || (expr.charAt(i) == '+' || expr.charAt(i) == '-')
                                            && Character.toLowerCase(expr.charAt(i - 1)) == 'e')) {
                        i++;
                    }
                } else if (Character.isLetter(c) || c == '_' || c == ':') {
                    int start = i;
                    while (i < expr.length() && (isWordPart(expr.charAt(i)) || expr.charAt(i) == ':')) {
                        i++;
                    }
                    tokens.add(new Token("ident", expr.substring(start, i)));
                } else {
                    tokens.add(new Token(String.valueOf(c), String.valueOf(c)));
                    i++;
                }
            }
            return tokens;
        }

        private static boolean isWordPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }

        private static int endOfString(String expr, int start) {
            char quote = expr.charAt(start);
            int i = start + 1;
            while (expr.charAt(i) != quote) {
                i += expr.charAt(i) == '\\' && quote != '`' ? 2 : 1;
            }
            return i + 1;
        }

        /** The index of the bracket closing the one at {@code start}, skipping string literals. */
        private static int closing(String expr, int start, char open, char close) {
            int depth = 0;
            int i = start;
            while (true) {
                char c = expr.charAt(i);
                if (c == '"' || c == '\'' || c == '`') {
                    i = endOfString(expr, i);
                    continue;
                }
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return i;
                }
                i++;
            }
        }

        /** The equality matchers ({@code label="value"}) among the label matchers; values with variables left out. */
        private static Map<String, String> equalities(String matchers, String expr) {
            Map<String, String> equalities = new LinkedHashMap<>();
            Matcher m = MATCHER.matcher(matchers);
            int at = 0;
            while (at < matchers.length() && !matchers.substring(at).isBlank()) {
                if (!m.find(at) || m.start() != at) {
                    throw new IllegalArgumentException("unreadable label matchers {" + matchers + "} in " + expr);
                }
                String literal = m.group(3);
                String value = literal.substring(1, literal.length() - 1).replaceAll("\\\\(.)", "$1");
                if (m.group(2).equals("=") && !value.contains("$")) {
                    equalities.put(m.group(1), value);
                }
                at = m.end();
            }
            return equalities;
        }
    }

    @Test
    void thePromQlReaderFindsTheMetricsAndNothingElse() {
        assertThat(
                        PromQl.selectors(
                                "histogram_quantile(0.99, sum by (le, outcome) "
                                        + "(rate(wallet_topups_seconds_bucket{outcome=\"accepted\", job=~\"a|b\"}[$__rate_interval])))"))
                .containsExactly(new PromQl.Selector("wallet_topups_seconds_bucket", Map.of("outcome", "accepted")));
        assertThat(PromQl.selectors("sum(rate(a_total{uri=\"/x/{id}\"}[5m])) by (job) / ignoring(le) "
                        + "max(b) > bool 1e3 * 64 unless c offset 5m"))
                .extracting(PromQl.Selector::name)
                .containsExactly("a_total", "b", "c");
        assertThat(PromQl.selectors("sum(increase(x_total[$__range])) > 0 and on (job) up{job=\"api-service\"} == 1"))
                .containsExactly(
                        new PromQl.Selector("x_total", Map.of()),
                        new PromQl.Selector("up", Map.of("job", "api-service")));
    }

    // ------------------------------------------------------------------------------------------------------ util

    private URI api(String path) {
        return URI.create("http://localhost:" + pipeline.apiPort() + path);
    }

    private static HttpRequest get(URI uri, String user, String password, String accept) {
        return authorized(uri, user, password).header("Accept", accept).GET().build();
    }
}
