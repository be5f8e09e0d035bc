package io.newswatch.poller.parse;

import com.rometools.rome.io.impl.DateParser;
import org.jdom2.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The date of an item: the first valid one among all its date elements, in a fixed precedence: publication dates
 * first ({@code atom:published}, {@code pubDate}, {@code dc:date}, {@code dcterms:issued}, Atom 0.3
 * {@code issued}), then creation ({@code dcterms:created}, Atom 0.3 {@code created}), then modification
 * ({@code atom:updated}, {@code dcterms:modified}, Atom 0.3 {@code modified}). A date is valid when Rome reads it
 * and it names a day and time that exist ({@link StrictDates}: Rome would move 30 February to 2 March). Every
 * invalid date element is named, for the parse's warnings, whether or not a date before it was chosen.
 */
final class ItemDates {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String DCTERMS = "http://purl.org/dc/terms/";
    private static final String ATOM = FeedDocument.ATOM.getURI();
    private static final int LONGEST_DATE = 200;

    /** A date element: its label in warnings, its local name and the namespaces it may be in. */
    private record Source(String label, String name, String... namespaces) {
    }

    private static final List<Source> PRECEDENCE = List.of(
            new Source("published", "published", ATOM),
            new Source("pubDate", "pubDate", ""),
            new Source("dc:date", "date", DC),
            new Source("dcterms:issued", "issued", DCTERMS),
            new Source("issued", "issued", FeedDocument.ATOM_03, ATOM),
            new Source("dcterms:created", "created", DCTERMS),
            new Source("created", "created", FeedDocument.ATOM_03, ATOM),
            new Source("updated", "updated", ATOM),
            new Source("dcterms:modified", "modified", DCTERMS),
            new Source("modified", "modified", FeedDocument.ATOM_03, ATOM));

    /**
     * The date chosen and the dates dropped before it.
     *
     * @param date       the first valid date by precedence, or null
     * @param source     the label of the element it was read from ({@code pubDate}, {@code dc:date}...), or null
     * @param unreadable labels of the date elements dropped because Rome cannot read them
     * @param impossible labels of those dropped because they name a date or time that does not exist
     */
    record Choice(Instant date, String source, List<String> unreadable, List<String> impossible) {
    }

    private ItemDates() {
    }

    /** Whether an element of an item is one of its date elements (read here, by precedence). */
    static boolean isDate(Element element) {
        for (Source source : PRECEDENCE) {
            if (source.name().equals(element.getName()) && FeedDocument.matches(element.getNamespaceURI(),
                    source.namespaces())) {
                return true;
            }
        }
        return false;
    }

    static Choice of(Element item) {
        List<String> unreadable = new ArrayList<>();
        List<String> impossible = new ArrayList<>();
        Instant chosen = null;
        String source = null;
        for (Source element : PRECEDENCE) {
            String text = FeedDocument.childText(item, element.name(), element.namespaces());
            if (text == null || text.isBlank()) {
                continue;
            }
            String value = FieldLimits.cap(text.strip(), LONGEST_DATE);
            if (StrictDates.impossible(value)) {
                impossible.add(element.label());
                continue;
            }
            Date date = parse(value);
            if (date == null) {
                unreadable.add(element.label());
                continue;
            }
            if (chosen == null) {
                chosen = date.toInstant();
                source = element.label();
            }
        }
        return new Choice(chosen, source, unreadable, impossible);
    }

    private static Date parse(String text) {
        Instant common = CommonDates.parse(text);
        if (common != null) {
            return Date.from(common);
        }
        try {
            return DateParser.parseDate(text, Locale.US);
        } catch (RuntimeException e) {
            return null; // Rome's parser gives up on some shapes by throwing: an unreadable date, not a broken feed
        }
    }
}
