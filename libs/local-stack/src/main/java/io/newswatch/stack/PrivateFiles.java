package io.newswatch.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Files and folders of the stack that only their owner may read: created so from the start (the mode is given to
 * the system call that creates them, never set afterwards), whatever the umask of the JVM. The stack's folder holds
 * an API key, logs with whatever the services log, and Kafka's and Elasticsearch's data.
 */
public final class PrivateFiles {

    /** rwx------ */
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** rw------- */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final FileAttribute<Set<PosixFilePermission>> FOLDER_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(FOLDER);
    private static final FileAttribute<Set<PosixFilePermission>> FILE_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(FILE);

    private PrivateFiles() {
    }

    /** Creates the folder and its missing parents, each rwx------; folders that exist are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        return Files.createDirectories(dir, FOLDER_ATTRIBUTE);
    }

    /** Writes a file, creating it rw------- if it is new (its folder too, rwx------). */
    public static Path write(Path file, String content) throws IOException {
        return write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the file empty, rw-------, unless it exists (a log that a child process then appends to, a lock). */
    public static Path touch(Path file) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, FILE_ATTRIBUTE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // kept as it is
        }
        return file;
    }

    /** Writes bytes to a file, creating it rw------- if it is new (its folder too, rwx------). */
    public static Path write(Path file, byte[] content) throws IOException {
        return write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Creates a new file rw------- with the content, failing if it exists ({@link
     * java.nio.file.FileAlreadyExistsException}): for secrets, which nobody else may ever have read.
     */
    public static Path createSecret(Path file, String content) throws IOException {
        return write(file, content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
    }

    private static Path write(Path file, byte[] content, StandardOpenOption... options) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        Set<StandardOpenOption> open = new java.util.HashSet<>(List.of(options));
        open.add(StandardOpenOption.WRITE);
        try (SeekableByteChannel channel = Files.newByteChannel(file, open, FILE_ATTRIBUTE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        return file;
    }

    /**
     * The command run with umask 077, so that whatever it creates (Kafka's log segments, Elasticsearch's indices, a
     * service's files) is its owner's alone: {@code sh -c 'umask 077 && exec "$0" "$@"' COMMAND...}. The shell
     * replaces itself with the command, which keeps the pid.
     */
    public static List<String> withPrivateUmask(List<String> command) {
        List<String> wrapped = new java.util.ArrayList<>(List.of("sh", "-c", "umask 077 && exec \"$0\" \"$@\""));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether anyone but the owner may read, write or enter the file. */
    public static boolean openToOthers(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"));
    }
}
