package io.newswatch.poller.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes {@code Content-Encoding} (gzip, deflate) with the body limit applied to the output, so that a small
 * compressed bomb is cut off like a large body. Every {@link Inflater} it makes is ended when it is done with it:
 * an inflater holds native memory that the garbage collector does not see.
 */
final class BodyDecoding {

    /** Told the size of the output as it grows (to claim memory for a large body); may refuse by throwing. */
    @FunctionalInterface
    interface Growth {
        void grow(long size) throws FetchException, InterruptedException;
    }

    private final long maxBytes;
    private final Function<Boolean, Inflater> inflaters;

    /** @param inflaters makes an inflater ({@code true}: raw deflate without the zlib wrapper) */
    BodyDecoding(long maxBytes, Function<Boolean, Inflater> inflaters) {
        this.maxBytes = maxBytes;
        this.inflaters = inflaters;
    }

    BodyDecoding(long maxBytes) {
        this(maxBytes, Inflater::new);
    }

    byte[] decode(byte[] body, String contentEncoding, URI uri) throws FetchException, InterruptedException {
        return decode(body, contentEncoding, uri, size -> { });
    }

    byte[] decode(byte[] body, String contentEncoding, URI uri, Growth growth)
            throws FetchException, InterruptedException {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (body.length == 0 || encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        try {
            return switch (encoding) {
                case "gzip", "x-gzip" -> gunzip(body, uri, growth);
                case "deflate" -> inflate(body, uri, growth);
                default -> throw new FetchException(FetchException.Kind.PROTOCOL,
                        uri.getHost() + " sent an unsupported Content-Encoding: " + contentEncoding);
            };
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.PROTOCOL, "corrupt " + encoding + " body from "
                    + uri.getHost() + ": " + e.getMessage(), e);
        }
    }

    private byte[] gunzip(byte[] body, URI uri, Growth growth) throws IOException, InterruptedException {
        // GZIPInputStream makes its own inflater and ends it on close (and when its header is bad)
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return readLimited(in, uri, growth);
        }
    }

    /** "deflate" is zlib-wrapped by the standard and raw from some servers; accept both. */
    private byte[] inflate(byte[] body, URI uri, Growth growth) throws IOException, InterruptedException {
        boolean raw = !zlibWrapped(body);
        Inflater inflater = inflaters.apply(raw);
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body), inflater)) {
            return readLimited(in, uri, growth);
        } finally {
            inflater.end();
        }
    }

    private boolean zlibWrapped(byte[] body) {
        Inflater probe = inflaters.apply(false);
        try {
            probe.setInput(body);
            probe.inflate(new byte[1]);
            return true;
        } catch (DataFormatException e) {
            return false;
        } finally {
            probe.end();
        }
    }

    private byte[] readLimited(InputStream in, URI uri, Growth growth) throws IOException, InterruptedException {
        BodyBuffer out = new BodyBuffer(Math.min(maxBytes, 64 * 1024), maxBytes);
        byte[] buffer = new byte[16384];
        int read;
        while ((read = in.read(buffer)) != -1) {
            growth.grow(out.size() + (long) read);
            if (!out.write(buffer, read)) {
                throw new FetchException(FetchException.Kind.TOO_LARGE, "the body from " + uri.getHost()
                        + " is larger than " + maxBytes + " bytes once decompressed");
            }
        }
        return out.toByteArray();
    }
}
