package io.newswatch.poller.parse;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.WireFeedParser;
import com.rometools.rome.io.impl.FeedParsers;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rome's build of a feed document (its {@code WireFeed} and the {@code SyndFeed} made from it) over the items the
 * parse reads, without what the parse does not need Rome for:
 * <ul>
 *   <li>the items' date elements: Rome would read each of them with a {@code SimpleDateFormat} per mask it tries
 *   (about a tenth of the poller's CPU), and {@link ItemDates} reads them from the document itself; when Rome's
 *   entries then do not line up with the items, its own dates are needed ({@code FeedParser}'s reading without
 *   elements): built again with them;</li>
 *   <li>the elements of items the caller already holds ({@link KnownItems}): Rome reads each item from its own
 *   element, so the others' entries are the same without them, and a poll of a feed of 30 items with 3 new builds 3
 *   entries rather than 30.</li>
 * </ul>
 * Whatever is taken out is put back where it was before this returns (or throws): the document is as it was read.
 */
final class RomeBuild {

    /** Rome's parsers, as {@link WireFeedInput} holds them: to know the format before the build. */
    private static final FeedParsers PARSERS = new FeedParsers();

    private RomeBuild() {
    }

    /**
     * Rome's name of the document's format ({@code rss_2.0}, {@code atom_1.0}...) as its build will give it (the
     * first of Rome's parsers that takes the document, as {@link WireFeedInput#build(Document)} chooses), or null when
     * none takes it.
     */
    static String format(Document document) {
        WireFeedParser parser = PARSERS.getParserFor(document);
        return parser == null ? null : parser.getType();
    }

    /**
     * @param items   the item elements Rome is to build entries of, in document order
     * @param leftOut item elements taken out of the document while Rome builds (known items); empty for none
     * @throws IllegalArgumentException when no Rome parser takes the document (not a feed)
     */
    static SyndFeed feed(FeedDocument document, List<Element> items, List<Element> leftOut) throws FeedException {
        List<Runnable> putBack = new ArrayList<>();
        try {
            leaveOut(leftOut, putBack);
            int known = putBack.size();
            for (Element item : items) {
                List<Element> children = item.getChildren();
                for (int i = children.size() - 1; i >= 0; i--) {
                    Element child = children.get(i);
                    if (ItemDates.isDate(child)) {
                        int index = item.indexOf(child);
                        child.detach();
                        putBack.add(() -> item.addContent(index, child));
                    }
                }
            }
            SyndFeed feed = withRome(document);
            if (putBack.size() == known || feed.getEntries().size() == items.size()) {
                return feed;
            }
            List<Runnable> dates = putBack.subList(known, putBack.size());
            dates.reversed().forEach(Runnable::run);
            dates.clear();
            return withRome(document);
        } finally {
            putBack.reversed().forEach(Runnable::run);
        }
    }

    private static SyndFeed withRome(FeedDocument document) throws FeedException {
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false);
        input.setAllowDoctypes(false);
        return new SyndFeedImpl(input.build(document.document()), true);
    }

    /**
     * Takes the elements out of their parents, each parent's content rewritten once (a feed of a thousand known
     * items is not shifted a thousand times), and notes how to put it back.
     */
    private static void leaveOut(List<Element> elements, List<Runnable> putBack) {
        if (elements.isEmpty()) {
            return;
        }
        Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(elements);
        Map<Element, Boolean> parents = new IdentityHashMap<>();
        for (Element element : elements) {
            Element parent = element.getParentElement();
            if (parent == null || parents.put(parent, Boolean.TRUE) != null) {
                continue;
            }
            List<Content> all = parent.removeContent();
            putBack.add(() -> {
                parent.removeContent();
                parent.addContent(all);
            });
            List<Content> kept = new ArrayList<>(all.size());
            for (Content content : all) {
                if (!(content instanceof Element child && out.contains(child))) {
                    kept.add(content);
                }
            }
            parent.addContent(kept);
        }
    }
}
