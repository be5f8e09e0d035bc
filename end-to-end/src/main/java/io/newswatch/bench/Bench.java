package io.newswatch.bench;

import io.newswatch.contract.Json;
import io.newswatch.contract.Rule;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.KafkaClients;
import io.newswatch.stack.AotCache;
import io.newswatch.stack.GcLog;
import io.newswatch.stack.BindAddress;
import io.newswatch.stack.LocalStack;
import io.newswatch.stack.StackException;
import io.newswatch.stack.StackLeases;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.ServiceEnvironment;
import io.newswatch.stack.ServiceProcesses;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./newswatch bench}: the whole pipeline on the local stack under a generated news load. Serves generated
 * feeds ({@link NewsSites}, {@link CorpusGenerator}), loads generated rules into the alerter through its rules topic
 * ({@link RuleGenerator}), runs the four packaged services as {@code ./newswatch up} does, under topics and indices
 * of its own ({@code bench-<time>}), publishes at the chosen rate, and reports per-stage rates, latencies, CPU, memory
 * and consumer lag ({@link BenchReport}). Everything it started is stopped at the end and on Ctrl-C, its topics and
 * indices deleted; Kafka and Elasticsearch stay up.
 */
public final class Bench {

    private static final java.util.logging.Logger KAFKA_LOG = java.util.logging.Logger.getLogger("org.apache.kafka");

