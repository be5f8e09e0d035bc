package io.newswatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTreeTest {

    @TempDir
    Path dir;

    @Test
    void stopsADetachedProcessAndItsChildren() throws Exception {
        Path pidFile = dir.resolve("sleeper.pid");
        ProcessHandle shell = DetachedProcess.start(List.of("sh", "-c", "sleep 300 & sleep 300; wait"), Map.of(),
                dir, dir.resolve("sleeper.log"), pidFile);
        awaitChildren(shell, 2);
        List<ProcessHandle> tree = new java.util.ArrayList<>(shell.descendants().toList());
        tree.add(shell);

        assertThat(ProcessTree.alive(pidFile)).contains(shell);
        assertThat(ProcessTree.stop(pidFile, Duration.ofSeconds(5))).isTrue();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(pidFile).doesNotExist();
        assertThat(ProcessTree.stop(pidFile, Duration.ofSeconds(1))).isFalse();
    }

    /** As a JVM writing its AOT cache at exit does: a child started after the SIGTERM is killed with the rest. */
    @Test
    void aChildStartedWhileStoppingIsStoppedToo() throws Exception {
        Path pidFile = dir.resolve("late.pid");
        Path childPid = dir.resolve("child.pid");
        ProcessHandle shell = DetachedProcess.start(List.of("sh", "-c",
                        "trap 'sleep 300 & echo $! > child.pid' TERM; while :; do sleep 1; done"), Map.of(),
                dir, dir.resolve("late.log"), pidFile);
        awaitChildren(shell, 1);

        assertThat(ProcessTree.stop(pidFile, Duration.ofSeconds(2))).isTrue();

        assertThat(childPid).exists();
        java.util.Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(Files.readString(childPid).trim()))
                .filter(ProcessHandle::isAlive);
        child.ifPresent(ProcessHandle::destroyForcibly); // not to leave it behind when this fails
        assertThat(child).as("the late child, alive after the stop").isEmpty();
        assertThat(shell.isAlive()).isFalse();
    }

    @Test
    void aPidFileWhosePidWasReusedIsNotOurs() throws Exception {
        Path pidFile = dir.resolve("stale.pid");
        // this JVM's pid, but a start time that is not its own: a reboot reused the pid
        Files.writeString(pidFile, ProcessHandle.current().pid() + " 2001-01-01T00:00:00Z\n");
        assertThat(ProcessTree.alive(pidFile)).isEmpty();
    }

    @Test
    void garbageInAPidFileMeansNothingRuns() throws Exception {
        Path pidFile = dir.resolve("garbage.pid");
        Files.writeString(pidFile, "not a pid");
        assertThat(ProcessTree.alive(pidFile)).isEmpty();
        assertThat(ProcessTree.alive(dir.resolve("missing.pid"))).isEmpty();
    }

    private static void awaitChildren(ProcessHandle process, int count) throws InterruptedException {
        for (int i = 0; i < 100 && process.descendants().count() < count; i++) {
            Thread.sleep(50);
        }
    }
}
