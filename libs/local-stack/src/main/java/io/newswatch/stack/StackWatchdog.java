package io.newswatch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stops a stack that tests started once no test JVM has used it for a while. {@code ./mvnw verify} runs one JVM
 * per module; each takes a lease (a file named after its pid under {@code .newswatch/run/leases/}), so the stack
 * starts once for the whole build and is gone a little after the last module. A lease that is not a pid (the
 * launcher's {@code up}) keeps the stack up until {@code ./newswatch down}.
 *
 * <p>Runs as {@code java -cp <copy of this class and ProcessTree> ...}: nothing but the JDK, so a build that
 * replaces the jars under it does not break it.
 */
public final class StackWatchdog {

    private StackWatchdog() {
    }

    /**
     * @param args the {@code .newswatch/run} folder, the idle time in seconds, then the pid files to stop
     */
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        Duration idleLimit = Duration.ofSeconds(Long.parseLong(args[1]));
        List<Path> pidFiles = Stream.of(args).skip(2).map(Path::of).toList();
        Path leases = run.resolve("leases");
        long idleSince = System.nanoTime();
        while (true) {
            Thread.sleep(2000);
            if (pidFiles.stream().allMatch(pidFile -> ProcessTree.alive(pidFile).isEmpty())) {
                break; // someone else stopped the stack
            }
            if (anyLeaseHeld(leases)) {
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > idleLimit.toNanos()) {
                System.out.println("no test has used the stack for " + idleLimit.toSeconds() + " s: stopping it");
                for (Path pidFile : pidFiles) {
                    ProcessTree.stop(pidFile, Duration.ofSeconds(60));
                }
                break;
            }
        }
        Files.deleteIfExists(run.resolve("watchdog.pid"));
    }

    static boolean anyLeaseHeld(Path leases) throws IOException {
        if (!Files.isDirectory(leases)) {
            return false;
        }
        try (Stream<Path> files = Files.list(leases)) {
            for (Path lease : files.toList()) {
                String name = lease.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    return true;
                }
                Optional<ProcessHandle> holder = ProcessHandle.of(Long.parseLong(name));
                if (holder.isPresent() && holder.get().isAlive()) {
                    return true;
                }
                Files.deleteIfExists(lease);
            }
        }
        return false;
    }
}
