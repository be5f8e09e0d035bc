package io.newswatch.addressguard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The operator's exceptions to the guard: host names, addresses and CIDR ranges that may be reached although they
 * are internal, each optionally limited to one port. Syntax of an entry: {@code intranet.example},
 * {@code localhost:8090}, {@code 10.1.2.3}, {@code 10.1.0.0/16}, {@code 10.1.0.0/16:8443}, {@code ::1},
 * {@code [::1]:8090}, {@code [fd00::/8]:443}.
 */
final class AllowList {

    private record Entry(String host, byte[] network, int prefix, int port) {

        boolean allowsName(String name, int requestPort) {
            return host != null && host.equals(name) && portMatches(requestPort);
        }

        boolean allowsAddress(InetAddress address, int requestPort) {
            if (network == null || !portMatches(requestPort)) {
                return false;
            }
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private boolean portMatches(int requestPort) {
            return port < 0 || port == requestPort;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** @throws IllegalArgumentException naming the entry that cannot be read */
    AllowList(Collection<String> allow) {
        for (String raw : allow) {
            String entry = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (!entry.isEmpty()) {
                entries.add(parse(entry));
            }
        }
    }

    boolean allowsName(String host, int port) {
        return entries.stream().anyMatch(entry -> entry.allowsName(host, port));
    }

    boolean allowsAddress(InetAddress address, int port) {
        return entries.stream().anyMatch(entry -> entry.allowsAddress(address, port));
    }

    private static Entry parse(String entry) {
        String target = entry;
        int port = -1;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in the allow-list entry " + entry);
            }
            target = entry.substring(1, close);
            String rest = entry.substring(close + 1);
            if (!rest.isEmpty()) {
                port = port(rest.startsWith(":") ? rest.substring(1) : rest, entry);
            }
        } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            int colon = entry.indexOf(':');
            target = entry.substring(0, colon);
            port = port(entry.substring(colon + 1), entry);
        }
        int slash = target.indexOf('/');
        String address = slash < 0 ? target : target.substring(0, slash);
        if (isLiteral(address)) {
            byte[] network = literal(address, entry);
            int prefix = slash < 0 ? network.length * 8 : prefix(target.substring(slash + 1), network.length * 8, entry);
            return new Entry(null, network, prefix, port);
        }
        if (slash >= 0 || address.isEmpty()) {
            throw new IllegalArgumentException("not a host name, address or CIDR range: " + entry);
        }
        return new Entry(AddressGuard.normalizeHost(address), null, 0, port);
    }

    private static boolean isLiteral(String text) {
        if (text.indexOf(':') >= 0) {
            return true;
        }
        return !text.isEmpty() && text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static byte[] literal(String text, String entry) {
        try {
            return InetAddress.getByName(text).getAddress(); // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + entry, e);
        }
    }

    private static int prefix(String text, int max, String entry) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("prefix out of range in " + entry);
            }
            return prefix;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR range: " + entry, e);
        }
    }

    private static int port(String text, String entry) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range in " + entry);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port in " + entry, e);
        }
    }
}
