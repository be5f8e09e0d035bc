package io.newswatch.alerter.rule;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newswatch.addressguard.AddressGuard;
import io.newswatch.alerter.config.AlerterConfig;
import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.DeadLetters;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.kafka.TopicTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The rule store: the compacted topic {@code rules}, read whole by every instance into its {@link RuleBook}, and
 * written by the API and by the rules file. A write returns once this instance has read it back; other instances
 * read it within their next poll (milliseconds), which is how a change reaches every matcher within a second.
 */
@ApplicationScoped
public class RuleStore {

    private static final Logger LOG = Logger.getLogger(RuleStore.class);

    private final AlerterConfig config;
    private final TopicNames topics;
    private final KafkaClients kafka;
    private final DeadLetters deadLetters;
    private final RuleFactory factory;
    private final RuleBook book;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String problem = "not started";
    private volatile List<String> fileProblems = List.of();
    private TopicTable table;
    private KafkaProducer<String, String> producer;

    RuleStore(AlerterConfig config, TopicNames topics, KafkaClients kafka, DeadLetters deadLetters, Clock clock,
              AddressGuard guard, MeterRegistry registry) {
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.factory = new RuleFactory(clock, config.delivery().webhooks(), guard);
        this.book = new RuleBook(clock);
        Gauge.builder("alerter.rules", book, RuleBook::size).description("Rules in the rule store")
                .register(registry);
        Gauge.builder("alerter.rules.matching", book, RuleBook::matching)
                .description("Enabled rules with a usable query, in the matcher").register(registry);
        Gauge.builder("alerter.rules.broken", book, RuleBook::broken)
                .description("Rules that do not match: their query is unusable or failed on an article")
                .register(registry);
        FunctionCounter.builder("alerter.rule.failures", book, RuleBook::matchFailures)
                .description("Times a rule's query threw while matching an article (the rule is then broken)")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        // A rules file that cannot be read stops the start here, with a message that says what to fix; a wrong rule
        // in it is reported and kept out (or kept broken), never a reason to stop.
        RulesFile.Loaded loaded = config.rulesFile().map(file -> RulesFile.read(file, factory))
                .orElse(new RulesFile.Loaded(List.of(), List.of()));
        loaded.problems().forEach(LOG::error);
        fileProblems = loaded.problems();
        List<Rule> fileRules = loaded.rules();
        producer = kafka.producer("newswatch-alerter-rules", Map.of());
        table = new TopicTable(kafka, topics.rules(), "alerter", new TopicTable.Listener() {
            @Override
            public void apply(ConsumerRecord<String, String> record) {
                book.stage(record.key(), record.value() == null ? null : Json.decode(record.value(), Rule.class));
            }

            @Override
            public void endOfBatch(boolean catchingUp) {
                if (!catchingUp) {
                    book.commit();
                }
            }

            @Override
            public void caughtUp() {
                book.commit();
            }

            @Override
            public String redact(String message) {
                return Redaction.text(message);
            }
        }, deadLetters);
        table.start();
        Thread.ofPlatform().name("rule-store-load").daemon().start(() -> load(fileRules));
    }

    void stop(@Observes ShutdownEvent event) {
        if (table != null) {
            table.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        // The book's index lives in memory and goes with the process. It is not closed here: the article consumer may
        // still be matching a batch, which would then fail as if its articles were at fault.
    }

    private void load(List<Rule> fileRules) {
        try {
            problem = "reading the rule store " + topics.rules();
            while (!table.awaitCaughtUp(config.startupTimeout())) {
                LOG.errorf("The rule store %s is still not read after %s: %s", topics.rules(),
                        config.startupTimeout(), table.problem());
            }
            int written = 0;
            for (Rule rule : fileRules) {
                if (!sameDefinition(book.get(rule.id()).orElse(null), rule)) {
                    put(rule);
                    written++;
                }
            }
            if (config.rulesFile().isPresent()) {
                LOG.infof("Rules file %s: %d rules, %d written to the rule store", config.rulesFile().get(),
                        fileRules.size(), written);
            }
            LOG.infof("Rule store ready: %d rules, %d matching", book.size(), book.matching());
            problem = null;
            ready.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuleStoreException e) {
            problem = "cannot write the rules file to the rule store: " + e.getMessage();
            LOG.error(problem);
        } catch (RuntimeException e) {
            problem = "loading the rule store failed: " + e;
            LOG.error(problem, e);
        }
    }

    /** Waits until the store has been read and the rules file applied; matching must not start before. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What is wrong with rules of the rules file (left out, or kept broken), one line each. */
    public List<String> fileProblems() {
        return fileProblems;
    }

    /** The table of the rules topic, for liveness; null before start. */
    public TopicTable table() {
        return table;
    }

    /** Why the store is not ready; null when it is. */
    public String problem() {
        return problem;
    }

    public RuleBook book() {
        return book;
    }

    public RuleFactory factory() {
        return factory;
    }

    /** Writes a rule and waits until this instance has read it back. */
    public Rule put(Rule rule) {
        write(rule.id(), Json.encode(rule));
        return book.get(rule.id()).orElse(rule);
    }

    /** Deletes a rule (a tombstone) and waits until this instance has read it back. */
    public void delete(String id) {
        write(id, null);
    }

    public Optional<Rule> get(String id) {
        return book.get(id);
    }

    private void write(String id, String value) {
        Duration timeout = config.ruleWriteTimeout();
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(topics.rules(), id, value))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!table.awaitApplied(written.partition(), written.offset(), timeout)) {
                throw new RuleStoreException("rule " + id + " was written but not read back within " + timeout);
            }
        } catch (ExecutionException e) {
            throw new RuleStoreException("cannot write rule " + id + " to " + topics.rules() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RuleStoreException("writing rule " + id + " to " + topics.rules() + " took longer than "
                    + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleStoreException("interrupted while writing rule " + id);
        }
    }

    /** Same rule apart from when it was written. */
    static boolean sameDefinition(Rule a, Rule b) {
        return a != null && b != null && a.id().equals(b.id()) && Objects.equals(a.name(), b.name())
                && a.query().equals(b.query()) && a.channels().equals(b.channels()) && a.enabled() == b.enabled()
                && Objects.equals(a.owner(), b.owner()) && a.tags().equals(b.tags()) && a.scope() == b.scope()
                && Objects.equals(a.realert(), b.realert()) && a.mode() == b.mode()
                && Objects.equals(a.digestInterval(), b.digestInterval())
                && Objects.equals(a.escalation(), b.escalation());
    }

    /** The rule store cannot be written or read back in time (Kafka unreachable). */
    public static final class RuleStoreException extends RuntimeException {
        RuleStoreException(String message) {
            super(message);
        }

        RuleStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
