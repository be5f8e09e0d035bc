package io.newswatch.poller.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsrfGuardTest {

    /** DNS of the test: names map to fixed addresses. */
    private static final Map<String, String> DNS = Map.of(
            "news.example", "93.184.216.34",
            "intranet.example", "10.1.2.3",
            "rebind.example", "127.0.0.1",
            "v6.example", "2606:2800:220:1::1");

    private final SsrfGuard guard = new SsrfGuard(List.of("intranet.example", "172.20.0.0/16"), host -> {
        String address = DNS.get(host);
        if (address == null) {
            if (host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
                return new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(address)};
    });

    @Test
    void publicAddressesAreFetched() {
        AddressGuard feed = guard.trusting("feeds.example");
        assertThatCode(() -> feed.check(URI.create("https://news.example/a"))).doesNotThrowAnyException();
        assertThatCode(() -> feed.check(URI.create("http://v6.example/a"))).doesNotThrowAnyException();
        assertThatCode(() -> feed.check(URI.create("http://8.8.8.8/a"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://rebind.example/", "http://10.0.0.1/", "http://192.168.1.1/",
            "http://172.16.5.5/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://[::1]/", "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/",
            "http://[64:ff9b::a00:1]/", "http://224.0.0.1/", "http://255.255.255.255/"})
    void internalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> guard.trusting("feeds.example").check(URI.create(url)))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((FetchException) e).kind())
                        .isEqualTo(FetchException.Kind.BLOCKED))
                .hasMessageContaining("internal address");
    }

    @Test
    void theFeedsOwnHostAndTheAllowListAreTrusted() {
        assertThatCode(() -> guard.trusting("rebind.example").check(URI.create("http://rebind.example/page")))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.trusting("feeds.example").check(URI.create("http://intranet.example/page")))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.trusting("feeds.example").check(URI.create("http://172.20.9.9/page")))
                .doesNotThrowAnyException();
    }

    @Test
    void otherSchemesAndMetadataNamesAreRefused() {
        assertThatThrownBy(() -> guard.trusting("feeds.example").check(URI.create("file:///etc/passwd")))
                .hasMessageStartingWith("only http and https");
        assertThatThrownBy(() -> guard.trusting("feeds.example").check(URI.create("ftp://news.example/x")))
                .hasMessageStartingWith("only http and https");
        assertThatThrownBy(() -> guard.trusting("feeds.example").check(URI.create("http://metadata.google.internal/")))
                .hasMessageContaining("cloud metadata host");
    }

    @Test
    void unknownHostsFailAsConnectionErrors() {
        assertThatThrownBy(() -> guard.trusting("feeds.example").check(URI.create("http://nowhere.invalid/")))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((FetchException) e).kind())
                        .isEqualTo(FetchException.Kind.CONNECT));
    }

    @Test
    void aBadAllowListEntryIsAConfigurationError() {
        assertThatThrownBy(() -> new SsrfGuard(List.of("10.0.0.0/40"))).isInstanceOf(IllegalArgumentException.class);
    }
}
