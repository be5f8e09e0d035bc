package io.newswatch.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A stack started by root, in a checkout under a folder nobody else may enter (as {@code mktemp -d} makes them):
 * Elasticsearch, which refuses to run as root, runs as its own user from a folder of that user's, and no permission
 * of the checkout or its parents is changed (an earlier version opened every parent up to {@code /}).
 */
class ElasticsearchAsRootIT {

    private Path closed;
    private Path userDir;

    @BeforeEach
    void folders() throws IOException {
        assumeTrue(isRoot(), "runs as root only (Elasticsearch's own user and folder are root's business)");
        closed = Files.createTempDirectory("newswatch-closed-"); // rwx------, as mktemp -d
        // under /tmp, which everyone may pass through; created by the stack itself
        userDir = Path.of(System.getProperty("java.io.tmpdir"), "newswatch-es-" + UUID.randomUUID());
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (Path dir : new Path[] {closed, userDir}) {
            if (dir != null && Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    @Test
    void elasticsearchRunsFromAFolderOfItsUsersOwnAndNoParentIsOpened() throws Exception {
        LocalStack shared = TestStack.shared(); // the distributions
        StackHome home = new StackHome(shared.home().project(), closed.resolve("checkout").resolve(".newswatch"));
        ElasticsearchNode node = node(home, shared, userDir);

        home.secure(false);
        node.start();
        try {
            long deadline = System.nanoTime() + node.startupTimeout().toNanos();
            while (!node.healthy() && System.nanoTime() < deadline) {
                assertThat(ProcessTree.alive(node.pidFile())).as(DetachedProcess.tail(node.log(), 30)).isPresent();
                Thread.sleep(1000);
            }
            assertThat(node.healthy()).as(DetachedProcess.tail(node.log(), 30)).isTrue();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(closed))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.dir()))).isEqualTo("rwx------");
            String user = shared.settings().elasticsearchUser();
            assertThat(node.data()).startsWith(userDir);
            assertThat(Files.getOwner(node.data()).getName()).isEqualTo(user);
            assertThat(Files.getOwner(userDir).getName()).isEqualTo(user);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(userDir))).isEqualTo("rwx------");
            try (Stream<Path> files = Files.walk(home.dir())) {
                assertThat(files.filter(file -> !owner(file).equals("root")).toList())
                        .as("files of the checkout given to another user").isEmpty();
            }
        } finally {
            ProcessTree.stop(node.pidFile(), Duration.ofSeconds(60));
        }
    }

    @Test
    void aFolderItsUserCannotReachIsAClearErrorAndNothingIsOpened() throws Exception {
        LocalStack shared = TestStack.shared();
        StackHome home = new StackHome(shared.home().project(), closed.resolve(".newswatch"));
        Path unreachable = closed.resolve("elasticsearch");

        assertThatThrownBy(() -> node(home, shared, unreachable).start())
                .isInstanceOf(StackException.class)
                .hasMessageContaining("cannot reach " + unreachable)
                .hasMessageContaining("NEWSWATCH_ELASTICSEARCH_USER_DIR");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(closed))).isEqualTo("rwx------");
        assertThat(unreachable).doesNotExist();
    }

    private static ElasticsearchNode node(StackHome home, LocalStack shared, Path userDir) throws IOException {
        List<Integer> ports = Ports.free(2);
        StackSettings defaults = shared.settings();
        StackSettings settings = new StackSettings(defaults.kafkaPort(), defaults.kafkaControllerPort(), ports.get(0),
                ports.get(1), defaults.kafkaHeap(), "384m", 1, defaults.elasticsearchUser(), userDir);
        return new ElasticsearchNode(home, settings, new ServerDistributions(shared.home()));
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException e) {
            return "?";
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
