package io.newswatch.tagging.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HashFilterTest {

    private static long hash(String word) {
        return Tokenizer.hash(word.toCharArray(), 0, word.length());
    }

    /** Made-up words of 4 to 9 lower-case letters, all different. */
    private static List<String> words(int count, long seed) {
        Random random = new Random(seed);
        Set<String> words = new HashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder();
            for (int k = 4 + random.nextInt(6); k > 0; k--) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        return new ArrayList<>(words);
    }

    @Test
    void everyAddedHashMayBeContained() {
        for (int count : new int[] {1, 60, 4_000, 70_000}) {
            long[] filter = HashFilter.forCount(count);
            Random random = new Random(count);
            long[] hashes = new long[count];
            for (int k = 0; k < count; k++) {
                hashes[k] = random.nextLong();
                HashFilter.add(filter, hashes[k]);
            }
            for (long hash : hashes) {
                assertThat(HashFilter.mayContain(filter, hash)).isTrue();
            }
        }
    }

    @Test
    void fewOtherHashesPassWhenSizedForTheCount() {
        List<String> words = words(8_000, 1);
        long[] filter = HashFilter.forCount(4_000);
        words.subList(0, 4_000).forEach(word -> HashFilter.add(filter, hash(word)));
        long passed = words.subList(4_000, 8_000).stream().filter(word -> HashFilter.mayContain(filter, hash(word)))
                .count();
        assertThat(passed).as("false maybes of 4,000 words not added").isLessThan(160);
    }

    @Test
    void aWordsCaseFormsWithAnotherLastLetterAreMostlyRejected() {
        // FNV-1a's top bits hardly depend on the last letter: a filter on them passed "moskvy" for "moskva"
        List<String> words = words(4_000, 2);
        Set<String> added = new HashSet<>(words);
        long[] filter = HashFilter.forCount(words.size());
        words.forEach(word -> HashFilter.add(filter, hash(word)));
        int asked = 0;
        int passed = 0;
        for (String word : words) {
            for (char last : "aeiouy".toCharArray()) {
                String form = word.substring(0, word.length() - 1) + last;
                if (!added.contains(form)) {
                    asked++;
                    passed += HashFilter.mayContain(filter, hash(form)) ? 1 : 0;
                }
            }
        }
        assertThat(passed).as("%d of %d case forms passed", passed, asked).isLessThan(asked / 25);
    }

    @Test
    void aFullFilterStillSaysYesToWhatItHolds() {
        long[] filter = HashFilter.ofBits(10);
        List<String> words = words(5_000, 3);
        words.forEach(word -> HashFilter.add(filter, hash(word)));
        assertThat(words).allMatch(word -> HashFilter.mayContain(filter, hash(word)));
        assertThat(filter.length * 64).isEqualTo(1024);
    }

    @Test
    void sizesArePowersOfTwoWithinBounds() {
        assertThat(HashFilter.forCount(0).length * 64).isEqualTo(1024);
        assertThat(HashFilter.forCount(64).length * 64).isEqualTo(1024);
        assertThat(HashFilter.forCount(65).length * 64).isEqualTo(2048);
        assertThat(HashFilter.forCount(3_971).length * 64).isEqualTo(65_536);
        assertThatThrownBy(() -> HashFilter.ofBits(9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashFilter.ofBits(31)).isInstanceOf(IllegalArgumentException.class);
    }
}
