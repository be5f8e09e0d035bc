package io.newswatch.console.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as the rule form shows them: {@code 6h} rather than the {@code PT6H} the alerter stores. */
final class Durations {

    private Durations() {
    }

    /** "PT6H" → "6h", "PT30M" → "30m", "P1D"/"PT24H" → "1d"; anything else as it is. */
    static String readable(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            Duration duration = Duration.parse(iso.strip());
            long seconds = duration.toSeconds();
            if (seconds > 0 && seconds % 86400 == 0) {
                return seconds / 86400 + "d";
            }
            if (seconds > 0 && seconds % 3600 == 0) {
                return seconds / 3600 + "h";
            }
            if (seconds > 0 && seconds % 60 == 0) {
                return seconds / 60 + "m";
            }
            return iso.strip();
        } catch (DateTimeParseException e) {
            return iso.strip();
        }
    }
}
