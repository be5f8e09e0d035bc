package io.newswatch.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and stops a detached process and everything it started, from its pid file. Uses nothing but the JDK, so
 * that {@link StackWatchdog} can run it from a copy of its class file alone.
 *
 * <p>A pid file holds the pid and the process' start time, so a pid reused by an unrelated process after a reboot
 * is never mistaken for ours.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /** Writes a pid file for a running process. */
    public static void writePidFile(Path pidFile, ProcessHandle process) throws IOException {
        Files.createDirectories(pidFile.getParent());
        String started = process.info().startInstant().map(Object::toString).orElse("-");
        Files.writeString(pidFile, process.pid() + " " + started + "\n", StandardCharsets.UTF_8);
    }

    /** The process a pid file names, if it is still the same process and alive. */
    public static Optional<ProcessHandle> alive(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty() || fields.length < 2 || fields[1].equals("-")) {
                return process;
            }
            String started = process.get().info().startInstant().map(Object::toString).orElse("-");
            return started.equals(fields[1]) ? process : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the process of a pid file and all its descendants: SIGTERM first, SIGKILL for whatever is left after
     * the grace period. Removes the pid file.
     *
     * @return true when a process was running
     */
    public static boolean stop(Path pidFile, Duration grace) {
        Optional<ProcessHandle> root = alive(pidFile);
        root.ifPresent(process -> stopTree(process, grace));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: alive() checks the start time
        }
        return root.isPresent();
    }

    /**
     * SIGTERM to a process and its descendants, then SIGKILL to the survivors after the grace period, and to any
     * descendant started while it was stopping (a JVM writing its AOT cache at exit starts a child JVM for it).
     */
    public static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        // The leaf is the real server (launcher scripts wait for it): ask it first so it can shut down cleanly.
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            while (process.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
        }
        // descendants started since the SIGTERM, first: once the root is gone they are no longer its descendants
        root.descendants().filter(process -> !tree.contains(process)).forEach(tree::add);
        for (int i = tree.size() - 1; i >= 0; i--) {
            if (tree.get(i).isAlive()) {
                tree.get(i).destroyForcibly();
            }
        }
        for (ProcessHandle process : tree) {
            long killDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (process.isAlive() && System.nanoTime() < killDeadline) {
                sleep(50);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
