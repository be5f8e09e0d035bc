package io.newswatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Elasticsearch's own folder in a stack started by root. Elasticsearch refuses to run as root, so it runs as an
 * unprivileged user; that user can enter neither the stack's folder (root's alone) nor, perhaps, the checkout (a
 * {@code mktemp -d} folder). Rather than opening those to everyone, Elasticsearch gets a folder that its user owns,
 * outside the checkout ({@code NEWSWATCH_ELASTICSEARCH_USER_DIR}, default {@code /var/lib/newswatch}):
 *
 * <pre>
 * BASE/                                  rwx------, the user's
 *   dist/elasticsearch-VERSION/          the distribution, copied once per version (shared by this machine's stacks)
 *   stacks/CHECKOUT-STACK-HASH/          one per stack folder (a checkout, a test's second node)
 *     config/  data/  logs/
 * </pre>
 *
 * No permission outside the checkout is changed: BASE is created if missing, and its parents must already let the
 * user through (they do under {@code /var/lib}); otherwise the error says what to do.
 */
final class ElasticsearchUserDir {

    private final StackHome home;
    private final String user;
    private final Path base;
    private final Path sourceDistribution;

    /**
     * @param home               the stack
     * @param user               the unprivileged user that runs Elasticsearch
     * @param base               the user's folder
     * @param sourceDistribution the distribution resolved into the stack's folder, copied from
     */
    ElasticsearchUserDir(StackHome home, String user, Path base, Path sourceDistribution) {
        this.home = home;
        this.user = user;
        this.base = base;
        this.sourceDistribution = sourceDistribution;
    }

    /** Where the node's files are. */
    record Layout(Path distribution, Path config, Path data, Path logs) {
    }

    /** The node's files, whether prepared yet or not. */
    Layout layout() {
        Path stack = base.resolve("stacks").resolve(stackName());
        return new Layout(base.resolve("dist").resolve(sourceDistribution.getFileName()), stack.resolve("config"),
                stack.resolve("data"), stack.resolve("logs"));
    }

    /**
     * Makes the folder ready for the node: the user (created if missing), the base folder, the distribution, the
     * stack's config, data and logs, all owned by the user.
     */
    Layout prepare() {
        ensureUser();
        requireReachable();
        Layout layout = layout();
        try {
            createBase();
            copyDistribution(layout.distribution());
            Path stack = layout.data().getParent();
            PrivateFiles.createDirectories(stack);
            giveToUser(stack.getParent(), false);
            moveEarlierData(layout.data());
            PrivateFiles.createDirectories(layout.data());
            PrivateFiles.createDirectories(layout.logs());
            if (!Files.isRegularFile(layout.config().resolve("elasticsearch.yml"))) {
                copyTree(sourceDistribution.resolve("config"), layout.config());
            }
            giveToUser(stack, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Elasticsearch's folder " + base, e);
        }
        requireRunnable(Jdk.java());
        return layout;
    }

    /** {@code CHECKOUT-STACK-HASH}: readable, and unique per stack folder. */
    private String stackName() {
        Path dir = home.dir().toAbsolutePath().normalize();
        String readable = (home.project().getFileName() + "-" + dir.getFileName()).replaceAll("[^A-Za-z0-9_-]+", "-")
                .replaceAll("-{2,}", "-");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dir.toString().getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureUser() {
        if (run(List.of("id", "-u", user)) == 0) {
            return;
        }
        System.out.println("Elasticsearch refuses to run as root: creating the unprivileged user '" + user + "'");
        if (run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user)) != 0) {
            throw new StackException("Elasticsearch refuses to run as root, and the user '" + user
                    + "' cannot be created here. Create an unprivileged user (useradd --system " + user
                    + "), or set NEWSWATCH_ELASTICSEARCH_USER to an existing one, or run ./newswatch as a normal user.");
        }
    }

    /** The user must be able to pass through the parents of the base folder as they are. */
    private void requireReachable() {
        Path existing = base;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || run(List.of("runuser", "-u", user, "--", "test", "-x", existing.toString())) != 0) {
            throw new StackException("Elasticsearch's user '" + user + "' cannot reach " + base + " (it cannot pass "
                    + "through " + existing + "). newswatch changes no permissions outside the checkout: set "
                    + "NEWSWATCH_ELASTICSEARCH_USER_DIR to a folder whose parents others may pass through, e.g. "
                    + "under /var/lib or /srv.");
        }
    }

    private void createBase() throws IOException {
        if (!Files.isDirectory(base)) {
            System.out.println("Elasticsearch runs as '" + user + "', with its files in " + base
                    + " (the checkout's .newswatch/ is root's alone)");
            PrivateFiles.createDirectories(base);
            giveToUser(base, false);
            return;
        }
        String owner = Files.getOwner(base).getName();
        if (!owner.equals(user)) {
            throw new StackException(base + " belongs to '" + owner + "', not to Elasticsearch's user '" + user
                    + "'. Set NEWSWATCH_ELASTICSEARCH_USER_DIR to a folder of its own, or NEWSWATCH_ELASTICSEARCH_USER "
                    + "to its owner.");
        }
    }

    /** Copied next to the final name, then renamed: a copy cut short is never taken for a distribution. */
    private void copyDistribution(Path target) throws IOException {
        if (Files.isRegularFile(target.resolve("bin").resolve("elasticsearch"))) {
            return;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial-" + UUID.randomUUID());
        PrivateFiles.createDirectories(target.getParent());
        copyTree(sourceDistribution, partial);
        giveToUser(target.getParent(), false);
        giveToUser(partial, true);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(target.resolve("bin").resolve("elasticsearch"))) {
                throw e;
            }
            deleteTree(partial); // another stack copied it meanwhile
        }
    }

    /** Elasticsearch's data from before it had a folder of its own, kept rather than left behind. */
    private void moveEarlierData(Path data) {
        Path earlier = home.data("elasticsearch");
        if (Files.exists(data) || !Files.isDirectory(earlier)) {
            return;
        }
        System.out.println("Moving Elasticsearch's data from " + earlier + " to " + data);
        if (run(List.of("mv", earlier.toString(), data.toString())) != 0) {
            throw new StackException("cannot move Elasticsearch's data from " + earlier + " to " + data
                    + "; move it yourself, or delete it to start afresh");
        }
    }

    private void giveToUser(Path dir, boolean recursive) {
        List<String> command = recursive ? List.of("chown", "-R", user + ":", dir.toString())
                : List.of("chown", user + ":", dir.toString());
        if (run(command) != 0) {
            throw new StackException("cannot give " + dir + " to user '" + user + "' (chown failed)");
        }
    }

    private void requireRunnable(Path java) {
        if (run(List.of("runuser", "-u", user, "--", "test", "-x", java.toString())) != 0) {
            throw new StackException("Elasticsearch's user '" + user + "' cannot run " + java + ". Use a JDK that "
                    + "others may run (e.g. under /usr/lib/jvm), with JAVA_HOME pointing at it.");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    PrivateFiles.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(120, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
