package io.newswatch.indexer.kafka;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching stops once every worker holds a batch and starts again once half are free, one call per change. */
class FetchGateTest {

    private final List<String> calls = new ArrayList<>();
    private final FetchGate.Partitions partitions = new FetchGate.Partitions() {
        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }
    };

    @Test
    void pausesWhenEveryWorkerIsBusyAndResumesWhenHalfAreFree() {
        FetchGate gate = new FetchGate(partitions, 8);
        for (int i = 0; i < 7; i++) {
            gate.started();
        }
        assertThat(calls).isEmpty();
        gate.started();
        assertThat(calls).containsExactly("pause");
        assertThat(gate.paused()).isTrue();

        // a finished batch whose worker takes the next queued one at once: still paused, and paused again in case
        // the connector resumed the partitions meanwhile
        gate.finished();
        gate.started();
        assertThat(calls).containsExactly("pause", "pause");
        gate.finished();
        gate.finished();
        gate.finished();
        assertThat(calls).containsExactly("pause", "pause");
        assertThat(gate.pauses()).isEqualTo(1);

        gate.finished(); // four in flight: half the workers free
        assertThat(calls).containsExactly("pause", "pause", "resume");
        assertThat(gate.paused()).isFalse();

        gate.finished();
        gate.started();
        assertThat(calls).containsExactly("pause", "pause", "resume");
    }

    @Test
    void aSingleWorkerPausesWhileItHoldsABatch() {
        FetchGate gate = new FetchGate(partitions, 1);
        gate.started();
        gate.finished();
        gate.started();
        assertThat(calls).containsExactly("pause", "resume", "pause");
        assertThat(gate.pauses()).isEqualTo(2);
    }

    @Test
    void refusesNoWorkers() {
        assertThatThrownBy(() -> new FetchGate(partitions, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
