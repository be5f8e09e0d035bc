package io.newswatch.e2e;

import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.StackHome;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.UUID;

/**
 * Kafka and Elasticsearch from their official images, under Testcontainers: the deployment's servers rather than
 * the local stack's (the full Elasticsearch distribution, not the minimal one). Same versions as the local stack,
 * from the root POM. Only created where {@link RequiresDocker} found a Docker engine.
 */
final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka;
    private final ElasticsearchContainer elasticsearch;
    private final TopicNames topics;
    private final IndexNames indices;

    private ContainerInfrastructure(KafkaContainer kafka, ElasticsearchContainer elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
        this.topics = new TopicNames(prefix + ".");
        this.indices = IndexNames.withPrefix(prefix);
    }

    /** Starts both containers, then creates the topics and installs the index templates. */
    static ContainerInfrastructure start() {
        Properties versions = serverVersions();
        KafkaContainer kafka = new KafkaContainer(
                DockerImageName.parse("apache/kafka:" + versions.getProperty("kafka.version")));
        // Security off, as on the local stack: these tests are about the pipeline, not about credentials.
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(DockerImageName.parse(
                "docker.elastic.co/elasticsearch/elasticsearch:" + versions.getProperty("elasticsearch.version")))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms1g -Xmx1g")
                .withCertPath("");
        Startables.deepStart(kafka, elasticsearch).join();
        ContainerInfrastructure infrastructure = new ContainerInfrastructure(kafka, elasticsearch);
        try {
            infrastructure.setup().createTopics(infrastructure.topics);
            infrastructure.setup().installSchema(infrastructure.indices);
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        return infrastructure;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String elasticsearchUrl() {
        return "http://" + elasticsearch.getHttpHostAddress();
    }

    @Override
    public TopicNames topics() {
        return topics;
    }

    @Override
    public IndexNames indices() {
        return indices;
    }

    @Override
    public StackHome home() {
        return StackHome.locate();
    }

    @Override
    public void close() {
        elasticsearch.stop();
        kafka.stop();
    }

    /** The server versions pinned in the root POM, as the local stack reads them. */
    private static Properties serverVersions() {
        Properties versions = new Properties();
        try (InputStream in = StackHome.class.getResourceAsStream("servers.properties")) {
            if (in == null) {
                throw new IllegalStateException("servers.properties is missing from the local-stack jar");
            }
            versions.load(in);
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
