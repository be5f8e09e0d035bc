package io.newswatch.indexer.kafka;

import io.newswatch.stack.LocalStackTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The local stack, with the service pointed at an {@link ElasticsearchProxy} in front of Elasticsearch, and short
 * retry delays so that a test does not wait long for the indexer to notice Elasticsearch is back.
 */
public class ProxiedStackTestResource extends LocalStackTestResource {

    private ElasticsearchProxy proxy;

    /** Marks an {@link ElasticsearchProxy} field of a test class to be filled in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectProxy {
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        proxy = new ElasticsearchProxy(URI.create(config.get("newswatch.elasticsearch.hosts")));
        proxy.start();
        config.put("newswatch.elasticsearch.hosts", proxy.url());
        config.put("newswatch.elasticsearch.socket-timeout", "10s");
        config.put("newswatch.indexer.retry.max-backoff", "2s");
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        super.inject(testInjector);
        testInjector.injectIntoFields(proxy,
                new TestInjector.AnnotatedAndMatchesType(InjectProxy.class, ElasticsearchProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.stop();
        }
        super.stop();
    }
}
