package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every PromQL expression operators see: the panels of the Grafana dashboards ({@code deploy/grafana/dashboards})
 * and the Prometheus alert rules ({@code deploy/prometheus/alerts.yml}), by where they are written.
 */
final class OpsQueries {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private OpsQueries() {
    }

    /** The Prometheus alert rules file. */
    static JsonNode alertRules(Path project) throws IOException {
        return YAML.readTree(project.resolve("deploy/prometheus/alerts.yml").toFile());
    }

    /** Every dashboard JSON under deploy/grafana/dashboards, by file name. */
    static Map<String, JsonNode> dashboards(Path project) throws IOException {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(project.resolve("deploy/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    /** Every expression, keyed by "alert NAME" or "FILE: panel TITLE (refId)". */
    static Map<String, String> expressions(Path project) throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode group : alertRules(project).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? "alert " + rule.path("alert").asText()
                        : "record " + rule.path("record").asText();
                expressions.put(name, rule.path("expr").asText());
            }
        }
        for (Map.Entry<String, JsonNode> dashboard : dashboards(project).entrySet()) {
            for (JsonNode panel : dashboard.getValue().path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    expressions.put(dashboard.getKey() + ": panel " + panel.path("title").asText() + " ("
                            + target.path("refId").asText() + ")", target.path("expr").asText());
                }
            }
        }
        return expressions;
    }
}
