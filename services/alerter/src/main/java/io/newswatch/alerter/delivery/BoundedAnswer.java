package io.newswatch.alerter.delivery;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A receiver's answer: its head (status and headers) completes {@code head} as soon as it comes; its body is read
 * to at most a few KB and dropped. A short body is read to its end, so that the connection can serve the next
 * request; a longer one is cut off there (the connection is closed), so that a receiver cannot make us read or hold
 * without bound.
 */
final class BoundedAnswer extends AbstractBinResponseConsumer<Void> {

    private final int limit;
    private final CompletableFuture<HttpResponse> head;
    private long read;

    BoundedAnswer(int limit, CompletableFuture<HttpResponse> head) {
        this.limit = limit;
        this.head = head;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
        head.complete(response);
    }

    @Override
    protected int capacityIncrement() {
        return limit;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        read += src.remaining();
        src.position(src.limit());
        if (read > limit) {
            throw new IOException("the answer is longer than " + limit + " bytes: cut off");
        }
    }

    @Override
    protected Void buildResult() {
        return null;
    }

    @Override
    public void releaseResources() {
        // nothing held
    }
}
