package io.newswatch.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sentences made of short interchangeable parts, so that two stories rarely share three words in a row (the
 * enricher's story clustering compares word three-shingles): each frame ({@code [part]} a choice from a list,
 * {@code {slot}} one of the story's names) has a choice every one or two words. Written for this benchmark. A story
 * draws its sentences once and its articles reuse them, so its own articles do share them.
 */
final class SentenceGrammar {

    private static final List<String> FRAMES = List.of(
            "[Actors] in {place} [said] [time] that {topic} [outcome] [when].",
            "{person} [said] {topic} [outcome], [adding] that [actors] [modal] [action] [when].",
            "[A number of] [actors] [gathered] in {town} [time] [purpose] {topic}.",
            "The [adjective] [report] [from] [showed] [quantity] [period].",
            "[Quote] [quote body],\" {surname} [said] [time].",
            "[Time], [actors] in {town} [said] they [modal] [action] if {topic} [outcome].",
            "Asked about {topic}, {person} [said] [actors] [modal] [action] [when].",
            "[Actors] [said] the [adjective] [report] [showed] [quantity], [adding] that {topic} [outcome].",
            "[Quote] [quote body] [when],\" [said] {expert}, who [follows] {topic}.",
            "The [adjective] [report] on {topic} is [due] [when], [according to] [actors] in {place}.");

    private static final Map<String, List<String>> PARTS = Map.ofEntries(
            Map.entry("said", List.of("said", "confirmed", "insisted", "suggested", "warned", "acknowledged",
                    "argued", "conceded", "stressed", "repeated", "claimed", "predicted")),
            Map.entry("time", List.of("on {day}", "late on {day}", "early on {day}", "this week", "overnight",
                    "at the weekend", "in recent days", "after a long meeting", "in a briefing", "in an interview",
                    "on {day} evening", "before dawn on {day}")),
            Map.entry("outcome", List.of("would resume", "could be delayed", "had been postponed",
                    "was unlikely to change", "would be reviewed", "had stalled again", "might be extended",
                    "was close to agreement", "needed more time", "would go ahead as planned", "faced fresh objections",
                    "had cost more than planned", "was being rethought", "remained in doubt")),
            Map.entry("when", List.of("next week", "before the summer", "within days", "later this month",
                    "by the end of the year", "after the holidays", "in the spring", "once the figures are known",
                    "in early autumn", "before the next vote", "by Christmas", "in a fortnight")),
            Map.entry("modal", List.of("would", "could", "might", "should", "must", "will")),
            Map.entry("action", List.of("return to the table", "review the figures", "publish a full account",
                    "ask for more money", "seek a second opinion", "call for an inquiry", "change course",
                    "wait for the courts", "try again", "look elsewhere", "write to the minister",
                    "hold a public meeting", "go to court", "raise the matter again")),
            Map.entry("adding", List.of("adding", "noting", "saying", "arguing", "warning")),
            Map.entry("A number of", List.of("About {count}00", "Hundreds of", "Dozens of", "Several hundred",
                    "More than {count}00", "A small group of", "Some {count}0", "Nearly {count}00")),
            Map.entry("gathered", List.of("gathered", "marched", "met", "queued", "waited", "assembled",
                    "turned out")),
            Map.entry("purpose", List.of("to protest against", "to show support for", "to hear the latest on",
                    "to ask questions about", "to sign a petition on", "to discuss", "to hear a debate on")),
            Map.entry("adjective", List.of("latest", "long-awaited", "brief", "detailed", "unexpected",
                    "preliminary", "revised", "closely watched", "widely shared", "leaked", "independent", "annual")),
            Map.entry("report", List.of("report", "survey", "review", "audit", "assessment", "memo", "estimate",
                    "briefing paper", "draft", "inquiry")),
            Map.entry("from", List.of("from the ministry", "by the regional council", "by two universities",
                    "from the central bank", "by an industry group", "from the statistics office",
                    "by a parliamentary committee", "by a consumer group", "from the auditors")),
            Map.entry("showed", List.of("showed", "suggested", "found", "pointed to", "confirmed", "recorded")),
            Map.entry("quantity", List.of("a rise of {count} per cent", "a fall of nearly {count}{count2} per cent",
                    "{count}0,000 more cases", "losses of about {count} million euros", "{count2} times the usual number",
                    "a gap of {count}{count2} points", "almost {count}00 complaints", "savings of {count}{count2} million")),
            Map.entry("period", List.of("over the past year", "since 20{count}{count2}", "in the first quarter",
                    "compared with last spring", "in just {count} months", "across the region", "in {count2} years")),
            Map.entry("Quote", List.of("\"We are not going to", "\"Nobody here wants to", "\"It would be a mistake to",
                    "\"We have every reason to", "\"People are tired of having to", "\"There is no need to",
                    "\"We simply cannot", "\"I would urge everyone not to")),
            Map.entry("quote body", List.of("rush this", "pretend nothing happened", "give up now",
                    "wait another year", "take sides", "start again from scratch", "blame {town}",
                    "ignore the warnings", "promise what we cannot deliver", "panic")),
            Map.entry("follows", List.of("follows", "has studied", "has written about", "has campaigned on",
                    "advised on", "has reported on")),
            Map.entry("due", List.of("due", "expected", "promised", "scheduled")),
            Map.entry("according to", List.of("according to", "say", "in the words of")),
            Map.entry("Time", List.of("On {day}", "Late on {day}", "Earlier this week", "Overnight",
                    "At the weekend", "In recent days", "Since then", "Meanwhile")));

    /** Who acts in each desk's stories, and what its stories are about ({@code {slot}}s of the story). */
    private static final Map<String, List<String>> ACTORS = Map.of(
            "security", List.of("diplomats", "ministers", "negotiators", "lawmakers", "envoys", "officials",
                    "opposition deputies", "government advisers", "border officials", "military officers"),
            "world", List.of("diplomats", "ministers", "negotiators", "lawmakers", "envoys", "officials",
                    "opposition deputies", "government advisers", "border officials", "trade delegates"),
            "economy", List.of("investors", "traders", "economists", "bankers", "shareholders", "analysts",
                    "union leaders", "suppliers", "exporters", "small firms"),
            "sport", List.of("supporters", "players", "coaches", "club officials", "season-ticket holders",
                    "pundits", "scouts", "former players"),
            "weather", List.of("residents", "farmers", "forecasters", "emergency crews", "commuters", "hauliers",
                    "insurers", "hospital staff"),
            "science", List.of("researchers", "doctors", "engineers", "students", "reviewers", "funders",
                    "patients", "laboratory staff"),
            "culture", List.of("visitors", "critics", "curators", "artists", "local musicians", "volunteers",
                    "collectors", "organisers"));
    private static final Map<String, List<String>> TOPICS = Map.of(
            "security", List.of("{issue}", "the talks on {issue}", "the situation in {hotspot}"),
            "world", List.of("{issue}", "the talks on {issue}", "the dispute with {hotspot}"),
            "economy", List.of("{company}'s plans", "the {sector} market", "the deal for {company}"),
            "sport", List.of("{club}'s season", "the new stadium for {club}", "the transfer of {player}"),
            "weather", List.of("the flood defences in {town}", "the storm damage in {region}",
                    "the clean-up in {town}"),
            "science", List.of("{science}", "the trial in {town}", "the work on {science}"),
            "culture", List.of("the exhibition at {venue}", "the festival in {town}", "the work of {artist}"));

    private SentenceGrammar() {
    }

    /** A sentence of a story on the desk, with {@code {slot}}s left for the story's names. */
    static String sentence(String desk, SplittableRandom random) {
        String frame = FRAMES.get(random.nextInt(FRAMES.size()));
        return Markers.replace(frame, '[', ']', part -> choice(part, desk, random))
                .replace("{topic}", pick(TOPICS.get(desk), random));
    }

    private static String choice(String part, String desk, SplittableRandom random) {
        if (part.equalsIgnoreCase("actors")) {
            String actors = pick(ACTORS.get(desk), random);
            return Character.isUpperCase(part.charAt(0))
                    ? Character.toUpperCase(actors.charAt(0)) + actors.substring(1) : actors;
        }
        return pick(PARTS.get(part), random);
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
