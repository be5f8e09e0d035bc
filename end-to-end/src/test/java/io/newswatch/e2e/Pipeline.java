package io.newswatch.e2e;

import io.newswatch.stack.Ports;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.ServiceEnvironment;
import io.newswatch.stack.ServiceProcesses;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The four packaged services of the pipeline as processes (and the console, when asked for), configured for one
 * test's topics and indices, exactly as the launcher runs them (same {@link ServiceProcesses}): one instance of each
 * service, or several sharing the work through Kafka, each on a free port and with a log of its own under
 * {@code .newswatch/logs/<prefix>-<service>[-n].log}. A console is pointed at the first alerter and poller.
 */
final class Pipeline implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration GRACE = Duration.ofSeconds(30);

    /** One running copy of a service; the first is number 1. */
    record Instance(NewswatchService service, int number) {
    }

    private final Infrastructure infrastructure;
    private final ServiceProcesses processes;
    private final Map<NewswatchService, Map<String, String>> environment = new EnumMap<>(NewswatchService.class);
    private final Map<Instance, Integer> ports = new HashMap<>();
    private final List<Instance> instances = new ArrayList<>();

    /**
     * @param extra per-service settings on top of the infrastructure's (feeds file, rules file, poll interval...)
     */
    Pipeline(Infrastructure infrastructure, Map<NewswatchService, Map<String, String>> extra) {
        this(infrastructure, extra, 1);
    }

    /** @param copies instances of each service */
    Pipeline(Infrastructure infrastructure, Map<NewswatchService, Map<String, String>> extra, int copies) {
        this(infrastructure, extra, copies, NewswatchService.pipeline());
    }

    /**
     * @param copies   instances of each service
     * @param services the services to run
     */
    Pipeline(Infrastructure infrastructure, Map<NewswatchService, Map<String, String>> extra, int copies,
             List<NewswatchService> services) {
        this.infrastructure = infrastructure;
        this.processes = new ServiceProcesses(infrastructure.home());
        // the tests' news sites and webhook receivers are on loopback addresses, which the guards refuse unless allowed
        ServiceEnvironment common = ServiceEnvironment.of(infrastructure.kafkaBootstrapServers(),
                infrastructure.elasticsearchUrl()).withPrefixes(infrastructure.topicPrefix(),
                infrastructure.indexPrefix()).allowing(ServiceEnvironment.LOOPBACK);
        for (NewswatchService service : services) {
            Map<String, String> env = common.of(service);
            env.putAll(extra.getOrDefault(service, Map.of()));
            environment.put(service, env);
            for (int number = 1; number <= copies; number++) {
                instances.add(new Instance(service, number));
            }
        }
        List<Integer> free = Ports.free(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            ports.put(instances.get(i), free.get(i));
        }
        if (services.contains(NewswatchService.CONSOLE)) {
            Map<String, String> console = environment.get(NewswatchService.CONSOLE);
            console.putIfAbsent(ServiceEnvironment.CONSOLE_ALERTER_URL, url(NewswatchService.ALERTER));
            console.putIfAbsent(ServiceEnvironment.CONSOLE_POLLER_URL, url(NewswatchService.FEED_POLLER));
        }
    }

    /** Starts every instance and waits until all are ready. */
    Pipeline start() {
        instances.forEach(this::launch);
        instances.forEach(this::awaitReady);
        return this;
    }

    /** Stops every instance gracefully (SIGTERM), then starts them again and waits until all are ready. */
    void restartAll() {
        stopAll();
        start();
    }

    /** Kills the (first) instance of a service at once (kill -9). */
    void kill(NewswatchService service) {
        processes.kill(name(first(service)));
    }

    /** Starts the (first) instance of a service again after a kill, and waits until it is ready. */
    void startAgain(NewswatchService service) {
        Instance instance = first(service);
        processes.stop(name(instance), GRACE); // only cleans up the pid file of a killed process
        launch(instance);
        awaitReady(instance);
    }

    /** Every instance, in start order. */
    List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** Base URL of the HTTP API of the (first) instance of a service. */
    String url(NewswatchService service) {
        return url(first(service));
    }

    /** Base URL of an instance's HTTP API. */
    String url(Instance instance) {
        return "http://localhost:" + ports.get(instance);
    }

    /** True when the instance answers its readiness check with UP. */
    boolean ready(Instance instance) {
        return ServiceProcesses.ready(ports.get(instance));
    }

    /** True when the (first) instance of a service answers its readiness check with UP. */
    boolean ready(NewswatchService service) {
        return ready(first(service));
    }

    /** The process id of each instance that is running. */
    Map<Instance, Long> pids() {
        Map<Instance, Long> pids = new HashMap<>();
        instances.forEach(instance -> processes.process(name(instance)).ifPresent(p -> pids.put(instance, p.pid())));
        return pids;
    }

    private Instance first(NewswatchService service) {
        return new Instance(service, 1);
    }

    private void launch(Instance instance) {
        processes.start(name(instance), instance.service(), ports.get(instance), instance.service().heap(),
                environment.get(instance.service()));
    }

    private void awaitReady(Instance instance) {
        processes.awaitReady(name(instance), ports.get(instance), STARTUP);
    }

    private String name(Instance instance) {
        String name = infrastructure.indexPrefix() + "-" + instance.service().id();
        return instance.number() == 1 ? name : name + "-" + instance.number();
    }

    /** Every instance shuts down at once, as under an orchestrator, not one after the other. */
    private void stopAll() {
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            instances.forEach(instance -> stopping.execute(() -> processes.stop(name(instance), GRACE)));
        }
    }

    @Override
    public void close() {
        stopAll();
    }
}
