package io.newswatch.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU priority (Unix niceness, 0 to 19) a process of the local stack starts with: {@code NEWSWATCH_<NAME>_NICE}
 * ({@code NEWSWATCH_INDEXER_NICE}, {@code NEWSWATCH_ELASTICSEARCH_NICE}), else the process' default. On one machine
 * every process shares the same cores; the ones off the alert path (the indexer and Elasticsearch) start niced by
 * default so that the poller, the enricher, the alerter and Kafka run first and they catch up in the gaps
 * (docs/perf/README.md, "CPU priority, session 10").
 * <p>
 * The command is prefixed with {@code nice -n N}, which the process' children inherit. Where the kernel schedules
 * each session as a group of its own (autogroup, {@code /proc/sys/kernel/sched_autogroup_enabled}, on by default in
 * most desktop and server kernels) a process' niceness only ranks it among the threads of its own session, so a
 * process started in a session of its own ({@code setsid}) also gives that session's group the niceness, by writing
 * it to {@code /proc/self/autogroup} before it starts. Without {@code nice} it runs at normal priority; where the
 * group's niceness cannot be set, its log says so and it starts anyway.
 *
 * @param niceness 0 (normal) to 19 (lowest)
 */
public record CpuPriority(int niceness) {

    /** Normal priority: the command runs as given. */
    public static final CpuPriority NORMAL = new CpuPriority(0);

    /** The default of the processes off the alert path. */
    public static final int OFF_ALERT_PATH = 10;

    private static final List<String> NICE = List.of("/usr/bin/nice", "/bin/nice");

    private static final Path AUTOGROUP = Path.of("/proc/sys/kernel/sched_autogroup_enabled");

    /**
     * Sets this session's scheduling group's niceness (%1$d), retrying while the kernel refuses it for being asked too
     * often (at most ten times a second, machine-wide, without CAP_SYS_ADMIN), then runs the command ($0 "$@").
     */
    private static final String SESSION_NICENESS = "set=; for try in 1 2 3 4 5 6 7 8 9 10; do "
            + "if echo %1$d 2>/dev/null >/proc/self/autogroup; then set=1; break; fi; sleep 0.2; done; "
            + "[ -n \"$set\" ] || echo \"newswatch: could not give this session's scheduling group niceness %1$d "
            + "(/proc/self/autogroup); its niceness ranks it only within the session\" >&2; exec \"$0\" \"$@\"";

    public CpuPriority {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("niceness " + niceness + " is not between 0 and 19");
        }
    }

    /** The priority of the process {@code name} ("indexer", "feed-poller", "elasticsearch") from the environment. */
    public static CpuPriority of(String name, int fallback) {
        return of(name, fallback, System.getenv());
    }

    /** The priority of the process {@code name} from {@code NEWSWATCH_<NAME>_NICE} in this environment. */
    public static CpuPriority of(String name, int fallback, Map<String, String> env) {
        String variable = variable(name);
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return new CpuPriority(fallback);
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
     * The command to start at this priority, with this machine's {@code nice} if it has one.
     *
     * @param ownSession whether the command runs in a session of its own (after {@code setsid}): only then is
     *                   its session's scheduling group its alone to renice
     */
    public List<String> command(List<String> command, boolean ownSession) {
        return command(command, NICE.stream().filter(path -> new File(path).canExecute()).findFirst().orElse(null),
                ownSession && autogroupEnabled());
    }

    /**
     * The command prefixed with {@code nice -n N} (when {@code nice} is given) and with the setting of its session's
     * group (when {@code autogroup}); as given at normal priority.
     */
    List<String> command(List<String> command, String nice, boolean autogroup) {
        if (niceness == 0) {
            return command;
        }
        List<String> prefixed = new ArrayList<>();
        if (autogroup) {
            prefixed.addAll(List.of("sh", "-c", SESSION_NICENESS.formatted(niceness)));
        }
        if (nice != null) {
            prefixed.addAll(List.of(nice, "-n", String.valueOf(niceness)));
        }
        prefixed.addAll(command);
        return prefixed;
    }

    private static boolean autogroupEnabled() {
        try {
            return Files.isReadable(AUTOGROUP) && Files.readString(AUTOGROUP).trim().equals("1");
        } catch (IOException e) {
            return false;
        }
    }
}
