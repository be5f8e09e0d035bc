package io.newswatch.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the stack belongs to and the folder that holds everything the stack writes: the server
 * distributions, their data, logs, pid files and the API key ({@code .newswatch/} in the checkout, git-ignored).
 *
 * @param project the root of the newswatch checkout (where {@code mvnw} is)
 * @param dir     the stack's folder: {@code NEWSWATCH_STACK_DIR}, else {@code PROJECT/.newswatch}; a second stack
 *                beside the first needs a folder (and ports) of its own
 */
public record StackHome(Path project, Path dir) {

    /** The default stack of a checkout. */
    public StackHome(Path project) {
        this(project, project.resolve(".newswatch"));
    }

    /**
     * The checkout from {@code -Dnewswatch.home} (set by the launcher and by the build for tests), else
     * {@code NEWSWATCH_HOME}, else the nearest parent of the working directory that holds {@code mvnw} and
     * {@code newswatch}; the stack's folder from {@code NEWSWATCH_STACK_DIR} when set.
     */
    public static StackHome locate() {
        Path project = locateProject();
        String stackDir = System.getenv("NEWSWATCH_STACK_DIR");
        return stackDir == null || stackDir.isBlank() ? new StackHome(project)
                : new StackHome(project, Path.of(stackDir).toAbsolutePath().normalize());
    }

    private static Path locateProject() {
        String configured = System.getProperty("newswatch.home", System.getenv("NEWSWATCH_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("newswatch"))) {
                return dir;
            }
        }
        throw new StackException("cannot find the newswatch checkout from " + Path.of("").toAbsolutePath()
                + ": run from inside it, or set NEWSWATCH_HOME");
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
