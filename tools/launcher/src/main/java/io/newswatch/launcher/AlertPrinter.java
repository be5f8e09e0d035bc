package io.newswatch.launcher;

import io.newswatch.contract.Alert;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.Json;
import io.newswatch.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints alerts to the launcher's console as they arrive on the alerts topic. Reads every partition from its end,
 * without a consumer group: it is a viewer, not a worker, and must not take partitions from anyone.
 */
final class AlertPrinter implements Runnable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final PrintStream out;
    private final Set<String> printed = new HashSet<>();

    AlertPrinter(KafkaClients clients, String topic, PrintStream out) {
        this.consumer = clients.tableConsumer("newswatch-alert-printer");
        this.topic = topic;
        this.out = out;
    }

    @Override
    public void run() {
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    print(record.value());
                }
            }
        } catch (WakeupException stopping) {
            // stop() was called
        }
    }

    void stop() {
        consumer.wakeup();
    }

    private void print(String value) {
        try {
            Alert alert = Json.decode(value, Alert.class);
            if (!printed.add(alert.id())) {
                return; // the same alert again, with its delivery statuses
            }
            String time = LocalTime.ofInstant(alert.timestamp(), ZoneId.systemDefault()).format(TIME);
            String spread = alert.level() > 0 ? "  (story now in " + alert.storyOutlets() + " outlets)" : "";
            out.printf("ALERT %s  [%s]  %s  -  %s  %s%s%n", time, alert.ruleName(), alert.title(), alert.source(),
                    alert.url(), spread);
        } catch (BadEventException e) {
            out.println("ALERT (unreadable: " + e.getMessage() + ")");
        }
    }
}
