package io.newswatch.indexer.retention;

import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.stack.StackSetup;
import io.newswatch.stack.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexer's own deletion on the local stack's Elasticsearch (which has no ILM), with a retention of five
 * minutes: exactly the indices rolled over more than five minutes before "now" are deleted, never the write index,
 * never an index whose rollover Elasticsearch has no record of, never another alias's. "Now" is set by the test, so
 * that rollovers a few milliseconds apart fall on either side of the period.
 */
class IndexRetentionIT {

    private static final Duration PERIOD = Duration.ofMinutes(5);

    private TestStack stack;
    private StackSetup setup;
    private ElasticsearchHttp http;
    private String alias;

    @BeforeEach
    void reserve() {
        stack = TestStack.reserve();
        setup = stack.stack().setup();
        http = (method, path, body, contentType) -> {
            ElasticsearchSchema.Response response = setup.send(method, path,
                    body == null ? null : new String(body, StandardCharsets.UTF_8));
            return new ElasticsearchHttp.Response(response.status(), response.body());
        };
        alias = stack.indices().articles();
    }

    @AfterEach
    void release() {
        stack.release();
    }

    @Test
    void deletesExactlyTheIndicesRolledOverLongerAgoThanThePeriod() throws Exception {
        Instant before = Instant.now();
        for (int i = 0; i < 3; i++) {
            rollOver(alias);
            Thread.sleep(500); // Elasticsearch's clock for these times ticks every 200 ms: keep the rollovers apart
        }
        rollOver(stack.indices().alerts());
        Instant after = Instant.now();
        AliasIndices reader = new AliasIndices(http);
        List<AliasIndex> indices = reader.read(alias);
        assertThat(indices).extracting(AliasIndex::name).containsExactly(alias + "-000001", alias + "-000002",
                alias + "-000003", alias + "-000004");
        assertThat(indices).extracting(AliasIndex::writeIndex).containsExactly(false, false, false, true);
        // Elasticsearch's cached clock may lag this JVM's by a few hundred milliseconds
        assertThat(indices.subList(0, 3)).allSatisfy(index -> assertThat(index.rolledOver()).hasValueSatisfying(t ->
                assertThat(t).isBetween(before.minusSeconds(1), after.plusSeconds(1))));
        Instant secondRollover = indices.get(1).rolledOver().orElseThrow();
        RetentionPolicy policy = new RetentionPolicy(alias, PERIOD);
        IndexerDeletion deletion = new IndexerDeletion(http);

        List<String> deleted = deletion.apply(policy, indices, secondRollover.plus(PERIOD).plusMillis(1));

        assertThat(deleted).containsExactly(alias + "-000001", alias + "-000002");
        assertThat(reader.read(alias)).extracting(AliasIndex::name)
                .containsExactly(alias + "-000003", alias + "-000004");
        assertThat(setup.send("HEAD", "/" + alias + "-000001", null).status()).isEqualTo(404);
        assertThat(setup.send("HEAD", "/" + stack.indices().alerts() + "-000001", null).status())
                .as("the alerts alias has a retention of its own").isEqualTo(200);

        // A year later: the last rolled-over index goes; the write index, created long before, stays.
        deleted = deletion.apply(policy, reader.read(alias), after.plus(Duration.ofDays(365)));

        assertThat(deleted).containsExactly(alias + "-000003");
        assertThat(reader.read(alias)).extracting(AliasIndex::name).containsExactly(alias + "-000004");
    }

    @Test
    void anIndexAddedToTheAliasByHandIsKeptForItCannotBeDated() throws Exception {
        String added = alias + "-restored";
        expectOk(setup.send("PUT", "/" + added, "{\"aliases\":{\"" + alias + "\":{}}}"));
        AliasIndices reader = new AliasIndices(http);

        List<String> deleted = new IndexerDeletion(http).apply(new RetentionPolicy(alias, PERIOD),
                reader.read(alias), Instant.now().plus(Duration.ofDays(3650)));

        assertThat(deleted).isEmpty();
        assertThat(reader.read(alias)).extracting(AliasIndex::name).containsExactly(alias + "-000001", added);
    }

    @Test
    void anAliasThatDoesNotExistHasNoIndices() throws IOException {
        assertThat(new AliasIndices(http).read(alias + "-none")).isEmpty();
    }

    private void rollOver(String name) throws IOException {
        expectOk(setup.send("POST", "/" + name + "/_rollover", null));
    }

    private static void expectOk(ElasticsearchSchema.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
