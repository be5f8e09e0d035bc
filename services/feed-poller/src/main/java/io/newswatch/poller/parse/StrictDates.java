package io.newswatch.poller.parse;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Catches the dates that Rome's lenient parsing turns into other dates ("30 Feb" becomes 2 March, hour 25 the next
 * day): each date text of an item ({@link ItemDates}) is checked field by field (day within its
 * month, hour, minute, second), in the two forms feeds use, RFC 822 ({@code Sun, 30 Feb 2025 10:00:00 GMT}) and
 * ISO 8601 ({@code 2025-04-31T08:00:00Z}). A text in neither form is left to Rome. Scans by hand, linear.
 */
final class StrictDates {

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private StrictDates() {
    }

    /** True when the text is an RFC 822 or ISO 8601 date whose fields name no real date or time. */
    static boolean impossible(String text) {
        List<String> tokens = tokens(text);
        if (tokens.size() >= 3 && text.length() >= 10 && text.charAt(4) == '-' && Character.isDigit(text.charAt(0))) {
            // ISO 8601: year, month, day, then hour, minute, second
            List<String> numbers = tokens.stream().filter(StrictDates::isNumber).toList();
            return !valid(number(numbers, 0), number(numbers, 1), number(numbers, 2), number(numbers, 3),
                    number(numbers, 4), number(numbers, 5));
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            int month = MONTHS.indexOf(tokens.get(i + 1).toLowerCase(Locale.ROOT).substring(0,
                    Math.min(3, tokens.get(i + 1).length())));
            if (isNumber(tokens.get(i)) && month >= 0 && isNumber(tokens.get(i + 2))) {
                // RFC 822: day, month name, year, then hour, minute, second
                int year = number(tokens, i + 2);
                return !valid(year < 100 ? year + (year < 50 ? 2000 : 1900) : year, month + 1, number(tokens, i),
                        number(tokens, i + 3), number(tokens, i + 4), number(tokens, i + 5));
            }
        }
        return false;
    }

    private static boolean valid(int year, int month, int day, int hour, int minute, int second) {
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return year < 0 || month < 0 || day < 0; // not a date of this form after all: leave it to Rome
        }
        return day <= YearMonth.of(year, month).lengthOfMonth() && hour <= 24 && minute <= 59 && second <= 60;
    }

    /** Runs of letters or digits. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length() && tokens.size() < 12) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                boolean digits = Character.isDigit(c);
                while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))
                        && Character.isDigit(text.charAt(i)) == digits) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            } else {
                i++;
            }
        }
        return tokens;
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.length() <= 4 && token.chars().allMatch(Character::isDigit);
    }

    /** The token as a number; 0 when missing, -1 when not a number. */
    private static int number(List<String> tokens, int index) {
        if (index >= tokens.size()) {
            return 0;
        }
        String token = tokens.get(index);
        return isNumber(token) ? Integer.parseInt(token) : index <= 2 ? -1 : 0;
    }
}
