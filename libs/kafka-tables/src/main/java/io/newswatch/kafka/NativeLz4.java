package io.newswatch.kafka;

import net.jpountz.lz4.LZ4Factory;
import org.jboss.logging.Logger;

/**
 * Makes the Kafka clients compress and decompress lz4 with the lz4 library's native code instead of its pure-Java
 * fallback. Kafka asks {@code LZ4Factory.fastestInstance()}, which tries the native code only when its class was
 * loaded by the system class loader or the native library is loaded already: in a Quarkus application (its own
 * class loader) it silently takes the slowest, "safe" Java implementation (lz4-java 1.10's "unsafe" one is the safe
 * one too). Loading the native library first, before the first record is compressed or decompressed, turns that
 * on; the bytes on the wire stay lz4 either way. Where the native library cannot be loaded (no build for the
 * platform, no writable temporary directory), nothing changes.
 */
public final class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    private NativeLz4() {
    }

    /**
     * Loads the native lz4 library if it is not loaded yet; cheap after the first call.
     *
     * @return whether Kafka's lz4 now runs natively
     */
    public static boolean load() {
        try {
            LZ4Factory.nativeInstance();
            return true;
        } catch (LinkageError | RuntimeException e) {
            LOG.infof("lz4 stays in pure Java (the native library did not load: %s)", e.toString());
            return false;
        }
    }
}
