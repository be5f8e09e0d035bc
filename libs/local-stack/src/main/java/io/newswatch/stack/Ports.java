package io.newswatch.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Whether something listens on a local port; free ports for servers of a test's own. */
public final class Ports {

    /**
     * Free ports are taken below Linux's ephemeral range (32768-60999), from which the kernel hands out the local
     * ports of outgoing connections: a port chosen there can be taken by some client's connection before the server
     * meant to listen on it binds (CI saw a test's Kafka fail to start with "Address already in use").
     */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private Ports() {
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ports free at this moment, all different, held open together while they are chosen. */
    public static List<Integer> free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int tries = 0; sockets.size() < count; tries++) {
                if (tries > 10_000) {
                    throw new IllegalStateException("no " + count + " free ports between " + LOWEST + " and " + HIGHEST);
                }
                int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
                ServerSocket socket = null;
                try {
                    socket = new ServerSocket();
                    socket.setReuseAddress(false);
                    socket.bind(new InetSocketAddress(port));
                    sockets.add(socket);
                } catch (IOException taken) {
                    close(socket);
                }
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            sockets.forEach(Ports::close);
        }
    }

    private static void close(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the port is free again either way
            }
        }
    }
}
