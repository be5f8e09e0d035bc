package io.newswatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Garbage-collector logs of the processes the launcher and the benchmark start (the services and Kafka), with
 * {@value #VARIABLE}{@code =on} (off by default): each JVM writes {@code <process>-<start time>.log} (the JDK's unified
 * logging, {@code gc*} and {@code safepoint} at info, each line stamped with UTC time and uptime) into
 * {@code .newswatch/logs/gc/}. Elasticsearch needs nothing: its own {@code jvm.options} always log the same (and
 * more) to {@code gc.log} in its logs folder, one its user can write ({@code .newswatch/logs/elasticsearch/} or, when
 * the stack runs as root, {@code <its user's folder>/stacks/<stack>/logs/}). {@code docs/perf/gc-pauses.py} sums the
 * stops per process over a bench's window.
 *
 * @param dir     where the services and Kafka write
 * @param setting the variable's value ("on" turns it on)
 */
public record GcLog(Path dir, String setting) {

    public static final String VARIABLE = "NEWSWATCH_GC_LOG";

    /** Logs under {@code .newswatch/logs/gc/} when {@value #VARIABLE} is "on" in this process' environment. */
    public static GcLog in(StackHome home) {
        return in(home, System.getenv());
    }

    static GcLog in(StackHome home, Map<String, String> env) {
        String setting = env.getOrDefault(VARIABLE, "off").trim();
        if (!setting.equalsIgnoreCase("on") && !setting.equalsIgnoreCase("off") && !setting.isEmpty()) {
            throw new StackException(VARIABLE + "=" + setting + " is neither on nor off");
        }
        return new GcLog(home.dir().resolve("logs").resolve("gc"), setting);
    }

    public boolean on() {
        return setting.equalsIgnoreCase("on");
    }

    /**
     * The JVM option that logs the process' collections into {@link #dir()} (created), or none when off. A new file
     * at every start ({@code %t}, the JVM's start time); at most 4 files of 20 MB each per start.
     */
    public List<String> options(String process) {
        if (!on()) {
            return List.of();
        }
        try {
            PrivateFiles.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return List.of("-Xlog:gc*=info,safepoint=info:file=" + dir.resolve(process + "-%t.log")
                + ":utctime,uptime,level,tags:filecount=4,filesize=20m");
    }
}
