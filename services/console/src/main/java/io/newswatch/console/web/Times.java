package io.newswatch.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the pages show them, in the configured zone, and how long ago. */
public final class Times {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Times() {
    }

    /** "17 Nov 2026 14:05"; empty for null. */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(zone));
    }

    /** "17 Nov 2026". */
    public static String day(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago", "in 4 min". */
    public static String relative(Instant instant, Instant now) {
        if (instant == null) {
            return "";
        }
        Duration age = Duration.between(instant, now);
        boolean future = age.isNegative();
        Duration size = age.abs();
        String amount;
        if (size.toSeconds() < 45) {
            return future ? "in a moment" : "just now";
        } else if (size.toMinutes() < 60) {
            amount = Math.max(1, size.toMinutes()) + " min";
        } else if (size.toHours() < 48) {
            amount = size.toHours() + " h";
        } else {
            amount = size.toDays() + " days";
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** A duration as people write it: "90 s", "5 min", "1 h 30 min", "2 days". */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 2 * 86400) {
            long minutes = seconds % 3600 / 60;
            return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        return seconds / 86400 + " days";
    }
}
