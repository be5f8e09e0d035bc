package io.newswatch.e2e;

import io.newswatch.stack.TestStack;
import io.newswatch.stack.launcher.NewswatchService;
import io.newswatch.stack.launcher.ServiceProcesses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services as processes, configured for one test's topics and indices, exactly as the launcher
 * runs them (same {@link ServiceProcesses}), each on a free port and with a log of its own under
 * {@code .newswatch/logs/<prefix>-<service>.log}.
 */
final class Pipeline implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final TestStack test;
    private final ServiceProcesses processes;
    private final Map<NewswatchService, Map<String, String>> environment = new EnumMap<>(NewswatchService.class);
    private final Map<NewswatchService, Integer> ports = new EnumMap<>(NewswatchService.class);

    /**
     * @param extra per-service settings on top of the stack's (feeds file, rules file, poll interval...)
     */
    Pipeline(TestStack test, Map<NewswatchService, Map<String, String>> extra) {
        this.test = test;
        this.processes = new ServiceProcesses(test.stack().home());
        for (NewswatchService service : NewswatchService.values()) {
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", test.kafkaBootstrapServers());
            env.put("NEWSWATCH_TOPIC_PREFIX", test.topicPrefix());
            env.put("NEWSWATCH_ELASTICSEARCH_HOSTS", test.elasticsearchUrl());
            env.put("NEWSWATCH_ELASTICSEARCH_INDEX_PREFIX", test.indexPrefix());
            env.putAll(extra.getOrDefault(service, Map.of()));
            environment.put(service, env);
            ports.put(service, freePort());
        }
    }

    /** Starts every service and waits until all are ready. */
    Pipeline start() {
        for (NewswatchService service : NewswatchService.values()) {
            launch(service);
        }
        for (NewswatchService service : NewswatchService.values()) {
            awaitReady(service);
        }
        return this;
    }

    /** Stops every service gracefully (SIGTERM), then starts them again and waits until all are ready. */
    void restartAll() {
        for (NewswatchService service : NewswatchService.values()) {
            processes.stop(instance(service), Duration.ofSeconds(30));
        }
        start();
    }

    /** Kills one service at once (kill -9). */
    void kill(NewswatchService service) {
        processes.kill(instance(service));
    }

    /** Starts one service again and waits until it is ready. */
    void restart(NewswatchService service) {
        processes.stop(instance(service), Duration.ofSeconds(30));
        launch(service);
        awaitReady(service);
    }

    /** Base URL of a service's HTTP API. */
    String url(NewswatchService service) {
        return "http://localhost:" + ports.get(service);
    }

    private void launch(NewswatchService service) {
        processes.start(instance(service), service, ports.get(service), "256m", environment.get(service));
    }

    private void awaitReady(NewswatchService service) {
        processes.awaitReady(instance(service), ports.get(service), STARTUP);
    }

    private String instance(NewswatchService service) {
        return test.indexPrefix() + "-" + service.id();
    }

    @Override
    public void close() {
        for (NewswatchService service : List.of(NewswatchService.values())) {
            processes.stop(instance(service), Duration.ofSeconds(30));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
