package io.newswatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessesStopTest {

    @TempDir
    Path dir;

    /**
     * Instances that ignore SIGTERM (as an AOT training run writing its cache seems to) are stopped side by side:
     * three of them take one grace period, not three.
     */
    @Test
    void stopAllStopsInstancesSideBySide() throws Exception {
        StackHome home = new StackHome(dir, dir.resolve(".newswatch"));
        ServiceProcesses services = new ServiceProcesses(home, BindAddress.LOOPBACK);
        List<ProcessHandle> started = new ArrayList<>();
        for (String instance : List.of("a", "b", "c")) {
            started.add(DetachedProcess.start(List.of("sh", "-c", "trap '' TERM; sleep 300 & wait; wait"), Map.of(),
                    dir, home.log(instance), home.pidFile(instance)));
        }
        Thread.sleep(300); // the traps set

        long from = System.nanoTime();
        List<String> stopped = services.stopAll(List.of("c", "missing", "a", "b"), Duration.ofSeconds(2));
        Duration took = Duration.ofNanos(System.nanoTime() - from);

        assertThat(stopped).containsExactly("c", "a", "b");
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(took).as("one grace period, not three").isLessThan(Duration.ofSeconds(5));
    }
}
