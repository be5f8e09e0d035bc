package io.newswatch.alerter.match;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.io.Reader;
import java.util.List;

/**
 * How article fields and rule queries are cut into words, identically on both sides so that a rule matches however
 * the article writes a name.
 *
 * <ul>
 *   <li>Words as Unicode defines them (UAX#29): hyphens, slashes and dashes separate, so {@code "NATO-Russia Council"}
 *       is the phrase nato, russia, council and matches "NATO Russia Council".</li>
 *   <li>Case-insensitive, and diacritic-insensitive by the folding all services share ({@code libs/text-folding},
 *       see {@code docs/text-folding.md}): {@code Đ} folds to {@code dj} (the spelling English-language media use:
 *       {@code Djukanovic} for {@code Đukanović}) rather than to a bare {@code D}.</li>
 *   <li>An English possessive ({@code Montenegro’s}) and a French or Italian elision ({@code l’OTAN}) do not hide the
 *       word.</li>
 *   <li>A Cyrillic word is also read in its Latin spellings ({@code Лавров} as {@code lavrov} and {@code lawrow},
 *       {@code Вучић} as {@code vucic}, {@code Шойгу} as {@code shoygu} and {@code shoigu}), a word with umlauts also
 *       with their digraphs: see {@link FoldingFilter}.</li>
 *   <li>Topic ids and the language code are single values ({@code western-balkans}, {@code en}), lowercased, a
 *       space read as a hyphen.</li>
 * </ul>
 *
 * Wildcard, prefix and fuzzy terms of a query are not analysed but normalised the same way (lowercase, folding).
 */
public final class ArticleAnalyzer extends Analyzer {

    /** Shared instance; analyzers are thread-safe. */
    public static final ArticleAnalyzer INSTANCE = new ArticleAnalyzer();

    /** Between two values of one field (two entity names), so that a phrase never spans both. */
    static final int VALUE_POSITION_GAP = 100;

    /** Codes are hyphenated ({@code western-balkans}); {@code topic:"Western Balkans"} means the same. */
    private static final NormalizeCharMap CODE_SPACES;
    private static final CharArraySet ELISIONS = new CharArraySet(List.of(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
            "dell", "dall", "nell", "sull", "all", "un", "quest", "quell"), true);

    static {
        NormalizeCharMap.Builder spaces = new NormalizeCharMap.Builder();
        spaces.add(" ", "-");
        CODE_SPACES = spaces.build();
    }

    private ArticleAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return ArticleFields.isKeyword(fieldName) ? new MappingCharFilter(CODE_SPACES, reader) : reader;
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return initReader(fieldName, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        if (ArticleFields.isKeyword(fieldName)) {
            Tokenizer keyword = new KeywordTokenizer();
            return new TokenStreamComponents(keyword, fold(keyword));
        }
        Tokenizer words = new StandardTokenizer();
        TokenStream stream = new ElisionFilter(words, ELISIONS);
        stream = new FoldingFilter(new EnglishPossessiveFilter(stream), true);
        return new TokenStreamComponents(words, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return fold(in);
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_POSITION_GAP;
    }

    private static TokenStream fold(TokenStream in) {
        return new FoldingFilter(in, false);
    }
}
