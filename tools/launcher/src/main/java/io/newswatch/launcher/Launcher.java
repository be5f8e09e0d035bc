package io.newswatch.launcher;

import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.stack.AotCache;
import io.newswatch.stack.BindAddress;
import io.newswatch.stack.DetachedProcess;
import io.newswatch.stack.LocalStack;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.ProcessTree;
import io.newswatch.stack.ServiceEnvironment;
import io.newswatch.stack.ServiceProcesses;
import io.newswatch.stack.StackException;
import io.newswatch.stack.StackHome;
import io.newswatch.stack.StackLeases;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./newswatch up | up -d | down | status | stack | dlq}: the whole system on one machine, no Docker, and its
 * dead letters. The {@code newswatch} script finds a JDK 21+, builds what is missing and calls this.
 */
public final class Launcher {

    private static final String DEMO_FEED = "demo-feed";
    /** The Kafka clients' own chatter (connection retries while a broker starts) is noise on a console. */
    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    static {
        KAFKA_LOG.setLevel(java.util.logging.Level.SEVERE);
    }
    private static final Duration SERVICE_STARTUP = Duration.ofSeconds(180);

    private final LocalStack stack;
    private final StackHome home;
    private final ServiceProcesses services;
    private final PrintStream out;

    Launcher(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.home = stack.home();
        this.services = new ServiceProcesses(home, BindAddress.fromEnvironment(), AotCache.in(home));
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("dlq")) {
            // needs no local stack: it works on whatever cluster the environment names
            System.exit(new DeadLetterCommand(System.getenv(), System.out, System.err, java.time.Clock.systemDefaultZone())
                    .run(List.of(args).subList(1, args.length)));
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * {@code up | down | status | stack}, parsed by picocli: an unknown command or option is a usage error (exit 2,
     * the message and the usage on standard error), {@code --help} prints the usage on standard output and starts
     * nothing, a failure to start is exit 1 with one line on standard error.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Commands());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof StackException) {
                line.getErr().println("newswatch: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    @Command(name = "./newswatch", synopsisSubcommandLabel = "up [-d] | down | status | stack up|down | dlq ...",
            description = "newswatch on this machine, without Docker: Kafka, Elasticsearch, the five services and a"
                    + " demo feed.")
    static final class Commands implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and start nothing")
        boolean help;

        @Spec
        CommandSpec spec;

        /** No command: a usage error. */
        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return CommandLine.ExitCode.USAGE;
        }

        @Command(name = "up", description = "Starts everything (building nothing:"
                + " ./newswatch does that); in the foreground, prints alerts until Ctrl-C, then stops everything.")
        int up(@Option(names = {"-d", "--detach"}, description = "return once everything is healthy")
               boolean detached, @Mixin HelpOption help) {
            return launcher().up(detached);
        }

        @Command(name = "down",
                description = "Stops what up started (data is kept in .newswatch/).")
        int down(@Mixin HelpOption help) {
            return launcher().down();
        }

        @Command(name = "status",
                description = "Health of each part, feeds, rules, recent alerts.")
        int status(@Mixin HelpOption help) {
            Launcher launcher = launcher();
            return new StatusReport(launcher.stack, launcher.services, System.getenv(), System.out).print();
        }

        @Command(name = "stack",
                description = "Only Kafka and Elasticsearch (for running tests or a service from an IDE).")
        int stack(@Parameters(arity = "0..1", defaultValue = "up", paramLabel = "up|down") StackAction action,
                  @Mixin HelpOption help) {
            return launcher().stack(action.name());
        }

        private static Launcher launcher() {
            return new Launcher(LocalStack.create(), System.out);
        }
    }

    /** {@code -h, --help} of every command. */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and start nothing")
        boolean help;
    }

    /** What {@code stack} does. */
    enum StackAction { up, down }

    /** Brings everything up; in the foreground, prints alerts until Ctrl-C, then stops everything. */
    int up(boolean detached) {
        StackLeases leases = new StackLeases(home);
        leases.acquireForLauncher();
        stack.up(out);
        String apiKey = apiKey();
        startDemoFeed();
        ServiceEnvironment configuration = configuration(apiKey);
        for (NewswatchService service : NewswatchService.values()) {
            startService(service, configuration.of(service));
        }
        for (NewswatchService service : NewswatchService.values()) {
            services.awaitReady(service.id(), service.port(), SERVICE_STARTUP);
        }
        printSummary();
        if (detached) {
            return 0;
        }
        out.println("\nWatching for alerts (Ctrl-C stops everything)...\n");
        // the services' Kafka client settings: the stack's broker, and whatever KAFKA_* they inherit from here
        AlertPrinter printer = new AlertPrinter(
                KafkaClientSettings.from(configuration.inherited(NewswatchService.ALERTER)).clients(),
                TopicNames.DEFAULT.alerts(), out);
        Thread printing = Thread.ofPlatform().name("alert-printer").start(printer);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            printer.stop();
            out.println("\nStopping newswatch...");
            down();
            stopped.countDown();
        }));
        try {
            printing.join();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Only Kafka and Elasticsearch, for developers running tests or services from their IDE. */
    int stack(String action) {
        StackLeases leases = new StackLeases(home);
        if (action.equals("down")) {
            leases.releaseLauncher();
            List<String> stopped = stack.down();
            out.println(stopped.isEmpty() ? "nothing was running" : "stopped: " + String.join(", ", stopped));
        } else {
            leases.acquireForLauncher();
            stack.up(out);
            out.println("Kafka at " + stack.endpoints().kafkaBootstrapServers() + ", Elasticsearch at "
                    + stack.endpoints().elasticsearchUrl() + "; ./newswatch stack down stops them");
        }
        return 0;
    }

    /** Stops the services, the demo feed and the servers this checkout started. */
    int down() {
        // side by side: an AOT training run takes minutes to stop
        List<String> stopped = new ArrayList<>(services.stopAll(
                Arrays.stream(NewswatchService.values()).map(NewswatchService::id).toList(), Duration.ofSeconds(30)));
        if (ProcessTree.stop(home.pidFile(DEMO_FEED), Duration.ofSeconds(5))) {
            stopped.add(DEMO_FEED);
        }
        new StackLeases(home).releaseLauncher();
        ProcessTree.stop(home.run().resolve("watchdog.pid"), Duration.ofSeconds(5));
        stopped.addAll(stack.down());
        out.println(stopped.isEmpty() ? "nothing was running" : "stopped: " + String.join(", ", stopped));
        return 0;
    }

    private void startService(NewswatchService service, Map<String, String> env) {
        String url = services.bind().url(service.port());
        if (services.process(service.id()).isPresent()) {
            out.printf("%-14s running at %s%n", service.id(), url);
            return;
        }
        if (ServiceProcesses.health(services.bind(), service.port(), "/q/health/live").isPresent()) {
            throw new StackException("port " + service.port() + " is in use by something else (not a " + service.id()
                    + " started here). Stop it, or set NEWSWATCH_" + service.name() + "_PORT.");
        }
        out.printf("%-14s starting at %s (log: %s)%n", service.id(), url,
                home.project().relativize(home.log(service.id())));
        services.start(service.id(), service, service.port(), service.heap(), env);
    }

    /** The environment of each service: where the stack is, the API key, the files to load, the demo feed. */
    private ServiceEnvironment configuration(String apiKey) {
        int demo = DemoFeedServer.port();
        String demoHost = services.bind().contactHost();
        return ServiceEnvironment.of(stack).withApiKey(apiKey)
                .withFeedsFile(home.project().resolve("deploy/feeds.yaml"))
                .withRulesFile(home.project().resolve("deploy/rules.yaml"))
                .with(NewswatchService.FEED_POLLER, Map.of(
                        // deploy/feeds.yaml points at the demo feed through this, wherever it listens
                        "NEWSWATCH_DEMO_FEED_BASE", services.bind().url(demo),
                        // the demo site is on this machine: the poller's address guard lets it (that port only) through
                        ServiceEnvironment.POLLER_SSRF_ALLOW, "localhost:" + demo + ",127.0.0.1:" + demo
                                + (demoHost.equals("localhost") ? "" : "," + demoHost + ":" + demo)))
                .withConsoleUpstreams(services.bind().url(NewswatchService.ALERTER.port()),
                        services.bind().url(NewswatchService.FEED_POLLER.port()));
    }

    private void startDemoFeed() {
        int port = DemoFeedServer.port();
        if (ProcessTree.alive(home.pidFile(DEMO_FEED)).isPresent()) {
            return;
        }
        String classpath = System.getProperty("java.class.path");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-cp", classpath, DemoFeedServer.class.getName(),
                home.project().resolve("deploy/demo-feed").toString(), String.valueOf(port), services.bind().host());
        DetachedProcess.start(command, Map.of(), home.project(), home.log(DEMO_FEED), home.pidFile(DEMO_FEED));
        out.printf("%-14s %s/rss.xml and /atom.xml%n", DEMO_FEED, services.bind().url(port));
    }

    /** The API key of admin endpoints: created on first start, kept in .newswatch/api-key. */
    private String apiKey() {
        return ApiKeyFile.readOrCreate(home.dir().resolve("api-key"));
    }

    private void printSummary() {
        out.println();
        out.println("newswatch is up.");
        BindAddress bind = services.bind();
        out.printf("  console:  %s  (sign in with the API key to change rules and feeds)%n",
                bind.url(NewswatchService.CONSOLE.port()));
        out.printf("  alerts:   curl %s/alerts%n", bind.url(NewswatchService.ALERTER.port()));
        out.printf("  rules:    curl %s/rules%n", bind.url(NewswatchService.ALERTER.port()));
        out.printf("  feeds:    curl %s/feeds%n", bind.url(NewswatchService.FEED_POLLER.port()));
        out.printf("  search:   curl '%s/newswatch-articles/_search?q=Montenegro'%n",
                stack.endpoints().elasticsearchUrl());
        out.printf("  API key:  %s (send it as X-Api-Key on POST, PUT and DELETE)%n",
                home.project().relativize(home.dir().resolve("api-key")));
        out.printf("  logs:     %s%n", home.project().relativize(home.dir().resolve("logs")));
        out.printf("  listening on %s only%s%n", bind.host(), bind.equals(BindAddress.LOOPBACK)
                ? " (" + BindAddress.VARIABLE + " to change)" : "");
        out.println("  status:   ./newswatch status        stop: ./newswatch down");
    }
}
