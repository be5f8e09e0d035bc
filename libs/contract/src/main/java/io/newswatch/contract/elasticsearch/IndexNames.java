package io.newswatch.contract.elasticsearch;

/**
 * The Elasticsearch names newswatch writes to. The articles alias points at numbered indices
 * ({@code newswatch-articles-000001}, ...) that the indexer rolls over; the alerts alias likewise.
 *
 * @param articles the articles alias (search and write)
 * @param alerts   the alerts alias
 */
public record IndexNames(String articles, String alerts) {

    public static final IndexNames DEFAULT = new IndexNames("newswatch-articles", "newswatch-alerts");

    /** Names under a prefix, for tests that must not see each other's documents: {@code PREFIX-articles}. */
    public static IndexNames withPrefix(String prefix) {
        return new IndexNames(prefix + "-articles", prefix + "-alerts");
    }

    /** The first concrete index behind an alias. */
    public static String firstIndex(String alias) {
        return alias + "-000001";
    }
}
