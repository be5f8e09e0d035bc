package io.newswatch.stack;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CPU priority (Unix niceness, 0 to 19) a process of the local stack starts with: {@code NEWSWATCH_<NAME>_NICE}
 * ({@code NEWSWATCH_INDEXER_NICE}, {@code NEWSWATCH_ELASTICSEARCH_NICE}), else the process' default. On one machine
 * every process shares the same cores; the ones off the alert path (the indexer and Elasticsearch) start niced by
 * default so that the poller, the enricher, the alerter and Kafka run first and they catch up in the gaps
 * (docs/perf/README.md, session 10). The command is prefixed with {@code nice -n N}, which the process' children
 * inherit; where there is no {@code nice} it runs at normal priority.
 *
 * @param niceness 0 (normal) to 19 (lowest)
 */
public record CpuPriority(int niceness) {

    /** Normal priority: the command runs as given. */
    public static final CpuPriority NORMAL = new CpuPriority(0);

    /** The default of the processes off the alert path. */
    public static final int OFF_ALERT_PATH = 10;

    private static final List<String> NICE = List.of("/usr/bin/nice", "/bin/nice");

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
        return "NEWSWATCH_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_NICE";
    }

    /** The command to start at this priority, with this machine's {@code nice} if it has one. */
    public List<String> command(List<String> command) {
        return command(command, NICE.stream().filter(path -> new File(path).canExecute()).findFirst().orElse(null));
    }

    /** The command prefixed with {@code nice -n N}; as given at normal priority or without {@code nice}. */
    List<String> command(List<String> command, String nice) {
        if (niceness == 0 || nice == null) {
            return command;
        }
        List<String> niced = new ArrayList<>(List.of(nice, "-n", String.valueOf(niceness)));
        niced.addAll(command);
        return niced;
    }
}
