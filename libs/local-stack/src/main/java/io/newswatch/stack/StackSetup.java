package io.newswatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.contract.kafka.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates newswatch's topics and installs its index templates, idempotently: what exists is left as it is.
 */
public final class StackSetup {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String bootstrapServers;
    private final String elasticsearchUrl;
    private final int partitions;

    public StackSetup(String bootstrapServers, String elasticsearchUrl, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.elasticsearchUrl = elasticsearchUrl;
        this.partitions = partitions;
    }

    /**
     * Creates every topic of {@code names} that does not exist yet, with its settings ({@link TopicSpec#configs()}:
     * cleanup policy, retention), and sets those settings again on every topic, so that topics created before a
     * retention changed (or by an older newswatch, with none) get the current ones.
     */
    public void createTopics(TopicNames names) {
        List<NewTopic> topics = names.all().stream().map(this::newTopic).toList();
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            // Set on every topic, new or not: a topic another process created meanwhile gets its settings too.
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
            for (TopicSpec spec : names.all()) {
                settings.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()),
                        spec.configs().entrySet().stream().map(c -> new AlterConfigOp(
                                new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList());
            }
            admin.incrementalAlterConfigs(settings).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating topics");
        }
    }

    /** Deletes the topics of {@code names} (tests clean up after themselves). */
    public void deleteTopics(TopicNames names) {
        try (Admin admin = Admin.create(adminProperties())) {
            admin.deleteTopics(names.all().stream().map(TopicSpec::name).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // already gone, or the broker is down: nothing left to clean
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Installs the index templates and bootstraps the aliases of {@code names}. */
    public void installSchema(IndexNames names) {
        try {
            ElasticsearchSchema.install(this::send, names);
        } catch (IOException e) {
            throw new StackException("cannot reach Elasticsearch at " + elasticsearchUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the indices behind the aliases of {@code names}, and their templates. Indices are named one by one:
     * Elasticsearch refuses wildcard deletes ({@code action.destructive_requires_name}).
     */
    public void deleteIndices(IndexNames names) {
        try {
            for (String alias : List.of(names.articles(), names.alerts())) {
                ElasticsearchSchema.Response indices = send("GET", "/_cat/indices/" + alias + "-*?h=index&format=json",
                        null);
                if (indices.status() == 200) {
                    for (JsonNode index : Json.mapper().readTree(indices.body())) {
                        send("DELETE", "/" + index.path("index").asText(), null);
                    }
                }
                send("DELETE", "/_index_template/" + alias, null);
            }
        } catch (IOException e) {
            // Elasticsearch is down: nothing left to clean
        }
    }

    /** One request to Elasticsearch over the JDK's HTTP client. */
    public ElasticsearchSchema.Response send(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(elasticsearchUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ElasticsearchSchema.Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private NewTopic newTopic(TopicSpec spec) {
        return new NewTopic(spec.name(), partitions, (short) 1).configs(spec.configs());
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
        return properties;
    }
}
