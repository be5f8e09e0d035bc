package io.newswatch.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process), from the jars of kafka_2.13: a
 * plaintext client listener, and unless its port is 0 a second one with SASL/PLAIN ({@link KafkaSasl}).
 */
final class KafkaBroker implements LocalServer {

    private final StackHome home;
    private final StackSettings settings;
    private final ServerDistributions distributions;

    KafkaBroker(StackHome home, StackSettings settings, ServerDistributions distributions) {
        this.home = home;
        this.settings = settings;
        this.distributions = distributions;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String address() {
        return settings.kafkaBootstrapServers();
    }

    @Override
    public List<Integer> ports() {
        return settings.kafkaSaslPort() == 0 ? List.of(settings.kafkaPort(), settings.kafkaControllerPort())
                : List.of(settings.kafkaPort(), settings.kafkaControllerPort(), settings.kafkaSaslPort());
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public Path pidFile() {
        return home.pidFile(name());
    }

    @Override
    public Path data() {
        return home.data(name());
    }

    @Override
    public Path log() {
        return home.log(name());
    }

    @Override
    public void start() {
        Path config = writeConfig();
        formatStorageOnce(config);
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(command.indexOf("-cp"), GcLog.in(home).options(name()));
        command.add("kafka.Kafka");
        command.add(config.resolve("server.properties").toString());
        DetachedProcess.start(command, Map.of(), home.project(), log(), pidFile());
    }

    @Override
    public boolean healthy() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).nodes()
                    .get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private List<String> javaCommand() {
        return List.of(Jdk.java().toString(),
                "-Xms" + settings.kafkaHeap(), "-Xmx" + settings.kafkaHeap(),
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + home.config(name()).resolve("log4j2.properties"),
                "-cp", distributions.kafkaLibs() + "/*");
    }

    private Path writeConfig() {
        Path config = home.config(name());
        String plaintext = "PLAINTEXT://localhost:" + settings.kafkaPort();
        String sasl = settings.kafkaSaslBootstrapServers().map(address -> ",SASL_PLAINTEXT://" + address).orElse("");
        String serverProperties = String.join("\n",
                "# Written by the newswatch local stack at every start; edit StackSettings instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + settings.kafkaControllerPort(),
                "listeners=" + plaintext + ",CONTROLLER://localhost:" + settings.kafkaControllerPort() + sasl,
                "advertised.listeners=" + plaintext + sasl,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                // The SASL listener's one user; its password is in this file, which is its owner's alone.
                "sasl.enabled.mechanisms=PLAIN",
                settings.kafkaSaslBootstrapServers().map(address -> "listener.name.sasl_plaintext.plain.sasl.jaas.config="
                        + KafkaSasl.of(home, address).brokerJaasConfig()).orElse(""),
                "log.dirs=" + home.data(name()),
                "num.partitions=" + settings.partitions(),
                // Topics are created explicitly (StackSetup), so a misspelt topic name fails instead of
                // silently creating an empty topic.
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // One node: there is nobody to wait for before the first rebalance.
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                // Idle costs of one node on two cores (measured idle: 23 -> 16 ms of CPU a second, docs/perf):
                // KRaft's no-op record every 5 s instead of 0.5 s (it proves a live controller to other nodes; there
                // are none), two request and two network threads instead of 8 and 3 polling their queues, one
                // coordinator thread each for the few groups of one stack.
                "metadata.max.idle.interval.ms=5000",
                "num.io.threads=2",
                "num.network.threads=2",
                "group.coordinator.threads=1",
                "share.coordinator.threads=1",
                "");
        String log4j = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.out.ref = out",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = info",
                "");
        try {
            PrivateFiles.createDirectories(home.data(name()));
            PrivateFiles.createDirectories(log().getParent());
            // it holds the SASL user's password: made anew, rw-------, even where an earlier version left it open
            Files.deleteIfExists(config.resolve("server.properties"));
            PrivateFiles.write(config.resolve("server.properties"), serverProperties);
            PrivateFiles.write(config.resolve("log4j2.properties"), log4j);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka's configuration to " + config, e);
        }
    }

    /** KRaft storage is formatted once; its meta.properties then holds the cluster id for good. */
    private void formatStorageOnce(Path config) {
        if (Files.isRegularFile(home.data(name()).resolve("meta.properties"))) {
            return;
        }
        List<String> command = new ArrayList<>(javaCommand());
        // "--cluster-id=" in one argument: an id may start with '-', which the tool would otherwise take for an option
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--standalone", "--ignore-formatted",
                "--cluster-id=" + clusterId(), "--config", config.resolve("server.properties").toString()));
        try {
            PrivateFiles.touch(log());
            Process format = new ProcessBuilder(PrivateFiles.withPrivateUmask(command))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .redirectErrorStream(true)
                    .start();
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new StackException("formatting Kafka's storage in " + home.data(name()) + " failed:\n"
                        + DetachedProcess.tail(log(), 15));
            }
        } catch (IOException e) {
            throw new StackException("cannot run Kafka's StorageTool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka's storage");
        }
    }

    /** A KRaft cluster id: 16 random bytes in URL-safe base64 without padding, as Kafka's own tool makes them. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
