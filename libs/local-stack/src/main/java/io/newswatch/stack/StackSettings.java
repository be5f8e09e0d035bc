package io.newswatch.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Ports, heaps and partitions of the local stack. Defaults are the ports of docs/contracts.md; each can be overridden by an
 * environment variable, e.g. to run a second stack beside the first.
 *
 * @param kafkaPort                  {@code NEWSWATCH_KAFKA_PORT}, default 9092
 * @param kafkaControllerPort        {@code NEWSWATCH_KAFKA_CONTROLLER_PORT}, default 9093
 * @param elasticsearchPort          {@code NEWSWATCH_ELASTICSEARCH_PORT}, default 9200
 * @param elasticsearchTransportPort {@code NEWSWATCH_ELASTICSEARCH_TRANSPORT_PORT}, default 9300
 * @param kafkaHeap                  {@code NEWSWATCH_KAFKA_HEAP}, default 512m
 * @param elasticsearchHeap          {@code NEWSWATCH_ELASTICSEARCH_HEAP}, default 1g
 * @param partitions                 {@code NEWSWATCH_PARTITIONS}, partitions of every topic, default 3
 * @param elasticsearchUser          {@code NEWSWATCH_ELASTICSEARCH_USER}: the unprivileged user that runs
 *                                   Elasticsearch when the stack is started by root, default newswatch
 * @param elasticsearchUserDir       {@code NEWSWATCH_ELASTICSEARCH_USER_DIR}: when the stack is started by root,
 *                                   the folder, owned by that user, that holds Elasticsearch's distribution,
 *                                   configuration, data and logs (the checkout's own folder is root's alone),
 *                                   default {@value #DEFAULT_ELASTICSEARCH_USER_DIR}
 * @param kafkaSaslPort              {@code NEWSWATCH_KAFKA_SASL_PORT}: Kafka's second client listener, SASL/PLAIN
 *                                   over plaintext with a user the stack generates ({@link KafkaSasl}), default
 *                                   the client port plus 2 (9094); 0 for none
 */
public record StackSettings(
        int kafkaPort,
        int kafkaControllerPort,
        int elasticsearchPort,
        int elasticsearchTransportPort,
        String kafkaHeap,
        String elasticsearchHeap,
        int partitions,
        String elasticsearchUser,
        Path elasticsearchUserDir,
        int kafkaSaslPort) {

    /** Where Elasticsearch's files live in a stack started by root, unless configured. */
    public static final String DEFAULT_ELASTICSEARCH_USER_DIR = "/var/lib/newswatch";

    /**
     * Settings with Elasticsearch's files for root runs in {@value #DEFAULT_ELASTICSEARCH_USER_DIR}, and no SASL
     * listener (a test's private stack).
     */
    public StackSettings(int kafkaPort, int kafkaControllerPort, int elasticsearchPort, int elasticsearchTransportPort,
                         String kafkaHeap, String elasticsearchHeap, int partitions, String elasticsearchUser) {
        this(kafkaPort, kafkaControllerPort, elasticsearchPort, elasticsearchTransportPort, kafkaHeap,
                elasticsearchHeap, partitions, elasticsearchUser, Path.of(DEFAULT_ELASTICSEARCH_USER_DIR));
    }

    /** Settings without a SASL listener (a test's private stack). */
    public StackSettings(int kafkaPort, int kafkaControllerPort, int elasticsearchPort, int elasticsearchTransportPort,
                         String kafkaHeap, String elasticsearchHeap, int partitions, String elasticsearchUser,
                         Path elasticsearchUserDir) {
        this(kafkaPort, kafkaControllerPort, elasticsearchPort, elasticsearchTransportPort, kafkaHeap,
                elasticsearchHeap, partitions, elasticsearchUser, elasticsearchUserDir, 0);
    }

    /** Settings from the environment, with defaults. */
    public static StackSettings fromEnvironment() {
        return from(System.getenv());
    }

    /** Settings from the given environment, with defaults. */
    public static StackSettings from(Map<String, String> env) {
        int kafkaPort = port(env, "NEWSWATCH_KAFKA_PORT", 9092);
        String sasl = env.get("NEWSWATCH_KAFKA_SASL_PORT");
        return new StackSettings(
                kafkaPort,
                port(env, "NEWSWATCH_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "NEWSWATCH_ELASTICSEARCH_PORT", 9200),
                port(env, "NEWSWATCH_ELASTICSEARCH_TRANSPORT_PORT", 9300),
                heap(env, "NEWSWATCH_KAFKA_HEAP", "512m"),
                heap(env, "NEWSWATCH_ELASTICSEARCH_HEAP", "1g"),
                positive(env, "NEWSWATCH_PARTITIONS", 3),
                env.getOrDefault("NEWSWATCH_ELASTICSEARCH_USER", "newswatch"),
                absolute(env, "NEWSWATCH_ELASTICSEARCH_USER_DIR", DEFAULT_ELASTICSEARCH_USER_DIR),
                "0".equals(sasl == null ? null : sasl.trim()) ? 0
                        : port(env, "NEWSWATCH_KAFKA_SASL_PORT", Math.min(kafkaPort + 2, 65535)));
    }

    /** {@code host:port} of the broker's SASL listener; none when {@link #kafkaSaslPort()} is 0. */
    public Optional<String> kafkaSaslBootstrapServers() {
        return kafkaSaslPort == 0 ? Optional.empty() : Optional.of("localhost:" + kafkaSaslPort);
    }

    /** {@code host:port} of the broker. */
    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** Base URL of Elasticsearch. */
    public String elasticsearchUrl() {
        return "http://localhost:" + elasticsearchPort;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        int port = positive(env, name, fallback);
        if (port > 65535) {
            throw new StackException(name + "=" + port + " is not a TCP port");
        }
        return port;
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + value + " is not a positive number");
        }
    }

    private static Path absolute(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        Path path = Path.of(value == null || value.isBlank() ? fallback : value.trim());
        if (!path.isAbsolute()) {
            throw new StackException(name + "=" + value + " is not an absolute path");
        }
        return path.normalize();
    }

    private static String heap(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, fallback).trim();
        if (!value.matches("\\d+[mMgG]")) {
            throw new StackException(name + "=" + value + " is not a heap size such as 512m or 1g");
        }
        return value;
    }
}
