package io.newswatch.stack;

import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local Kafka broker and Elasticsearch node that {@code ./newswatch up} and the tests run against: real servers
 * as child processes with bounded heaps, files under {@code .newswatch/}. A server already answering on its port
 * is reused, not started twice; a port held by something else is an error that says so.
 */
public final class LocalStack {

    private final StackHome home;
    private final StackSettings settings;
    private final ServerDistributions distributions;
    private final List<LocalServer> servers;

    public LocalStack(StackHome home, StackSettings settings) {
        this.home = home;
        this.settings = settings;
        this.distributions = new ServerDistributions(home);
        this.servers = List.of(new KafkaBroker(home, settings, distributions),
                new ElasticsearchNode(home, settings, distributions));
    }

    /** The stack of the checkout this runs in, configured from the environment. */
    public static LocalStack create() {
        Jdk.requireSupported();
        return new LocalStack(StackHome.locate(), StackSettings.fromEnvironment());
    }

    public StackHome home() {
        return home;
    }

    public StackSettings settings() {
        return settings;
    }

    /** Where clients reach the stack. */
    public Endpoints endpoints() {
        return new Endpoints(settings.kafkaBootstrapServers(), settings.elasticsearchUrl());
    }

    /** Where clients reach the stack: Kafka's bootstrap servers and Elasticsearch's base URL. */
    public record Endpoints(String kafkaBootstrapServers, String elasticsearchUrl) {
    }

    /**
     * The broker's SASL listener and its user, for tests that check what every client does with the configured
     * client settings.
     *
     * @throws StackException when the stack has none, or the running broker was started without one
     */
    public KafkaSasl kafkaSasl() {
        String address = settings.kafkaSaslBootstrapServers().orElseThrow(() -> new StackException(
                "this stack's Kafka has no SASL listener (NEWSWATCH_KAFKA_SASL_PORT=0)"));
        if (!Ports.inUse(settings.kafkaSaslPort())) {
            throw new StackException("nothing listens on Kafka's SASL port " + settings.kafkaSaslPort() + ": the "
                    + "running broker was started without that listener (by an earlier version, or another checkout)."
                    + " Restart it: ./newswatch stack down, then ./newswatch stack up");
        }
        return KafkaSasl.of(home, address);
    }

    /** How one server is doing. */
    public enum ServerState {
        /** started by this checkout and answering */
        RUNNING,
        /** answering, but not started by this checkout */
        REUSED,
        /** started by this checkout, not answering (yet) */
        STARTING,
        /** not running */
        DOWN,
        /** its port is held by something that does not answer as this server */
        PORT_TAKEN
    }

    /**
     * Brings both servers up, reusing running ones, waits until they are healthy, then creates the default topics
     * and index templates.
     *
     * @return the names of the servers this call started (empty when everything was running)
     */
    public List<String> up(PrintStream out) {
        home.secure(anotherUserWorksInside());
        List<String> started = new ArrayList<>();
        withLock(() -> {
            Map<LocalServer, ServerState> states = new LinkedHashMap<>();
            for (LocalServer server : servers) {
                states.put(server, state(server));
            }
            // Nothing is started when one port is taken: half a stack would outlive the error.
            for (Map.Entry<LocalServer, ServerState> entry : states.entrySet()) {
                if (entry.getValue() == ServerState.PORT_TAKEN) {
                    throw portTaken(entry.getKey());
                }
            }
            for (LocalServer server : servers) {
                ServerState state = states.get(server);
                switch (state) {
                    case RUNNING, REUSED -> out.printf("%-14s %s at %s%n", server.name(),
                            state == ServerState.RUNNING ? "running" : "already running (reused)", server.address());
                    case STARTING -> out.printf("%-14s starting at %s%n", server.name(), server.address());
                    case PORT_TAKEN -> throw portTaken(server);
                    case DOWN -> {
                        distributions.ensureResolved();
                        out.printf("%-14s starting at %s (log: %s)%n", server.name(), server.address(),
                                home.project().relativize(server.log()));
                        server.start();
                        started.add(server.name());
                    }
                }
            }
            for (LocalServer server : servers) {
                awaitHealthy(server);
                if (started.contains(server.name())) {
                    lower(server, out);
                }
            }
        });
        setUp(TopicNames.DEFAULT, IndexNames.DEFAULT);
        return started;
    }

