package io.newswatch.addressguard;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Whether an address belongs to the public internet, and if not, what it is. Covers IPv4 (this network, private,
 * loopback, link-local and cloud metadata, carrier-grade NAT, IETF, documentation, benchmarking, multicast, reserved,
 * broadcast) and IPv6 (unspecified, loopback, link-local, site-local, unique-local, multicast, documentation,
 * discard, Teredo), and the IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) by
 * the IPv4 address they carry.
 */
public final class AddressClass {

    private AddressClass() {
    }

    /** Why the address is not a public one ("loopback", "private"...), or null when it is public. */
    public static String internalKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet6Address ? ipv6(bytes) : ipv4(bytes);
    }

    /** True when the address is not on the public internet. */
    public static boolean isInternal(InetAddress address) {
        return internalKind(address) != null;
    }

    private static String ipv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        if (first == 0) {
            return "\"this network\" (0.0.0.0/8)";
        }
        if (first == 127) {
            return "loopback";
        }
        if (first == 10 || (first == 172 && second >= 16 && second < 32) || (first == 192 && second == 168)) {
            return "private";
        }
        if (first == 169 && second == 254) {
            return "link-local (cloud metadata)";
        }
        if (first == 100 && second >= 64 && second < 128) {
            return "carrier-grade NAT";
        }
        if (first == 192 && second == 0 && third == 0) {
            return "IETF protocol assignment";
        }
        if ((first == 192 && second == 0 && third == 2) || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113)) {
            return "documentation";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "benchmarking";
        }
        if (first >= 224 && first < 240) {
            return "multicast";
        }
        if (first >= 240) {
            return first == 255 && second == 255 && third == 255 && (b[3] & 0xff) == 255 ? "broadcast" : "reserved";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        byte[] embedded = embeddedIpv4(b);
        if (embedded != null) {
            return ipv4(embedded);
        }
        if (allZero(b, 0, 16)) {
            return "unspecified";
        }
        if (allZero(b, 0, 15) && b[15] == 1) {
            return "loopback";
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "link-local";
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "site-local";
        }
        if ((first & 0xfe) == 0xfc) {
            return "unique-local (cloud metadata fd00:ec2::254 is one)";
        }
        if (first == 0xff) {
            return "multicast";
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "documentation";
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return "Teredo tunnel";
        }
        if (first == 0x01 && second == 0 && allZero(b, 2, 8)) {
            return "discard-only";
        }
        if (first == 0) {
            return "reserved";
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv6 one: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
     * (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::); null for others. (The JDK turns IPv4-mapped literals into
     * IPv4 addresses already; a resolver may not.)
     */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = allZero(b, 0, 12) && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An address from its bytes; for the tests and the allow-list. */
    static InetAddress of(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The address's text as the JDK writes it, IPv4 inside IPv6 included. */
    static String text(InetAddress address) {
        return address instanceof Inet4Address ? address.getHostAddress() : "[" + address.getHostAddress() + "]";
    }
}
