package io.newswatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTest {

    private static final List<String> OPTIONS = List.of("-Xmx256m", "-XX:+UseG1GC");

    @TempDir
    Path tmp;

    private Path application() throws Exception {
        Path app = tmp.resolve("quarkus-app");
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/a.jar"), "a");
        return Files.writeString(app.resolve("quarkus-run.jar"), "run");
    }

    @Test
    void theFirstStartOnJdk25TrainsTheNextUsesTheCache() throws Exception {
        Path application = application();
        AotCache aot = new AotCache(tmp.resolve("aot"), 25, "on");

        AotCache.Use training = aot.use(NewswatchService.ENRICHER, OPTIONS, application);
        assertThat(training.options()).first().asString().startsWith("-XX:AOTCacheOutput=" + tmp.resolve("aot"));
        assertThat(training.note()).startsWith("training run");
        assertThat(training.training()).isTrue();

        Path cache = Path.of(training.options().getFirst().substring("-XX:AOTCacheOutput=".length()));
        assertThat(cache.getFileName().toString()).matches("enricher-[0-9a-f]{16}\\.aot");
        Files.writeString(Path.of(cache + ".config"), "the JVM is still writing it");
        Files.writeString(cache, "half");
        assertThat(aot.use(NewswatchService.ENRICHER, OPTIONS, application).options().getFirst())
                .as("a cache being written, or cut short, is trained again").startsWith("-XX:AOTCacheOutput=");

        Files.writeString(cache, "cache");
        AotCache.Use use = aot.use(NewswatchService.ENRICHER, OPTIONS, application);
        assertThat(use.options()).containsExactly("-XX:AOTCache=" + cache);
        assertThat(use.training()).isFalse();
        assertThat(aot.use(NewswatchService.ALERTER, OPTIONS, application).options().getFirst())
                .as("each service has its own").startsWith("-XX:AOTCacheOutput=");
    }

    @Test
    void anInstanceWithARecordedConfigurationIsTrainingForAnotherLauncherProcess() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("aot"));
        AotCache aot = new AotCache(dir, 25, "on");
        assertThat(aot.training("enricher")).isFalse();
        Files.writeString(dir.resolve("enricher-0123456789abcdef.aot"), "cache");
        assertThat(aot.training("enricher")).as("a finished cache").isFalse();
        Files.writeString(dir.resolve("enricher-0123456789abcdef.aot.config"), "recorded");
        assertThat(aot.training("enricher")).isTrue();
        assertThat(aot.training("alerter")).isFalse();
        assertThat(new AotCache(dir, 25, "off").training("enricher")).as("the cache off").isFalse();
    }

    @Test
    void aRebuildOrOtherOptionsTrainANewCacheAndTheOldOneGoes() throws Exception {
        Path application = application();
        AotCache aot = new AotCache(tmp.resolve("aot"), 25, "on");
        String before = AotCache.fingerprint(OPTIONS, application.getParent());
        Path dir = Files.createDirectories(tmp.resolve("aot"));
        Files.writeString(dir.resolve("enricher-" + before + ".aot"), "c");
        Path alerters = Files.writeString(dir.resolve("alerter-" + before + ".aot"), "c");

        assertThat(AotCache.fingerprint(List.of("-Xmx512m", "-XX:+UseG1GC"), application.getParent()))
                .isNotEqualTo(before);
        Path jar = application.getParent().resolve("lib/main/a.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertThat(AotCache.fingerprint(OPTIONS, application.getParent())).isNotEqualTo(before);

        assertThat(aot.use(NewswatchService.ENRICHER, OPTIONS, application).options().getFirst())
                .startsWith("-XX:AOTCacheOutput=");
        assertThat(tmp.resolve("aot").resolve("enricher-" + before + ".aot")).doesNotExist();
        assertThat(alerters).as("another service's cache stays").exists();
    }

    @Test
    void offByDefaultAndOnAnOlderJdkTheyStartAsBefore() throws Exception {
        Path application = application();
        assertThat(new AotCache(tmp.resolve("aot"), 21, "on").use(NewswatchService.ENRICHER, OPTIONS, application))
                .isEqualTo(new AotCache.Use(List.of(), "no AOT cache (JDK 21; the one-step cache needs JDK 25+)",
                        false));
        assertThat(new AotCache(tmp.resolve("aot"), 25, "off").use(NewswatchService.ENRICHER, OPTIONS, application))
                .isEqualTo(new AotCache.Use(List.of(), "no AOT cache (NEWSWATCH_AOT_CACHE=on to try one)", false));
        assertThat(tmp.resolve("aot")).doesNotExist();
    }
}
