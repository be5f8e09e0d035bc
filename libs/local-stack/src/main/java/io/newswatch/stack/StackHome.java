package io.newswatch.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the stack belongs to and its {@code .newswatch/} folder (git-ignored), which holds everything the
 * stack writes: the server distributions, their data, logs, pid files and the API key.
 *
 * @param project the root of the newswatch checkout (where {@code mvnw} is)
 */
public record StackHome(Path project) {

    /**
     * The checkout from {@code -Dnewswatch.home} (set by the launcher and by the build for tests), else
     * {@code NEWSWATCH_HOME}, else the nearest parent of the working directory that holds {@code mvnw} and
     * {@code newswatch}.
     */
    public static StackHome locate() {
        String configured = System.getProperty("newswatch.home", System.getenv("NEWSWATCH_HOME"));
        if (configured != null && !configured.isBlank()) {
            return new StackHome(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("newswatch"))) {
                return new StackHome(dir);
            }
        }
        throw new StackException("cannot find the newswatch checkout from " + Path.of("").toAbsolutePath()
                + ": run from inside it, or set NEWSWATCH_HOME");
    }

    /** {@code .newswatch/} */
    public Path dir() {
        return project.resolve(".newswatch");
    }

    /** Server distributions resolved from Maven Central. */
    public Path dist() {
        return dir().resolve("dist");
    }

    /** Data of one server ("kafka", "elasticsearch"). */
    public Path data(String server) {
        return dir().resolve("data").resolve(server);
    }

    /** Configuration written for one server. */
    public Path config(String server) {
        return dir().resolve("config").resolve(server);
    }

    /** Log of one process. */
    public Path log(String process) {
        return dir().resolve("logs").resolve(process + ".log");
    }

    /** Pid files, leases and locks. */
    public Path run() {
        return dir().resolve("run");
    }

    /** The pid file of one process. */
    public Path pidFile(String process) {
        return run().resolve(process + ".pid");
    }

    /** The Maven wrapper of the checkout. */
    public Path mavenWrapper() {
        return project.resolve("mvnw");
    }
}
