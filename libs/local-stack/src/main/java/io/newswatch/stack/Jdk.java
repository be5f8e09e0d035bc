package io.newswatch.stack;

import java.nio.file.Path;

/** The JDK the stack runs its servers and services on: the one running this code (21 or newer). */
final class Jdk {

    static final int MINIMUM = 21;

    private Jdk() {
    }

    /** JAVA_HOME of the running JVM. */
    static Path home() {
        requireSupported();
        return Path.of(System.getProperty("java.home"));
    }

    /** Its java executable. */
    static Path java() {
        return home().resolve("bin").resolve("java");
    }

    static void requireSupported() {
        if (Runtime.version().feature() < MINIMUM) {
            throw new StackException("newswatch needs a JDK " + MINIMUM + " or newer; this is Java "
                    + Runtime.version() + " at " + System.getProperty("java.home")
                    + ". Set JAVA_HOME to a JDK 21+ (./newswatch finds one in /usr/lib/jvm by itself).");
        }
    }
}
