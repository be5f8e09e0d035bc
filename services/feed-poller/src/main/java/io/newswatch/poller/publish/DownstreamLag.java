package io.newswatch.poller.publish;

import io.newswatch.kafka.ConsumerGroupLag;
import io.newswatch.poller.poll.Backpressure;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * How far the stages after the poller are behind: for each watched stage, the records of its input topic written
 * and not yet committed by its consumer group ({@link ConsumerGroupLag}). A group with no member (the stage is down:
 * its backlog waits in Kafka) or no committed offset yet does not count. An answer that does not come within the
 * timeout is unknown, not zero.
 */
public final class DownstreamLag implements Backpressure.LagSource, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DownstreamLag.class);

    private final Admin admin;
    private final ConsumerGroupLag lags;
    private final Map<String, ConsumerGroupLag.Watched> stages;
    private boolean warned;

    /** @param stages the stages watched, by name ({@link ConsumerGroupLag#downstreamStages}) */
    public DownstreamLag(Admin admin, Map<String, ConsumerGroupLag.Watched> stages, Duration timeout) {
        this.admin = admin;
        this.lags = new ConsumerGroupLag(admin, timeout);
        this.stages = new LinkedHashMap<>(stages);
    }

    @Override
    public Map<String, Long> lags() {
        try {
            Map<ConsumerGroupLag.Watched, ConsumerGroupLag.Lag> read = lags.read(List.copyOf(stages.values()));
            Map<String, Long> behind = new LinkedHashMap<>();
            stages.forEach((name, watched) -> {
                ConsumerGroupLag.Lag stage = read.get(watched);
                if (stage != null && stage.active() && stage.committed() >= 0) {
                    behind.put(name, stage.committed());
                }
            });
            warned = false;
            return behind;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warnf("cannot tell how far the next stages are behind (%s); polls are not held back meanwhile",
                        e instanceof ExecutionException ? e.getCause().getMessage() : e.toString());
            }
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
