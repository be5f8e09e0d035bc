package io.newswatch.addressguard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressGuardTest {

    /** The test's DNS: names map to fixed addresses; literals are read as literals. */
    private static final Map<String, String[]> DNS = Map.of(
            "news.example", new String[]{"93.184.216.34"},
            "v6.example", new String[]{"2606:2800:220:1::1"},
            "intranet.example", new String[]{"10.1.2.3"},
            "lapsed.example", new String[]{"127.0.0.1"},
            "mixed.example", new String[]{"93.184.216.34", "10.0.0.7"},
            "demo.local", new String[]{"127.0.0.1"});

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] addresses = DNS.get(host);
        if (addresses == null) {
            if (host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                return new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] result = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            result[i] = InetAddress.getByName(addresses[i]);
        }
        return result;
    }

    private final AddressGuard guard = new AddressGuard(List.of("intranet.example", "172.20.0.0/16", "demo.local:8090",
            "[::1]:8091"), AddressGuardTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"news.example", "v6.example", "8.8.8.8", "2a00:1450:4001:81d::200e", "172.32.0.1",
            "100.128.0.1", "192.169.0.1"})
    void publicAddressesPass(String host) throws Exception {
        assertThat(guard.resolve(host, 80)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "lapsed.example", "10.0.0.1", "192.168.1.1", "172.16.5.5",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "0.1.2.3", "192.0.0.8", "198.18.0.1", "192.0.2.1", "224.0.0.1",
            "240.0.0.1", "255.255.255.255", "::", "::1", "[::1]", "fe80::1", "fec0::1", "fd00:ec2::254", "fc00::1",
            "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1",
            "2002:7f00:1::", "2001:db8::1", "2001::1", "100::1", "mixed.example", "metadata.google.internal"})
    void internalAddressesAreRefused(String host) {
        assertThatThrownBy(() -> guard.resolve(host, 80)).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void theMessageSaysWhatTheAddressIs() {
        assertThatThrownBy(() -> guard.resolve("169.254.169.254", 80))
                .hasMessage("169.254.169.254 is a link-local (cloud metadata) address");
        assertThatThrownBy(() -> guard.resolve("lapsed.example", 443))
                .hasMessage("lapsed.example resolves to 127.0.0.1, a loopback address");
        assertThatThrownBy(() -> guard.resolve("[fd00:ec2::254]", 80)).hasMessageContaining("unique-local");
        assertThatThrownBy(() -> guard.resolve("::ffff:10.0.0.1", 80)).hasMessageContaining("a private address");
    }

    @Test
    void theAllowListIsTheOnlyException() throws Exception {
        assertThat(guard.resolve("intranet.example", 80)).extracting(InetAddress::getHostAddress).containsExactly("10.1.2.3");
        assertThat(guard.resolve("Intranet.Example.", 443)).isNotEmpty();
        assertThat(guard.resolve("172.20.9.9", 80)).isNotEmpty();
        assertThat(guard.resolve("demo.local", 8090)).isNotEmpty();
        assertThatThrownBy(() -> guard.resolve("demo.local", 9200)).as("another port of an allowed host")
                .isInstanceOf(BlockedAddressException.class);
        assertThat(guard.resolve("::1", 8091)).isNotEmpty();
        assertThatThrownBy(() -> guard.resolve("::1", 9092)).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHost() {
        assertThatCode(() -> guard.checkUrl(URI.create("https://news.example/a"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.checkUrl(URI.create("file:///etc/passwd")))
                .hasMessage("only http and https URLs are fetched");
        assertThatThrownBy(() -> guard.checkUrl(URI.create("gopher://news.example/"))).isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> guard.checkUrl(URI.create("http:///path"))).hasMessage("the URL has no host");
    }

    @Test
    void aUrlIsCheckedWithItsPortOrItsSchemesDefault() throws Exception {
        assertThat(guard.resolve(URI.create("https://news.example/in?token=x"))).isNotEmpty();
        assertThat(guard.resolve(URI.create("http://demo.local:8090/hook"))).isNotEmpty();
        assertThatThrownBy(() -> guard.resolve(URI.create("http://demo.local/hook"))).as("port 80, not allowed")
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> guard.resolve(URI.create("http://169.254.169.254/latest/meta-data/")))
                .hasMessage("169.254.169.254 is a link-local (cloud metadata) address");
        assertThatThrownBy(() -> guard.resolve(URI.create("ftp://news.example/")))
                .isInstanceOf(BlockedAddressException.class);
        assertThat(AddressGuard.port(URI.create("https://news.example/"))).isEqualTo(443);
        assertThat(AddressGuard.port(URI.create("http://news.example/"))).isEqualTo(80);
        assertThat(AddressGuard.port(URI.create("https://news.example:8443/"))).isEqualTo(8443);
    }

    @Test
    void unknownHostsAreNotBlockedButUnknown() {
        assertThatThrownBy(() -> guard.resolve("nowhere.invalid", 80)).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(BlockedAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/40", "10.0.0.0/x", "host/8", "[::1", "localhost:99999", "localhost:x"})
    void aBadAllowListEntryIsRefusedAtOnce(String entry) {
        assertThatThrownBy(() -> new AddressGuard(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry.toLowerCase());
    }
}
