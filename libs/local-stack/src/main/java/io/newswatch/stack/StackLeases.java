package io.newswatch.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who is using the stack: test JVMs (a lease per pid, released when the JVM exits) and the launcher (a lease
 * named {@code launcher}, released by {@code down}). A {@link StackWatchdog} stops a stack started by tests once
 * every lease is gone.
 */
public final class StackLeases {

    /** Seconds without any lease before a test-started stack stops: long enough for Maven to build the next module. */
    static final long IDLE_SECONDS = 180;
    private static final String LAUNCHER = "launcher";

    private final StackHome home;

    public StackLeases(StackHome home) {
        this.home = home;
    }

    /** Takes a lease for this JVM, released when it exits. */
    public void acquireForThisJvm() {
        Path lease = write(String.valueOf(ProcessHandle.current().pid()));
        lease.toFile().deleteOnExit();
    }

    /** Takes the launcher's lease, which keeps the stack up until {@link #releaseLauncher()}. */
    public void acquireForLauncher() {
        write(LAUNCHER);
    }

    public void releaseLauncher() {
        try {
            Files.deleteIfExists(leases().resolve(LAUNCHER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a watchdog for the given servers unless one runs already. */
    public void watch(List<Path> pidFiles) {
        Path pidFile = home.run().resolve("watchdog.pid");
        if (ProcessTree.alive(pidFile).isPresent()) {
            return;
        }
        Path classes = home.run().resolve("watchdog-classes");
        copyClass(classes, StackWatchdog.class);
        copyClass(classes, ProcessTree.class);
        List<String> command = new ArrayList<>(List.of(Jdk.java().toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", classes.toString(), StackWatchdog.class.getName(), home.run().toString(),
                String.valueOf(IDLE_SECONDS)));
        pidFiles.forEach(file -> command.add(file.toString()));
        DetachedProcess.start(command, Map.of(), home.project(), home.log("watchdog"), pidFile);
    }

    private Path leases() {
        return home.run().resolve("leases");
    }

    private Path write(String name) {
        try {
            return PrivateFiles.write(leases().resolve(name), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a lease under " + leases(), e);
        }
    }

    private static void copyClass(Path root, Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found on the classpath");
            }
            PrivateFiles.write(target, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + root, e);
        }
    }
}
