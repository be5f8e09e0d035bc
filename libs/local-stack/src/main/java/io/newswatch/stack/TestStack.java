package io.newswatch.stack;

import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;

import java.util.List;

/**
 * What a test sees of the local stack: where it runs, and the topic and index names reserved for this test class
 * (a random prefix, so that tests never see each other's messages or documents).
 *
 * @param stack   the stack, for fault tests that stop and start its servers
 * @param topics  this test's topics
 * @param indices this test's indices
 */
public record TestStack(LocalStack stack, TopicNames topics, IndexNames indices) {

    /**
     * Brings the stack up once per JVM (reusing a running one), takes this JVM's lease, and reserves fresh names:
     * creates the topics and installs the index templates.
     */
    public static TestStack reserve() {
        return reserve(shared());
    }

    /** The stack of this JVM's tests, up and leased. */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            LocalStack stack = LocalStack.create();
            StackLeases leases = new StackLeases(stack.home());
            leases.acquireForThisJvm();
            List<String> started = stack.up(System.out);
            if (!started.isEmpty()) {
                leases.watch(started.stream().map(stack.home()::pidFile).toList());
            }
            shared = stack;
        }
        return shared;
    }

    private static LocalStack shared;

    /** Reserves fresh names on the running stack: creates the topics and installs the index templates. */
    public static TestStack reserve(LocalStack stack) {
        String prefix = "it-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        TestStack test = new TestStack(stack, new TopicNames(prefix + "."), IndexNames.withPrefix(prefix));
        stack.setUp(test.topics(), test.indices());
        return test;
    }

    /** Kafka's bootstrap servers. */
    public String kafkaBootstrapServers() {
        return stack.endpoints().kafkaBootstrapServers();
    }

    /** Elasticsearch's base URL. */
    public String elasticsearchUrl() {
        return stack.endpoints().elasticsearchUrl();
    }

    /** The prefix shared by this test's topics ("it-1a2b3c4d."). */
    public String topicPrefix() {
        return topics.prefix();
    }

    /** The prefix of this test's indices ("it-1a2b3c4d"). */
    public String indexPrefix() {
        return indices.articles().substring(0, indices.articles().length() - "-articles".length());
    }

    /** Deletes this test's topics and indices. */
    public void release() {
        StackSetup setup = stack.setup();
        setup.deleteTopics(topics);
        setup.deleteIndices(indices);
    }
}
