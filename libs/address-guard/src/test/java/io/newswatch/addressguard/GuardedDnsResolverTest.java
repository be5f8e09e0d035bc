package io.newswatch.addressguard;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An Apache HttpClient with the guard as its resolver, against local servers and a DNS that changes its answers. */
class GuardedDnsResolverTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private HttpServer good;
    private HttpServer evil;

    @AfterEach
    void stop() {
        if (good != null) {
            good.stop(0);
        }
        if (evil != null) {
            evil.stop(0);
        }
    }

    private static HttpServer serve(String address, int port, String answer) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 10);
        server.createContext("/", exchange -> {
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private CloseableHttpClient client(AddressGuard guard) {
        return HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard)).build()).build();
    }

    private String get(CloseableHttpClient client, String url) throws Exception {
        return client.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity()));
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedWhateverDnsSaysLater() throws Exception {
        good = serve("127.0.0.1", 0, "the checked address");
        int port = good.getAddress().getPort();
        evil = serve("127.0.0.2", port, "the rebound address");
        // the first answer is allowed (the operator allowed 127.0.0.1); every later one points elsewhere
        AddressGuard guard = new AddressGuard(List.of("127.0.0.1"), host -> new InetAddress[]{
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")});
        try (CloseableHttpClient client = client(guard)) {
            assertThat(get(client, "http://rebind.test:" + port + "/")).isEqualTo("the checked address");
        }
        assertThat(lookups).as("one lookup, no second one at connect time").hasValue(1);
    }

    @Test
    void aRefusedHostFailsTheRequestBeforeAnyConnection() throws Exception {
        evil = serve("127.0.0.1", 0, "internal");
        int port = evil.getAddress().getPort();
        AddressGuard guard = new AddressGuard(List.of(), AddressGuardTest::resolve);
        try (CloseableHttpClient client = client(guard)) {
            assertThatThrownBy(() -> get(client, "http://127.0.0.1:" + port + "/"))
                    .isInstanceOf(BlockedAddressException.class).hasMessage("127.0.0.1 is a loopback address");
            assertThatThrownBy(() -> get(client, "http://lapsed.example:" + port + "/"))
                    .isInstanceOf(BlockedAddressException.class);
        }
    }

    @Test
    void anAllowedPortOnlyOpensThatPort() throws Exception {
        good = serve("127.0.0.1", 0, "demo");
        int port = good.getAddress().getPort();
        AddressGuard guard = new AddressGuard(List.of("localhost:" + port), InetAddress::getAllByName);
        try (CloseableHttpClient client = client(guard)) {
            assertThat(get(client, "http://localhost:" + port + "/")).isEqualTo("demo");
            assertThatThrownBy(() -> get(client, "http://localhost:" + (port == 65535 ? 1 : port + 1) + "/"))
                    .isInstanceOf(BlockedAddressException.class);
        }
    }
}
