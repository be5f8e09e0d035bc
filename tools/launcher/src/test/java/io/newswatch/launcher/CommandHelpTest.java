package io.newswatch.launcher;

import io.newswatch.stack.StackHome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./newswatch COMMAND --help} prints that command's usage on standard output, exits 0, and starts nothing:
 * no build, no server (before, {@code ./newswatch up --help} started the whole stack). An unknown command with
 * {@code --help} is an error.
 */
class CommandHelpTest {

    private static final Path PROJECT = StackHome.locate().project();

    @ParameterizedTest
    @ValueSource(strings = {"up", "down", "status", "stack", "dlq", "test", "feed", "extract", "tag", "match", "bench"})
    void helpPrintsUsageAndStartsNothing(String command) throws Exception {
        Run run = newswatch(command, "--help");
        assertThat(run.exit).isZero();
        assertThat(run.stdout).startsWith("  ./newswatch " + command);
        assertThat(run.stderr).isEmpty();
        assertThat(newswatch(command, "-h").stdout).isEqualTo(run.stdout);
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--frobnicate"})
    void anUnknownCommandIsAnError(String command) throws Exception {
        Run run = newswatch(command, "--help");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stdout).isEmpty();
        assertThat(run.stderr).contains("./newswatch up");
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private static Run newswatch(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("newswatch-help", ".out");
        Path err = Files.createTempFile("newswatch-help", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", PROJECT.resolve("newswatch").toString());
            builder.command().addAll(java.util.List.of(args));
            // a build or a server would take far longer than this; the answer is immediate
            Process process = builder.directory(PROJECT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("./newswatch %s returned", String.join(" ", args)).isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
