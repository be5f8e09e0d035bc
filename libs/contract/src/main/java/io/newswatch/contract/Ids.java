package io.newswatch.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable identifiers every service agrees on. They are pure functions of their inputs, which is what makes a
 * replay harmless: the same article always gets the same Kafka key and Elasticsearch {@code _id}, the same rule and
 * story always the same alert id.
 */
public final class Ids {

    private Ids() {
    }

    /** Article id: a hash of the canonical URL (tracking parameters already stripped by the poller). */
    public static String article(String canonicalUrl) {
        return hash("article", canonicalUrl);
    }

    /** Feed id: a hash of the feed's URL as first registered. */
    public static String feed(String url) {
        return hash("feed", url);
    }

    /**
     * Alert id for a rule firing on a subject: a story id (one alert per story) or an article id (one per article),
     * plus an escalation level (0 for the first alert; a story that spreads may alert again at a higher level).
     */
    public static String alert(String ruleId, String subjectId, int level) {
        return hash("alert", ruleId + "\n" + subjectId + "\n" + level);
    }

    /** Rule id for a rule created without one: a hash of its name and creation instant. */
    public static String rule(String seed) {
        return hash("rule", seed);
    }

    /** 128 bits of SHA-256 in hex, namespaced so that different kinds of id never collide. */
    private static String hash(String namespace, String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(namespace.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            byte[] bytes = digest.digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(bytes, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
