package io.newswatch.e2e;

import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.LocalStack;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.StackSetup;
import io.newswatch.stack.TestStack;

/** Kafka and Elasticsearch of a local stack (the shared one of the build, or a private one), names reserved. */
record LocalInfrastructure(TestStack test) implements Infrastructure {

    /** Names reserved on the build's shared local stack, started or reused. */
    static LocalInfrastructure reserve() {
        return new LocalInfrastructure(TestStack.reserve());
    }

    /** Names reserved on a given stack (a private one that a fault test may stop). */
    static LocalInfrastructure reserve(LocalStack stack) {
        return new LocalInfrastructure(TestStack.reserve(stack));
    }

    @Override
    public String kafkaBootstrapServers() {
        return test.kafkaBootstrapServers();
    }

    @Override
    public String elasticsearchUrl() {
        return test.elasticsearchUrl();
    }

    @Override
    public TopicNames topics() {
        return test.topics();
    }

    @Override
    public IndexNames indices() {
        return test.indices();
    }

    @Override
    public StackHome home() {
        return test.stack().home();
    }

    @Override
    public StackSetup setup() {
        return test.stack().setup();
    }

    @Override
    public void close() {
        test.release();
    }
}
