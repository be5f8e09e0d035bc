package io.newswatch.indexer.bulk;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bound on one request, against a server that takes the connection and the request and never answers (what a
 * stopped or starved Elasticsearch does), while the client's own socket timeout is far longer.
 */
class RestClientHttpTest {

    @Test
    void aServerThatNeverAnswersGivesATimeoutAtTheBoundNotAtTheSocketTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             RestClient client = RestClient.builder(new HttpHost("127.0.0.1", silent.getLocalPort(), "http"))
                     .setRequestConfigCallback(config -> config.setSocketTimeout(120_000)).build()) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            RestClientHttp http = new RestClientHttp(client, Duration.ofMillis(700));

            long started = System.nanoTime();
            assertThatThrownBy(() -> http.send("POST", BulkIndexer.BULK_PATH,
                    "{\"index\":{}}\n{}\n".getBytes(StandardCharsets.UTF_8), ElasticsearchHttp.NDJSON))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("within 700 ms")
                    .hasMessageContaining(RestClientHttp.TIMEOUT_SETTING);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThan(Duration.ofSeconds(30));
            silent.close();
            acceptor.join();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
