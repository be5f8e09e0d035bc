package io.newswatch.alerter.delivery;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most a few KB of a receiver's answer and drops them: a short answer is read to its end, so that the
 * connection can serve the next request; a longer one is cut off there (the connection is closed), so that a
 * receiver cannot make us read or hold without bound.
 */
final class BoundedAnswer implements HttpResponse.BodySubscriber<Void> {

    private final long limit;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long read;

    BoundedAnswer(long limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            read += buffer.remaining();
        }
        if (read > limit) {
            subscription.cancel();
            done.complete(null);
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }
}
