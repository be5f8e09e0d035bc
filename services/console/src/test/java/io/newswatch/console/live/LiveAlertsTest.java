package io.newswatch.console.live;

import io.newswatch.contract.Alert;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveAlertsTest {

    private static Alert alert(String id, String rule) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, Instant.parse("2026-11-17T14:05:00Z"), rule, rule,
                "q", "article-" + id, "https://example.org/" + id, "Title " + id, "Wire", "story", 1, 0, "", null,
                List.of("log"), List.of(), null);
    }

    @Test
    void anAlertIsNewOnceItsLaterRecordsAreStatuses() {
        LiveAlerts alerts = new LiveAlerts(10);
        List<String> received = new ArrayList<>();
        alerts.subscribe(0, live -> received.add(live.alert().id()));
        assertThat(alerts.accept(alert("a", "r"))).isTrue();
        assertThat(alerts.accept(alert("a", "r"))).isFalse(); // the same alert with a delivery status
        assertThat(alerts.accept(alert("b", "r"))).isTrue();
        assertThat(received).containsExactly("a", "b");
        assertThat(alerts.latest()).isEqualTo(2);
    }

    @Test
    void aSubscriberGetsWhatItMissedThenEveryNewAlertWithoutGapsOrRepeats() {
        LiveAlerts alerts = new LiveAlerts(3);
        for (String id : List.of("a", "b", "c", "d")) {
            alerts.accept(alert(id, "r"));
        }
        List<Long> received = new ArrayList<>();
        Runnable cancel = alerts.subscribe(2, live -> received.add(live.sequence()));
        alerts.accept(alert("e", "r"));
        cancel.run();
        alerts.accept(alert("f", "r"));
        assertThat(received).containsExactly(3L, 4L, 5L);
        assertThat(alerts.after(0)).extracting(LiveAlerts.Live::sequence).containsExactly(4L, 5L, 6L);
        assertThat(alerts.subscribers()).isZero();
    }
}
