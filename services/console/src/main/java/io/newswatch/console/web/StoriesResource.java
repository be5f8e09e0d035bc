package io.newswatch.console.web;

import io.newswatch.console.config.ConsoleConfig;
import io.newswatch.console.index.StoryReader;
import io.newswatch.console.service.ServiceException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code /stories}: the largest and the fastest-growing stories of the last 24 hours ({@code ?period=24h}, the
 * default) or 7 days ({@code 7d}), with their outlets and languages, by when newswatch saw their articles.
 */
@Path("/stories")
public class StoriesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stories(StoriesView view);
    }

    /**
     * The page.
     *
     * @param period   "24h" or "7d"
     * @param articles articles seen in the period
     */
    public record StoriesView(String period, String periodLabel, long articles, List<Section> sections,
                              String error) {
    }

    /** A list of stories: the largest, or the fastest-growing. */
    public record Section(String id, String title, String note, boolean growing, List<StoryView> stories) {
    }

    /** A story. */
    public record StoryView(String id, String headline, String headlineId, String source, long inPeriod,
                            long articles, long outlets, List<String> languages, List<String> sources,
                            String first, String last, String lastAgo) {

        public String articlesWord() {
            return articles == 1 ? "article" : "articles";
        }

        public String outletsWord() {
            return outlets == 1 ? "outlet" : "outlets";
        }
    }

    private final StoryReader stories;
    private final ConsoleConfig config;
    private final Clock clock;

    StoriesResource(StoryReader stories, ConsoleConfig config, Clock clock) {
        this.stories = stories;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance stories(@QueryParam("period") String period) {
        boolean week = "7d".equals(period);
        Duration length = week ? Duration.ofDays(7) : Duration.ofHours(24);
        String label = week ? "last 7 days" : "last 24 hours";
        Instant now = clock.instant();
        try {
            StoryReader.Stories found = stories.stories(now, length);
            List<Section> sections = List.of(
                    new Section("largest", "Largest", "most articles in the " + label, false,
                            views(found.largest(), now)),
                    new Section("fastest", "Fastest-growing", "most articles in the last "
                            + Times.duration(found.recent()), true, views(found.fastest(), now)));
            return Templates.stories(new StoriesView(week ? "7d" : "24h", label, found.articles(), sections, null));
        } catch (ServiceException e) {
            return Templates.stories(new StoriesView(week ? "7d" : "24h", label, 0, List.of(),
                    "Stories are unavailable: " + e.getMessage() + "."));
        }
    }

    private List<StoryView> views(List<StoryReader.Story> found, Instant now) {
        return found.stream().map(story -> new StoryView(story.id(),
                story.headline().path("title").asText("(untitled)"), story.headline().path("id").asText(story.id()),
                story.headline().path("source").path("name").asText(""), story.inPeriod(), story.articles(),
                story.outlets(), story.languages(), story.sources(), Times.format(story.first(), config.timeZone()),
                Times.format(story.last(), config.timeZone()), Times.relative(story.last(), now))).toList();
    }
}
