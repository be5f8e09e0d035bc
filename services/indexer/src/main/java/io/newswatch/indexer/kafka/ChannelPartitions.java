package io.newswatch.indexer.kafka;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * The partitions of one incoming channel's Kafka consumer, paused and resumed on the consumer's own polling thread
 * (the Kafka consumer is not thread-safe; the connector runs such tasks in submission order between its polls).
 * The connector's own paused flag is left alone, so its loop keeps polling with {@code poll-timeout}.
 */
final class ChannelPartitions implements FetchGate.Partitions {

    private static final Logger LOG = Logger.getLogger(ChannelPartitions.class);

    private final KafkaClientService clients;
    private final String channel;

    ChannelPartitions(KafkaClientService clients, String channel) {
        this.clients = clients;
        this.channel = channel;
    }

    @Override
    public void pause() {
        run("pause", c -> {
            c.pause(c.assignment());
            return null;
        });
    }

    @Override
    public void resume() {
        // every paused partition, including one the connector paused itself: its own resume would do the same
        run("resume", c -> {
            c.resume(c.paused());
            return null;
        });
    }

    private void run(String what, Function<Consumer<Object, Object>, Void> action) {
        KafkaConsumer<Object, Object> consumer = clients.getConsumer(channel);
        if (consumer == null) {
            return; // the channel has not started (or has stopped): nothing is fetched to pause or resume
        }
        consumer.runOnPollingThread(action).subscribe().with(
                ignored -> { },
                failure -> LOG.warnf("Could not %s the %s channel's partitions: %s", what, channel, failure));
    }
}
