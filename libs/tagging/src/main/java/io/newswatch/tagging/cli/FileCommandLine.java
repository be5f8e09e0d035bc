package io.newswatch.tagging.cli;

import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the offline commands that read article files ({@code ./newswatch tag}, {@code ./newswatch match}) share: UTF-8
 * output whatever the locale, picocli set up with a usage error's own exit status, and files read by name or
 * {@code -} for standard input.
 */
public final class FileCommandLine {

    private FileCommandLine() {
    }

    /**
     * Names JBoss LogManager as the JDK's log manager, as Quarkus would: the packaged apps' classpath carries it, and
     * its logger finder complains on standard error when anything logs before. Call it before anything logs.
     */
    public static void useServiceLogManager() {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
    }

    /** Standard output or error in UTF-8 whatever the locale ({@code LC_ALL=C} would turn every Đ into ?). */
    public static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }

    /**
     * Runs a picocli command: help and output on {@code out}, a usage error as "newswatch NAME: reason" and the usage
     * on {@code err}, with exit status {@code usageStatus}.
     */
    public static int execute(String name, Object command, String[] args, PrintStream out, PrintStream err,
                              int usageStatus) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((e, arguments) -> {
            err.println("newswatch " + name + ": " + e.getMessage());
            e.getCommandLine().usage(err);
            return usageStatus;
        });
        return line.execute(args);
    }

    /** A file's content as UTF-8; {@code -} reads {@code in}. */
    public static String read(String file, InputStream in) throws IOException {
        if (file.equals("-")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
