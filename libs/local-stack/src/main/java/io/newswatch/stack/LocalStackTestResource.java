package io.newswatch.stack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Runs a Quarkus test against the real local stack: starts it once for the whole build (or reuses a running one),
 * reserves topics and indices under a prefix of the test's own, and hands the service the configuration that
 * points it there. Fields annotated {@link InjectTestStack} receive the {@link TestStack}.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(LocalStackTestResource.class)
 * class EnricherIT {
 *     @InjectTestStack TestStack stack;
 * }
 * }</pre>
 *
 * The configuration keys are the ones every newswatch service reads.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private TestStack test;

    /** Marks a {@link TestStack} field of a test class to be filled in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectTestStack {
    }

    @Override
    public Map<String, String> start() {
        test = TestStack.reserve();
        return Map.of(
                "kafka.bootstrap.servers", test.kafkaBootstrapServers(),
                "newswatch.topic-prefix", test.topicPrefix(),
                "newswatch.elasticsearch.hosts", test.elasticsearchUrl(),
                "newswatch.elasticsearch.index-prefix", test.indexPrefix());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(test,
                new TestInjector.AnnotatedAndMatchesType(InjectTestStack.class, TestStack.class));
    }

    @Override
    public void stop() {
        if (test != null) {
            test.release();
        }
    }
}
