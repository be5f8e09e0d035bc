package io.newswatch.indexer.schema;

import io.newswatch.indexer.bulk.ElasticsearchHttp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloverTest {

    private final List<String> requests = new ArrayList<>();

    private ElasticsearchHttp answering(int status, String body) {
        return (method, path, content, contentType) -> {
            requests.add(method + " " + path + (content == null ? "" : " " + new String(content, StandardCharsets.UTF_8)));
            return new ElasticsearchHttp.Response(path.endsWith("_refresh") ? 200 : status, path.endsWith("_refresh")
                    ? "{}" : body);
        };
    }

    @Test
    void theConditionsAreSentInUnitsElasticsearchReadsExactly() throws IOException {
        Rollover rollover = new Rollover(Duration.ofDays(30), 20L << 30, OptionalLong.of(1_000_000));

        rollover.check(answering(200, "{\"rolled_over\":false}"), "newswatch-articles");

        assertThat(requests).containsExactly("POST /newswatch-articles/_rollover {\"conditions\":{\"max_age\":"
                + "\"2592000s\",\"max_primary_shard_size\":\"21474836480b\",\"max_docs\":1000000}}");
    }

    @Test
    void aRolloverRefreshesTheOldIndexAndNamesTheNewOne() throws IOException {
        Rollover rollover = new Rollover(Duration.ofDays(1), 1L << 30, OptionalLong.empty());

        assertThat(rollover.check(answering(200, "{\"rolled_over\":true,\"old_index\":\"a-000001\","
                + "\"new_index\":\"a-000002\"}"), "a")).contains("a-000002");
        assertThat(requests).hasSize(2).last().isEqualTo("POST /a-000001/_refresh");
    }

    @Test
    void aRefusalIsAnErrorWithElasticsearchsAnswer() {
        Rollover rollover = new Rollover(Duration.ofDays(1), 1L << 30, OptionalLong.empty());

        assertThatThrownBy(() -> rollover.check(answering(400, "{\"error\":\"not an alias\"}"), "a"))
                .hasMessageContaining("not an alias");
    }
}
