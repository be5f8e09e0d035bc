package io.newswatch.enricher.kafka;

import io.newswatch.contract.Article;
import io.newswatch.contract.Json;
import io.newswatch.contract.Story;
import io.newswatch.enricher.config.EnricherConfig;
import io.newswatch.enricher.pipeline.StoryAssigner;
import io.newswatch.enricher.pipeline.Tagging;
import io.newswatch.enricher.story.StoryClusterer;
import io.newswatch.enricher.story.StoryState;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Story clustering with its state in Kafka: every change of a story is written to the compacted stories topic
 * (keyed by story id; a tombstone when the story closes). At start, the topic is read from the beginning to rebuild
 * the clusters before the first article is assigned; afterwards it keeps being read, so that updates written by
 * other enricher instances (which share the raw topic's partitions) are seen too.
 *
 * <p>Changes are kept until {@link #flush()} and then written once per story in their latest version: a batch of
 * articles that adds ten copies to one story writes one record, not ten (the topic is compacted, and every record
 * is a story's full state, so nothing a reader needs is lost).
 */
@ApplicationScoped
public class StoryStore implements StoryAssigner {

    private final StoryClusterer clusterer;
    private final MutinyEmitter<Record<String, String>> emitter;
    private final String bootstrapServers;
    private final String topic;
    private final Duration restoreTimeout;
    private final CountDownLatch restored = new CountDownLatch(1);
    private final Map<String, StoryState> changed = new LinkedHashMap<>();
    private volatile boolean running = true;
    private volatile String restoreOutcome = "restoring";
    private volatile KafkaConsumer<String, String> consumer;
    private Thread reader;

    public StoryStore(EnricherConfig config, Clock clock, MeterRegistry registry,
                      @Channel("stories") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                      MutinyEmitter<Record<String, String>> emitter,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "newswatch.topic-prefix") String topicPrefix) {
        this.emitter = emitter;
        this.bootstrapServers = bootstrapServers;
        this.topic = new io.newswatch.contract.kafka.TopicNames(topicPrefix).stories();
        this.restoreTimeout = config.stories().restoreTimeout();
        this.clusterer = new StoryClusterer(clock, config.stories().similarity(), config.stories().window(), this::changed);
        registry.gauge("newswatch.enricher.stories.open", clusterer, StoryClusterer::size);
    }

    void onStart(@Observes StartupEvent event) {
        reader = Thread.ofPlatform().name("story-store-reader").daemon().start(this::read);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public Story assign(Article article, Tagging tagging) {
        awaitRestored();
        return clusterer.assign(article, tagging);
    }

    @Override
    public CompletableFuture<Void> flush() {
        List<StoryState> toWrite;
        synchronized (changed) {
            toWrite = List.copyOf(changed.values());
            changed.clear();
        }
        return CompletableFuture.allOf(toWrite.stream().map(this::write).toArray(CompletableFuture[]::new));
    }

    /** True once the stored stories were read (or the restore gave up), with the outcome for health checks. */
    public boolean isRestored() {
        return restored.getCount() == 0;
    }

    public String restoreOutcome() {
        return restoreOutcome + ", " + clusterer.size() + " open stories";
    }

    private void awaitRestored() {
        try {
            if (!restored.await(restoreTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warnf("Story state not restored after %s; assigning stories without it", restoreTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void changed(StoryState state) {
        synchronized (changed) {
            changed.put(state.id(), state);
        }
    }

    private CompletableFuture<Void> write(StoryState state) {
        String value = state.articles() == 0 ? null : Json.encode(state);
        return emitter.send(Record.of(state.id(), value)).subscribeAsCompletionStage().whenComplete((v, failure) -> {
            if (failure != null) {
                Log.errorf(failure, "Could not store story %s; the articles that changed it stay uncommitted", state.id());
            }
        });
    }

    private void read() {
        Instant deadline = Instant.now().plus(restoreTimeout);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000), new StringDeserializer(), new StringDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = partitions(c, deadline);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long count = 0;
            while (running && !caughtUp(c, end)) {
                count += apply(c);
                if (Instant.now().isAfter(deadline)) {
                    restoreOutcome = "restore timed out after " + restoreTimeout;
                    Log.errorf("Story state restore timed out after %s (%d records read); continuing with what was read",
                            restoreTimeout, count);
                    break;
                }
            }
            if (restored.getCount() > 0 && !restoreOutcome.startsWith("restore timed out")) {
                restoreOutcome = "restored";
            }
            Log.infof("Story state: %d records read from %s, %d open stories", count, topic, clusterer.size());
            restored.countDown();
            while (running) {
                apply(c);
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            restoreOutcome = "failed: " + e.getMessage();
            Log.errorf(e, "Reading story state from %s failed; stories will not see other instances' updates", topic);
        } finally {
            restored.countDown();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> c, Instant deadline) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.between(Instant.now(), deadline));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (create it as a compacted topic)");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private static boolean caughtUp(KafkaConsumer<String, String> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private int apply(KafkaConsumer<String, String> c) {
        int n = 0;
        for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
            n++;
            if (record.value() == null) {
                clusterer.remove(record.key());
                continue;
            }
            try {
                clusterer.apply(Json.decode(record.value(), StoryState.class));
            } catch (RuntimeException e) {
                Log.warnf("Skipping unreadable story state %s at %s-%d@%d: %s", record.key(), record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        return n;
    }
}
