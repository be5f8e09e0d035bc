package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.NewswatchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus and Grafana cannot run here (no Docker), so their configuration is checked as files: Prometheus
 * scrapes every service where it listens, the alert rules have the shape Prometheus loads and cover what operators
 * must hear about, every dashboard panel queries the provisioned data source, and Compose mounts what they read.
 * Whether the metrics they name exist is {@link ServiceSurfaceIT}'s part.
 */
class MonitoringConfigTest {

    private static final String DATASOURCE_UID = "newswatch-prometheus";

    private static Path project;
    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        project = StackHome.locate().project();
        compose = OpsQueries.YAML.readTree(project.resolve("docker-compose.yml").toFile()).path("services");
    }

    @Test
    void prometheusScrapesEveryServiceWhereItListens() throws IOException {
        JsonNode config = OpsQueries.YAML.readTree(project.resolve("deploy/prometheus/prometheus.yml").toFile());
        Map<String, String> scraped = new TreeMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).as(job.path("job_name").asText()).isEqualTo("/q/metrics");
            for (JsonNode sd : job.path("dns_sd_configs")) {
                scraped.put(job.path("job_name").asText(), sd.path("names").get(0).asText() + ":" + sd.path("port").asInt());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (NewswatchService service : NewswatchService.values()) {
            expected.put(service.id(), service.id() + ":" + service.defaultPort());
            assertThat(compose.has(service.id())).as("a Compose service named " + service.id()).isTrue();
        }
        assertThat(scraped).isEqualTo(expected);
        assertThat(config.path("rule_files").get(0).asText()).isEqualTo("/etc/prometheus/alerts.yml");
        assertThat(compose.at("/prometheus/volumes").toString()).contains("./deploy/prometheus:/etc/prometheus:ro");
        assertThat(compose.at("/prometheus/command").toString())
                .contains("--config.file=/etc/prometheus/prometheus.yml").contains("--storage.tsdb.retention.time=");
    }

    @Test
    void alertRulesHaveTheShapePrometheusLoadsAndCoverLagDeadLettersAndServicesDown() throws IOException {
        JsonNode rules = OpsQueries.alertRules(project);
        Set<String> names = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            if (group.path("name").asText().isBlank()) {
                problems.add("a group without a name");
            }
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                if (name.isBlank() || !names.add(name)) {
                    problems.add("a rule without a name, or a name twice: " + rule);
                }
                if (rule.path("expr").asText().isBlank()) {
                    problems.add(name + ": no expr");
                }
                if (rule.has("for") && !rule.path("for").asText().matches("\\d+[smhd]")) {
                    problems.add(name + ": 'for' is not a duration: " + rule.path("for").asText());
                }
                if (!Set.of("critical", "warning").contains(rule.at("/labels/severity").asText())) {
                    problems.add(name + ": severity is neither critical nor warning");
                }
                if (rule.at("/annotations/summary").asText().isBlank()) {
                    problems.add(name + ": no summary");
                }
                rule.fieldNames().forEachRemaining(field -> {
                    if (!Set.of("alert", "expr", "for", "labels", "annotations", "keep_firing_for").contains(field)) {
                        problems.add(name + ": unknown field " + field);
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
        Map<String, String> expressions = OpsQueries.expressions(project);
        assertThat(metricsOf(expressions.get("alert NewswatchServiceDown"))).containsExactly("up");
        assertThat(metricsOf(expressions.get("alert NewswatchConsumerLagGrowing")))
                .containsOnly("kafka_consumer_fetch_manager_records_lag");
        assertThat(expressions.get("alert NewswatchConsumerLagGrowing")).contains("deriv(");
        assertThat(expressions.get("alert NewswatchDeadLetters")).contains("topic=~\".*[.]dlq\"");
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
        JsonNode datasources = OpsQueries.YAML.readTree(
                project.resolve("deploy/grafana/provisioning/datasources/prometheus.yaml").toFile()).path("datasources");
        assertThat(datasources).hasSize(1);
        assertThat(datasources.get(0).path("uid").asText()).isEqualTo(DATASOURCE_UID);
        assertThat(datasources.get(0).path("type").asText()).isEqualTo("prometheus");
        assertThat(datasources.get(0).path("url").asText()).isEqualTo("http://prometheus:9090");

        Map<String, JsonNode> dashboards = OpsQueries.dashboards(project);
        assertThat(dashboards).isNotEmpty();
        Set<String> uids = new HashSet<>();
        for (Map.Entry<String, JsonNode> dashboard : dashboards.entrySet()) {
            assertThat(uids.add(dashboard.getValue().path("uid").asText())).as(dashboard.getKey() + " uid").isTrue();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.getValue().path("panels")) {
                String title = dashboard.getKey() + ": " + panel.path("title").asText();
                assertThat(ids.add(panel.path("id").asInt())).as(title + " id").isTrue();
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertThat(panel.at("/datasource/uid").asText()).as(title).isEqualTo(DATASOURCE_UID);
                assertThat(panel.path("targets")).as(title + " targets").isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.at("/datasource/uid").asText()).as(title).isEqualTo(DATASOURCE_UID);
                    assertThat(PromQl.selectors(target.path("expr").asText())).as(title + " selects something")
                            .isNotEmpty();
                }
            }
        }
        JsonNode provider = OpsQueries.YAML.readTree(
                project.resolve("deploy/grafana/provisioning/dashboards/newswatch.yaml").toFile()).at("/providers/0");
        String mounted = compose.at("/grafana/volumes").toString();
        assertThat(mounted).contains("./deploy/grafana/dashboards:" + provider.at("/options/path").asText() + ":ro")
                .contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(compose.at("/grafana/environment/GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText())
                .startsWith(provider.at("/options/path").asText() + "/");
        assertThat(compose.at("/grafana/depends_on/prometheus/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void theDashboardShowsWhatOperatorsNeed() throws IOException {
        Set<String> metrics = new HashSet<>();
        OpsQueries.expressions(project).forEach((where, expression) -> {
            if (!where.startsWith("alert ")) {
                metrics.addAll(metricsOf(expression));
            }
        });
        assertThat(metrics).contains(
                "newswatch_poller_articles_published_total", "newswatch_enricher_articles_total",
                "newswatch_indexer_documents_total", "alerter_articles_total", // per-stage rates
                "kafka_consumer_fetch_manager_records_lag", // consumer lag
                "alerter_alert_latency_seconds", "newswatch_indexer_freshness_seconds", // fetched to alerted, searchable
                "kafka_producer_topic_record_send_total", // dead letters
                "newswatch_poller_feeds", "newswatch_poller_polls_total", // feed failures
                "alerter_rules_broken", // broken rules
                "jvm_memory_used_bytes");
    }

    private static List<String> metricsOf(String expression) {
        return PromQl.selectors(expression).stream().map(PromQl.Selector::metric).distinct().toList();
    }
}
