package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What Grafana would find in compose, read from its provisioning files (no Grafana runs here: compose's, on a Docker
 * host, is checked by deploy/check-observability). A dashboard that names a data source Grafana does not have, or a
 * rate window computed from a scrape interval Prometheus does not use, shows nothing or the wrong thing, and no test
 * of the queries themselves would notice.
 */
class GrafanaProvisioningTest {

    private final ComposeMonitoring monitoring = new ComposeMonitoring();

    @Test
    void everyDataSourceADashboardNamesIsProvisionedWithThatType() throws IOException {
        Set<String> provisioned = dataSources().stream()
                .map(source -> text(source, "uid") + " (" + text(source, "type") + ")")
                .collect(Collectors.toSet());
        for (Map.Entry<String, JsonNode> dashboard : dashboards().entrySet()) {
            Set<String> named = dashboard.getValue().findValues("datasource").stream()
                    .filter(JsonNode::isObject)
                    .map(source -> source.path("uid").asString() + " ("
                            + source.path("type").asString() + ")")
                    .collect(Collectors.toSet());
            assertThat(named)
                    .as("data sources " + dashboard.getKey() + " names")
                    .isNotEmpty();
            assertThat(provisioned)
                    .as("the provisioned data sources, and those " + dashboard.getKey() + " names")
                    .containsAll(named);
        }
    }

    /** Grafana computes {@code $__rate_interval} from the data source's {@code timeInterval}: the scrape interval. */
    @Test
    void thePrometheusDataSourceKnowsTheScrapeInterval() throws IOException {
        Map<String, Object> prometheus = ComposeMonitoring.yaml(monitoring.prometheusConfiguration());
        @SuppressWarnings("unchecked")
        Map<String, Object> global = (Map<String, Object>) prometheus.get("global");
        assertThat(jsonData(dataSourceOfType("prometheus")).get("timeInterval"))
                .as("datasources.yml's Prometheus timeInterval")
                .isEqualTo(global.get("scrape_interval"));
    }

    /**
     * A latency panel's exemplar opens its trace in Jaeger: the destination is the provisioned Jaeger data source, and
     * the label it reads is the one the services put on their exemplars (MonitoringContractIT checks they do).
     */
    @Test
    void exemplarsLinkToTheJaegerDataSourceByTheTraceIdLabel() throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> destinations = (List<Map<String, Object>>)
                jsonData(dataSourceOfType("prometheus")).get("exemplarTraceIdDestinations");
        assertThat(destinations).isNotEmpty();
        String jaeger = text(dataSourceOfType("jaeger"), "uid");
        assertThat(destinations).allSatisfy(destination -> {
            assertThat(destination.get("datasourceUid")).isEqualTo(jaeger);
            assertThat(destination.get("name")).isEqualTo(ComposeMonitoring.EXEMPLAR_TRACE_ID_LABEL);
        });
    }

    /** Each data source's URL is a compose service, on the port that service listens on inside the network. */
    @Test
    void theDataSourcesPointAtComposeServices() throws IOException {
        Map<String, Object> compose = ComposeMonitoring.yaml(monitoring.root().resolve("docker-compose.yml"));
        @SuppressWarnings("unchecked")
        Set<String> services = ((Map<String, Object>) compose.get("services")).keySet();
        assertThat(dataSources())
                .allSatisfy(source -> assertThat(services)
                        .as(text(source, "url"))
                        .contains(text(source, "url")
                                .replaceFirst("^https?://", "")
                                .replaceFirst(":.*", "")));
        assertThat(text(dataSourceOfType("prometheus"), "url")).isEqualTo("http://prometheus:9090");
        assertThat(text(dataSourceOfType("jaeger"), "url")).isEqualTo("http://jaeger:16686");
    }

    /** Grafana keys a dashboard by its uid, and a panel within it by its id: a repeat hides one of them. */
    @Test
    void dashboardUidsAndPanelIdsAreUnique() throws IOException {
        Set<String> uids = new HashSet<>();
        for (Map.Entry<String, JsonNode> dashboard : dashboards().entrySet()) {
            assertThat(uids.add(dashboard.getValue().path("uid").asString()))
                    .as(dashboard.getKey() + "'s uid is its own")
                    .isTrue();
            List<Integer> ids = panels(dashboard.getValue())
                    .map(panel -> panel.path("id").asInt())
                    .toList();
            assertThat(ids).as(dashboard.getKey() + "'s panel ids").isNotEmpty().doesNotHaveDuplicates();
        }
    }

    // ------------------------------------------------------------------------------------------------------ files

    /** Every panel, rows' nested panels included. */
    private static Stream<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all.stream();
    }

    private Map<String, JsonNode> dashboards() throws IOException {
        Map<String, JsonNode> dashboards = monitoring.dashboards();
        assertThat(dashboards).as("dashboards in deploy/grafana/dashboards").isNotEmpty();
        return dashboards;
    }

    private List<Map<String, Object>> dataSources() throws IOException {
        return ComposeMonitoring.maps(ComposeMonitoring.yaml(
                        monitoring.root().resolve("deploy/grafana/provisioning/datasources/datasources.yml"))
                .get("datasources"));
    }

    private Map<String, Object> dataSourceOfType(String type) throws IOException {
        List<Map<String, Object>> ofType = dataSources().stream()
                .filter(source -> type.equals(source.get("type")))
                .toList();
        assertThat(ofType).as("provisioned data sources of type " + type).hasSize(1);
        return ofType.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonData(Map<String, Object> source) {
        return (Map<String, Object>) source.get("jsonData");
    }

    private static String text(Map<String, Object> map, String key) {
        return String.valueOf(map.get(key));
    }
}
