package io.newswatch.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * An instant's text as {@link DateTimeFormatter#ISO_INSTANT} writes it, the form every event's instants take, written
 * and read without the formatter's general machinery (a {@code Parsed} map, its resolve step, a builder per value):
 * each event carries three to five instants, and every service decodes or encodes them per message.
 *
 * <p>{@link #format} gives exactly {@link Instant#toString()}. {@link #parse} reads only the form {@code format}
 * writes for the years 0000-9999 ({@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1-9 digits, {@code Z}) and
 * returns null for anything else (an offset, lower case, a leap second, midnight as 24:00, another length, a date
 * that does not exist): the caller then parses it with {@code ISO_INSTANT} as before, so every text means the same
 * instant, or fails the same way, as it did.
 */
public final class IsoInstant {

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range written as four-digit years without a sign. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long MAX_SECOND = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstant() {
    }

    /** {@code instant.toString()}'s characters into {@code out} from 0; returns their count (at most 30 here). */
    public static int format(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            String text = instant.toString();
            text.getChars(0, text.length(), out, 0);
            return text.length();
        }
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int at = 19;
        int nano = instant.getNano();
        if (nano > 0) {
            out[at++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(out, at, nano / 1_000_000, 3);
                at += 3;
            } else if (nano % 1000 == 0) {
                digits(out, at, nano / 1000, 6);
                at += 6;
            } else {
                digits(out, at, nano, 9);
                at += 9;
            }
        }
        out[at++] = 'Z';
        return at;
    }

    /** {@code instant.toString()}. */
    public static String format(Instant instant) {
        char[] out = new char[40];
        return new String(out, 0, format(instant, out));
    }

    /**
     * The instant of {@code text} when it is in the form {@link #format} writes (years 0000-9999, a fraction of any
     * 1-9 digits), the same instant {@code ISO_INSTANT} parses; null when it is not in that form (parse it with
     * {@code ISO_INSTANT} then: it may still be an instant, with an offset, say, or no instant at all).
     */
    public static Instant parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /** {@link #parse(String)} of the {@code length} characters at {@code from} (a JSON parser's text buffer). */
    public static Instant parse(char[] text, int from, int length) {
        if (length < 20 || length > 30 || length == 21 || text[from + length - 1] != 'Z'
                || text[from + 4] != '-' || text[from + 7] != '-' || text[from + 10] != 'T'
                || text[from + 13] != ':' || text[from + 16] != ':') {
            return null;
        }
        int year = number(text, from, 4);
        int month = number(text, from + 5, 2);
        int dayOfMonth = number(text, from + 8, 2);
        int hour = number(text, from + 11, 2);
        int minute = number(text, from + 14, 2);
        int second = number(text, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nano = 0;
        if (length > 20) {
            if (text[from + 19] != '.') {
                return null;
            }
            int fractionDigits = length - 21;
            nano = number(text, from + 20, fractionDigits);
            if (nano < 0) {
                return null;
            }
            for (int d = fractionDigits; d < 9; d++) {
                nano *= 10;
            }
        }
        long day = LocalDate.of(year, month, dayOfMonth).toEpochDay();
        return Instant.ofEpochSecond(day * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second, nano);
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 when one is no digit. */
    private static int number(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static void digits(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
