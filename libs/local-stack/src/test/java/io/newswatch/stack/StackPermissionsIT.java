package io.newswatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the stack writes is its owner's alone: the stack's folder is rwx------ and so is everything Kafka creates in
 * it (its data used to be world-readable). A Kafka broker of this test's own, in a fresh folder.
 */
class StackPermissionsIT {

    @TempDir
    Path parent;

    @Test
    void aFreshStackAndKafkasDataAreTheOwnersAlone() throws Exception {
        LocalStack shared = TestStack.shared(); // the distributions
        StackHome home = new StackHome(shared.home().project(), parent.resolve("stack"));
        List<Integer> ports = Ports.free(2);
        StackSettings defaults = shared.settings();
        StackSettings settings = new StackSettings(ports.get(0), ports.get(1), defaults.elasticsearchPort(),
                defaults.elasticsearchTransportPort(), "256m", defaults.elasticsearchHeap(), 1,
                defaults.elasticsearchUser(), defaults.elasticsearchUserDir());
        KafkaBroker kafka = new KafkaBroker(home, settings, new ServerDistributions(shared.home()));

        home.secure(false);
        kafka.start();
        try {
            long deadline = System.nanoTime() + kafka.startupTimeout().toNanos();
            while (!kafka.healthy() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(kafka.healthy()).as(DetachedProcess.tail(kafka.log(), 20)).isTrue();

            assertThat(Files.getPosixFilePermissions(home.dir())).isEqualTo(PrivateFiles.FOLDER);
            assertThat(Files.list(kafka.data()).toList()).as("Kafka wrote its data").isNotEmpty();
            assertThat(openToOthers(home.dir())).as("open to others under " + home.dir()).isEmpty();
        } finally {
            ProcessTree.stop(kafka.pidFile(), Duration.ofSeconds(60));
        }
    }

    @Test
    void aStackFolderLeftOpenByAnEarlierVersionIsClosedInsideTheCheckoutOnly() throws Exception {
        Path project = parent.resolve("checkout");
        Path inside = project.resolve(".newswatch");
        Path outside = parent.resolve("elsewhere");
        Files.createDirectories(inside);
        Files.createDirectories(outside);
        Files.setPosixFilePermissions(inside, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(outside, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        new StackHome(project, inside).secure(false);
        new StackHome(project, outside).secure(false);

        assertThat(Files.getPosixFilePermissions(inside)).isEqualTo(PrivateFiles.FOLDER);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)))
                .isEqualTo("rwxr-xr-x");
    }

    private static List<Path> openToOthers(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> !Files.isSymbolicLink(file)).filter(file -> {
                try {
                    return PrivateFiles.openToOthers(file);
                } catch (IOException e) {
                    return true;
                }
            }).toList();
        }
    }
}