    /** An Elasticsearch that an earlier version started, as its own user, with its data in the stack's folder. */
    private boolean anotherUserWorksInside() {
        Path data = home.data("elasticsearch");
        try {
            return ProcessTree.alive(home.pidFile("elasticsearch")).isPresent() && Files.isDirectory(data)
                    && !Files.getOwner(data).getName().equals(System.getProperty("user.name"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates topics and installs index templates for the given names (tests use names of their own). */
    public void setUp(TopicNames topics, IndexNames indices) {
        StackSetup setup = setup();
        setup.createTopics(topics);
        setup.installSchema(indices);
    }

    /** Topic and index administration against this stack. */
    public StackSetup setup() {
        return new StackSetup(settings.kafkaBootstrapServers(), settings.elasticsearchUrl(), settings.partitions());
    }

    /**
     * Stops the servers this checkout started (Kafka shuts down cleanly on SIGTERM); servers it merely reused are
     * left running.
     *
     * @return the names of the servers stopped
     */
    public List<String> down() {
        List<String> stopped = new ArrayList<>();
        // Elasticsearch first: it holds no Kafka state, and Kafka's clean shutdown then has the machine to itself.
        for (LocalServer server : servers.reversed()) {
            if (ProcessTree.stop(server.pidFile(), Duration.ofSeconds(60))) {
                stopped.add(server.name());
            }
        }
        return stopped;
    }

    /**
     * Deletes the data of both servers, which must be stopped, so that the next {@link #up} starts afresh (fault
     * tests do this; Elasticsearch's data may live outside the stack's folder, see {@link ElasticsearchUserDir}).
     */
    public void deleteData() {
        for (LocalServer server : servers) {
            if (ProcessTree.alive(server.pidFile()).isPresent()) {
                throw new StackException(server.name() + " is running: stop it before deleting its data");
            }
            deleteTree(server.data());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** The state of each server, by name. */
    public Map<String, ServerState> status() {
        Map<String, ServerState> states = new LinkedHashMap<>();
        for (LocalServer server : servers) {
            states.put(server.name(), state(server));
        }
        return states;
    }

    /** The address of a server, by name. */
    public String address(String server) {
        return servers.stream().filter(s -> s.name().equals(server)).findFirst()
                .map(LocalServer::address).orElseThrow();
    }

    /** Stops one server this checkout started, abruptly or not (for fault tests). */
    public boolean stop(String server, boolean kill) {
        LocalServer target = servers.stream().filter(s -> s.name().equals(server)).findFirst().orElseThrow();
        Optional<ProcessHandle> process = ProcessTree.alive(target.pidFile());
        if (process.isEmpty()) {
            return false;
        }
        if (kill) {
            process.get().descendants().forEach(ProcessHandle::destroyForcibly);
            process.get().destroyForcibly();
            process.get().onExit().join();
        } else {
            ProcessTree.stopTree(process.get(), Duration.ofSeconds(60));
        }
        return true;
    }

    private ServerState state(LocalServer server) {
        boolean ours = ProcessTree.alive(server.pidFile()).isPresent();
        if (server.healthy()) {
            return ours ? ServerState.RUNNING : ServerState.REUSED;
        }
        if (ours) {
            return ServerState.STARTING;
        }
        return server.ports().stream().anyMatch(Ports::inUse) ? ServerState.PORT_TAKEN : ServerState.DOWN;
    }

    private StackException portTaken(LocalServer server) {
        return new StackException("port " + server.ports() + " is in use by something that does not answer as "
                + server.name() + " at " + server.address() + ". Stop it, or move newswatch's " + server.name()
                + " to other ports (see local-stack/README.md: NEWSWATCH_*_PORT).");
    }

    /** Once healthy (it starts at normal priority: a niced Elasticsearch took minutes to start on a busy machine). */
    private static void lower(LocalServer server, PrintStream out) {
        CpuPriority priority = server.priority();
        ProcessTree.alive(server.pidFile()).ifPresent(process -> {
            List<String> failed = priority.lower(process);
            if (priority.niceness() > 0) {
                out.printf("%-14s %s%n", server.name(), priority.describe(failed));
            }
        });
    }

    private void awaitHealthy(LocalServer server) {
        long deadline = System.nanoTime() + server.startupTimeout().toNanos();
        while (!server.healthy()) {
            boolean ours = Files.exists(server.pidFile());
            if (ours && ProcessTree.alive(server.pidFile()).isEmpty()) {
                throw new StackException(server.name() + " exited while starting. Its log ("
                        + server.log() + ") ends with:\n" + DetachedProcess.tail(server.log(), 25));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(server.name() + " did not become healthy within "
                        + server.startupTimeout().toSeconds() + " s. Its log (" + server.log() + ") ends with:\n"
                        + DetachedProcess.tail(server.log(), 25));
            }
            sleep(500);
        }
    }

    private void withLock(Runnable action) {
        try {
            PrivateFiles.createDirectories(home.run());
            try (FileChannel channel = FileChannel.open(PrivateFiles.touch(home.run().resolve("stack.lock")),
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + home.run(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for the stack");
        }
    }
}
