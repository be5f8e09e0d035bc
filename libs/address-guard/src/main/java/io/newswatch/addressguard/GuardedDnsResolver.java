package io.newswatch.addressguard;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The {@link AddressGuard} as Apache HttpClient 5's resolver: give it to the connection manager
 * ({@code PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(new GuardedDnsResolver(guard))}) and
 * every connection the client opens goes to addresses the guard checked, resolved once, for every host and every
 * redirect hop alike; TLS still uses the host name (SNI, certificate check). A refused host fails the request with
 * a {@link BlockedAddressException}.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final AddressGuard guard;

    public GuardedDnsResolver(AddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolve(host, -1).toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return guard.resolve(host, port).stream().map(address -> new InetSocketAddress(address, port)).toList();
    }

    /** No reverse lookup: the name is what it is. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
