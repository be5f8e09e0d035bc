package io.newswatch.poller.http;

import java.util.Arrays;

/**
 * Bytes collected up to a limit, in one array that grows by doubling but never beyond the limit, and handed over
 * without a copy when it is exactly full (a body whose {@code Content-Length} was known): at most about twice the
 * body in memory while it arrives, instead of the three times of a {@code ByteArrayOutputStream}.
 */
final class BodyBuffer {

    private final long max;
    private byte[] bytes;
    private int size;

    BodyBuffer(long expected, long max) {
        this.max = max;
        this.bytes = new byte[(int) Math.max(0, Math.min(expected, max))];
    }

    /** Appends; false (and nothing appended) when the limit would be passed. */
    boolean write(byte[] chunk, int length) {
        if (size + (long) length > max) {
            return false;
        }
        if (size + length > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, size + (long) length);
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(grown, 8192), max));
        }
        System.arraycopy(chunk, 0, bytes, size, length);
        size += length;
        return true;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
