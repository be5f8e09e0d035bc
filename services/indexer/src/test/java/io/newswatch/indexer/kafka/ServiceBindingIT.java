package io.newswatch.indexer.kafka;

import io.newswatch.stack.ServiceEnvironment;
import io.newswatch.stack.TestStack;
import io.newswatch.stack.BindAddress;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.ServiceProcesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged indexer started the way {@code ./newswatch up} starts every service ({@link ServiceProcesses}):
 * it listens on loopback only, so another machine on the network cannot reach it; {@code NEWSWATCH_BIND_ADDRESS}
 * moves it.
 */
class ServiceBindingIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private static TestStack stack;
    private static InetAddress external;

    @BeforeAll
    static void reserve() throws SocketException {
        external = NetworkInterface.networkInterfaces().filter(ServiceBindingIT::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress())
                .findFirst().orElse(null);
        stack = TestStack.reserve();
    }

    @AfterAll
    static void release() {
        if (stack != null) {
            stack.release();
        }
    }

    @Test
    void aServiceStartedByTheLauncherAnswersOnLoopbackOnly() throws IOException {
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address to try");
        ServiceProcesses processes = new ServiceProcesses(stack.stack().home(), BindAddress.fromEnvironment());
        int port = freePort();

        run(processes, "indexer-bound", port, () -> {
            assertThat(answers(InetAddress.getLoopbackAddress(), port)).isTrue();
            assertThat(answers(external, port)).as("answers on " + external.getHostAddress()).isFalse();
        });
    }

    @Test
    void theBindAddressSettingMovesIt() throws IOException {
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address to try");
        BindAddress thatOne = BindAddress.from(Map.of(BindAddress.VARIABLE, external.getHostAddress()));
        ServiceProcesses processes = new ServiceProcesses(stack.stack().home(), thatOne);
        int port = freePort();

        run(processes, "indexer-external", port, () -> {
            assertThat(answers(external, port)).isTrue();
            assertThat(answers(InetAddress.getLoopbackAddress(), port)).isFalse();
        });
    }

    /** Checks made while an indexer instance runs. */
    @FunctionalInterface
    private interface Check {
        void run() throws IOException;
    }

    private void run(ServiceProcesses processes, String instance, int port, Check check) throws IOException {
        processes.start(instance, NewswatchService.INDEXER, port, NewswatchService.INDEXER.heap(),
                ServiceEnvironment.of(stack).of(NewswatchService.INDEXER));
        try {
            processes.awaitReady(instance, port, STARTUP);
            check.run();
        } finally {
            processes.stop(instance, Duration.ofSeconds(20));
        }
    }

    private static boolean answers(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
