package io.newswatch.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one way newswatch builds a Kafka client that is not a Reactive Messaging channel. Every client starts from
 * the same client settings (bootstrap servers, and security: {@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}), the ones the channels get, so that a cluster with SASL or TLS works for every client of every
 * service; each kind of client then adds what it needs.
 *
 * <p>In a Quarkus service the settings are the {@code kafka.*} configuration (Quarkus' {@code
 * default-kafka-broker} map, which also takes {@code KAFKA_*} environment variables); in a plain program they come
 * from the environment ({@link #fromEnvironment}).
 */
public final class KafkaClients {

    private static final Set<String> CLIENT_SETTINGS = new HashSet<>();

    static {
        CLIENT_SETTINGS.addAll(ConsumerConfig.configNames());
        CLIENT_SETTINGS.addAll(ProducerConfig.configNames());
        CLIENT_SETTINGS.addAll(AdminClientConfig.configNames());
    }

    /** Settings of one kind of client that must not leak into another (a producer has no group). */
    private static final Set<String> ROLE_SETTINGS = Set.of(ConsumerConfig.GROUP_ID_CONFIG,
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, ConsumerConfig.CLIENT_ID_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG);

    private final Map<String, Object> settings;

    private KafkaClients(Map<String, Object> settings) {
        if (settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("the Kafka client settings have no bootstrap.servers");
        }
        this.settings = Map.copyOf(settings);
    }

    /**
     * Clients from configured settings, e.g. Quarkus' {@code default-kafka-broker} map. Keys that are no Kafka
     * client setting (Quarkus' own {@code kafka.health.enabled}, say) and settings of one role (group, client id,
     * serialisers) are left out.
     */
    public static KafkaClients of(Map<String, ?> configured) {
        Map<String, Object> settings = new TreeMap<>();
        configured.forEach((key, value) -> {
            if (value != null && CLIENT_SETTINGS.contains(key) && !ROLE_SETTINGS.contains(key)) {
                settings.put(key, value);
            }
        });
        return new KafkaClients(settings);
    }

    /**
     * Clients from environment variables, named as the services take them: {@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}, ... (upper case, dots as underscores).
     *
     * @param fallbackBootstrapServers used when {@code KAFKA_BOOTSTRAP_SERVERS} is not set
     */
    public static KafkaClients fromEnvironment(Map<String, String> env, String fallbackBootstrapServers) {
        Map<String, Object> settings = new TreeMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, fallbackBootstrapServers);
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && value != null && !value.isBlank()) {
                String key = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
                if (CLIENT_SETTINGS.contains(key) && !ROLE_SETTINGS.contains(key)) {
                    settings.put(key, value);
                }
            }
        });
        return new KafkaClients(settings);
    }

    /** Clients of a plain broker at these bootstrap servers (tests, the local stack). */
    public static KafkaClients plain(String bootstrapServers) {
        return new KafkaClients(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The shared client settings (no role settings), e.g. for a channel built elsewhere. */
    public Map<String, Object> settings() {
        return settings;
    }

    public String bootstrapServers() {
        return String.valueOf(settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    /**
     * A consumer that belongs to no group and commits nothing: it reads partitions it assigns itself, from their
     * beginning, records of committed transactions only. Topics are never created by reading them.
     */
    public KafkaConsumer<String, String> tableConsumer(String clientId) {
        return tableConsumer(clientId, Map.of());
    }

    /**
     * A consumer that belongs to no group and commits nothing, with further settings.
     *
     * @param overrides further consumer settings (API timeout, where a newly assigned partition starts...)
     */
    public KafkaConsumer<String, String> tableConsumer(String clientId, Map<String, Object> overrides) {
        return tableConsumer(clientId, overrides, new StringDeserializer(), new StringDeserializer());
    }

    /** A {@link #tableConsumer(String)} of other types (raw bytes, say, for a tool that copies records as they are). */
    public <K, V> KafkaConsumer<K, V> tableConsumer(String clientId, Deserializer<K> keys, Deserializer<V> values) {
        return tableConsumer(clientId, Map.of(), keys, values);
    }

    private <K, V> KafkaConsumer<K, V> tableConsumer(String clientId, Map<String, Object> overrides,
                                                     Deserializer<K> keys, Deserializer<V> values) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.putAll(overrides);
        return new KafkaConsumer<>(config, keys, values);
    }

    /**
     * A member of a consumer group that commits nothing by itself.
     *
     * @param overrides further consumer settings (session timeout, assignor, offset reset...)
     */
    public KafkaConsumer<String, String> groupConsumer(String groupId, String clientId, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * A durable producer of string records: acknowledged by all in-sync replicas, idempotent, and bounded in time
     * (a send fails within about 10 s instead of blocking while Kafka is away).
     *
     * @param overrides further producer settings (linger, compression, request size...)
     */
    public KafkaProducer<String, String> producer(String clientId, Map<String, Object> overrides) {
        return producer(clientId, overrides, new StringSerializer(), new StringSerializer());
    }

    /** A {@link #producer(String, Map)} of other types (raw bytes, say, for a tool that copies records as they are). */
    public <K, V> KafkaProducer<K, V> producer(String clientId, Map<String, Object> overrides, Serializer<K> keys,
                                               Serializer<V> values) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putAll(overrides);
        return new KafkaProducer<>(config, keys, values);
    }

    /** An admin client (topics, offsets, configuration). */
    public Admin admin(String clientId) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(config);
    }
}
