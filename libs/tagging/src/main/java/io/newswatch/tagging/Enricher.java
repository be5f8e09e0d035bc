package io.newswatch.tagging;

import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Quote;
import io.newswatch.contract.Story;
import io.newswatch.contract.TopicScore;
import io.newswatch.tagging.entity.EntityDictionary;
import io.newswatch.tagging.entity.EntityTagger;
import io.newswatch.tagging.entity.FoundEntity;
import io.newswatch.tagging.kb.KnowledgeBase;
import io.newswatch.tagging.match.Vocabulary;
import io.newswatch.tagging.quote.QuoteExtractor;
import io.newswatch.tagging.text.Boilerplate;
import io.newswatch.tagging.text.LanguageDetector;
import io.newswatch.tagging.text.Tokenizer;
import io.newswatch.tagging.text.Tokens;
import io.newswatch.tagging.topic.Taxonomy;
import io.newswatch.tagging.topic.TopicClassifier;

import java.time.Clock;
import java.util.List;

/**
 * The whole enrichment of one article, as plain code: the service's Kafka handler and the {@code tag} command both
 * call it. Build it once (compiling the knowledge base and taxonomy takes a moment); it is thread-safe, except for
 * the {@link StoryAssigner}, which the caller provides.
 */
public final class Enricher {

    private final Vocabulary vocabulary;
    private final EntityDictionary dictionary;
    private final EntityTagger tagger;
    private final TopicClassifier classifier;
    private final QuoteExtractor quoteExtractor = new QuoteExtractor();
    private final Clock clock;

    public Enricher(KnowledgeBase kb, Taxonomy taxonomy, Clock clock) {
        this.vocabulary = new Vocabulary();
        this.dictionary = new EntityDictionary(kb, vocabulary);
        this.tagger = new EntityTagger(dictionary);
        this.classifier = new TopicClassifier(taxonomy, vocabulary);
        this.clock = clock;
        LanguageDetector.load();
    }

    /**
     * Tags a text.
     *
     * @param text     the text
     * @param titleEnd where its title ends (0 when it has none)
     * @param language the language if known, else null (then it is detected)
     */
    public Tagging tag(String text, int titleEnd, String language) {
        String lang = language != null && !language.isBlank() ? language : LanguageDetector.detect(text);
        Tokens tokens = Tokenizer.tokenize(text, lang);
        for (int i = 0; i < tokens.size() && tokens.start(i) < titleEnd; i++) {
            tokens.mark(i, Tokens.TITLE);
        }
        Boilerplate.mark(tokens);
        Vocabulary.Lookup lookup = vocabulary.lookup(tokens, lang);
        List<FoundEntity> entities = tagger.tag(tokens, lookup, titleEnd, lang);
        List<TopicScore> topics = classifier.classify(tokens, lookup, entities);
        List<Quote> quotes = quoteExtractor.extract(tokens, entities);
        return new Tagging(lang, tokens, entities, topics, quotes);
    }

    /** Enriches an article: tags its full text and assigns its story. */
    public EnrichedArticle enrich(Article article, StoryAssigner stories) {
        return enriched(article, tag(article), stories);
    }

    /** Tags an article's full text (title first), in the language it gives or the one detected. Stateless. */
    public Tagging tag(Article article) {
        return tag(article.fullText(), article.title().length(), article.language());
    }

    /**
     * The enriched article from its tagging (made on any thread): assigns its story, which is not stateless, so
     * call it in the articles' order.
     */
    public EnrichedArticle enriched(Article article, Tagging tagging, StoryAssigner stories) {
        Article withLanguage = article.language() == null && tagging.language() != null
                ? article.withLanguage(tagging.language()) : article;
        Story story = stories.assign(withLanguage, tagging);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, EnrichedArticle.TYPE, article.id(), clock.instant(),
                withLanguage, tagging.entities().stream().map(FoundEntity::toContract).toList(), tagging.topics(),
                story, tagging.quotes());
    }

    /** Sizes of what was compiled, for logs and the benchmark. */
    public String describe() {
        return dictionary.entityCount() + " entities, " + dictionary.aliasCount() + " names, "
                + classifier.size() + " topics, " + vocabulary.size() + " words";
    }

    /** Approximate heap held by the compiled knowledge base and taxonomy, in bytes. */
    public long compiledBytes() {
        return vocabulary.bytes() + dictionary.bytes() + classifier.bytes();
    }
}
