package io.newswatch.indexer.bulk;

import org.apache.http.HttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ElasticsearchHttp} over the shared low-level {@link RestClient} (hosts, credentials, TLS and timeouts from
 * {@code newswatch.elasticsearch.*}). The typed client is not used for bulk writes: the NDJSON is built once from
 * documents that are already JSON, and the answer is read with a filter that keeps only the statuses.
 *
 * <p>Every request has a bound on its whole wait ({@code newswatch.indexer.request-timeout}): connection from the
 * pool, connect, send and answer. Past it the request is cancelled and a {@link SocketTimeoutException} thrown, which
 * the callers retry with backoff; the client's own socket timeout ({@code newswatch.elasticsearch.socket-timeout})
 * bounds silence between packets, not the whole wait.
 */
public final class RestClientHttp implements ElasticsearchHttp {

    /** The setting that bounds a request, named in the timeout's message. */
    public static final String TIMEOUT_SETTING = "newswatch.indexer.request-timeout";

    private final RestClient client;
    private final Duration timeout;

    public RestClientHttp(RestClient client, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(TIMEOUT_SETTING + " must be positive, not " + timeout);
        }
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public Response send(String method, String path, byte[] body, String contentType)
            throws IOException {
        int query = path.indexOf('?');
        Request request = new Request(method, query < 0 ? path : path.substring(0, query));
        if (query >= 0) {
            for (String parameter : path.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                request.addParameter(equals < 0 ? parameter : parameter.substring(0, equals),
                        equals < 0 ? "" : parameter.substring(equals + 1));
            }
        }
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.create(contentType, StandardCharsets.UTF_8)));
        }
        org.elasticsearch.client.Response response = await(request);
        HttpEntity entity = response.getEntity();
        return new Response(response.getStatusLine().getStatusCode(),
                entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8));
    }

    /** The answer, whatever its status, within the timeout; else the request is cancelled. */
    private org.elasticsearch.client.Response await(Request request) throws IOException {
        CompletableFuture<org.elasticsearch.client.Response> answer = new CompletableFuture<>();
        Cancellable cancellable = client.performRequestAsync(request, new ResponseListener() {
            @Override
            public void onSuccess(org.elasticsearch.client.Response response) {
                answer.complete(response);
            }

            @Override
            public void onFailure(Exception exception) {
                answer.completeExceptionally(exception);
            }
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancellable.cancel();
            throw new SocketTimeoutException("no answer from Elasticsearch to " + request.getMethod() + " "
                    + request.getEndpoint() + " within " + timeout.toMillis() + " ms (" + TIMEOUT_SETTING + ")");
        } catch (InterruptedException e) {
            cancellable.cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Elasticsearch");
        } catch (ExecutionException e) {
            return switch (e.getCause()) {
                case ResponseException refused -> refused.getResponse(); // every status is an answer
                case IOException io -> throw io;
                case RuntimeException bug -> throw bug;
                case Throwable other -> throw new IOException(other);
            };
        }
    }
}
