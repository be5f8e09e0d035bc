package io.newswatch.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The services as the launcher runs them: packaged Quarkus applications under {@code services/}. The first four
 * are the pipeline ({@link #pipeline()}); the console is the analysts' page over it.
 */
public enum NewswatchService {

    /*
     * 512 MB since session 17: at 256 MB a throughput run kept its old generation full (38 concurrent cycles in a
     * minute, GC stopped it 10.9% of the window); at 512 MB 1 cycle, 6.0% stopped, GC CPU 0.085 → 0.047 ms per
     * article, +0.22 GiB stack RSS (docs/perf/README.md, "Whole pipeline after session 17"). Compose gives it 70% of
     * 512 MB.
     */
    FEED_POLLER("feed-poller", 8081, "512m"),
    /*
     * The open stories of a 3-day window live in its heap: at 256 MB with 30,000 open, garbage collection was 43%
     * of its CPU (docs/perf, session 14). Compose gives it 70% of 768 MB.
     */
    ENRICHER("enricher", 8082, "512m"),
    INDEXER("indexer", 8083, "256m"),
    ALERTER("alerter", 8084, "256m"),
    CONSOLE("console", 8080, "256m");

    private static final List<NewswatchService> PIPELINE = List.of(FEED_POLLER, ENRICHER, INDEXER, ALERTER);
    /**
     * The services an alert passes through start with their heap committed ({@code -Xms}) up to
     * {@value #INITIAL_HEAP_MB} MB: left to itself G1 kept the poller at 100 MB of its 256 and the alerter at about
     * 200 of its 826 in the bench, so their old generations filled and a concurrent cycle (with its remark and mixed
     * pauses) ran every few seconds besides a young collection every second; committed, they collected a third to
     * half as often (docs/perf/README.md, "JVM options and pauses, session 16").
     */
    private static final List<NewswatchService> ALERT_PATH = List.of(FEED_POLLER, ENRICHER, ALERTER);
    static final long INITIAL_HEAP_MB = 512;

    private final String id;
    private final int defaultPort;
    private final String heap;

    NewswatchService(String id, int defaultPort, String heap) {
        this.id = id;
        this.defaultPort = defaultPort;
        this.heap = heap;
    }

    /** The services articles flow through, from feed to alert: every service but the console. */
    public static List<NewswatchService> pipeline() {
        return PIPELINE;
    }

    /** "feed-poller" */
    public String id() {
        return id;
    }

    /** The HTTP port: {@code NEWSWATCH_<SERVICE>_PORT} (e.g. NEWSWATCH_FEED_POLLER_PORT), else the one in docs/contracts.md ("Ports"). */
    public int port() {
        return port(System.getenv());
    }

    int port(Map<String, String> env) {
        String value = env.get("NEWSWATCH_" + name() + "_PORT");
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    /** The port in docs/contracts.md ("Ports"), also the one in docker-compose.yml and the Dockerfile. */
    public int defaultPort() {
        return defaultPort;
    }

    /**
     * The CPU priority its processes are lowered to once ready: {@code NEWSWATCH_<SERVICE>_NICE} (e.g.
     * NEWSWATCH_INDEXER_NICE), else normal.
     */
    public CpuPriority priority() {
        return CpuPriority.of(id);
    }

    /** The maximum heap ({@code -Xmx}) the launcher and the benchmark give it; the bench sizes the alerter's by rules. */
    public String heap() {
        return heap;
    }

    /**
     * The JVM options of an instance with this maximum heap: the defaults, then {@code NEWSWATCH_<SERVICE>_JVM_OPTIONS}
     * (e.g. NEWSWATCH_ALERTER_JVM_OPTIONS="-XX:MaxGCPauseMillis=50"; split at spaces; later options win), for
     * measuring a change without a rebuild.
     */
    public List<String> jvmOptions(String heap, Map<String, String> env) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));
        if (ALERT_PATH.contains(this)) {
            options.add("-Xms" + initialHeapMegabytes(heap) + "m");
        }
        String extra = env.get(jvmOptionsVariable());
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return List.copyOf(options);
    }

    /** The -Xms of an alert-path service with this -Xmx ("256m", "1g"): the same, at most {@value #INITIAL_HEAP_MB} MB. */
    static long initialHeapMegabytes(String heap) {
        String size = heap.trim().toLowerCase(Locale.ROOT);
        long number = Long.parseLong(size.substring(0, size.length() - 1));
        long megabytes = switch (size.charAt(size.length() - 1)) {
            case 'g' -> number * 1024;
            case 'm' -> number;
            case 'k' -> number / 1024;
            default -> throw new IllegalArgumentException("heap " + heap + " is not a size such as 256m or 1g");
        };
        return Math.max(1, Math.min(megabytes, INITIAL_HEAP_MB));
    }

    /** NEWSWATCH_FEED_POLLER_JVM_OPTIONS */
    public String jvmOptionsVariable() {
        return "NEWSWATCH_" + name() + "_JVM_OPTIONS";
    }

    /** The packaged application in a checkout. */
    public Path application(Path project) {
        return project.resolve("services").resolve(id).resolve("target").resolve("quarkus-app")
                .resolve("quarkus-run.jar");
    }
}
