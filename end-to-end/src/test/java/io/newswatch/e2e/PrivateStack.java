package io.newswatch.e2e;

import io.newswatch.stack.Ports;
import io.newswatch.stack.LocalStack;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.StackSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;

/**
 * A Kafka broker and an Elasticsearch node of one test class's own, on free ports, under
 * {@code .newswatch/<name>-stack/}: the fault tests stop and start these, never the build's shared stack that
 * other tests (and other engineers) are using. Starts afresh (data of an earlier run deleted), and is torn down at
 * {@link #close()} or, should the test JVM die first, at its exit.
 */
final class PrivateStack implements AutoCloseable {

    private final LocalStack stack;
    private final Thread teardown;

    private PrivateStack(LocalStack stack) {
        this.stack = stack;
        this.teardown = new Thread(stack::down, "private-stack-teardown");
    }

    static PrivateStack start(String name) {
        StackHome shared = StackHome.locate();
        StackHome home = new StackHome(shared.project(), shared.dir().resolve(name + "-stack"));
        StackSettings defaults = StackSettings.fromEnvironment();
        List<Integer> ports = Ports.free(4);
        LocalStack stack = new LocalStack(home, new StackSettings(ports.get(0), ports.get(1), ports.get(2),
                ports.get(3), defaults.kafkaHeap(), "512m", defaults.partitions(), defaults.elasticsearchUser()));
        stack.down(); // whatever an earlier, interrupted run left behind
        stack.deleteData();
        shareDistributions(shared, home);
        PrivateStack started = new PrivateStack(stack);
        Runtime.getRuntime().addShutdownHook(started.teardown);
        List<String> servers;
        try {
            servers = stack.up(System.out);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        if (servers.size() != 2) {
            started.close();
            throw new IllegalStateException("the private stack reused servers " + stack.status()
                    + " instead of starting its own; a fault test must never stop a server it did not start");
        }
        return started;
    }

    LocalStack stack() {
        return stack;
    }

    /** Stops one server ("kafka", "elasticsearch") the way an operator would (SIGTERM, then SIGKILL after 60 s). */
    void stop(String server) {
        if (!stack.stop(server, false)) {
            throw new IllegalStateException(server + " of the private stack was not running");
        }
    }

    /** Starts whatever is stopped and waits until both servers are healthy. */
    void startAgain() {
        stack.up(System.out);
    }

    @Override
    public void close() {
        stack.down();
        try {
            Runtime.getRuntime().removeShutdownHook(teardown);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    /**
     * The server distributions are large and identical: when the checkout's stack has them already, the private
     * stack uses them instead of unpacking a second copy (each node keeps its data and logs apart).
     */
    private static void shareDistributions(StackHome shared, StackHome home) {
        try {
            Files.createDirectories(home.dir());
            if (Files.isDirectory(shared.dist()) && !Files.exists(home.dist(), LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(home.dist(), shared.dist());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home.dir(), e);
        }
    }
}
