package io.newswatch.indexer.schema;

import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.IndexOperation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The alias's older indices are read once per max age, and again at once after this instance's rollover. */
class IndexPlacementTest {

    private static final String ALIAS = "t-articles";
    private final List<String> requests = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private String aliasAnswer = "{\"t-articles-000001\":{\"aliases\":{\"t-articles\":{\"is_write_index\":true}}}}";

    private final ElasticsearchHttp http = (method, path, body, contentType) -> {
        requests.add(method + " " + path);
        if (path.startsWith("/_alias/")) {
            return new ElasticsearchHttp.Response(200, aliasAnswer);
        }
        return new ElasticsearchHttp.Response(200,
                "{\"hits\":{\"hits\":[{\"_id\":\"a\",\"_index\":\"t-articles-000001\"}]}}");
    };

    private List<IndexOperation> batch() {
        return List.of(IndexOperation.throughAlias(ALIAS, "a", 2, "{}".getBytes()),
                IndexOperation.throughAlias(ALIAS, "b", 1, "{}".getBytes()));
    }

    @Test
    void theAliasIsReadOncePerMaxAge() throws Exception {
        IndexPlacement placement = new IndexPlacement(http, true, Duration.ofSeconds(1), now::get);
        placement.place(batch());
        now.addAndGet(Duration.ofMillis(999).toNanos());
        placement.place(batch());
        assertThat(requests).containsExactly("GET /_alias/" + ALIAS);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        placement.place(batch());
        assertThat(requests).containsExactly("GET /_alias/" + ALIAS, "GET /_alias/" + ALIAS);
    }

    @Test
    void aRolloverByThisInstanceIsSeenByTheNextBatch() throws Exception {
        IndexPlacement placement = new IndexPlacement(http, true, Duration.ofMinutes(1), now::get);
        assertThat(placement.place(batch())).extracting(IndexOperation::index).containsOnlyNulls();

        aliasAnswer = "{\"t-articles-000001\":{\"aliases\":{\"t-articles\":{\"is_write_index\":false}}},"
                + "\"t-articles-000002\":{\"aliases\":{\"t-articles\":{\"is_write_index\":true}}}}";
        placement.forget(ALIAS);
        List<IndexOperation> placed = placement.place(batch());

        assertThat(placed).extracting(IndexOperation::index).containsExactly("t-articles-000001", null);
        assertThat(requests).last().asString().startsWith("POST /t-articles-000001/_search");
    }

    @Test
    void maxAgeZeroReadsTheAliasForEveryBatch() throws Exception {
        IndexPlacement placement = new IndexPlacement(http, true, Duration.ZERO, now::get);
        placement.place(batch());
        placement.place(batch());
        assertThat(requests).containsExactly("GET /_alias/" + ALIAS, "GET /_alias/" + ALIAS);
    }
}
