package io.newswatch.poller.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes the poller remembers items by. */
final class Hashes {

    private Hashes() {
    }

    /**
     * The article's content hash (its {@code contentHash}): 128 bits of SHA-256 over title, summary and body. A
     * changed hash under the same article id is a new revision.
     */
    static String content(String title, String summary, String body) {
        return sha256(32, title, summary, body);
    }

    /** 128 bits of SHA-256 over a feed's body, to tell an unchanged feed without parsing it. */
    static String body(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A 64-bit key of some parts, for the item ledger. */
    static String key(String... parts) {
        return sha256(16, parts);
    }

    private static String sha256(int hexChars, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, hexChars / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
