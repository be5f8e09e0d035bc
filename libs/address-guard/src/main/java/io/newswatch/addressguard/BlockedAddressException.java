package io.newswatch.addressguard;

import java.net.UnknownHostException;

/**
 * A host the {@link AddressGuard} refuses, with the reason. A kind of {@link UnknownHostException} so that HTTP
 * clients pass it through from their resolver unchanged; callers tell it apart with {@code instanceof}.
 */
public final class BlockedAddressException extends UnknownHostException {

    private final String host;

    public BlockedAddressException(String host, String reason) {
        super(reason);
        this.host = host;
    }

    /** The host that was refused. */
    public String host() {
        return host;
    }
}
