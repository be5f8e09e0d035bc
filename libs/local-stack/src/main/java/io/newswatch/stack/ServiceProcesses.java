package io.newswatch.stack;


import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the packaged services as detached processes of a checkout, each with its own log and pid file, listening on
 * the {@link BindAddress} (loopback unless configured), and asks them how they are ({@code /q/health/ready}). Used
 * by the launcher and by the end-to-end tests, which run several instances under names of their own ("enricher-2").
 */
public final class ServiceProcesses {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackHome home;
    private final BindAddress bind;
    /** The services' AOT caches, or null: none (the tests' services start without). */
    private final AotCache aotCache;
    /** Their garbage-collector logs ({@value GcLog#VARIABLE}). */
    private final GcLog gcLog;
    /** Instances started here and not yet lowered to their service's priority (lowered once, when first ready). */
    private final Map<String, NewswatchService> toLower = new ConcurrentHashMap<>();
    /** Instances started here as AOT training runs: they stop slowly (the JVM writes the cache as it exits). */
    private final Set<String> training = ConcurrentHashMap.newKeySet();

    /** Services listening where {@value BindAddress#VARIABLE} says (loopback by default). */
    public ServiceProcesses(StackHome home) {
        this(home, BindAddress.fromEnvironment());
    }

    public ServiceProcesses(StackHome home, BindAddress bind) {
        this(home, bind, null);
    }

    /** Services that start with their {@link AotCache} (the launcher's and the benchmark's), or none when null. */
    public ServiceProcesses(StackHome home, BindAddress bind, AotCache aotCache) {
        this.home = home;
        this.bind = bind;
        this.aotCache = aotCache;
        this.gcLog = GcLog.in(home);
    }

    /** Where the services listen. */
    public BindAddress bind() {
        return bind;
    }

    /**
     * Starts one instance of a service, listening on this {@link #bind()} address only.
     *
     * @param instance name of the instance, for its log and pid file ("enricher", "enricher-2")
     * @param service  which application
     * @param port     its HTTP port
     * @param heap     maximum heap, e.g. "256m"
     * @param env      configuration, as environment variables
     */
    public ProcessHandle start(String instance, NewswatchService service, int port, String heap,
                               Map<String, String> env) {
        Path application = service.application(home.project());
        if (!Files.isRegularFile(application)) {
            throw new StackException(application + " is missing: build it first (./mvnw -DskipTests package)");
        }
        List<String> jvmOptions = service.jvmOptions(heap, System.getenv());
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        if (aotCache != null) {
            AotCache.Use use = aotCache.use(service, jvmOptions, application);
            command.addAll(use.options());
            appendToLog(instance, use.note());
            if (use.training()) {
                training.add(instance);
            }
        }
        // not in the AOT cache's fingerprint: logging does not change what the cache holds
        command.addAll(gcLog.options(instance));
        command.addAll(List.of("-Dquarkus.http.host=" + bind.host(), "-Dquarkus.http.port=" + port,
                "-jar", application.toString()));
        toLower.put(instance, service);
        return DetachedProcess.start(command, env, home.project(), home.log(instance), home.pidFile(instance));
    }

    /** The running process of an instance started from this checkout. */
    public Optional<ProcessHandle> process(String instance) {
        return ProcessTree.alive(home.pidFile(instance));
    }

    /**
     * Stops an instance: SIGTERM (Quarkus shuts down gracefully), SIGKILL after the grace period. An AOT training
     * run (started here or, by its cache's recorded configuration, by another launcher process) gets at least
     * {@link AotCache#TRAINING_STOP} and is set back to normal CPU priority first: the child JVM that writes its
     * cache at exit inherits its priority, and a niced indexer's did not finish within minutes on a busy machine.
     */
    public boolean stop(String instance, Duration grace) {
        boolean trains = training.remove(instance) | (aotCache != null && aotCache.training(instance));
        if (trains) {
            process(instance).ifPresent(process -> {
                List<String> failed = CpuPriority.NORMAL.apply(process);
                if (!failed.isEmpty()) {
                    appendToLog(instance, "stopping the AOT training run at its own priority: could not set "
                            + String.join(", ", failed));
                }
            });
        }
        return ProcessTree.stop(home.pidFile(instance),
                trains && grace.compareTo(AotCache.TRAINING_STOP) < 0 ? AotCache.TRAINING_STOP : grace);
    }

    /**
     * Stops these instances side by side ({@link #stop}; AOT training runs take minutes each to write their caches).
     *
     * @return the instances that were running, in the order given
     */
    public List<String> stopAll(List<String> instances, Duration grace) {
        List<Thread> stopping = new ArrayList<>();
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        for (String instance : instances) {
            stopping.add(Thread.ofVirtual().start(() -> {
                if (stop(instance, grace)) {
                    stopped.add(instance);
                }
            }));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return instances.stream().filter(stopped::contains).toList();
    }

    /** Kills an instance at once (kill -9), for fault tests. */
    public boolean kill(String instance) {
        Optional<ProcessHandle> process = process(instance);
        process.ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        return process.isPresent();
    }

    /**
     * True when the instance on this port, at the {@value BindAddress#VARIABLE} address, answers its readiness check
     * with UP.
     */
    public static boolean ready(int port) {
        return ready(BindAddress.fromEnvironment(), port);
    }

    /** True when the instance listening at this address and port answers its readiness check with UP. */
    public static boolean ready(BindAddress address, int port) {
        return health(address, port, "/q/health/ready")
                .map(body -> body.contains("\"UP\"") && !body.contains("\"DOWN\"")).orElse(false);
    }

    /** The body of a health endpoint, when something answers at this address and port. */
    public static Optional<String> health(BindAddress address, int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(address.url(port) + path))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(response.body());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Waits until the instance is ready, then lowers an instance started here to its service's
     * {@link NewswatchService#priority() CPU priority} (it starts at normal priority, so that it starts as fast as
     * before); fails with the end of its log if it exits or takes too long.
     */
    public void awaitReady(String instance, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready(bind, port)) {
            if (Files.exists(home.pidFile(instance)) && process(instance).isEmpty()) {
                throw new StackException(instance + " exited while starting; the end of " + home.log(instance)
                        + ":\n" + DetachedProcess.tail(home.log(instance), 30));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(instance + " was not ready within " + timeout.toSeconds()
                        + " s; its health says " + health(bind, port, "/q/health/ready").orElse("nothing")
                        + "\nthe end of " + home.log(instance) + ":\n" + DetachedProcess.tail(home.log(instance), 30));
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + instance);
            }
        }
        NewswatchService service = toLower.remove(instance);
        if (service != null) {
            process(instance).ifPresent(process -> lower(instance, service.priority(), process));
        }
    }

    /** Says in the instance's log what it runs at, or what could not be done. */
    private void lower(String instance, CpuPriority priority, ProcessHandle process) {
        List<String> failed = priority.lower(process);
        if (priority.niceness() > 0) {
            appendToLog(instance, "running " + priority.describe(failed));
        }
    }

    private void appendToLog(String instance, String line) {
        try {
            Files.writeString(PrivateFiles.touch(home.log(instance)), "newswatch: " + line + "\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is the process' own: nothing else to tell
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
