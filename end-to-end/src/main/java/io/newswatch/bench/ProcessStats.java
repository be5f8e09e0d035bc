package io.newswatch.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CPU time and memory of a process from Linux's {@code /proc}: user plus system time from {@code /proc/PID/stat},
 * resident set size now and at its peak ({@code VmRSS}, {@code VmHWM}) from {@code /proc/PID/status}. Also finds
 * the process that listens on a local TCP port (Kafka, Elasticsearch), wherever it was started from.
 */
final class ProcessStats {

    /** One reading of a process. */
    record Sample(double cpuSeconds, long rssBytes, long peakRssBytes) {
    }

    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private ProcessStats() {
    }

    /** The process now, or empty when it is gone. */
    static Optional<Sample> read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it are counted from its closing ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kibibytes(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kibibytes(line) * 1024;
                }
            }
            return Optional.of(new Sample(ticks / TICKS_PER_SECOND, rss, peak));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The process listening on a local TCP port, found through its socket's inode. */
    static Optional<Long> listening(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length > 9 && columns[3].equals("0A")
                            && columns[1].endsWith(":" + String.format("%04X", port))) {
                        inodes.add(columns[9]);
                    }
                }
            } catch (IOException e) {
                // no IPv6 table: fine
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path descriptor : descriptors) {
                        String target = Files.readSymbolicLink(descriptor).toString();
                        if (target.startsWith("socket:[")
                                && inodes.contains(target.substring(8, target.length() - 1))) {
                            return Optional.of(Long.parseLong(process.getFileName().toString()));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // a process that ended meanwhile, or one we may not look into
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static long kibibytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
