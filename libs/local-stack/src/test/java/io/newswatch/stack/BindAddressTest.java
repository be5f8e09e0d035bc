package io.newswatch.stack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BindAddressTest {

    @Test
    void loopbackUnlessConfigured() {
        assertThat(BindAddress.from(Map.of())).isEqualTo(BindAddress.LOOPBACK);
        assertThat(BindAddress.from(Map.of(BindAddress.VARIABLE, " "))).isEqualTo(BindAddress.LOOPBACK);
        assertThat(BindAddress.LOOPBACK.url(8084)).isEqualTo("http://localhost:8084");
    }

    @Test
    void everyInterfaceIsReachedThroughLoopbackFromThisMachine() {
        BindAddress everywhere = BindAddress.from(Map.of(BindAddress.VARIABLE, "0.0.0.0"));
        assertThat(everywhere.host()).isEqualTo("0.0.0.0");
        assertThat(everywhere.url(8081)).isEqualTo("http://localhost:8081");
        assertThat(BindAddress.from(Map.of(BindAddress.VARIABLE, "::")).contactHost()).isEqualTo("localhost");
        assertThat(BindAddress.from(Map.of(BindAddress.VARIABLE, "::1")).url(8081)).isEqualTo("http://[::1]:8081");
    }

    @Test
    void anAddressThisMachineDoesNotHaveIsAClearError() throws Exception {
        // documentation addresses (RFC 5737); some test networks use them, so take one this machine does not have
        String foreign = null;
        for (String candidate : List.of("203.0.113.254", "198.51.100.254", "192.0.2.254")) {
            if (NetworkInterface.getByInetAddress(InetAddress.getByName(candidate)) == null) {
                foreign = candidate;
                break;
            }
        }
        String address = foreign;
        assertThatThrownBy(() -> BindAddress.from(Map.of(BindAddress.VARIABLE, address)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("NEWSWATCH_BIND_ADDRESS=" + address + " is not an address of this machine");
        assertThatThrownBy(() -> BindAddress.from(Map.of(BindAddress.VARIABLE, "no such host.invalid")))
                .isInstanceOf(StackException.class).hasMessageContaining("NEWSWATCH_BIND_ADDRESS=");
    }
}
