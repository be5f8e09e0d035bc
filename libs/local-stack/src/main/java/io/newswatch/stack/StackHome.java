package io.newswatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the stack belongs to and the folder that holds everything the stack writes: the server
 * distributions, their data, logs, pid files and the API key ({@code .newswatch/} in the checkout, git-ignored).
 * The folder is its owner's alone (rwx------, see {@link #secure(boolean)}).
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

    /**
     * Creates the stack's folder rwx------, or closes one that an earlier version left open to others (only inside
     * the checkout: permissions outside it are never changed). Everything below is then out of others' reach.
     *
     * @param othersInside whether a process of another user still works inside the folder (an Elasticsearch that
     *                     an earlier version started as its own user there): the folder is closed at the next start
     */
    public Path secure(boolean othersInside) {
        try {
            if (!Files.isDirectory(dir)) {
                return PrivateFiles.createDirectories(dir);
            }
            if (PrivateFiles.openToOthers(dir) && dir.toAbsolutePath().normalize()
                    .startsWith(project.toAbsolutePath().normalize())) {
                if (othersInside) {
                    System.out.println(project.relativize(dir) + " is open to others while Elasticsearch runs there "
                            + "as its own user; ./newswatch down and up again move it out and close the folder");
                } else {
                    System.out.println("Closing " + project.relativize(dir) + " to everyone but its owner (rwx------)");
                    Files.setPosixFilePermissions(dir, PrivateFiles.FOLDER);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
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
