package io.newswatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.contract.kafka.TopicSpec;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.NewswatchService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker is not available here, so this checks {@code docker-compose.yml} against what the project knows: every
 * service pinned, health-checked and limited; every dependency conditional; the services' ports, topics and
 * environment variables the ones the services really use.
 */
class DockerComposeTest {

    private static final Pattern ENV_VAR = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?[-?][^}]*)?}");
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static Path project;
    private static JsonNode services;
    private static String composeText;

    @BeforeAll
    static void read() throws IOException {
        project = StackHome.locate().project();
        composeText = Files.readString(project.resolve("docker-compose.yml"));
        services = new ObjectMapper(new YAMLFactory()).readTree(composeText).path("services");
    }

    @Test
    void everyImageIsPinnedAndEveryBuildHasItsDockerfile() {
        for (Map.Entry<String, JsonNode> service : entries(services)) {
            String image = service.getValue().path("image").asText();
            assertThat(image).as(service.getKey() + " image").contains(":").doesNotEndWith(":latest");
            JsonNode build = service.getValue().path("build");
            if (!build.isMissingNode()) {
                assertThat(project.resolve(build.path("context").asText()).resolve(build.path("dockerfile").asText()))
                        .as(service.getKey() + " Dockerfile").isRegularFile();
            }
        }
    }

    @Test
    void everyLongRunningServiceIsHealthCheckedAndLimited() {
        for (Map.Entry<String, JsonNode> service : entries(services)) {
            if (service.getValue().path("restart").asText().equals("no")) {
                continue; // one-shot setup
            }
            assertThat(service.getValue().path("healthcheck").path("test").isMissingNode())
                    .as(service.getKey() + " health check").isFalse();
            assertThat(service.getValue().at("/deploy/resources/limits/memory").asText())
                    .as(service.getKey() + " memory limit").isNotBlank();
        }
    }

    @Test
    void everyDependencyWaitsForACondition() {
        for (Map.Entry<String, JsonNode> service : entries(services)) {
            for (Map.Entry<String, JsonNode> dependency : entries(service.getValue().path("depends_on"))) {
                assertThat(services.has(dependency.getKey())).as(service.getKey() + " -> " + dependency.getKey()).isTrue();
                assertThat(dependency.getValue().path("condition").asText())
                        .as(service.getKey() + " -> " + dependency.getKey())
                        .isIn("service_healthy", "service_completed_successfully");
            }
        }
    }

    @Test
    void servicesListenWhereTheLauncherAndTheirDockerfilesSay() throws IOException {
        for (NewswatchService service : NewswatchService.values()) {
            JsonNode compose = services.path(service.id());
            int port = service.defaultPort();
            assertThat(compose.path("ports").toString()).as(service.id()).contains(":" + port + "\"");
            // inside its container a service listens on every interface; the host publishes it on loopback only
            assertThat(compose.at("/environment/QUARKUS_HTTP_HOST").asText()).as(service.id()).isEqualTo("0.0.0.0");
            assertThat(compose.path("ports").get(0).asText()).as(service.id()).startsWith("127.0.0.1:");
            assertThat(compose.at("/healthcheck/test").toString()).contains("localhost:" + port + "/q/health/ready");
            String dockerfile = Files.readString(project.resolve(compose.at("/build/dockerfile").asText()));
            assertThat(dockerfile).contains("EXPOSE " + port).contains("services/" + service.id() + "/target");
        }
    }

    @Test
    void servicesReachKafkaAndElasticsearchThroughTheirComposeNames() {
        assertThat(services.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText())
                .contains("PLAINTEXT://kafka:9092");
        for (NewswatchService service : NewswatchService.values()) {
            JsonNode env = services.path(service.id()).path("environment");
            assertThat(env.path("KAFKA_BOOTSTRAP_SERVERS").asText()).as(service.id()).isEqualTo("kafka:9092");
            if (env.has("NEWSWATCH_ELASTICSEARCH_HOSTS")) {
                assertThat(env.path("NEWSWATCH_ELASTICSEARCH_HOSTS").asText()).isEqualTo("http://elasticsearch:9200");
            }
        }
    }

    @Test
    void everyVariableSetOnAServiceIsOneThatServiceReads() throws IOException {
        Set<String> shared = documentedVariables(project.resolve("README.md"));
        for (NewswatchService service : NewswatchService.values()) {
            Path serviceDir = project.resolve("services").resolve(service.id());
            Set<String> known = new HashSet<>(shared);
            known.addAll(documentedVariables(serviceDir.resolve("README.md")));
            known.addAll(referencedVariables(serviceDir.resolve("src/main/resources/application.properties")));
            for (JsonNode volume : services.path(service.id()).path("volumes")) {
                Path mounted = project.resolve(volume.asText().split(":")[0]);
                if (Files.isRegularFile(mounted)) {
                    known.addAll(referencedVariables(mounted)); // feeds.yaml expands ${NAME:default} at load
                }
            }
            Set<String> set = new TreeSet<>();
            services.path(service.id()).path("environment").fieldNames().forEachRemaining(set::add);
            assertThat(known).as(service.id() + ": variables set in docker-compose.yml but not read by the service "
                    + "(documented in its README or referenced in its application.properties)").containsAll(set);
        }
    }

    @Test
    void everyComposeVariableIsInTheEnvExampleOrHasADefault() throws IOException {
        String example = Files.readString(project.resolve(".env.example"));
        Matcher matcher = COMPOSE_VARIABLE.matcher(composeText);
        List<String> missing = new ArrayList<>();
        while (matcher.find()) {
            boolean hasDefault = matcher.group(2) != null && matcher.group(2).contains("-");
            if (!hasDefault && !example.contains("\n" + matcher.group(1) + "=")) {
                missing.add(matcher.group(1));
            }
        }
        assertThat(missing).as("variables without a default that .env.example does not set").isEmpty();
    }

    @Test
    void kafkaSetupCreatesExactlyTheContractsTopicsWithTheirRetention() throws IOException {
        String script = Files.readString(project.resolve("deploy/kafka/create-topics.sh"));
        Map<String, String> created = new TreeMap<>(); // topic -> "compacted" or its retention.ms
        for (String line : script.lines().toList()) {
            String[] words = line.replaceAll("#.*", "").trim().split("\\s+");
            if (words.length == 2 && words[0].equals("compacted")) {
                created.put(TopicNames.DEFAULT_PREFIX + words[1], "compacted");
            } else if (words.length == 3 && words[0].equals("stream")) {
                created.put(TopicNames.DEFAULT_PREFIX + words[1], words[2]);
            }
        }
        Map<String, String> expected = new TreeMap<>();
        TopicNames.DEFAULT.all().forEach(spec -> expected.put(spec.name(),
                spec.compacted() ? "compacted" : String.valueOf(spec.retentionMs())));
        assertThat(created).isEqualTo(expected);
        // The settings every stream and every compacted store gets, as the contract says.
        TopicSpec stream = TopicNames.DEFAULT.all().stream().filter(spec -> !spec.compacted()).findFirst().orElseThrow();
        TopicSpec store = TopicNames.DEFAULT.all().stream().filter(TopicSpec::compacted).findFirst().orElseThrow();
        assertThat(scriptSettings(script, "stream").replace("$2", String.valueOf(stream.retentionMs())))
                .isEqualTo(settings(stream));
        assertThat(scriptSettings(script, "compacted")).isEqualTo(settings(store));
        assertThat(services.at("/kafka-setup/environment/NEWSWATCH_TOPIC_PREFIX").asText())
                .isEqualTo(TopicNames.DEFAULT_PREFIX);
    }

    /** The settings string a function of create-topics.sh passes, with the script's constants filled in. */
    private static String scriptSettings(String script, String function) {
        Matcher body = Pattern.compile("(?s)\\n" + function + "\\(\\) \\{\\n\\s*create \"\\$1\" \"([^\"]+)\"")
                .matcher(script);
        assertThat(body.find()).as(function + "() in create-topics.sh").isTrue();
        String settings = body.group(1);
        Matcher constant = Pattern.compile("(?m)^([A-Z_]+)=(\\d+)").matcher(script);
        while (constant.find()) {
            settings = settings.replace("$" + constant.group(1), constant.group(2));
        }
        return String.join(",", java.util.Arrays.stream(settings.split(",")).sorted().toList());
    }

    private static String settings(TopicSpec spec) {
        return String.join(",", spec.configs().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .toList());
    }

    @Test
    void mountedFilesExist() {
        for (Map.Entry<String, JsonNode> service : entries(services)) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(project.resolve(source)).as(service.getKey() + " mounts " + source).exists();
                }
            }
        }
    }

    /** Environment variables in the settings tables of a README (in backquotes, upper case). */
    private static Set<String> documentedVariables(Path readme) throws IOException {
        Set<String> variables = new HashSet<>();
        if (!Files.isRegularFile(readme)) {
            return variables;
        }
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("|")) {
                Matcher matcher = ENV_VAR.matcher(line);
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            }
        }
        return variables;
    }

    /** Variables a configuration file reads explicitly ({@code ${NAME:default}}). */
    private static Set<String> referencedVariables(Path properties) throws IOException {
        Set<String> variables = new HashSet<>();
        Matcher references = PROPERTY_REFERENCE.matcher(Files.readString(properties));
        while (references.find()) {
            variables.add(references.group(1));
        }
        return variables;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        return entries;
    }
}
