package io.newswatch.poller.publish;

import io.newswatch.contract.Article;
import io.newswatch.contract.Feed;
import io.newswatch.contract.Json;
import io.newswatch.poller.poll.ArticleSink;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Everything the poller writes to Kafka, keyed by the stable id: articles to {@code articles.raw}, registrations
 * to {@code feeds}, per-feed state to {@code feeds.state}. Each send completes when the broker has acknowledged it
 * ({@code acks=all}), which is what lets a poll record an item as published only once it is.
 */
@ApplicationScoped
public class KafkaPublisher implements ArticleSink {

    private final Emitter<Record<String, byte[]>> articles;
    private final Emitter<Record<String, String>> feeds;
    private final Emitter<Record<String, String>> states;

    public KafkaPublisher(@Channel("articles") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                          Emitter<Record<String, byte[]>> articles,
                          @Channel("feeds") Emitter<Record<String, String>> feeds,
                          @Channel("feed-state") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                          Emitter<Record<String, String>> states) {
        this.articles = articles;
        this.feeds = feeds;
        this.states = states;
    }

    @Override
    public CompletionStage<Void> publish(Article article) {
        return send(articles, article.id(), encode(article));
    }

    /**
     * The article's record value: its JSON in UTF-8, written as bytes at once ({@link Json#encodeBytes}; the same
     * bytes as {@code Json.encode(article).getBytes(UTF_8)}, {@code KafkaPublisherTest}).
     */
    static byte[] encode(Article article) {
        return Json.encodeBytes(article);
    }

    /** A registration, new or changed. */
    public CompletionStage<Void> register(Feed feed) {
        return send(feeds, feed.id(), Json.encode(feed));
    }

    /** A tombstone: the feed is deleted. */
    public CompletionStage<Void> deregister(String feedId) {
        return send(feeds, feedId, null);
    }

    /** A state record ({@code null} deletes it). */
    public CompletionStage<Void> state(String key, Object value) {
        return stateJson(key, value == null ? null : Json.encode(value));
    }

    /** A state record already encoded ({@code null} deletes it). */
    public CompletionStage<Void> stateJson(String key, String json) {
        return send(states, key, json);
    }

    private static <V> CompletionStage<Void> send(Emitter<Record<String, V>> emitter, String key, V value) {
        try {
            return emitter.send(Record.of(key, value));
        } catch (RuntimeException e) {
            // the buffer is full (Kafka has been unreachable for a while) or the channel is down
            return CompletableFuture.failedFuture(e);
        }
    }
}
