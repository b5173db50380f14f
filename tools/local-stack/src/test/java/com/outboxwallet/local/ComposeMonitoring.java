package com.outboxwallet.local;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.env.MapPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose stack's monitoring as the tests meet it: the scrape jobs of {@code deploy/prometheus/prometheus.yml}, the
 * alert rules of {@code deploy/prometheus/alerts.yml}, the panel queries of the dashboards in
 * {@code deploy/grafana/dashboards}, and the pipeline started as compose runs it for Prometheus.
 */
final class ComposeMonitoring {

    /** The api-service's metrics scraper (role METRICS), provisioned from this password as compose does. */
    static final String SCRAPER_PASSWORD = "scraper-local-pass";
    /** The ledger's metrics-only account (user prometheus), from this password as compose gives LEDGER_METRICS_PASSWORD. */
    static final String LEDGER_SCRAPER = "prometheus";

    static final String LEDGER_SCRAPER_PASSWORD = "ledger-scraper-local-pass";

    /** The exemplar label that carries a trace id: what the services write and Grafana's exemplar links read. */
    static final String EXEMPLAR_TRACE_ID_LABEL = "trace_id";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One PromQL expression and where it is: {@code source} is "alerts.yml: <alert>" or "<dashboard file>: <panel
     * title>", {@code refId} the query's letter within a panel (empty for an alert).
     */
    record Expression(String source, String refId, String expr) {

        String where() {
            return refId.isEmpty() ? source : source + " " + refId;
        }
    }

    /**
     * The pipeline on the embedded infrastructure with the relay in hybrid mode, the mode that registers every relay
     * metric (the poller's and CDC's: slot lag, WAL held, poller active), and the api-service given
     * WALLET_METRICS_PASSWORD as compose gives it, so that it provisions the metrics scraper. {@code name} keeps its
     * databases and replication slot apart from other tests'.
     */
    static LocalPipeline startPipeline(String name) {
        return LocalPipeline.start(
                InfrastructureEndpoints.of(EmbeddedInfrastructure.shared(), "wallet_" + name, "ledger_" + name),
                LocalPipeline.Ports.random(),
                List.of(
                        "--relay.mode=hybrid",
                        "--relay.cdc.slot-name=" + name + "_hybrid",
                        "--relay.cdc.publication-name=" + name + "_hybrid"),
                // Each service reads its own and ignores the other's. Traces are sampled as under compose, whose
                // Jaeger takes them (the local profile samples none without an exporter): exemplars need them.
                context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "metrics-scraper",
                                Map.of(
                                        "wallet.accounts.metrics-scraper.password", SCRAPER_PASSWORD,
                                        "ledger.operator.metrics-password", LEDGER_SCRAPER_PASSWORD,
                                        "wallet.tracing.sample-only-when-exported", "false"))));
    }

    private final Path root = repositoryRoot();

    Path root() {
        return root;
    }

    Path prometheusConfiguration() {
        return root.resolve("deploy/prometheus/prometheus.yml");
    }

    Path alertRules() {
        return root.resolve("deploy/prometheus/alerts.yml");
    }

    List<Expression> alertExpressions() throws IOException {
        List<Expression> expressions = new ArrayList<>();
        for (Map<String, Object> group : maps(yaml(alertRules()).get("groups"))) {
            for (Map<String, Object> rule : maps(group.get("rules"))) {
                String name = String.valueOf(rule.getOrDefault("alert", rule.get("record")));
                expressions.add(new Expression("alerts.yml: " + name, "", String.valueOf(rule.get("expr"))));
            }
        }
        return expressions;
    }

    /** Every panel query (targets[].expr, at any depth: rows may nest panels) of every dashboard. */
    List<Expression> dashboardExpressions() throws IOException {
        List<Expression> expressions = new ArrayList<>();
        dashboards().forEach((file, dashboard) -> collectTargets(dashboard, file, expressions));
        return expressions;
    }

    /** The dashboards of deploy/grafana/dashboards by file name, in order. */
    Map<String, JsonNode> dashboards() throws IOException {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy/grafana/dashboards"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString(), JSON.readTree(Files.readString(file)));
            }
        }
        return dashboards;
    }

    private static void collectTargets(JsonNode node, String source, List<Expression> expressions) {
        if (node.isObject()) {
            String here = node.has("title")
                    ? source.replaceFirst(":.*", "") + ": " + node.get("title").asString()
                    : source;
            if (node.has("targets")) {
                for (JsonNode target : node.get("targets")) {
                    if (target.has("expr")) {
                        expressions.add(new Expression(
                                here,
                                target.path("refId").asString(""),
                                target.get("expr").asString()));
                    }
                }
            }
            node.properties().forEach(field -> collectTargets(field.getValue(), here, expressions));
        } else if (node.isArray()) {
            node.forEach(child -> collectTargets(child, source, expressions));
        }
    }

    /** prometheus.yml's scrape jobs by name, in its order. */
    Map<String, Map<String, Object>> scrapeJobs() throws IOException {
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        for (Map<String, Object> job : maps(yaml(prometheusConfiguration()).get("scrape_configs"))) {
            jobs.put(String.valueOf(job.get("job_name")), job);
        }
        return jobs;
    }

    /** The username prometheus.yml scrapes the api-service with. */
    String scraperName() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> auth =
                (Map<String, Object>) scrapeJobs().get("api-service").get("basic_auth");
        return String.valueOf(auth.get("username"));
    }

    /**
     * prometheus.yml as compose has it, changed only where a run on this machine must differ, and written into
     * {@code dir}: the targets are this pipeline's ports on localhost, over HTTP (the local profile serves no TLS); the
     * passwords are files in {@code dir}; the rules file is alerts.yml where it is; and scrapes
     * and evaluations are every 2 seconds, so that a short load fills the panels. The jobs, their metric paths and which
     * credentials each sends are the file's.
     */
    Path prometheusConfigurationFor(LocalPipeline pipeline, int prometheusPort, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> configuration = yaml(prometheusConfiguration());
        @SuppressWarnings("unchecked")
        Map<String, Object> global = (Map<String, Object>) configuration.get("global");
        global.put("scrape_interval", "2s");
        global.put("scrape_timeout", "2s");
        global.put("evaluation_interval", "2s");
        configuration.put("rule_files", List.of(alertRules().toString()));
        for (Map<String, Object> job : maps(configuration.get("scrape_configs"))) {
            String name = String.valueOf(job.get("job_name"));
            int port = switch (name) {
                case "api-service" -> pipeline.apiPort();
                case "outbox-relay" -> pipeline.relayPort();
                case "ledger-service" -> pipeline.ledgerPort();
                case "prometheus" -> prometheusPort;
                default -> throw new IllegalStateException("prometheus.yml scrapes " + name + ", unknown to this test");
            };
            job.put("static_configs", List.of(Map.of("targets", List.of("localhost:" + port))));
            job.remove("scheme");
            job.remove("tls_config");
            @SuppressWarnings("unchecked")
            Map<String, Object> auth = (Map<String, Object>) job.get("basic_auth");
            if (auth != null) {
                String password = switch (name) {
                    case "api-service" -> SCRAPER_PASSWORD;
                    case "ledger-service" -> LEDGER_SCRAPER_PASSWORD;
                    default -> throw new IllegalStateException(name + " is not expected to ask for credentials");
                };
                Path passwordFile = dir.resolve(name + "-password");
                Files.writeString(passwordFile, password);
                auth.put("password_file", passwordFile.toString());
            }
        }
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, new Yaml().dump(configuration));
        return file;
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/prometheus/alerts.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/prometheus/alerts.yml not found above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
