package io.newswatch.alerter.backtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerter.match.ArticleFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Translates a rule's compiled query into an Elasticsearch query over the articles index (the fields of
 * {@code deploy/elasticsearch/newswatch-articles.index-template.json}) that finds at least every article the rule
 * would match: the candidates, which the backtest then checks one by one with the live matcher. The index analyses
 * differently (folded text in {@code text_folded} with the standard analyzer, names as exact keywords), so the
 * translation errs on the side of more:
 *
 * <ul>
 *   <li>{@link #over} finds a superset of the query's matches, {@link #under} a subset; a NOT takes the subset of
 *       what it excludes, so that the whole stays a superset.</li>
 *   <li>Words of title, body and the default field search {@code text_folded} (title, summary and body folded to
 *       ASCII); a possessive or an elision the index kept in the word ({@code montenegro's}, {@code l'otan}) is
 *       accepted too.</li>
 *   <li>Words of entity and source fields become regular expressions over the keyword names that accept any
 *       spelling folding to the word ({@code Đukanović} for {@code djukanovic}).</li>
 *   <li>Topic and language ids are exact, case-insensitive keyword terms.</li>
 *   <li>A Cyrillic word of the query stands with its Latin spellings: any of them will do.</li>
 *   <li>Anything else becomes match-all (over) or match-none (under): still correct, only slower.</li>
 * </ul>
 */
public final class CandidateQuery {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String TEXT_FOLDED = "text_folded";
    private static final Map<String, List<String>> KEYWORD_NAMES = Map.of(
            ArticleFields.ENTITY, List.of("entity"),
            ArticleFields.PERSON, List.of("person"),
            ArticleFields.ORGANIZATION, List.of("organization"),
            ArticleFields.LOCATION, List.of("location"),
            ArticleFields.SOURCE, List.of("source.name", "source.domain"));
    /**
     * The entity's other names, which live matching accepts in every entity field. They are stored for all types
     * together ({@code entities} is not nested), so they widen the superset and never enter the subset.
     */
    private static final String VARIANTS = "entities.variants";
    private static final Map<String, String> IDS = Map.of(ArticleFields.TOPIC, "topic",
            ArticleFields.LANGUAGE, "language", ArticleFields.ENTITY_ID, "entities.id");

    private CandidateQuery() {
    }

    /** A query matching at least every article {@code query} matches. */
    public static ObjectNode over(Query query) {
        return translate(query, true);
    }

    /** A query matching only articles {@code query} matches (possibly fewer). */
    public static ObjectNode under(Query query) {
        return translate(query, false);
    }

    private static ObjectNode translate(Query query, boolean over) {
        return switch (query) {
            case BoostQuery boost -> translate(boost.getQuery(), over);
            case ConstantScoreQuery constant -> translate(constant.getQuery(), over);
            case MatchAllDocsQuery all -> matchAll();
            case MatchNoDocsQuery none -> matchNone();
            case BooleanQuery bool -> bool(bool, over);
            case TermQuery term -> term(term.getTerm(), over);
            case SynonymQuery synonyms -> should(synonyms.getTerms().stream().map(t -> term(t, over))
                    .toArray(ObjectNode[]::new));
            case MultiPhraseQuery phrase -> over ? all(Arrays.stream(phrase.getTermArrays())
                    .map(alternatives -> should(Arrays.stream(alternatives).map(t -> term(t, true))
                            .toArray(ObjectNode[]::new))).toList()) : matchNone();
            case PhraseQuery phrase -> phrase(phrase, over);
            case WildcardQuery wildcard -> wildcard(wildcard.getField(), wildcard.getTerm().text(), over);
            case PrefixQuery prefix -> wildcard(prefix.getField(), escapeWildcard(prefix.getPrefix().text()) + "*",
                    over);
            case FuzzyQuery fuzzy -> fuzzy(fuzzy, over);
            case RegexpQuery regexp -> regexp(regexp, over);
            default -> over ? matchAll() : matchNone();
        };
    }

    private static ObjectNode bool(BooleanQuery query, boolean over) {
        ObjectNode bool = JSON.objectNode();
        for (BooleanClause clause : query.clauses()) {
            String occur = switch (clause.occur()) {
                case MUST -> "must";
                case FILTER -> "filter";
                case SHOULD -> "should";
                case MUST_NOT -> "must_not";
            };
            // What a NOT excludes must be the part we are sure of, or matches would be lost.
            boolean side = clause.occur() == BooleanClause.Occur.MUST_NOT ? !over : over;
            bool.withArray(occur).add(translate(clause.query(), side));
        }
        if (query.getMinimumNumberShouldMatch() > 0) {
            bool.put("minimum_should_match", query.getMinimumNumberShouldMatch());
        }
        return wrap("bool", bool);
    }

    private static ObjectNode term(Term term, boolean over) {
        String field = term.field();
        String text = term.text();
        if (IDS.containsKey(field)) {
            return caseInsensitive("term", IDS.get(field), text);
        }
        if (KEYWORD_NAMES.containsKey(field)) {
            return over ? anyOf(field, FoldedPattern.phrase(List.of(text)))
                    : anyField(field, name -> caseInsensitive("term", name, text));
        }
        if (over) {
            // the index keeps possessives and elisions inside the word: montenegro's, l'otan
            return should(caseInsensitive("term", TEXT_FOLDED, text),
                    caseInsensitive("term", TEXT_FOLDED, text + "'s"),
                    caseInsensitive("wildcard", TEXT_FOLDED, "*'" + escapeWildcard(text)));
        }
        if (field.equals(ArticleFields.TEXT)) {
            return caseInsensitive("term", TEXT_FOLDED, text);
        }
        // Only unfolded fields hold a title or body word alone; an ASCII word there is the same word.
        return field.equals(ArticleFields.TITLE) ? caseInsensitive("term", "title", text)
                : should(caseInsensitive("term", "summary", text), caseInsensitive("term", "body", text));
    }

    private static ObjectNode phrase(PhraseQuery phrase, boolean over) {
        Term[] terms = phrase.getTerms();
        if (terms.length == 0) {
            return over ? matchAll() : matchNone();
        }
        String field = terms[0].field();
        List<String> words = Arrays.stream(terms).map(Term::text).toList();
        if (KEYWORD_NAMES.containsKey(field)) {
            if (!over) {
                return anyField(field, name -> caseInsensitive("term", name, String.join(" ", words)));
            }
            return phrase.getSlop() == 0 ? anyOf(field, FoldedPattern.phrase(words))
                    : all(words.stream().map(w -> anyOf(field, FoldedPattern.phrase(List.of(w)))).toList());
        }
        if (IDS.containsKey(field)) {
            return over ? matchAll() : matchNone();
        }
        if (!over) {
            ObjectNode match = JSON.objectNode();
            match.put("query", String.join(" ", words));
            match.put("slop", phrase.getSlop());
            return wrap("match_phrase", wrap(TEXT_FOLDED, match));
        }
        ObjectNode all = JSON.objectNode();
        all.put("ordered", phrase.getSlop() == 0);
        all.put("max_gaps", phrase.getSlop());
        ArrayNode intervals = all.putArray("intervals");
        for (String word : words) {
            ArrayNode anyOf = JSON.arrayNode();
            anyOf.add(wrap("match", JSON.objectNode().put("query", word)));
            anyOf.add(wrap("match", JSON.objectNode().put("query", word + "'s")));
            intervals.add(wrap("any_of", JSON.objectNode().set("intervals", anyOf)));
        }
        return wrap("intervals", wrap(TEXT_FOLDED, wrap("all_of", all)));
    }

    private static ObjectNode wildcard(String field, String pattern, boolean over) {
        if (IDS.containsKey(field)) {
            return caseInsensitive("wildcard", IDS.get(field), pattern);
        }
        if (KEYWORD_NAMES.containsKey(field)) {
            return over ? anyOf(field, FoldedPattern.wildcard(pattern)) : matchNone();
        }
        ObjectNode exact = caseInsensitive("wildcard", TEXT_FOLDED, pattern);
        return over && !pattern.endsWith("*") ? should(exact, caseInsensitive("wildcard", TEXT_FOLDED, pattern + "'s"))
                : exact;
    }

    private static ObjectNode fuzzy(FuzzyQuery fuzzy, boolean over) {
        String field = fuzzy.getTerm().field();
        if (!ArticleFields.TEXT_FIELDS.contains(field)) {
            return over ? matchAll() : matchNone();
        }
        ObjectNode settings = JSON.objectNode();
        settings.put("value", fuzzy.getTerm().text());
        settings.put("fuzziness", fuzzy.getMaxEdits());
        settings.put("prefix_length", fuzzy.getPrefixLength());
        settings.put("transpositions", fuzzy.getTranspositions());
        ObjectNode query = wrap("fuzzy", wrap(TEXT_FOLDED, settings));
        return over || field.equals(ArticleFields.TEXT) ? query : matchNone();
    }

    private static ObjectNode regexp(RegexpQuery regexp, boolean over) {
        String field = regexp.getField();
        if (!ArticleFields.TEXT_FIELDS.contains(field)) {
            return over ? matchAll() : matchNone();
        }
        ObjectNode query = caseInsensitive("regexp", TEXT_FOLDED, regexp.getRegexp().text());
        return over || field.equals(ArticleFields.TEXT) ? query : matchNone();
    }

    /** A regular expression over each keyword field the query field stands for. */
    private static ObjectNode anyOf(String field, String pattern) {
        ObjectNode names = anyField(field, name -> caseInsensitive("regexp", name, pattern));
        return ArticleFields.ENTITY_FIELDS.contains(field)
                ? should(names, caseInsensitive("regexp", VARIANTS, pattern)) : names;
    }

    private static ObjectNode anyField(String field, java.util.function.Function<String, ObjectNode> query) {
        List<String> names = KEYWORD_NAMES.get(field);
        return names.size() == 1 ? query.apply(names.getFirst())
                : should(names.stream().map(query).toArray(ObjectNode[]::new));
    }

    private static ObjectNode caseInsensitive(String type, String field, String value) {
        ObjectNode settings = JSON.objectNode();
        settings.put("value", value);
        settings.put("case_insensitive", true);
        return wrap(type, wrap(field, settings));
    }

    private static ObjectNode should(ObjectNode... queries) {
        ObjectNode bool = JSON.objectNode();
        ArrayNode should = bool.putArray("should");
        for (ObjectNode query : queries) {
            should.add(query);
        }
        bool.put("minimum_should_match", 1);
        return wrap("bool", bool);
    }

    private static ObjectNode all(List<ObjectNode> queries) {
        ObjectNode bool = JSON.objectNode();
        ArrayNode must = bool.putArray("filter");
        queries.forEach(must::add);
        return wrap("bool", bool);
    }

    private static ObjectNode matchAll() {
        return wrap("match_all", JSON.objectNode());
    }

    private static ObjectNode matchNone() {
        return wrap("match_none", JSON.objectNode());
    }

    private static ObjectNode wrap(String name, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode node = JSON.objectNode();
        node.set(name, value);
        return node;
    }

    private static String escapeWildcard(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
