package io.newswatch.stack;


import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Map;

/**
 * Where the services and the demo feed that the launcher starts listen: {@code 127.0.0.1} unless
 * {@value #VARIABLE} says otherwise, so that a laptop on a café's network does not offer its rules, feeds and
 * alerts to the room. Kafka and Elasticsearch of the local stack always stay on loopback (no authentication).
 * Docker Compose sets its own ({@code QUARKUS_HTTP_HOST=0.0.0.0} inside the containers, ports published on the
 * host's loopback).
 *
 * @param host the address to bind: an address of this machine, or {@code 0.0.0.0} / {@code ::} for every one
 */
public record BindAddress(String host) {

    /** The environment variable that moves the services off loopback. */
    public static final String VARIABLE = "NEWSWATCH_BIND_ADDRESS";
    /** The default. */
    public static final BindAddress LOOPBACK = new BindAddress("127.0.0.1");

    /** From {@value #VARIABLE}, checked: an address this machine has. */
    public static BindAddress fromEnvironment() {
        return from(System.getenv());
    }

    /** From {@value #VARIABLE} in the given environment, checked. */
    public static BindAddress from(Map<String, String> env) {
        String value = env.get(VARIABLE);
        if (value == null || value.isBlank()) {
            return LOOPBACK;
        }
        String host = value.trim();
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()
                    && NetworkInterface.getByInetAddress(address) == null) {
                throw new StackException(VARIABLE + "=" + host + " is not an address of this machine; use one of its "
                        + "addresses, or 0.0.0.0 for every interface");
            }
            return new BindAddress(host);
        } catch (IOException e) {
            throw new StackException(VARIABLE + "=" + host + " is not an address (" + e.getMessage() + ")");
        }
    }

    /**
     * The host that clients on this machine use: {@code localhost} for IPv4 loopback and when every interface is
     * bound (the name the demo feeds and printed URLs have always used, so a stack's feed and article ids stay the
     * same), else the address.
     */
    public String contactHost() {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress() || host.equals("127.0.0.1")) {
                return "localhost";
            }
            return address instanceof Inet6Address && host.contains(":") ? "[" + host + "]" : host;
        } catch (IOException e) {
            return host;
        }
    }

    /** {@code http://HOST:PORT}, for clients on this machine. */
    public String url(int port) {
        return "http://" + contactHost() + ":" + port;
    }
}
