package io.newswatch.launcher;

import io.newswatch.stack.BindAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The demo feed listens where the launcher's services do: loopback unless NEWSWATCH_BIND_ADDRESS says otherwise. */
class DemoFeedServerTest {

    @TempDir
    Path site;

    @Test
    void itListensOnLoopbackOnlyAndLinksToItself() throws Exception {
        InetAddress external = externalAddress();
        Files.writeString(site.resolve("rss.xml"), "<rss><channel><link>${base}/a.html</link></channel></rss>");
        int port = freePort();
        DemoFeedServer server = new DemoFeedServer(site, BindAddress.LOOPBACK, port);
        server.start();
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.base() + "/rss.xml")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("http://localhost:" + port + "/a.html");
            assumeTrue(external != null, "no non-loopback IPv4 address here to try");
            assertThat(answers(external, port)).isFalse();
        } finally {
            server.stop();
        }
    }

    @Test
    void theBindAddressMovesIt() throws Exception {
        InetAddress external = externalAddress();
        assumeTrue(external != null, "no non-loopback IPv4 address here to try");
        int port = freePort();
        DemoFeedServer server = new DemoFeedServer(site,
                BindAddress.from(Map.of(BindAddress.VARIABLE, external.getHostAddress())), port);
        server.start();
        try {
            assertThat(server.base()).isEqualTo("http://" + external.getHostAddress() + ":" + port);
            assertThat(answers(external, port)).isTrue();
            assertThat(answers(InetAddress.getLoopbackAddress(), port)).isFalse();
        } finally {
            server.stop();
        }
    }

    static InetAddress externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(network -> {
            try {
                return network.isUp() && !network.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLinkLocalAddress())
                .findFirst().orElse(null);
    }

    static boolean answers(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
