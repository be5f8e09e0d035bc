package io.newswatch.addressguard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which hosts an outbound request may reach: a host is resolved once, and when any of its addresses is
 * not a public one ({@link AddressClass}: loopback, private, link-local and cloud metadata, carrier-grade NAT,
 * unique-local, multicast, IPv4 inside IPv6...) it is refused, unless the operator's allow-list names the host or
 * a range holding the address. The addresses returned are the ones to connect to: a client that connects to them
 * (see {@link GuardedDnsResolver}) never asks DNS a second time, so a DNS answer that changes between the check
 * and the connection (DNS rebinding) cannot steer it. Only http and https URLs pass {@link #checkUrl(URI)}.
 *
 * <p>Thread-safe.
 */
public final class AddressGuard {

    /** Resolves a host name (or an address literal) to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Cloud metadata services reached by name (they resolve to link-local addresses, refused anyway). */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");

    private final AllowList allowList;
    private final Resolver resolver;

    /**
     * @param allow    host names, addresses and CIDR ranges, each optionally with {@code :port}, that may be reached
     *                 although internal (e.g. {@code intranet.example}, {@code localhost:8090}, {@code 10.1.0.0/16},
     *                 {@code [::1]:8090}); empty for none
     * @param resolver DNS
     * @throws IllegalArgumentException naming an entry of {@code allow} that cannot be read
     */
    public AddressGuard(Collection<String> allow, Resolver resolver) {
        this.allowList = new AllowList(allow);
        this.resolver = resolver;
    }

    /** A guard that resolves with the system's DNS. */
    public AddressGuard(Collection<String> allow) {
        this(allow, InetAddress::getAllByName);
    }

    /**
     * Checks what can be checked of a URL without DNS: an http or https URL with a host.
     *
     * @throws BlockedAddressException when it is not
     */
    public void checkUrl(URI uri) throws BlockedAddressException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedAddressException(String.valueOf(uri.getHost()), "only http and https URLs are fetched");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new BlockedAddressException("", "the URL has no host");
        }
    }

    /**
     * Resolves a host once and returns the addresses a connection to it may use.
     *
     * @param host a host name or an address literal (brackets around IPv6 allowed)
     * @param port the port to be connected to (for allow-list entries limited to a port), or -1
     * @throws BlockedAddressException when the host is refused, saying why
     * @throws UnknownHostException    when it does not resolve
     */
    public List<InetAddress> resolve(String host, int port) throws UnknownHostException {
        String name = normalizeHost(host);
        if (allowList.allowsName(name, port)) {
            return List.of(resolver.resolve(name));
        }
        if (METADATA_HOSTS.contains(name)) {
            throw new BlockedAddressException(name, name + " is a cloud metadata host");
        }
        InetAddress[] addresses = resolver.resolve(name);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(name);
        }
        for (InetAddress address : addresses) {
            String kind = AddressClass.internalKind(address);
            if (kind != null && !allowList.allowsAddress(address, port)) {
                String text = AddressClass.text(address);
                throw new BlockedAddressException(name, (name.equals(address.getHostAddress())
                        || name.equals(text) ? text + " is" : name + " resolves to " + text + ",")
                        + " a " + kind + " address");
            }
        }
        return List.of(addresses);
    }

    /**
     * Checks a URL and resolves its host once, as a request to it would: {@link #checkUrl(URI)}, then
     * {@link #resolve(String, int)} with the URL's port (80 or 443 when it names none). For checking a URL before it
     * is stored (a webhook of a rule); a request itself is checked by {@link GuardedDnsResolver}.
     *
     * @throws BlockedAddressException when the URL or its host is refused, saying why
     * @throws UnknownHostException    when the host does not resolve
     */
    public List<InetAddress> resolve(URI uri) throws UnknownHostException {
        checkUrl(uri);
        return resolve(uri.getHost(), port(uri));
    }

    /** The port a request to the URL goes to: its own, or the scheme's default. */
    public static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Lower case, without brackets around an IPv6 literal and without a trailing dot. */
    static String normalizeHost(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