    static {
        KAFKA_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** How long the services may take to be ready; the alerter reads and compiles every rule first. */
    private static final Duration STARTUP = Duration.ofMinutes(5);
    /** Each half of the searchable probe's calibration (without it, then with it). */
    private static final Duration PROBE_CALIBRATION = Duration.ofSeconds(10);
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final BenchOptions options;
    private final PrintStream out;
    private final String run = "bench-" + RUN_NAME.format(Instant.now());
    private final TopicNames topics = new TopicNames(run + ".");
    private final IndexNames indices = IndexNames.withPrefix(run);
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    /** The corpus' stories, as written (the enricher's are counted in Elasticsearch at the end). */
    private final StoryTally stories = new StoryTally();
    private final Map<NewswatchService, Integer> ports = new EnumMap<>(NewswatchService.class);
    private LocalStack stack;
    /** The services' environment, and the bench's own Kafka clients with the same settings. */
    private ServiceEnvironment environment;
    private KafkaClients kafka;
    private ServiceProcesses services;
    private NewsSites sites;
    private AlertHook hook;
    private PipelineSampler sampler;
    private SearchProbe probe;
    private HopTimes hops;
    private volatile boolean publishing;

    Bench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            if (BenchOptions.helpAsked(args)) {
                System.out.print(BenchOptions.USAGE);
                return;
            }
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("newswatch bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            new Bench(options, System.out).run();
            System.exit(0);
        } catch (StackException e) {
            System.err.println("newswatch bench: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("newswatch bench failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    void run() throws Exception {
        String loadBefore = loadAverage();
        stack = LocalStack.create();
        StackLeases leases = new StackLeases(stack.home());
        leases.acquireForThisJvm();
        List<String> started = stack.up(out);
        if (!started.isEmpty()) {
            leases.watch(started.stream().map(stack.home()::pidFile).toList());
        }
        services = new ServiceProcesses(stack.home(), BindAddress.fromEnvironment(), AotCache.in(stack.home()));
        environment = ServiceEnvironment.of(stack).withPrefixes(topics.prefix(), run);
        kafka = KafkaClients.fromEnvironment(environment.inherited(NewswatchService.ALERTER),
                stack.endpoints().kafkaBootstrapServers());
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "bench-cleanup"));
        stack.setUp(topics, indices);
        out.printf("%nbenchmark %s: %s mode, %d articles/s, %,d rules, %d feeds on %d hosts%s%n", run,
                options.mode(), options.rate(), options.rules(), options.feeds(), options.hosts(),
                options.contentInFeed() ? ", full text in the feeds" : ", article pages (fullText)");
        try {
            hook = new AlertHook();
            sites = new NewsSites(options.hosts(), options.feeds(), options.window(), options.contentInFeed());
            CorpusGenerator corpus = new CorpusGenerator(options.seed(), options.matchRate(), options.alerting());
            int backlog = options.backlog() * options.feeds();
            for (int i = 0; i < backlog; i++) {
                NewsArticle article = corpus.next();
                stories.add(article);
                sites.publish(article);
            }
            published.set(backlog);
            Path files = stack.home().dir().resolve("bench").resolve(run);
            Files.createDirectories(files);
            Files.writeString(files.resolve("feeds.yaml"), feedsYaml());

            // Calibrated before the services start: in throughput mode they take the backlog at once, and
            // Elasticsearch's indexing then swamps the probe's cost in either half (it came out negative).
            probe = new SearchProbe(stack.setup(), indices.articles());
            Long elasticsearch = pids().get("elasticsearch");
            double probeCost = elasticsearch == null ? Double.NaN
                    : probe.calibrate(elasticsearch, PROBE_CALIBRATION, 20);
            out.printf("searchable probe: %.2f ms of Elasticsearch's CPU per request (%d s without it, %d s with "
                    + "it asking for 20 absent ids, before the services start); it follows every %dth article%n",
                    probeCost, PROBE_CALIBRATION.toSeconds(), PROBE_CALIBRATION.toSeconds(), probeEvery());
            BenchReport.RuleLoad ruleLoad = loadRules(files);
            sampler = new PipelineSampler(kafka, topics, counters(), groups(),
                    this::pids, published::get);
            sampler.start();
            probe.start();
            hops = new HopTimes(kafka, topics.articlesRaw(), topics.articlesEnriched());

            out.printf("publishing %d articles/s%s; warm-up %d s, then %d s measured%n", options.rate(),
                    backlog > 0 ? " after a backlog of " + backlog : "", options.warmupSeconds(), options.seconds());
            Instant publishingFrom = Instant.now();
            AtomicBoolean following = new AtomicBoolean();
            Thread publisher = publisher(corpus, following);
            sleepSeconds(options.warmupSeconds());
            following.set(true);
            PipelineSampler.Tick windowStart = sampler.sample();
            long probeRequestsFrom = probe.requests();
            Instant windowFrom = Instant.now();
            sleepSeconds(options.seconds());
            PipelineSampler.Tick windowEnd = sampler.sample();
            long probeRequests = probe.requests() - probeRequestsFrom;
            Instant windowTo = Instant.now();
            Map<String, Double> reported = serviceReported();
            following.set(false);
            publishing = false;
            publisher.join();
            out.println("measured; waiting up to 20 s for the last alerts and documents of the window");
            drain();
            String loadAfter = loadAverage();
            StoryTally.Summary indexedStories = StoryTally.indexed(stack.setup(), indices.articles());

            List<AlertHook.Arrival> arrivals = hook.arrivals();
            BenchReport report = new BenchReport(options, run, loadBefore, loadAfter, ruleLoad, publishingFrom,
                    windowFrom, windowTo, windowStart, windowEnd, sampler.ticks(), sampler.peakRss(),
                    arrivals, hops.sent(arrivals.stream().map(AlertHook.Arrival::articleId).toList()), probe.found(), probe.missing(), reported,
                    Runtime.getRuntime().availableProcessors(),
                    new BenchReport.Stories(stories.summary(), indexedStories),
                    new BenchReport.Probe(SearchProbe.EVERY_MS, probeEvery(), probeRequests, probeCost));
            report.print(out);
            Path json = options.json() != null ? options.json()
                    : stack.home().dir().resolve("bench").resolve(run + ".json");
            Files.createDirectories(json.toAbsolutePath().getParent());
            Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
            out.println("JSON report: " + json);
        } finally {
            cleanUp();
        }
    }

    /** Produces the rules straight into the rules topic (as the alerter's own API would), then starts the services. */
    private BenchReport.RuleLoad loadRules(Path files) throws Exception {
        List<Rule> rules = new ArrayList<>(new RuleGenerator(options.seed()).rules(options.rules()));
        rules.addAll(options.alerting() < 0 ? RuleGenerator.hooks(hook.url())
                : RuleGenerator.watchedHook(hook.url()));
        long produceStarted = System.nanoTime();
        try (KafkaProducer<String, String> producer = kafka.producer("newswatch-bench-rules", Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000))) {
            for (Rule rule : rules) {
                producer.send(new ProducerRecord<>(topics.rules(), rule.id(), Json.encode(rule)));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - produceStarted) / 1e9;
        out.printf("rules: %,d written to %s in %.1f s%n", rules.size(), topics.rules(), produceSeconds);

        ServiceEnvironment env = environment(files);
        for (NewswatchService service : NewswatchService.pipeline()) {
            ports.put(service, freePort());
        }
        long startedAt = System.nanoTime();
        Instant startedWall = Instant.now();
        for (NewswatchService service : NewswatchService.pipeline()) {
            services.start(instance(service), service, ports.get(service), heap(service), env.of(service));
            out.printf("%-12s starting on port %d (log: %s)%n", service.id(), ports.get(service),
                    stack.home().log(instance(service)));
        }
        GcLog gcLog = GcLog.in(stack.home());
        if (gcLog.on()) {
            out.printf("GC logs (%s=on): %s/<process>-<start>.log (the bench's own too, Kafka's when this run started "
                    + "it; Elasticsearch's own gc.log is in its logs folder); docs/perf/gc-pauses.py sums them over "
                    + "the window%n",
                    GcLog.VARIABLE, stack.home().project().relativize(gcLog.dir()));
        }
        // On a busy 2-core machine 100k rules took from 80 s to more than 5 minutes.
        services.awaitReady(instance(NewswatchService.ALERTER), ports.get(NewswatchService.ALERTER),
                STARTUP.plusSeconds(options.rules() / 200));
        double alerterReady = (System.nanoTime() - startedAt) / 1e9;
        double rulesLoaded = awaitRules(rules.size(), startedAt);
        for (NewswatchService service : NewswatchService.pipeline()) {
            services.awaitReady(instance(service), ports.get(service), STARTUP);
        }
        double applicationStarted = applicationStarted(instance(NewswatchService.ALERTER), startedWall);
        out.printf("services ready after %.1f s; the alerter was ready after %.1f s and held all %,d rules after "
                + "%.1f s (its application had started after %.1f s)%n", (System.nanoTime() - startedAt) / 1e9,
                alerterReady, rules.size(), rulesLoaded, applicationStarted);
        return new BenchReport.RuleLoad(rules.size(), produceSeconds, applicationStarted, alerterReady, rulesLoaded,
                heap(NewswatchService.ALERTER));
    }

    /**
     * Seconds from the process' start to Quarkus' "started in" line in its log: what remains until readiness is
     * the service's own loading (for the alerter: reading and compiling the rules, reading the alert history).
     */
    private double applicationStarted(String instance, Instant startedWall) {
        try {
            for (String line : Files.readAllLines(stack.home().log(instance))) {
                if (line.contains("[io.quarkus]") && line.contains(" started in ")) {
                    java.time.LocalDateTime at = java.time.LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T')
                            .replace(',', '.'));
                    Instant instant = at.atZone(java.time.ZoneId.systemDefault()).toInstant();
                    return Duration.between(startedWall, instant).toMillis() / 1000.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such line: reported as unknown
        }
        return Double.NaN;
    }

    /** Seconds from the services' start until the alerter's {@code alerter_rules} gauge shows every rule. */
    private double awaitRules(int count, long startedAt) throws InterruptedException {
        String url = url(NewswatchService.ALERTER);
        long deadline = System.nanoTime() + STARTUP.plusSeconds(options.rules() / 200).toNanos();
        while (System.nanoTime() < deadline) {
            String metrics = scrape(url);
            if (metrics != null && PipelineSampler.sum(metrics, "alerter_rules", List.of()) >= count) {
                return (System.nanoTime() - startedAt) / 1e9;
            }
            Thread.sleep(100);
        }
        out.println("warning: the alerter did not report all " + count + " rules within " + STARTUP.toMinutes()
                + " min");
        return Double.NaN;
    }

    /** The searchable probe follows one article in this many: enough for percentiles, cheap for Elasticsearch. */
    private int probeEvery() {
        return options.throughput() ? 100 : 10;
    }

    private Thread publisher(CorpusGenerator corpus, AtomicBoolean following) {
        publishing = true;
        long base = published.get();
        int sampleEvery = probeEvery();
        return Thread.ofPlatform().name("bench-publisher").start(() -> {
            long began = System.nanoTime();
            long count = 0;
            while (publishing) {
                double elapsed = (System.nanoTime() - began) / 1e9;
                long due = (long) (elapsed * options.rate());
                while (count < due && publishing) {
                    NewsArticle article = corpus.next();
                    stories.add(article);
                    String id = sites.publish(article);
                    if (following.get() && article.number() % sampleEvery == 0) {
                        probe.follow(id, Instant.now());
                    }
                    count++;
                    published.set(base + count);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Waits until the window's alerts and documents are in, or 20 s. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            PipelineSampler.Tick last = sampler.sample();
            boolean caughtUp = last.lag().values().stream().allMatch(lag -> lag == 0) && probe.missing() == 0;
            if (caughtUp) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    private List<PipelineSampler.Counter> counters() {
        return List.of(
                new PipelineSampler.Counter("poller", url(NewswatchService.FEED_POLLER),
                        "newswatch_poller_articles_published_total", List.of()),
                new PipelineSampler.Counter("poller: polls", url(NewswatchService.FEED_POLLER),
                        "newswatch_poller_polls_total", List.of()),
                new PipelineSampler.Counter("poller: failed polls", url(NewswatchService.FEED_POLLER),
                        "newswatch_poller_polls_total", List.of("outcome=\"failed\"")),
                new PipelineSampler.Counter("poller: pages", url(NewswatchService.FEED_POLLER),
                        "newswatch_poller_pages_total", List.of()),
                new PipelineSampler.Counter("enricher", url(NewswatchService.ENRICHER),
                        "newswatch_enricher_articles_total", List.of("outcome=\"enriched\"")),
                new PipelineSampler.Counter("indexer", url(NewswatchService.INDEXER),
                        "newswatch_indexer_documents_total", List.of("articles", "outcome=\"indexed\"")),
                new PipelineSampler.Counter("alerter", url(NewswatchService.ALERTER),
                        "alerter_articles_total", List.of()),
                new PipelineSampler.Counter("alerter: matched", url(NewswatchService.ALERTER),
                        "alerter_articles_matched_total", List.of()),
                new PipelineSampler.Counter("alerts raised", url(NewswatchService.ALERTER),
                        "alerter_alerts_raised_total", List.of()),
                new PipelineSampler.Counter("alerts indexed", url(NewswatchService.INDEXER),
                        "newswatch_indexer_documents_total", List.of("alerts", "outcome=\"indexed\"")),
                bulk("articles", "count"), bulk("articles", "sum"), bulk("alerts", "count"), bulk("alerts", "sum"));
    }

    /** The indexer's bulk requests to one index ({@code count}) or the documents in them ({@code sum}). */
    private PipelineSampler.Counter bulk(String index, String part) {
        return new PipelineSampler.Counter(BenchReport.bulkCounter(index, part), url(NewswatchService.INDEXER),
                "newswatch_indexer_bulk_documents_" + part, List.of("index=\"" + index + "\""));
    }

    /**
     * What the services say about themselves at the end of the window (their timers' percentiles decay over a
     * minute or two, so they describe the window's end): for telling where time goes.
     */
    private Map<String, Double> serviceReported() {
        Map<String, Double> values = new LinkedHashMap<>();
        String poller = PipelineSampler.scrape(url(NewswatchService.FEED_POLLER));
        String enricher = PipelineSampler.scrape(url(NewswatchService.ENRICHER));
        String indexer = PipelineSampler.scrape(url(NewswatchService.INDEXER));
        String alerter = PipelineSampler.scrape(url(NewswatchService.ALERTER));
        for (String quantile : List.of("0.5", "0.99")) {
            String label = "quantile=\"" + quantile + "\"";
            String p = quantile.equals("0.5") ? "p50" : "p99";
            put(values, "poller poll duration s " + p, poller, "newswatch_poller_poll_duration_seconds", label);
            put(values, "poller poll start lag s " + p, poller, "newswatch_poller_poll_lag_seconds", label);
            put(values, "enricher CPU per article s " + p, enricher, "newswatch_enricher_enrich_duration_seconds",
                    label);
            put(values, "enricher lag (fetched -> enriched) s " + p, enricher, "newswatch_enricher_lag_seconds",
                    label);
            put(values, "indexer freshness (fetched -> indexed) s " + p, indexer,
                    "newswatch_indexer_freshness_seconds", label, "articles");
            put(values, "alerter match duration s " + p, alerter, "alerter_match_duration_seconds", label);
            put(values, "alerter alert latency (fetched -> alert) s " + p, alerter, "alerter_alert_latency_seconds",
                    label);
        }
        put(values, "enricher stories open", enricher, "newswatch_enricher_stories_open");
        put(values, "alerter rules", alerter, "alerter_rules");
        put(values, "alerter deliveries pending", alerter, "alerter_deliveries_pending");
        return values;
    }

    private static void put(Map<String, Double> values, String name, String metrics, String metric,
                            String... labels) {
        if (metrics != null) {
            double value = PipelineSampler.value(metrics, metric, List.of(labels));
            if (!Double.isNaN(value)) {
                values.put(name, value);
            }
        }
    }

    private List<PipelineSampler.Group> groups() {
        String prefix = topics.prefix();
        return List.of(
                new PipelineSampler.Group("enricher", prefix + "enricher", topics.articlesRaw()),
                new PipelineSampler.Group("indexer", prefix + "indexer", topics.articlesEnriched()),
                new PipelineSampler.Group("alerter", prefix + "alerter", topics.articlesEnriched()),
                new PipelineSampler.Group("indexer:alerts", prefix + "indexer", topics.alerts()));
    }

    /** The processes measured: the four services, Kafka and Elasticsearch (by their ports), and this one. */
    private Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (NewswatchService service : NewswatchService.pipeline()) {
            services.process(instance(service)).ifPresent(p -> pids.put(service.id(), p.pid()));
        }
        kafkaPid.updateAndGet(pid -> pid > 0 && ProcessHandle.of(pid).isPresent() ? pid
                : ProcessStats.listening(stack.settings().kafkaPort()).orElse(-1L));
        elasticsearchPid.updateAndGet(pid -> pid > 0 && ProcessHandle.of(pid).isPresent() ? pid
                : ProcessStats.listening(stack.settings().elasticsearchPort()).orElse(-1L));
        if (kafkaPid.get() > 0) {
            pids.put("kafka", kafkaPid.get());
        }
        if (elasticsearchPid.get() > 0) {
            pids.put("elasticsearch", elasticsearchPid.get());
        }
        pids.put(BenchReport.BENCH_PROCESS, ProcessHandle.current().pid());
        return pids;
    }

    private final AtomicLong kafkaPid = new AtomicLong(-1);
    private final AtomicLong elasticsearchPid = new AtomicLong(-1);

    /** The environment of each service: this run's topics and indices, and settings for a fast local news site. */
    private ServiceEnvironment environment(Path files) {
        // the benchmark's news sites and alert hook are on loopback addresses, which the guards refuse unless allowed
        return environment.withFeedsFile(files.resolve("feeds.yaml"))
                .allowing(ServiceEnvironment.LOOPBACK)
                .with(NewswatchService.FEED_POLLER, Map.of(
                        "NEWSWATCH_POLLER_MIN_INTERVAL", "PT1S",
                        // The sites are ours and local: politeness per host is relaxed (the default, 0.5 s between
                        // requests to a host, would cap 20 hosts at 40 requests/s) but still applies, spread over
                        // --hosts addresses.
                        "NEWSWATCH_POLLER_POLITENESS_MIN_DELAY_PER_HOST", "PT0.005S",
                        "NEWSWATCH_POLLER_POLITENESS_MAX_CONCURRENT_PER_HOST", "4",
                        "NEWSWATCH_POLLER_MAX_CONCURRENT_POLLS", "64",
                        // 64 polls at once in 256 MiB leave no room for 10 MiB bodies (the poller refuses to start
                        // so); the benchmark's pages are a few KB
                        "NEWSWATCH_POLLER_HTTP_MAX_BODY_BYTES", "2097152",
                        "NEWSWATCH_POLLER_REMEMBERED_ITEMS", String.valueOf(Math.max(500, 3 * options.window()))));
    }

    private String heap(NewswatchService service) {
        if (service != NewswatchService.ALERTER) {
            return service.heap();
        }
        // The alerter's README measures about 2.4 KB of heap per rule; at 4 KB per rule the old generation was 88%
        // full with 100k rules and the alerter spent a sixth of its time in GC, so 6 KB. Since the rule store
        // registers every rule at once when it has read the topic, the start needs more than the steady state:
        // 256 MB + 6 KB per rule ran out of heap with 10k rules, hence the larger base.
        long megabytes = 768 + (long) options.rules() * 6 / 1024;
        return megabytes + "m";
    }

    private String feedsYaml() {
        StringBuilder yaml = new StringBuilder("# generated by ./newswatch bench\nfeeds:\n");
        List<String> urls = sites.feedUrls();
        for (int i = 0; i < urls.size(); i++) {
            yaml.append("  - url: ").append(urls.get(i)).append('\n')
                    .append("    name: Bench Wire ").append(i).append('\n')
                    .append("    pollInterval: PT1S\n")
                    .append("    fullText: ").append(!options.contentInFeed()).append('\n')
                    .append("    language: en\n")
                    .append("    tags: [bench]\n");
        }
        return yaml.toString();
    }

    private String instance(NewswatchService service) {
        return run + "-" + service.id();
    }

    private String url(NewswatchService service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Stops what this run started and deletes its topics and indices; Kafka and Elasticsearch stay up. */
    private void cleanUp() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        publishing = false;
        if (probe != null) {
            probe.close();
        }
        if (sampler != null) {
            sampler.close();
        }
        if (hops != null) {
            hops.close();
        }
        if (services != null) {
            services.stopAll(NewswatchService.pipeline().stream().map(this::instance).toList(), Duration.ofSeconds(20));
        }
        if (sites != null) {
            sites.close();
        }
        if (hook != null) {
            hook.close();
        }
        if (stack != null && options.storage()) {
            try {
                StorageReport.print(out, stack.setup(), kafka, indices, topics);
            } catch (IOException | RuntimeException e) {
                out.println("storage: cannot measure: " + e.getMessage());
            }
        }
        if (stack != null) {
            stack.setup().deleteTopics(topics);
            stack.setup().deleteIndices(indices);
            out.println("stopped the services and the feed server of " + run + ", deleted its topics and indices");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String scrape(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(url + "/q/metrics")).timeout(Duration.ofSeconds(3)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The load average, and how much of the last minute runnable threads waited for a CPU (Linux PSI). */
    private static String loadAverage() {
        String load;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            load = fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            load = "unknown";
        }
        try {
            String some = Files.readAllLines(Path.of("/proc/pressure/cpu")).getFirst();
            String avg60 = some.replaceAll(".*avg60=([0-9.]+).*", "$1");
            return load + " (CPU pressure: tasks waited for a CPU " + avg60 + "% of the last minute)";
        } catch (IOException | RuntimeException e) {
            return load;
        }
    }

    private static void sleepSeconds(int seconds) throws InterruptedException {
        TimeUnit.SECONDS.sleep(seconds);
    }
}
