package io.newswatch.indexer.kafka;

import io.newswatch.stack.LocalStackTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * The local stack, with retries at most 2 s apart, so that a test sees the indexer recover soon; Elasticsearch's
 * address carries a user and password, which no read may show.
 */
public class ShortBackoffStackTestResource extends LocalStackTestResource {

    /** Written into Elasticsearch's URL. */
    public static final String PASSWORD_IN_URL = "pw-in-the-url";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("newswatch.indexer.retry.max-backoff", "2s");
        config.put("newswatch.elasticsearch.hosts",
                config.get("newswatch.elasticsearch.hosts").replace("://", "://probe:" + PASSWORD_IN_URL + "@"));
        return config;
    }
}
