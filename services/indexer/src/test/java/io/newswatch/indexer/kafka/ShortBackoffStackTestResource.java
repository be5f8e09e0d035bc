package io.newswatch.indexer.kafka;

import io.newswatch.stack.LocalStackTestResource;

import java.util.HashMap;
import java.util.Map;

/** The local stack, with retries at most 2 s apart, so that a test sees the indexer recover soon. */
public class ShortBackoffStackTestResource extends LocalStackTestResource {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("newswatch.indexer.retry.max-backoff", "2s");
        return config;
    }
}
