package io.newswatch.kafka;

import io.newswatch.contract.BadEventException;
import io.newswatch.contract.kafka.DeadLetter;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A topic read whole, every partition from its beginning, and then followed: the topic as an in-memory table, the
 * way Kafka Streams reads a global table. The table belongs to no consumer group and commits nothing, so every
 * instance of a service keeps its own complete copy, rebuilt at each start: the poller's feed registry and feed
 * state, the alerter's rules and alert history, the enricher's stories.
 *
 * <p>What it promises:
 * <ul>
 *   <li><b>Catch-up barriers.</b> {@link #awaitCaughtUp} waits until every record that existed when the table
 *       started has been applied; {@link #catchUp()} until every record that exists now has been (an instance
 *       taking over partitions, a writer that wants to read its own write: {@link #awaitApplied}).</li>
 *   <li><b>Bad records.</b> A record the listener refuses ({@link BadEventException}, or no key) is skipped. When it
 *       arrives live it is dead-lettered with the {@link DeadLetter} envelope; met again while catching up at start
 *       it is only logged, since it was dead-lettered when it arrived (every instance reads the whole topic at
 *       every start: dead-lettering it again would bury the real dead letters). A listener that fails otherwise
 *       on a record (a bug, a stack overflow) is logged with its stack trace and the record skipped, so one record
 *       never stops the table.</li>
 *   <li><b>Retry.</b> A missing topic is waited for; a failed read, or a listener that fails at the end of a batch,
 *       starts the reading over from the last applied offsets after a pause that doubles from one second up to
 *       30 s ({@link Pauses}, injected so tests need no real waiting); {@link #problem()} says why meanwhile, for
 *       health checks, and its {@link #thread()} counts it, for liveness.</li>
 *   <li><b>Gaps.</b> Compaction and transaction markers leave offsets without records; positions move past them,
 *       and barriers count positions, not records.</li>
 * </ul>
 *
 * <p>The listener is called on the table's own thread only.
 */
public final class TopicTable implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicTable.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * How long the broker holds an idle table's fetch. A fetch is answered as soon as one byte is there (fetch.min.bytes
     * 1), so the wait adds no latency to a record: it only sets how often an idle table asks again. At Kafka's default
     * (500 ms) a pipeline's ten or so tables cost the broker a fetch request each twice a second (docs/perf/README.md,
     * "Kafka and Elasticsearch, session 6"). A table assigns its partitions once and never seeks while it runs. One
     * case does wait: a transaction's commit or abort marker (newswatch's producers use none) can reach a
     * {@code read_committed} table a held fetch later, so the wait is kept short.
     */
    static final Duration IDLE_FETCH_WAIT = Duration.ofSeconds(2);
    /**
     * A table commits nothing and has no group to leave, so its close need not wait for the fetch the broker holds
     * (a plain close would take up to {@link #IDLE_FETCH_WAIT}).
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofMillis(100);
    /** What a table's consumer adds to {@link KafkaClients#tableConsumer}. */
    static final Map<String, Object> CONSUMER_SETTINGS = Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) IDLE_FETCH_WAIT.toMillis());

    /** What a service does with the table's records. */
    public interface Listener {
        /**
         * One record, in partition order; a null value is a tombstone.
         *
         * @throws BadEventException when the record is not what the topic holds
         */
        void apply(ConsumerRecord<String, String> record);

        /**
         * After the records of one poll were applied (to publish them in bulk).
         *
         * @param catchingUp true while the records that existed at start are still being read: a listener may defer
         *                   its work to {@link #caughtUp()} (100,000 rules published once, not 50 times)
         */
        default void endOfBatch(boolean catchingUp) {
        }

        /** Once, when every record that existed at start has been applied, before anyone waiting is told. */
        default void caughtUp() {
        }

        /**
         * What logs and dead letters may show of a failure's message: a listener whose records hold secrets (the
         * alerter's rules hold webhook URLs) takes them out here.
         */
        default String redact(String message) {
            return message;
        }
    }

    /** How the table waits before trying again; tests pass one that only records the pauses. */
    @FunctionalInterface
    public interface Pauses {
        Pauses REAL = duration -> Thread.sleep(duration);

        void pause(Duration duration) throws InterruptedException;
    }

    private final KafkaClients clients;
    private final String topic;
    private final String clientId;
    private final Listener listener;
    private final DeadLetters deadLetters;
    private final String service;
    private final SupervisedThread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    /** The last offset applied (or passed) per partition; guarded by itself. */
    private final Map<Integer, Long> applied = new HashMap<>();
    private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final List<Barrier> barriers = new ArrayList<>();
    private final AtomicLong skipped = new AtomicLong();
    private volatile int partitionCount;
    private volatile String problem = "not started";

    /**
     * @param deadLetters where records refused live go; the table does not close it
     * @param service     the service name in the dead-letter envelope ("alerter")
     */
    public TopicTable(KafkaClients clients, String topic, String service, Listener listener, DeadLetters deadLetters,
                      Pauses pauses) {
        this.clients = clients;
        this.topic = topic;
        this.service = service;
        this.clientId = "newswatch-" + service + "-table-" + topic;
        this.listener = listener;
        this.deadLetters = deadLetters;
        this.thread = new SupervisedThread("table-" + topic, this::run, pauses,
                why -> problem = "cannot read " + topic + ": " + why);
    }

    public TopicTable(KafkaClients clients, String topic, String service, Listener listener, DeadLetters deadLetters) {
        this(clients, topic, service, listener, deadLetters, Pauses.REAL);
    }

    /** Starts reading, once, on a daemon thread of its own (started over whenever reading fails). */
    public TopicTable start() {
        thread.start();
        return this;
    }

    public String topic() {
        return topic;
    }

    /** Waits until the table has applied every record that existed when it started. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Completes once every record in the topic now has been applied. */
    public CompletableFuture<Void> catchUp() {
        CompletableFuture<Void> request = new CompletableFuture<>();
        catchUpRequests.add(request);
        return request;
    }

    /** Waits until every record written before this call has been applied. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        try {
            catchUp().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Waits until the record at {@code offset} of {@code partition} has been applied. */
    public boolean awaitApplied(int partition, long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (applied) {
            while (applied.getOrDefault(partition, -1L) < offset) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                applied.wait(left);
            }
        }
        return true;
    }

    /** Partitions of the topic, once read (0 before). */
    public int partitions() {
        return partitionCount;
    }

    /** The partition the topic's producers put a key in. */
    public int partitionOf(String key) {
        int count = partitionCount;
        if (count == 0) {
            throw new IllegalStateException(topic + " has not been read yet");
        }
        return KeyPartitioner.partitionOf(key, count);
    }

    /** Why the table is not caught up, or cannot read now; null while all is well. */
    public String problem() {
        return problem;
    }

    /** Records skipped so far (refused by the listener, or without a key). */
    public long skipped() {
        return skipped.get();
    }

    /** The thread that reads the topic, for liveness. */
    public Supervised thread() {
        return thread;
    }

    @Override
    public void close() {
        thread.close();
        failWaiters(new IllegalStateException("the table of " + topic + " was closed"));
    }

    /** One run: a fresh consumer resumes after the last applied offsets (from the beginning the first time). */
    private void run() throws InterruptedException {
        KafkaConsumer<String, String> kafka = thread.using(clients.tableConsumer(clientId, CONSUMER_SETTINGS));
        try {
            if (!thread.closed()) {
                follow(kafka);
            }
        } finally {
            kafka.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    private void follow(KafkaConsumer<String, String> kafka) throws InterruptedException {
        List<TopicPartition> partitions = partitions(kafka);
        partitionCount = partitions.size();
        kafka.assign(partitions);
        synchronized (applied) {
            for (TopicPartition partition : partitions) {
                Long last = applied.get(partition.partition());
                if (last == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, last + 1);
                }
            }
        }
        Map<TopicPartition, Long> startEnd = kafka.endOffsets(partitions);
        problem = isCaughtUp() ? null : "reading " + topic + " up to its end";
        while (!thread.closed()) {
            takeCatchUpRequests(kafka, partitions);
            ConsumerRecords<String, String> records = kafka.poll(POLL);
            for (ConsumerRecord<String, String> record : records) {
                apply(record);
            }
            if (!records.isEmpty()) {
                listener.endOfBatch(!isCaughtUp());
            }
            Map<Integer, Long> positions = new HashMap<>();
            for (TopicPartition partition : partitions) {
                positions.put(partition.partition(), kafka.position(partition));
            }
            if (!isCaughtUp() && reached(startEnd, positions)) {
                listener.caughtUp();
                problem = null; // before the latch: whoever awaited the catch-up then sees no problem
                caughtUp.countDown();
                LOG.infof("Read %s to its end: %d partitions", topic, partitions.size());
            }
            advance(positions);
            if (problem != null && isCaughtUp()) {
                problem = null;
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            refuse(record, "a record without a key");
            return;
        }
        try {
            listener.apply(record);
        } catch (BadEventException e) {
            refuse(record, listener.redact(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // one record must not stop the table: it would fail again each time the table starts over
            skipped.incrementAndGet();
            LOG.errorf(e, "Skipped record %s-%d@%d (key %s): %s", topic, record.partition(), record.offset(),
                    record.key(), listener.redact(String.valueOf(e.getMessage())));
        }
    }

    private void refuse(ConsumerRecord<String, String> record, String why) {
        skipped.incrementAndGet();
        String where = topic + "-" + record.partition() + "@" + record.offset();
        if (!isCaughtUp() || deadLetters == null) {
            LOG.warnf("Skipped bad record %s (key %s)%s: %s", where, record.key(),
                    isCaughtUp() ? "" : " while reading the topic at start", why);
            return;
        }
        LOG.errorf("Dead-lettering bad record %s (key %s): %s", where, record.key(), why);
        deadLetters.send(record.key(), record.value(), record.headers(), new DeadLetter(
                "not a valid record of " + topic, why, topic, record.partition(), record.offset(), service));
    }

    /** Applied offsets move to the positions (gaps included), and waiters whose offsets were reached are told. */
    private void advance(Map<Integer, Long> positions) {
        synchronized (applied) {
            positions.forEach((partition, position) -> applied.merge(partition, position - 1, Math::max));
            applied.notifyAll();
        }
        barriers.removeIf(barrier -> {
            if (reachedPartitions(barrier.end(), positions)) {
                barrier.done().complete(null);
                return true;
            }
            return false;
        });
    }

    private void takeCatchUpRequests(KafkaConsumer<String, String> kafka, List<TopicPartition> partitions) {
        CompletableFuture<Void> request;
        Map<TopicPartition, Long> end = null;
        while ((request = catchUpRequests.poll()) != null) {
            if (end == null) {
                end = kafka.endOffsets(partitions);
            }
            Map<Integer, Long> byNumber = new HashMap<>();
            end.forEach((partition, offset) -> byNumber.put(partition.partition(), offset));
            barriers.add(new Barrier(byNumber, request));
        }
    }

    private static boolean reached(Map<TopicPartition, Long> end, Map<Integer, Long> positions) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (positions.getOrDefault(partition.getKey().partition(), 0L) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static boolean reachedPartitions(Map<Integer, Long> end, Map<Integer, Long> positions) {
        for (Map.Entry<Integer, Long> partition : end.entrySet()) {
            if (positions.getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) throws InterruptedException {
        Duration pause = SupervisedThread.FIRST_PAUSE;
        while (true) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (thread.closed()) {
                throw new WakeupException();
            }
            problem = "topic " + topic + " does not exist (yet)";
            LOG.warnf("Topic %s does not exist yet; looking again in %d s", topic, pause.toSeconds());
            thread.pause(pause);
            pause = SupervisedThread.longer(pause);
        }
    }

    /** Called once the table's thread has ended: nobody will release the waiters any more. */
    private void failWaiters(RuntimeException why) {
        CompletableFuture<Void> request;
        while ((request = catchUpRequests.poll()) != null) {
            request.completeExceptionally(why);
        }
        if (thread.ended()) {
            synchronized (this) {
                barriers.forEach(barrier -> barrier.done().completeExceptionally(why));
                barriers.clear();
            }
        }
    }

    /** A waiter for the read to reach given end offsets, by partition number. */
    private record Barrier(Map<Integer, Long> end, CompletableFuture<Void> done) {
    }
}
