package io.newswatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A single Elasticsearch node from the integ-test distribution, security off, bound to loopback. Elasticsearch
 * refuses to run as root: when the stack runs as root, the node runs as an unprivileged user (created if missing)
 * that owns its files.
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
        Path esHome = distributions.elasticsearchHome();
        Path data = home.data(name());
        Path logs = home.dir().resolve("logs").resolve(name());
        createDirectories(data, logs);
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            String user = settings.elasticsearchUser();
            ensureUser(user);
            handOver(user, esHome, data, logs);
            command.addAll(List.of("runuser", "-u", user, "--", "env",
                    "ES_JAVA_HOME=" + Jdk.home(), "ES_JAVA_OPTS=" + javaOptions()));
        }
        command.add(esHome.resolve("bin").resolve("elasticsearch").toString());
        command.addAll(settings(data, logs));
        DetachedProcess.start(command, Map.of("ES_JAVA_HOME", Jdk.home().toString(), "ES_JAVA_OPTS", javaOptions()),
                esHome, log(), pidFile());
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
                Files.createDirectories(dir);
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

    private static void ensureUser(String user) {
        if (run(List.of("id", "-u", user)) == 0) {
            return;
        }
        System.out.println("Elasticsearch refuses to run as root: creating the unprivileged user '" + user + "'");
        if (run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user)) != 0) {
            throw new StackException("Elasticsearch refuses to run as root, and the user '" + user
                    + "' cannot be created here. Create an unprivileged user (useradd --system " + user
                    + "), or set NEWSWATCH_ELASTICSEARCH_USER to an existing one, or run ./newswatch as a normal user.");
        }
    }

    /** Gives the node's files to its user, and lets that user reach them through the checkout's parents. */
    private static void handOver(String user, Path... dirs) {
        for (Path dir : dirs) {
            if (run(List.of("chown", "-R", user + ":", dir.toString())) != 0) {
                throw new StackException("cannot give " + dir + " to user '" + user + "' (chown failed)");
            }
            for (Path parent = dir.getParent(); parent != null; parent = parent.getParent()) {
                allowTraversal(parent);
            }
        }
    }

    private static void allowTraversal(Path dir) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                System.out.println("Letting the Elasticsearch user pass through " + dir
                        + " (adding o+x: traverse only, no listing)");
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(dir, permissions);
            }
        } catch (IOException e) {
            throw new StackException("Elasticsearch's user cannot reach " + dir + " and its permissions cannot be "
                    + "changed (" + e.getMessage() + "); move the checkout to a folder others can traverse.");
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
