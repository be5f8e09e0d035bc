package io.newswatch.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.console.config.ConsoleConfig;
import io.newswatch.console.index.ArticleReader;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /articles/{id}}: an article with its recognised entities marked by type (each a link to a search for that
 * entity), its topics, quotes with their speakers, the story it belongs to (the other outlets and languages carrying
 * it, when it was first seen), the alerts it raised, and the link to the original.
 */
@Path("/articles")
public class ArticleResource {

    private static final Map<String, String> TYPE_LABELS = typeLabels();
    /** Seconds between looks for an article that is not in the index yet, and for how long the page looks. */
    private static final int LOOK_EVERY = 2;
    private static final int LOOK_FOR = 60;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(ArticleView view);

        static native TemplateInstance pending(String id, String lookAgain, String lookFirst, int every, int lookFor);
    }

    private static Map<String, String> typeLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("PERSON", "People");
        labels.put("ORGANIZATION", "Organizations");
        labels.put("LOCATION", "Places");
        return labels;
    }

    /**
     * The page.
     *
     * @param paragraphs the summary and body, paragraph by paragraph, as safe HTML with entities marked
     * @param titleHtml  the headline, entities marked
     */
    public record ArticleView(String id, String title, String titleHtml, String url, String source, String domain,
                              String author, String published, String fetched, String language,
                              List<String> paragraphs, List<Topic> topics, List<EntityGroup> entities,
                              List<QuoteView> quotes, StoryView story, List<Raised> alerts) {
    }

    /** A topic with its score. */
    public record Topic(String id, String label, String score, String href) {
    }

    /** The entities of one type. */
    public record EntityGroup(String type, String label, List<Named> names) {
    }

    /** An entity and the search for it. */
    public record Named(String name, int mentions, String href) {
    }

    /** A quotation. */
    public record QuoteView(String speaker, String speakerHref, String text) {
    }

    /** The story and its articles. */
    public record StoryView(String id, long articles, long outlets, List<String> languages, String firstSeen,
                            List<Member> members) {
    }

    /** An article of the story. */
    public record Member(String id, String title, String source, String language, String time, boolean current) {
    }

    /** An alert raised on the article. */
    public record Raised(String ruleId, String ruleName, String time) {
    }

    private final ArticleReader articles;
    private final ConsoleConfig config;

    ArticleResource(ArticleReader articles, ConsoleConfig config) {
        this.articles = articles;
        this.config = config;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response article(@PathParam("id") String id, @QueryParam("waited") int waited) {
        ArticleReader.Found found = articles.article(id).orElse(null);
        if (found == null) {
            String self = "/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            String lookAgain = waited + LOOK_EVERY <= LOOK_FOR ? self + "?waited=" + (waited + LOOK_EVERY) : null;
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.pending(id, lookAgain, self, LOOK_EVERY, LOOK_FOR)).build();
        }
        return Response.ok(page(id, found)).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private TemplateInstance page(String id, ArticleReader.Found found) {
        JsonNode doc = found.article();
        List<EntityMarkup.Entity> marked = new ArrayList<>();
        Map<String, List<Named>> byType = new LinkedHashMap<>();
        TYPE_LABELS.keySet().forEach(type -> byType.put(type, new ArrayList<>()));
        for (JsonNode entity : doc.path("entities")) {
            String type = entity.path("type").asText("").toUpperCase(Locale.ROOT);
            String name = entity.path("name").asText("");
            if (name.isBlank() || !byType.containsKey(type)) {
                continue;
            }
            List<String> forms = new ArrayList<>();
            entity.path("forms").forEach(form -> forms.add(form.asText()));
            marked.add(new EntityMarkup.Entity(name, type, forms));
            byType.get(type).add(new Named(name, entity.path("mentions").asInt(0),
                    search(Queries.clause(type.toLowerCase(Locale.ROOT), name))));
        }
        List<EntityGroup> groups = new ArrayList<>();
        byType.forEach((type, names) -> {
            if (!names.isEmpty()) {
                groups.add(new EntityGroup(type.toLowerCase(Locale.ROOT), TYPE_LABELS.get(type), names));
            }
        });
        List<String> paragraphs = new ArrayList<>();
        for (String part : List.of(doc.path("summary").asText(""), doc.path("body").asText(""))) {
            for (String paragraph : part.split("\\n\\s*\\n|\\n")) {
                String html = EntityMarkup.mark(paragraph.strip(), marked);
                if (!html.isEmpty() && !paragraphs.contains(html)) { // a summary often repeats the lead
                    paragraphs.add(html);
                }
            }
        }
        List<Topic> topics = new ArrayList<>();
        for (JsonNode topic : doc.path("topics")) {
            String topicId = topic.path("id").asText("");
            topics.add(new Topic(topicId, topic.path("label").asText(topicId),
                    topic.path("score").isNumber() ? String.format(Locale.ROOT, "%.2f", topic.path("score").asDouble())
                            : "", search(Queries.clause("topic", topicId))));
        }
        if (topics.isEmpty()) {
            doc.path("topic").forEach(topic -> topics.add(new Topic(topic.asText(), topic.asText(), "",
                    search(Queries.clause("topic", topic.asText())))));
        }
        List<QuoteView> quotes = new ArrayList<>();
        for (JsonNode quote : doc.path("quotes")) {
            String speaker = quote.path("speaker").asText("");
            quotes.add(new QuoteView(speaker, speaker.isBlank() ? null : search(Queries.clause("person", speaker)),
                    quote.path("text").asText("")));
        }
        List<Member> members = new ArrayList<>();
        for (JsonNode member : found.story()) {
            String memberId = member.path("id").asText();
            members.add(new Member(memberId, member.path("title").asText("(untitled)"),
                    member.path("source").path("name").asText(member.path("source").path("domain").asText("")),
                    member.path("language").asText(""), time(member.path("fetched")), memberId.equals(id)));
        }
        JsonNode story = doc.path("story");
        StoryView storyView = new StoryView(story.path("id").asText(""), Math.max(found.storyTotal(),
                story.path("articles").asLong(1)), Math.max(found.outlets(), story.path("outlets").asLong(1)),
                found.languages(), time(story.path("first_seen")), members);
        List<Raised> raised = new ArrayList<>();
        for (JsonNode alert : found.alerts()) {
            raised.add(new Raised(alert.path("rule").path("id").asText(""),
                    alert.path("rule").path("name").asText(alert.path("rule").path("id").asText("")),
                    time(alert.path("timestamp"))));
        }
        String title = doc.path("title").asText("(untitled)");
        JsonNode source = doc.path("source");
        return Templates.article(new ArticleView(id, title, EntityMarkup.mark(title, marked),
                Redaction.url(doc.path("url").asText("")), source.path("name").asText(""),
                source.path("domain").asText(""), doc.path("author").asText(""), time(doc.path("published")),
                time(doc.path("fetched")), doc.path("language").asText(""), paragraphs, topics, groups, quotes,
                storyView, raised));
    }

    private String time(JsonNode value) {
        try {
            return value.isTextual() ? Times.format(Instant.parse(value.asText()), config.timeZone()) : "";
        } catch (java.time.format.DateTimeParseException e) {
            return value.asText();
        }
    }

    private static String search(String query) {
        return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
