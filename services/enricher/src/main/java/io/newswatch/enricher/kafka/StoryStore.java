package io.newswatch.enricher.kafka;

import io.newswatch.contract.Article;
import io.newswatch.contract.Json;
import io.newswatch.contract.Story;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.enricher.config.EnricherConfig;
import io.newswatch.tagging.StoryAssigner;
import io.newswatch.tagging.Tagging;
import io.newswatch.enricher.story.StoryClusterer;
import io.newswatch.enricher.story.StoryState;
import io.newswatch.kafka.DeadLetters;
import io.newswatch.kafka.DurableWrites;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.kafka.TopicTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Story clustering with its state in Kafka: every change of a story is written to the compacted stories topic
 * (keyed by story id; a tombstone when the story closes). The topic is read as a {@link TopicTable}: whole at
 * start, to rebuild the clusters before the first article is assigned, and then followed, so that updates written
 * by other enricher instances (which share the raw topic's partitions) are seen too. Writes and reads use the one
 * topic name of the {@code stories} channel.
 *
 * <p>Changes are kept until {@link #flush()} and then written once per story in their latest version: a batch of
 * articles that adds ten copies to one story writes one record, not ten (the topic is compacted, and every record
 * is a story's full state, so nothing a reader needs is lost). The table reads this process' own writes back too:
 * those are recognised by their bytes ({@link OwnStoryWrites}) and applied without decoding them.
 */
@ApplicationScoped
public class StoryStore implements StoryAssigner {

    private final StoryClusterer clusterer;
    private final MutinyEmitter<Record<String, byte[]>> emitter;
    private final Duration restoreTimeout;
    private final Map<String, StoryState> changed = new LinkedHashMap<>();
    private final TopicTable table;
    private final DeadLetters deadLetters;
    private final DurableWrites writes;
    /** This process' writes until read back, applied without decoding them; empty after a restart. */
    private final OwnStoryWrites ownWrites = new OwnStoryWrites();
    private volatile boolean restoreWaited;

    public StoryStore(EnricherConfig config, Clock clock, MeterRegistry registry, KafkaClients kafka,
                      DurableWrites writes,
                      @Channel("stories") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                      MutinyEmitter<Record<String, byte[]>> emitter,
                      @ConfigProperty(name = "mp.messaging.outgoing.stories.topic") String storiesTopic,
                      @ConfigProperty(name = "newswatch.topic-prefix") String topicPrefix) {
        this.emitter = emitter;
        this.writes = writes;
        this.restoreTimeout = config.stories().restoreTimeout();
        this.clusterer = new StoryClusterer(clock, config.stories().similarity(), config.stories().window(), this::changed);
        this.deadLetters = new DeadLetters(kafka, new TopicNames(topicPrefix).deadLetters(),
                "newswatch-enricher-stories-dead-letters");
        this.table = new TopicTable(kafka, storiesTopic, "enricher", this::apply, deadLetters);
        registry.gauge("newswatch.enricher.stories.open", clusterer, StoryClusterer::size);
    }

    void onStart(@Observes StartupEvent event) {
        table.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        table.close();
        deadLetters.close();
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

    /** True once the stored stories were read (or the first assignment stopped waiting for them). */
    public boolean isRestored() {
        return table.isCaughtUp() || restoreWaited;
    }

    /** How the restore went, with the open stories, for health checks. */
    public String restoreOutcome() {
        String outcome = table.isCaughtUp() ? "restored"
                : (restoreWaited ? "assigning without the stored stories, still reading them: " : "restoring: ")
                + table.problem();
        return outcome + ", " + clusterer.size() + " open stories";
    }

    /**
     * The first articles wait for the stored stories, at most the restore timeout; after that, stories are
     * assigned with what has been read so far while the table keeps reading (and retrying) behind.
     */
    private void awaitRestored() {
        if (restoreWaited || table.isCaughtUp()) {
            return;
        }
        try {
            if (!table.awaitCaughtUp(restoreTimeout)) {
                Log.errorf("Story state not restored after %s (%s); assigning stories with what was read so far",
                        restoreTimeout, table.problem());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        restoreWaited = true;
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            clusterer.remove(record.key());
            return;
        }
        StoryState own = ownWrites.readBack(record.key(), record.value());
        if (own != null) {
            clusterer.apply(own); // what decoding the value gives, without decoding it
            return;
        }
        // a value that is no story state throws BadEventException: the table skips (and dead-letters) it
        clusterer.apply(Json.decode(record.value(), StoryState.class));
    }

    private void changed(StoryState state) {
        synchronized (changed) {
            changed.put(state.id(), state);
        }
    }

    /**
     * Written until Kafka takes it. A story state Kafka refuses for good is logged and dropped: the articles go on
     * (the next change of the story writes its whole state again), and only a restart before that may split it.
     */
    private CompletableFuture<Void> write(StoryState state) {
        byte[] value = state.articles() == 0 ? null : Json.encodeBytes(state);
        if (value == null) {
            ownWrites.closed(state.id());
        } else {
            ownWrites.written(state, value);
        }
        return writes.write(() -> emitter.send(Record.of(state.id(), value)).subscribeAsCompletionStage(),
                "state of story " + state.id()).exceptionallyCompose(failure -> {
                    if (!DurableWrites.refusedForGood(failure)) {
                        return CompletableFuture.failedFuture(failure); // stopping: read again after a restart
                    }
                    return CompletableFuture.completedFuture(null);
                });
    }
}
