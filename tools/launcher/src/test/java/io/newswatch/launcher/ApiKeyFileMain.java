package io.newswatch.launcher;

import java.nio.file.Path;

/** Creates an API key file as the launcher does, in a JVM of its own that a test can trace. */
public final class ApiKeyFileMain {

    private ApiKeyFileMain() {
    }

    public static void main(String[] args) {
        ApiKeyFile.readOrCreate(Path.of(args[0]));
    }
}
