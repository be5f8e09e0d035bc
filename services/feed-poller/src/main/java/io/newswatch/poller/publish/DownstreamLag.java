package io.newswatch.poller.publish;

import io.newswatch.kafka.ConsumerGroupLag;
import io.newswatch.poller.poll.Backpressure;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * How far the stages after the poller are behind: for each watched consumer group, the records of its input topic
 * written and not yet committed by it ({@link ConsumerGroupLag}); the largest of them. A group with no member (the
 * stage is down: its backlog waits in Kafka) or no committed offset yet does not count. An answer that does not
 * come within the timeout is unknown, not zero.
 */
public final class DownstreamLag implements Backpressure.LagSource, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DownstreamLag.class);

    private final Admin admin;
    private final ConsumerGroupLag lags;
    private final List<ConsumerGroupLag.Watched> watched;
    private boolean warned;

    public DownstreamLag(Admin admin, List<ConsumerGroupLag.Watched> watched, Duration timeout) {
        this.admin = admin;
        this.lags = new ConsumerGroupLag(admin, timeout);
        this.watched = List.copyOf(watched);
    }

    @Override
    public OptionalLong lag() {
        try {
            long largest = -1;
            for (ConsumerGroupLag.Lag stage : lags.read(watched).values()) {
                if (stage.active() && stage.committed() >= 0) {
                    largest = Math.max(largest, stage.committed());
                }
            }
            warned = false;
            return largest < 0 ? OptionalLong.empty() : OptionalLong.of(largest);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warnf("cannot tell how far the next stages are behind (%s); polls are not held back meanwhile",
                        e instanceof ExecutionException ? e.getCause().getMessage() : e.toString());
            }
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
