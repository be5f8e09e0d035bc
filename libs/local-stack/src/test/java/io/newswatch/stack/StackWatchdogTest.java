package io.newswatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StackWatchdogTest {

    @TempDir
    Path leases;

    @Test
    void noLeasesMeansIdle() throws Exception {
        assertThat(StackWatchdog.anyLeaseHeld(leases)).isFalse();
        assertThat(StackWatchdog.anyLeaseHeld(leases.resolve("missing"))).isFalse();
    }

    @Test
    void aLiveTestJvmHoldsTheStack() throws Exception {
        Files.writeString(leases.resolve(String.valueOf(ProcessHandle.current().pid())), "");
        assertThat(StackWatchdog.anyLeaseHeld(leases)).isTrue();
    }

    @Test
    void theLeaseOfAFinishedJvmIsDroppedAndDoesNotHoldTheStack() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path lease = Files.writeString(leases.resolve(String.valueOf(finished.pid())), "");
        assertThat(StackWatchdog.anyLeaseHeld(leases)).isFalse();
        assertThat(lease).doesNotExist();
    }

    @Test
    void theLaunchersLeaseHoldsTheStackUntilReleased() throws Exception {
        Files.writeString(leases.resolve("launcher"), "");
        assertThat(StackWatchdog.anyLeaseHeld(leases)).isTrue();
    }
}
