package io.newswatch.enricher.story;

import io.newswatch.contract.Article;
import io.newswatch.contract.Story;
import io.newswatch.tagging.StoryAssigner;
import io.newswatch.tagging.Tagging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Near-duplicate story clustering: copies and light rewrites of one report share a story. Each article's MinHash
 * signature is cut into {@value #BANDS} bands of {@value #ROWS} values (locality-sensitive hashing); stories sharing
 * a band are candidates, and the article joins the candidate most similar to it (estimated Jaccard at least the
 * threshold), else starts a story of its own. Stories close a window after their last article.
 *
 * <p>Every change is handed to a listener (the Kafka store), and {@link #apply(StoryState)} rebuilds the state
 * from what the listener stored, so a restart loses nothing. Thread-safe (one lock; assignment is microseconds).
 */
public final class StoryClusterer implements StoryAssigner {

    static final int ROWS = 2;
    static final int BANDS = MinHasher.SIZE / ROWS;
    static final int MAX_LISTED = 200;
    static final int MAX_ARTICLE_IDS = 64;
    /** Short texts share words by chance more easily: they join a story only when this similar at least. */
    static final double SHORT_TEXT_THRESHOLD = 0.6;
    static final int MAX_SIGNATURES = 4;
    /** Longs of a signature's print: four bits of each value ({@link #print}), sixteen to a long. */
    static final int PRINT_LONGS = MinHasher.SIZE / 16;
    /** Longs per slot in {@link #table}: the slot's header, then its prints. */
    static final int STRIDE = 1 + MAX_SIGNATURES * PRINT_LONGS;

    private final Clock clock;
    private final double threshold;
    private final Duration window;
    private final Consumer<StoryState> listener;
    private final Map<String, Slot> stories = new HashMap<>();
    /** Open stories by slot number, the band index's entries (null where free). */
    private Slot[] slots = new Slot[1024];
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private int nextSlot;
    /**
     * Per slot, {@value #STRIDE} longs side by side: a header (low half: the assignment that last looked at the story,
     * so each candidate is compared once per assignment; high half: how many prints follow, or -1 when the story has
     * more signatures than {@value #MAX_SIGNATURES} and all are read), then four bits of each value of its first
     * {@value #MAX_SIGNATURES} signatures ({@link #print}), {@value #PRINT_LONGS} longs per signature. Equal values have
     * equal bits, so the nibbles two signatures share bound the values they share from above: a candidate whose
     * nibbles share fewer than needed cannot be the most similar, and its signatures are not read. With thousands of
     * open stories most candidates are unrelated articles of one desk: a candidate costs the cache lines of its slot
     * here, one or two (three arrays and a byte per value were four to six lines, a miss each on megabytes).
     */
    private long[] table = new long[1024 * STRIDE];
    private int assignment;
    /** Band key to the slots of the stories with a signature in that band, in the order they were indexed. */
    private final BandIndex bands = new BandIndex();
    /** {@link BandIndex#slots}' array for a band of one story. */
    private final int[] oneSlot = new int[1];
    private final Map<String, String> storyOfArticle = new HashMap<>();
    /** True while every article id of every open story maps to that story in {@link #storyOfArticle} ({@link #mapArticle}). */
    private boolean idsOwned = true;
    private Instant lastEviction = Instant.EPOCH;

    /**
     * A story with its slot number. The band index holds slot numbers, not story ids: with thousands of open stories
     * an article has hundreds of candidates (unrelated articles of a desk share a band now and then), and a hash
     * look-up of an id per candidate was most of the assignment's time.
     */
    private static final class Slot {
        final int number;
        StoryState state;

        Slot(int number, StoryState state) {
            this.number = number;
            this.state = state;
        }
    }

    /**
     * @param threshold estimated Jaccard similarity at which an article joins a story
     * @param window    a story takes new articles for this long after its last one
     * @param listener  receives every new version of a story, and tombstones as {@code StoryState} with no
     *                  articles when a story closes
     */
    public StoryClusterer(Clock clock, double threshold, Duration window, Consumer<StoryState> listener) {
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
        this.listener = listener;
    }

    @Override
    public synchronized Story assign(Article article, Tagging tagging) {
        evictExpired();
        String known = storyOfArticle.get(article.id());
        if (known != null && stories.containsKey(known)) {
            return stories.get(known).state.toStory(); // a replay or a revision: same story, not counted again
        }
        int[] signature = MinHasher.signature(tagging.tokens());
        double needed = MinHasher.isShort(tagging.tokens()) ? Math.max(threshold, SHORT_TEXT_THRESHOLD) : threshold;
        StoryState best = signature == null ? null : mostSimilar(signature, needed);
        Instant seen = article.fetched() != null ? article.fetched() : clock.instant();
        StoryState next = best == null ? open(article, signature, seen) : join(best, article, signature, seen);
        put(next);
        listener.accept(next);
        return next.toStory();
    }

    private StoryState mostSimilar(int[] signature, double threshold) {
        // candidates in the order their bands name them, each once
        if (++assignment == 0) { // wrapped: forget every mark
            for (int at = 0; at < table.length; at += STRIDE) {
                table[at] &= 0xFFFFFFFF00000000L;
            }
            assignment = 1;
        }
        long[] print = print(signature);
        StoryState best = null;
        double bestSimilarity = threshold;
        int needed = needed(bestSimilarity); // values a candidate must share to be at least as similar as the best
        for (int b = 0; b < BANDS; b++) {
            long band = bandKey(signature, b);
            int inBand = bands.count(band);
            if (inBand == 0) {
                continue;
            }
            int[] bandSlots = bands.slots(band, oneSlot);
            for (int k = 0; k < inBand; k++) {
                int slot = bandSlots[k];
                int at = slot * STRIDE;
                long header = table[at];
                if ((int) header == assignment) {
                    continue;
                }
                table[at] = header & 0xFFFFFFFF00000000L | assignment & 0xFFFFFFFFL;
                int count = (int) (header >> 32);
                StoryState story = count < 0 ? slots[slot].state : null; // else read only if a print passes
                for (int j = 0; j < (count < 0 ? story.signatures().size() : count); j++) {
                    if (count >= 0 && sharedNibbles(print, table, at + 1 + j * PRINT_LONGS) < needed) {
                        continue; // fewer equal nibbles than needed: fewer equal values too
                    }
                    if (story == null) {
                        story = slots[slot].state;
                    }
                    int[] other = story.signatures().get(j);
                    int shared = MinHasher.sharedAtLeast(signature, other, needed);
                    if (shared < 0) {
                        continue; // less similar than the best so far: not better, whatever its age
                    }
                    double similarity = shared / (double) MinHasher.SIZE; // = MinHasher.similarity
                    boolean better = similarity > bestSimilarity || similarity == bestSimilarity
                            && (best == null || story.firstSeen().isBefore(best.firstSeen()));
                    if (better) {
                        best = story;
                        bestSimilarity = similarity;
                        needed = needed(bestSimilarity);
                    }
                }
            }
        }
        return best;
    }

    /** Four bits of each of a signature's values (all its bytes folded), sixteen to a long. */
    static long[] print(int[] signature) {
        long[] print = new long[PRINT_LONGS];
        for (int i = 0; i < MinHasher.SIZE; i++) {
            int v = signature[i];
            v ^= v >>> 16;
            v ^= v >>> 8;
            v ^= v >>> 4;
            print[i >>> 4] |= (v & 0xFL) << ((i & 15) << 2);
        }
        return print;
    }

    /** How many nibbles of {@code print} equal those of the print at {@code at} in {@code prints}. */
    static int sharedNibbles(long[] print, long[] prints, int at) {
        int equal = 0;
        for (int k = 0; k < PRINT_LONGS; k++) {
            long x = print[k] ^ prints[at + k];
            // a nibble of x is zero exactly when its top bit ends up set here (no carry crosses nibbles)
            long zero = ~(((x & 0x7777777777777777L) + 0x7777777777777777L) | x | 0x7777777777777777L);
            equal += Long.bitCount(zero);
        }
        return equal;
    }

    /** Writes the prints of a slot's signatures and their count into its header ({@link #table}). */
    private void writePrints(int slot, List<int[]> signatures) {
        int at = slot * STRIDE;
        int count = signatures.size() > MAX_SIGNATURES ? -1 : signatures.size();
        for (int j = 0; j < Math.max(count, 0); j++) {
            System.arraycopy(print(signatures.get(j)), 0, table, at + 1 + j * PRINT_LONGS, PRINT_LONGS);
        }
        table[at] = (long) count << 32 | table[at] & 0xFFFFFFFFL;
    }

    /** The fewest shared values whose similarity ({@code shared / SIZE}) is at least {@code similarity}. */
    static int needed(double similarity) {
        int needed = 0;
        while (needed < MinHasher.SIZE && needed / (double) MinHasher.SIZE < similarity) {
            needed++;
        }
        return needed;
    }

    private StoryState open(Article article, int[] signature, Instant seen) {
        return new StoryState(article.id(), article.id(), seen, seen, 1, outlet(article), language(article),
                List.of(article.id()), signature == null ? List.of() : List.of(signature), clock.instant());
    }

    private StoryState join(StoryState story, Article article, int[] signature, Instant seen) {
        List<String> outlets = addCapped(story.outlets(), outlet(article), MAX_LISTED);
        List<String> languages = addCapped(story.languages(), language(article), MAX_LISTED);
        List<String> ids = addCapped(story.articleIds(), List.of(article.id()), MAX_ARTICLE_IDS);
        List<int[]> signatures = new ArrayList<>(story.signatures());
        if (signatures.size() >= MAX_SIGNATURES) {
            signatures.remove(1); // keep the first article's, drop the oldest of the rest
        }
        signatures.add(signature);
        Instant last = seen.isAfter(story.lastSeen()) ? seen : story.lastSeen();
        return new StoryState(story.id(), story.firstArticleId(), story.firstSeen(), last, story.articles() + 1,
                outlets, languages, ids, signatures, clock.instant());
    }

    private static List<String> outlet(Article article) {
        return article.source() != null && article.source().domain() != null ? List.of(article.source().domain()) : List.of();
    }

    private static List<String> language(Article article) {
        return article.language() != null ? List.of(article.language()) : List.of();
    }

    private static List<String> addCapped(List<String> list, List<String> more, int cap) {
        if (list.containsAll(more)) {
            return list;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(list);
        all.addAll(more);
        List<String> result = new ArrayList<>(all);
        return result.size() > cap ? result.subList(result.size() - cap, result.size()) : result;
    }

    /** Applies a stored version of a story (a restart's rebuild, or another instance's update); older ones are ignored. */
    public synchronized void apply(StoryState state) {
        Slot slot = stories.get(state.id());
        StoryState current = slot == null ? null : slot.state;
        boolean newer = current == null || state.updated().isAfter(current.updated())
                || state.updated().equals(current.updated()) && state.articles() > current.articles();
        if (!newer) {
            return;
        }
        put(state);
    }

    /** Forgets a story (a tombstone in the store). */
    public synchronized void remove(String storyId) {
        Slot old = stories.remove(storyId);
        if (old != null) {
            unindex(old);
            slots[old.number] = null;
            freeSlots.push(old.number);
        }
    }

    /** Stores a new version of a story, updating the indexes by what changed only. */
    private void put(StoryState state) {
        Slot slot = stories.get(state.id());
        StoryState old = null;
        if (slot == null) {
            slot = new Slot(newSlot(), state);
            slots[slot.number] = slot;
            stories.put(state.id(), slot);
        } else {
            old = slot.state;
            slot.state = state;
        }
        writePrints(slot.number, state.signatures());
        List<int[]> oldSignatures = old == null ? List.of() : old.signatures();
        List<String> oldIds = old == null ? List.of() : old.articleIds();
        for (int[] signature : oldSignatures) {
            if (!containsSignature(state.signatures(), signature)) {
                unindexSignature(slot.number, signature);
            }
        }
        for (int[] signature : state.signatures()) {
            if (!containsSignature(oldSignatures, signature)) {
                for (int b = 0; b < BANDS; b++) {
                    bands.add(bandKey(signature, b), slot.number);
                }
            }
        }
        List<String> ids = state.articleIds();
        int kept = old == null || !idsOwned ? -1 : keptTail(oldIds, ids);
        if (kept < 0) {
            Set<String> idSet = new java.util.HashSet<>(ids);
            oldIds.stream().filter(id -> !idSet.contains(id)).forEach(id -> storyOfArticle.remove(id, state.id()));
            ids.forEach(id -> mapArticle(id, state.id()));
            return;
        }
        // a join: the old ids but the first few dropped by the cap, then the new ones; the kept ones map here already
        int dropped = oldIds.size() - kept;
        for (int k = 0; k < dropped; k++) {
            if (!ids.contains(oldIds.get(k))) {
                storyOfArticle.remove(oldIds.get(k), state.id());
            }
        }
        for (int k = kept; k < ids.size(); k++) {
            mapArticle(ids.get(k), state.id());
        }
    }

    /**
     * How many of {@code oldIds}' last ids begin {@code ids} in the same order (the whole of the old list but its first
     * few: what {@link #join} makes), or -1 when {@code ids} is not such a list.
     */
    private static int keptTail(List<String> oldIds, List<String> ids) {
        if (oldIds.isEmpty()) {
            return 0;
        }
        int first = ids.isEmpty() ? -1 : oldIds.indexOf(ids.get(0));
        if (first < 0) {
            return -1;
        }
        int kept = oldIds.size() - first;
        if (kept > ids.size()) {
            return -1;
        }
        for (int k = 1; k < kept; k++) {
            if (!oldIds.get(first + k).equals(ids.get(k))) {
                return -1;
            }
        }
        return kept;
    }

    /**
     * Maps an article to its story. While no article was ever taken from one open story to another (two versions of
     * stories from different instances naming one article), every article of an open story maps to it, and a join
     * re-maps only its new ids ({@link #put}); after such a move every id is mapped again on every change, as before.
     */
    private void mapArticle(String articleId, String storyId) {
        String previous = storyOfArticle.put(articleId, storyId);
        if (previous != null && !previous.equals(storyId)) {
            idsOwned = false;
        }
    }

    private int newSlot() {
        if (!freeSlots.isEmpty()) {
            return freeSlots.pop();
        }
        if (nextSlot == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
            table = Arrays.copyOf(table, slots.length * STRIDE);
        }
        return nextSlot++;
    }

    private static boolean containsSignature(List<int[]> signatures, int[] signature) {
        for (int[] s : signatures) {
            if (s == signature || Arrays.equals(s, signature)) {
                return true;
            }
        }
        return false;
    }

    private void unindex(Slot slot) {
        slot.state.signatures().forEach(signature -> unindexSignature(slot.number, signature));
        slot.state.articleIds().forEach(id -> storyOfArticle.remove(id, slot.state.id()));
    }

    private void unindexSignature(int slot, int[] signature) {
        for (int b = 0; b < BANDS; b++) {
            bands.remove(bandKey(signature, b), slot);
        }
    }

    /** Closes stories whose last article is older than the window (at most once a minute). */
    private void evictExpired() {
        Instant now = clock.instant();
        if (Duration.between(lastEviction, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastEviction = now;
        Instant cutoff = now.minus(window);
        List<StoryState> expired = stories.values().stream().map(slot -> slot.state)
                .filter(s -> s.lastSeen().isBefore(cutoff)).toList();
        for (StoryState story : expired) {
            remove(story.id());
            listener.accept(closed(story));
        }
    }

    /** The marker the listener receives for a closed story: no articles. */
    static StoryState closed(StoryState story) {
        return new StoryState(story.id(), story.firstArticleId(), story.firstSeen(), story.lastSeen(), 0, List.of(),
                List.of(), List.of(), List.of(), story.updated());
    }

    /** Open stories. */
    public synchronized int size() {
        return stories.size();
    }

    private static long bandKey(int[] signature, int band) {
        long key = band;
        for (int r = 0; r < ROWS; r++) {
            key = key * 0x9E3779B97F4A7C15L + signature[band * ROWS + r];
        }
        return key;
    }
}
