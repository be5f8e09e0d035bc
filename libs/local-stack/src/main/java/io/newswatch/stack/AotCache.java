package io.newswatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service's JDK AOT cache (JEP 483, 514, 515: its classes loaded and linked, and the method profiles of a run, so
 * the JIT compiles the hot code sooner), with {@value #VARIABLE}{@code =on} (off by default: in whole-pipeline pairs
 * it cut the CPU of a start, while the CPU per article went either way; docs/perf/README.md, session 18): on a JDK
 * 25 or newer the first start of a build writes
 * {@code .newswatch/aot/<service>-<fingerprint>.aot} when that process exits (a training run), later starts use it.
 * The fingerprint covers the JDK, the JVM options and every file of the packaged application, so a rebuild or
 * another JDK trains a new cache (older ones of the service are deleted); a cache whose writing was cut short is
 * trained again; when the JVM cannot use a cache it says why in the service's log and runs without. JDKs before 25
 * have no one-step training and start as before.
 */
public record AotCache(Path dir, int javaFeature, String setting) {

    public static final String VARIABLE = "NEWSWATCH_AOT_CACHE";

    /**
     * How long a training run may take to stop: the JVM records the run and a child JVM writes the cache before it
     * exits (in the bench on the loaded 2-core machine, 20 s were not enough: it was killed and wrote nothing).
     */
    public static final java.time.Duration TRAINING_STOP = java.time.Duration.ofMinutes(3);

    /** Caches under {@code .newswatch/aot/}, for this process' JDK and {@value #VARIABLE} (off unless "on"). */
    public static AotCache in(StackHome home) {
        return new AotCache(home.dir().resolve("aot"), Runtime.version().feature(),
                System.getenv().getOrDefault(VARIABLE, "off"));
    }

    /**
     * The options to add to a service's JVM (before {@code -jar}), one line for its log saying what they do, and
     * whether this is a training run (it needs {@link #TRAINING_STOP} to stop).
     */
    public record Use(List<String> options, String note, boolean training) {
    }

    /** What a service started with these JVM options gets: use a cache, train one, or none and why. */
    public Use use(NewswatchService service, List<String> jvmOptions, Path application) {
        if (!setting.equalsIgnoreCase("on")) {
            return new Use(List.of(), "no AOT cache (" + VARIABLE + "=on to try one)", false);
        }
        if (javaFeature < 25) {
            return new Use(List.of(), "no AOT cache (JDK " + javaFeature + "; the one-step cache needs JDK 25+)",
                    false);
        }
        Path cache = dir.resolve(service.id() + "-" + fingerprint(jvmOptions, application.getParent()) + ".aot");
        // while the JVM writes the cache at exit, its recorded configuration lies beside it
        if (Files.isRegularFile(cache) && !Files.exists(Path.of(cache + ".config"))) {
            return new Use(List.of("-XX:AOTCache=" + cache), "AOT cache " + cache + " (the JVM says below if it "
                    + "cannot use it, and runs without)", false);
        }
        deleteAll(service);
        return new Use(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error"),
                "training run: AOT cache " + cache + " written when this process exits (up to minutes)", true);
    }

    /**
     * True when an instance of this name may be a training run still to write its cache: {@value #VARIABLE} is on and
     * a recorded configuration ({@code .aot.config}) of it lies in the directory. For a launcher process that did not
     * start it ({@code ./newswatch down}), which would otherwise kill it before the JVM has written the cache.
     */
    public boolean training(String instance) {
        if (!setting.equalsIgnoreCase("on") || !Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.startsWith(instance + "-") && name.endsWith(".aot.config"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteAll(NewswatchService service) {
        try (Stream<Path> files = Files.list(PrivateFiles.createDirectories(dir))) {
            for (Path old : files.filter(f -> f.getFileName().toString().startsWith(service.id() + "-")).toList()) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK, the options and each file of the application (path, size, modification time), hashed. */
    static String fingerprint(List<String> jvmOptions, Path applicationDir) {
        try (Stream<Path> files = Files.walk(applicationDir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((Runtime.version() + "\n" + System.getProperty("java.home") + "\n"
                    + String.join(" ", jvmOptions) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update((applicationDir.relativize(file) + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
