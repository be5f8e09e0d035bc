package io.newswatch.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a process in a session of its own ({@code setsid}), so that it outlives the launcher ({@code up -d}) and
 * a Ctrl-C in the launcher's terminal reaches only the launcher, which then stops it in order. It runs with umask
 * 077, so that what it writes is its owner's alone. Output goes to a log file, the pid to a pid file.
 */
public final class DetachedProcess {

    private DetachedProcess() {
    }

    /**
     * Starts the command and records it in the pid file.
     *
     * @param command the program and its arguments
     * @param env     variables added to the launcher's environment
     * @param workDir working directory
     * @param log     where stdout and stderr go (appended)
     * @param pidFile written once the process runs
     */
    public static ProcessHandle start(List<String> command, Map<String, String> env, Path workDir, Path log, Path pidFile) {
        List<String> detached = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute() || new File("/bin/setsid").canExecute()) {
            detached.add("setsid");
        }
        detached.addAll(PrivateFiles.withPrivateUmask(command));
        try {
            PrivateFiles.touch(log);
            PrivateFiles.touch(pidFile);
            ProcessBuilder builder = new ProcessBuilder(detached)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            ProcessTree.writePidFile(pidFile, process.toHandle());
            return process.toHandle();
        } catch (IOException e) {
            throw new StackException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** The last lines of a log, to show why a process did not come up. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
