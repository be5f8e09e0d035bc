package io.newswatch.poller.cli;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools' arguments as picocli reads them: inputs, {@code -}, {@code --base}, help, and what is wrong. */
class CliArgumentsTest {

    @Test
    void inputsStandardInputAndBase() {
        Cli.Arguments arguments = Cli.Arguments.parse(List.of("a.xml", "-", "https://wire.example/rss", "--base",
                "https://wire.example/")).orElseThrow();
        assertThat(arguments.targets()).containsExactly("a.xml", "-", "https://wire.example/rss");
        assertThat(arguments.base()).isEqualTo(URI.create("https://wire.example/"));
        assertThat(arguments.help()).isFalse();
        assertThat(Cli.Arguments.parse(List.of("--base=https://wire.example/", "b.xml")).orElseThrow().base())
                .isEqualTo(URI.create("https://wire.example/"));
        assertThat(Cli.Arguments.parse(List.of("--", "-odd-name.xml")).orElseThrow().targets())
                .containsExactly("-odd-name.xml");
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(Cli.Arguments.parse(List.of("a.xml", "--help")).orElseThrow().help()).isTrue();
        assertThat(Cli.Arguments.parse(List.of("-h")).orElseThrow().help()).isTrue();
    }

    @Test
    void wrongArgumentsAreEmpty() {
        assertThat(Cli.Arguments.parse(List.of())).isEmpty();
        assertThat(Cli.Arguments.parse(List.of("-x", "a.xml"))).isEmpty();
        assertThat(Cli.Arguments.parse(List.of("a.xml", "--base"))).isEmpty();
        assertThat(Cli.Arguments.parse(List.of("a.xml", "--base", "not a url"))).isEmpty();
        assertThat(Cli.Arguments.parse(List.of("--base", "https://wire.example/"))).isEmpty();
    }
}
