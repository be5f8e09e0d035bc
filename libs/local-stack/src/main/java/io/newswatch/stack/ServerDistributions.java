package io.newswatch.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Kafka broker and the Elasticsearch node, resolved from Maven Central through the project's Maven wrapper into
 * {@code .newswatch/dist/}: Kafka as its jars ({@code org.apache.kafka:kafka_2.13} and dependencies), Elasticsearch
 * as its unpacked integ-test distribution. Resolved once; a warm Maven repository makes it work offline.
 */
final class ServerDistributions {

    private static final Properties VERSIONS = versions();

    private final StackHome home;

    ServerDistributions(StackHome home) {
        this.home = home;
    }

    static String kafkaVersion() {
        return VERSIONS.getProperty("kafka.version");
    }

    static String elasticsearchVersion() {
        return VERSIONS.getProperty("elasticsearch.version");
    }

    /** Kafka's jars. */
    Path kafkaLibs() {
        return home.dist().resolve("kafka-" + kafkaVersion()).resolve("libs");
    }

    /** ES_HOME of Elasticsearch. */
    Path elasticsearchHome() {
        return home.dist().resolve("elasticsearch-" + elasticsearchVersion());
    }

    /** Resolves whatever is missing; holds a file lock so that two starts never resolve at once. */
    void ensureResolved() {
        if (resolved()) {
            return;
        }
        try {
            PrivateFiles.createDirectories(home.dist());
            try (FileChannel channel = FileChannel.open(PrivateFiles.touch(home.dist().resolve(".lock")),
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!resolved()) {
                    resolve();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + home.dist(), e);
        }
    }

    private boolean resolved() {
        return Files.isRegularFile(kafkaLibs().resolve("kafka_2.13-" + kafkaVersion() + ".jar"))
                && Files.isRegularFile(elasticsearchHome().resolve("bin").resolve("elasticsearch"));
    }

    private void resolve() throws IOException {
        Path pom = home.dist().resolve("pom.xml");
        try (InputStream in = ServerDistributions.class.getResourceAsStream("servers-pom.xml")) {
            PrivateFiles.write(pom, in.readAllBytes());
        }
        Path log = home.log("resolve-servers");
        PrivateFiles.touch(log);
        System.out.println("Resolving Kafka " + kafkaVersion() + " and Elasticsearch " + elasticsearchVersion()
                + " from Maven Central (once; log: " + home.project().relativize(log) + ")");
        ProcessBuilder builder = new ProcessBuilder(PrivateFiles.withPrivateUmask(List.of(
                home.mavenWrapper().toString(), "-B", "-q", "-f", pom.toString(), "package")))
                .directory(home.project().toFile())
                .redirectOutput(log.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process maven = builder.start();
            if (!maven.waitFor(20, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new StackException("resolving the servers took over 20 minutes; see " + log);
            }
            if (maven.exitValue() != 0 || !resolved()) {
                throw new StackException("could not resolve Kafka and Elasticsearch from Maven Central "
                        + "(no network, and not in the local Maven repository?). Maven said:\n"
                        + DetachedProcess.tail(log, 15));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while resolving the servers");
        }
        makeExecutable(elasticsearchHome().resolve("bin"));
    }

    /** The zip keeps no modes: its scripts become executable, by their owner only. */
    private static void makeExecutable(Path bin) throws IOException {
        try (Stream<Path> files = Files.list(bin)) {
            for (Path file : files.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
                Files.setPosixFilePermissions(file, permissions);
            }
        }
    }

    private static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = ServerDistributions.class.getResourceAsStream("servers.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("servers.properties missing from the local-stack jar", e);
        }
        return properties;
    }
}
