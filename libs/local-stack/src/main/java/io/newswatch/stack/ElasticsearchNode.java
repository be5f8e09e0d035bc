package io.newswatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single Elasticsearch node from the integ-test distribution, security off, bound to loopback. Elasticsearch
 * refuses to run as root: when the stack runs as root, the node runs as an unprivileged user (created if missing),
 * with its files in a folder of that user's own ({@link ElasticsearchUserDir}); otherwise they live in the stack's
 * folder.
 */
final class ElasticsearchNode implements LocalServer {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackHome home;
    private final StackSettings settings;
    private final ServerDistributions distributions;

    ElasticsearchNode(StackHome home, StackSettings settings, ServerDistributions distributions) {
        this.home = home;
        this.settings = settings;
        this.distributions = distributions;
    }

    @Override
    public String name() {
        return "elasticsearch";
    }

    @Override
    public String address() {
        return settings.elasticsearchUrl();
    }

    @Override
    public List<Integer> ports() {
        return List.of(settings.elasticsearchPort());
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(240);
    }

    @Override
    public Path pidFile() {
        return home.pidFile(name());
    }

    @Override
    public Path log() {
        return home.log(name());
    }

    @Override
    public void start() {
        List<String> command = new ArrayList<>();
        ElasticsearchUserDir.Layout layout;
        if (isRoot()) {
            layout = userDir().prepare();
            command.addAll(List.of("runuser", "-u", settings.elasticsearchUser(), "--", "env",
                    "ES_JAVA_HOME=" + Jdk.home(), "ES_JAVA_OPTS=" + javaOptions(), "ES_PATH_CONF=" + layout.config()));
        } else {
            layout = ownLayout();
            createDirectories(layout.data(), layout.logs());
        }
        command.add(layout.distribution().resolve("bin").resolve("elasticsearch").toString());
        command.addAll(settings(layout.data(), layout.logs()));
        DetachedProcess.start(command, Map.of("ES_JAVA_HOME", Jdk.home().toString(), "ES_JAVA_OPTS", javaOptions(),
                "ES_PATH_CONF", layout.config().toString()), layout.distribution(), log(), pidFile());
    }

    /** The node's data folder: in the stack's folder, or, when run by root, in its user's folder. */
    @Override
    public Path data() {
        return (isRoot() ? userDir().layout() : ownLayout()).data();
    }

    private ElasticsearchUserDir.Layout ownLayout() {
        Path distribution = distributions.elasticsearchHome();
        return new ElasticsearchUserDir.Layout(distribution, distribution.resolve("config"), home.data(name()),
                home.dir().resolve("logs").resolve(name()));
    }

    private ElasticsearchUserDir userDir() {
        return new ElasticsearchUserDir(home, settings.elasticsearchUser(), settings.elasticsearchUserDir(),
                distributions.elasticsearchHome());
    }

    @Override
    public boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(address() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"cluster_name\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String javaOptions() {
        return "-Xms" + settings.elasticsearchHeap() + " -Xmx" + settings.elasticsearchHeap();
    }

    private List<String> settings(Path data, Path logs) {
        return List.of(
                "-E", "cluster.name=newswatch",
                "-E", "node.name=newswatch-local",
                "-E", "discovery.type=single-node",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + settings.elasticsearchPort(),
                "-E", "transport.port=" + settings.elasticsearchTransportPort(),
                "-E", "path.data=" + data,
                "-E", "path.logs=" + logs,
                // Local and test use only; docker-compose runs with security on.
                "-E", "xpack.security.enabled=false",
                // A nearly full developer disk must not turn the indices read-only in the middle of a test.
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false");
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                PrivateFiles.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
