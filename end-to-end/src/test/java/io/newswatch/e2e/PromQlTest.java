package io.newswatch.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromQlTest {

    @Test
    void findsTheSelectorsInsideFunctionsAggregationsAndBinaryOperators() {
        List<PromQl.Selector> selectors = PromQl.selectors("sum by (job, topic) (rate(a_total{outcome=\"ok\","
                + " topic=~\".*[.]dlq\"}[$__rate_interval])) / on (job) group_left (x) max without (le) (b_seconds)"
                + " > 0.5 and deriv((sum(c{q!=\"1\"}))[15m:1m]) > 1e3 or d offset 10m unless absent(up{job=\"x\"})");

        assertThat(selectors).extracting(PromQl.Selector::metric).containsExactly("a_total", "b_seconds", "c", "d",
                "up");
        assertThat(selectors.getFirst().matchers()).containsExactly(new PromQl.Matcher("outcome", "=", "ok"),
                new PromQl.Matcher("topic", "=~", ".*[.]dlq"));
        assertThat(selectors.get(2).matchers()).containsExactly(new PromQl.Matcher("q", "!=", "1"));
    }

    @Test
    void aNameMatcherIsTheMetricAndEscapesAreResolved() {
        assertThat(PromQl.selectors("{__name__=\"x_total\", a=\"say \\\"hi\\\"\"}"))
                .containsExactly(new PromQl.Selector("x_total", List.of(new PromQl.Matcher("__name__", "=", "x_total"),
                        new PromQl.Matcher("a", "=", "say \"hi\""))));
    }

    @Test
    void whatItCannotReadIsAnError() {
        assertThatThrownBy(() -> PromQl.selectors("x{a=\"unterminated}")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> PromQl.selectors("x{a ~ \"y\"}")).hasMessageContaining("matcher");
        assertThatThrownBy(() -> PromQl.selectors("{a=\"b\"}")).hasMessageContaining("without a metric name");
    }
}
