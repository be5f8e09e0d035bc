package io.newswatch.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services as the launcher runs them: packaged Quarkus applications under {@code services/}. The first four
 * are the pipeline ({@link #pipeline()}); the console is the analysts' page over it.
 */
public enum NewswatchService {

    FEED_POLLER("feed-poller", 8081, "256m"),
    /*
     * The open stories of a 3-day window live in its heap: at 256 MB with 30,000 open, garbage collection was 43%
     * of its CPU (docs/perf, session 14). Compose gives it 70% of 768 MB.
     */
    ENRICHER("enricher", 8082, "512m"),
    INDEXER("indexer", 8083, "256m"),
    ALERTER("alerter", 8084, "256m"),
    CONSOLE("console", 8080, "256m");

    private static final List<NewswatchService> PIPELINE = List.of(FEED_POLLER, ENRICHER, INDEXER, ALERTER);

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
        String extra = env.get(jvmOptionsVariable());
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return List.copyOf(options);
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
