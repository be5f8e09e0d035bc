package io.newswatch.enricher.story;

/** The story texts, for tests in other packages. */
public final class StoryTextsAccess {

    private StoryTextsAccess() {
    }

    public static String wireTitle() {
        return StoryTexts.WIRE_TITLE;
    }

    public static String wire() {
        return StoryTexts.WIRE;
    }

    public static String copyTitle() {
        return StoryTexts.COPY_TITLE;
    }

    public static String copy() {
        return StoryTexts.COPY;
    }
}
