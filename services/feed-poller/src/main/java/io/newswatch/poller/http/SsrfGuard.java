package io.newswatch.poller.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps article links away from the poller's own network: a link that resolves to a loopback, private, link-local,
 * carrier-grade NAT, multicast or cloud metadata address is refused, unless it is on the feed's own host (the
 * operator chose that host) or on the configured allow-list. Only http and https are fetched at all.
 *
 * <p>The addresses are checked when the request is made; a DNS answer that changes between this check and the
 * connection (DNS rebinding) is not caught here.
 */
public final class SsrfGuard {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "instance-data", "instance-data.ec2.internal");

    /** Resolves a host name; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts = new ArrayList<>();
    private final List<Cidr> allowedRanges = new ArrayList<>();
    private final Resolver resolver;

    /**
     * @param allow    host names and CIDR ranges ({@code 10.1.0.0/16}) that may be fetched although private
     * @param resolver DNS
     */
    public SsrfGuard(List<String> allow, Resolver resolver) {
        for (String entry : allow) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.contains("/")) {
                allowedRanges.add(Cidr.parse(trimmed));
            } else {
                allowedHosts.add(trimmed);
            }
        }
        this.resolver = resolver;
    }

    public SsrfGuard(List<String> allow) {
        this(allow, InetAddress::getAllByName);
    }

    /** A guard for links found in a feed: the feed's own host is trusted. */
    public AddressGuard trusting(String trustedHost) {
        String trusted = trustedHost == null ? null : trustedHost.toLowerCase(Locale.ROOT);
        return uri -> check(uri, trusted);
    }

    private void check(URI uri, String trustedHost) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.BLOCKED, "only http and https links are fetched: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new FetchException(FetchException.Kind.PROTOCOL, "no host in " + uri);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals(trustedHost) || allowedHosts.contains(host)) {
            return;
        }
        if (METADATA_HOSTS.contains(host)) {
            throw new FetchException(FetchException.Kind.BLOCKED, "refused " + uri + ": a cloud metadata host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.CONNECT, "unknown host " + host, e);
        }
        for (InetAddress address : addresses) {
            if (internal(address) && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                throw new FetchException(FetchException.Kind.BLOCKED, "refused " + uri + ": " + host
                        + " resolves to the internal address " + address.getHostAddress());
            }
        }
    }

    /** Addresses that belong to this machine or its private network rather than the public internet. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) { // unique local fc00::/7 (AWS metadata fd00:ec2::254 is here)
                return true;
            }
            if (embedsIpv4(bytes)) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 address at the end. */
    private static boolean embedsIpv4(byte[] bytes) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= bytes[i] == 0;
        }
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = bytes[i] == 0;
        }
        return compatible || nat64;
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            try {
                byte[] network = InetAddress.getByName(text.substring(0, slash)).getAddress();
                int prefix = Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("prefix out of range in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
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
    }
}
