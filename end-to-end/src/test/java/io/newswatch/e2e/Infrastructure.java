package io.newswatch.e2e;

import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.StackSetup;

/**
 * Where one test's Kafka and Elasticsearch run, with topics and indices reserved for it: the local stack
 * ({@link LocalInfrastructure}) or the official images under Testcontainers ({@link ContainerInfrastructure}). The
 * end-to-end code ({@link Pipeline}, {@link Search}, {@link Kafka}) sees only this, so both paths run the same
 * scenarios.
 */
interface Infrastructure extends AutoCloseable {

    /** Partitions of every topic the tests create, as on the local stack. */
    int PARTITIONS = 3;

    String kafkaBootstrapServers();

    String elasticsearchUrl();

    /** This test's topics. */
    TopicNames topics();

    /** This test's indices. */
    IndexNames indices();

    /** The checkout whose packaged services run, and where their logs and pid files go. */
    StackHome home();

    /** Topic and index administration. */
    default StackSetup setup() {
        return new StackSetup(kafkaBootstrapServers(), elasticsearchUrl(), PARTITIONS);
    }

    /** The prefix of this test's topics ("it-1a2b3c4d."). */
    default String topicPrefix() {
        return topics().prefix();
    }

    /** The prefix of this test's indices ("it-1a2b3c4d"). */
    default String indexPrefix() {
        return indices().articles().substring(0, indices().articles().length() - "-articles".length());
    }

    /** Releases this test's topics and indices, and whatever the infrastructure started for it. */
    @Override
    void close();
}
