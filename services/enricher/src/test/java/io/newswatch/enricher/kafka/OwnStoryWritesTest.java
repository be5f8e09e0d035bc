package io.newswatch.enricher.kafka;

import io.newswatch.contract.Json;
import io.newswatch.enricher.story.StoryState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A story state read back is recognised as this process' own write only when its value is the bytes written. */
class OwnStoryWritesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00.125Z");

    @Test
    void theValueWrittenIsTheStateWrittenOnceAndDecodesToIt() {
        OwnStoryWrites writes = new OwnStoryWrites();
        StoryState state = state("story-1", 3, "münchen.example");
        byte[] value = Json.encodeBytes(state);
        writes.written(state, value);
        String readBack = new String(value, StandardCharsets.UTF_8);

        assertThat(writes.readBack("story-1", readBack)).isSameAs(state);
        assertThat(Json.decode(readBack, StoryState.class)).usingRecursiveComparison().isEqualTo(state);
        assertThat(writes.readBack("story-1", readBack)).as("taken once").isNull();
        assertThat(writes.size()).isZero();
    }

    @Test
    void anyOtherValueIsDecodedAsBefore() {
        OwnStoryWrites writes = new OwnStoryWrites();
        StoryState first = state("story-1", 3, "a.example");
        StoryState second = state("story-1", 4, "a.example");
        byte[] firstValue = Json.encodeBytes(first);
        writes.written(first, firstValue);
        writes.written(second, Json.encodeBytes(second));
        // an older write of this process: the same length, one digit apart
        assertThat(writes.readBack("story-1", new String(firstValue, StandardCharsets.UTF_8))).isNull();
        // another instance's state of the story, and a state of a story never written here
        assertThat(writes.readBack("story-1", Json.encode(state("story-1", 4, "b.example")))).isNull();
        assertThat(writes.readBack("story-2", Json.encode(state("story-2", 1, "a.example")))).isNull();
        assertThat(writes.readBack("story-1", Json.encode(second))).isSameAs(second);

        writes.written(first, firstValue);
        writes.closed("story-1");
        assertThat(writes.readBack("story-1", new String(firstValue, StandardCharsets.UTF_8))).as("after its tombstone").isNull();
    }

    @Test
    void textAndBytesCompareAsUtf8() {
        for (String text : List.of("", "{}", "{\"a\":\"ü\"}", "{\"a\":\"\uD83D\uDE00\"}", "ü", "abc")) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertThat(OwnStoryWrites.sameText(text, utf8)).as(text).isTrue();
            for (String other : List.of("", "{}", "{\"a\":\"ü\"}", "{\"a\":\"ý\"}", "{\"a\":\"\uD83D\uDE01\"}", "abd", "ab")) {
                assertThat(OwnStoryWrites.sameText(other, utf8)).as(other + " against " + text).isEqualTo(other.equals(text));
            }
        }
    }

    private static StoryState state(String id, int articles, String outlet) {
        return new StoryState(id, id, T0, T0.plusSeconds(articles), articles, List.of(outlet), List.of("de"),
                List.of(id, "article-" + articles), List.of(new int[]{1, -2, articles}), T0.plusMillis(articles));
    }
}
