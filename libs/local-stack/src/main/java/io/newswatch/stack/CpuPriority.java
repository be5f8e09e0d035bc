package io.newswatch.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU priority (Unix niceness, 0 to 19) a process of the local stack runs at once it is ready:
 * {@code NEWSWATCH_<NAME>_NICE} ({@code NEWSWATCH_INDEXER_NICE}, {@code NEWSWATCH_ELASTICSEARCH_NICE}), else 0.
 * Meant for the processes off the alert path (the indexer and Elasticsearch), so that on one machine the poller, the
 * enricher, the alerter and Kafka run first; off by default: on a machine shared with other work the niced indexer
 * fell far behind (docs/perf/README.md, "CPU priority, session 10").
 * <p>
 * A process starts at normal priority (a niced Elasticsearch did not start within 240 s on a loaded machine) and
 * is lowered when it is ready ({@link #lower(ProcessHandle)}): where the kernel schedules each session as a group
 * of its own (autogroup, {@code /proc/sys/kernel/sched_autogroup_enabled}), a thread's niceness only ranks it within
 * its session, and every process here runs in a session of its own ({@code setsid}), so its session's group gets
 * the niceness ({@code /proc/PID/autogroup}); and every thread of it and of its children gets it too
 * ({@code renice}), for kernels without autogroups. Where neither can be done the process keeps normal priority.
 *
 * @param niceness 0 (normal) to 19 (lowest)
 */
public record CpuPriority(int niceness) {

    /** Normal priority. */
    public static final CpuPriority NORMAL = new CpuPriority(0);

    private static final List<String> RENICE = List.of("/usr/bin/renice", "/bin/renice");

    public CpuPriority {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("niceness " + niceness + " is not between 0 and 19");
        }
    }

    /** The priority of the process {@code name} ("indexer", "feed-poller", "elasticsearch") from the environment. */
    public static CpuPriority of(String name) {
        return of(name, System.getenv());
    }

    /** The priority of the process {@code name} from {@code NEWSWATCH_<NAME>_NICE} in this environment. */
    public static CpuPriority of(String name, Map<String, String> env) {
        String variable = variable(name);
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return NORMAL;
        }
        try {
            return new CpuPriority(Integer.parseInt(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new StackException(variable + "=" + value + " is not a niceness from 0 (normal) to 19 (lowest)");
        }
    }

    /** {@code NEWSWATCH_FEED_POLLER_NICE} for "feed-poller". */
    public static String variable(String name) {
        return "NEWSWATCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_NICE";
    }

    /**
     * Lowers a running process to this priority: its session's scheduling group, when the session is not this
     * process' own, and every thread of it and its descendants.
     *
     * @return what could not be done, empty when everything was (or nothing was to do)
     */
    public List<String> lower(ProcessHandle process) {
        return niceness == 0 ? List.of() : apply(process);
    }

    /**
     * Sets a running process to this priority, as {@link #lower} does, whatever it runs at: also back to
     * {@link #NORMAL} (which needs the privilege to raise a priority, e.g. root).
     *
     * @return what could not be done, empty when everything was (or the process is gone)
     */
    public List<String> apply(ProcessHandle process) {
        List<String> failed = new ArrayList<>();
        if (!process.isAlive()) {
            return failed;
        }
        Path group = Path.of("/proc", String.valueOf(process.pid()), "autogroup");
        if (autogroupEnabled() && !sameGroup(group, Path.of("/proc/self/autogroup")) && !setGroup(group)) {
            failed.add("the niceness of its session's group (" + group + ")");
        }
        List<String> command = new ArrayList<>();
        RENICE.stream().filter(path -> new File(path).canExecute()).findFirst().ifPresent(renice ->
                command.addAll(List.of(renice, "-n", String.valueOf(niceness), "-p")));
        Stream.concat(Stream.of(process), process.descendants()).forEach(p -> command.addAll(threads(p.pid())));
        if (command.isEmpty() || !run(command) || current(process).orElse(niceness) != niceness) {
            failed.add("the niceness of its threads (renice)");
        }
        return failed;
    }

    /** The niceness a process' main thread runs at now ({@code /proc/PID/stat}); empty where that cannot be read. */
    public static OptionalInt current(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return OptionalInt.of(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** "at niceness 10", and what could not be set ({@link #lower}'s answer), for a terminal or a log. */
    public String describe(List<String> failed) {
        return "at niceness " + niceness
                + (failed.isEmpty() ? "" : " (could not set " + String.join(", ", failed) + ")");
    }

    /**
     * renice's {@code -n} is absolute in util-linux (2.38) and relative in POSIX: the same from 0, where a process
     * starts; from another niceness {@link #apply} checks what the main thread runs at afterwards.
     */
    private static boolean run(List<String> command) {
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> threads(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.map(task -> task.getFileName().toString()).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(String.valueOf(pid));
        }
    }

    /** The kernel allows this ten times a second machine-wide (without CAP_SYS_ADMIN): a few tries. */
    private boolean setGroup(Path group) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Files.writeString(group, String.valueOf(niceness));
                return true;
            } catch (IOException e) {
                sleep();
            }
        }
        return false;
    }

    private static boolean sameGroup(Path group, Path own) {
        try {
            return Files.readString(group).split(" ")[0].equals(Files.readString(own).split(" ")[0]);
        } catch (IOException e) {
            return true; // not known: leave it
        }
    }

    private static boolean autogroupEnabled() {
        Path enabled = Path.of("/proc/sys/kernel/sched_autogroup_enabled");
        try {
            return Files.isReadable(enabled) && Files.readString(enabled).trim().equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
