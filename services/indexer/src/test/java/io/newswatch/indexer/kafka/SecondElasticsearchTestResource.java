package io.newswatch.indexer.kafka;

import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.LocalStack;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.StackLeases;
import io.newswatch.stack.StackSettings;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A second Elasticsearch node of this test's own (ports 9250/9350, data under {@code target/}), beside the shared
 * Kafka, so that a test may stop the Elasticsearch process itself without taking the shared one from other
 * engineers' tests. The node reuses the shared stack's distribution; a watchdog stops it if the test JVM dies.
 */
public class SecondElasticsearchTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalStack stack;
    private TestStack test;

    /** Marks a {@link TestStack} field to receive the stack with the second node. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectSecondStack {
    }

    @Override
    public Map<String, String> start() {
        LocalStack shared = TestStack.shared(); // Kafka, and the server distributions
        StackHome home = new StackHome(shared.home().project(),
                Path.of("target", "second-elasticsearch").toAbsolutePath());
        if (Files.isDirectory(shared.home().dist())) {
            link(home.dist(), shared.home().dist()); // else (the shared stack belongs to another checkout) resolve
        }
        StackSettings settings = shared.settings();
        stack = new LocalStack(home, new StackSettings(settings.kafkaPort(), settings.kafkaControllerPort(), 9250,
                9350, settings.kafkaHeap(), "512m", settings.partitions(), settings.elasticsearchUser()));
        StackLeases leases = new StackLeases(home);
        leases.acquireForThisJvm();
        List<String> started = stack.up(System.out);
        if (!started.isEmpty()) {
            leases.watch(started.stream().map(home::pidFile).toList());
        }
        stack.setUp(TopicNames.DEFAULT, IndexNames.DEFAULT);
        test = TestStack.reserve(stack);
        return Map.of(
                "kafka.bootstrap.servers", test.kafkaBootstrapServers(),
                "newswatch.topic-prefix", test.topicPrefix(),
                "newswatch.elasticsearch.hosts", test.elasticsearchUrl(),
                "newswatch.elasticsearch.index-prefix", test.indexPrefix(),
                "newswatch.indexer.retry.max-backoff", "2s",
                // ElasticsearchStoppedIT freezes the node for longer than this
                "newswatch.indexer.request-timeout", "5s");
    }

    private static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + link + " to " + target, e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(test,
                new TestInjector.AnnotatedAndMatchesType(InjectSecondStack.class, TestStack.class));
    }

    @Override
    public void stop() {
        if (test != null) {
            test.release();
        }
        if (stack != null) {
            stack.down();
        }
    }
}
