package io.newswatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkersTest {

    @Test
    void replacesEveryMarkedPartInOrderAndKeepsTheRest() {
        Map<String, String> slots = Map.of("town", "Varnok", "mayor", "Ilse Drummet");
        assertThat(Markers.replace("{mayor} spoke in {town}, then left {town}.", '{', '}', slots::get))
                .isEqualTo("Ilse Drummet spoke in Varnok, then left Varnok.");
        assertThat(Markers.replace("[a] and [b]", '[', ']', String::toUpperCase)).isEqualTo("A and B");
        assertThat(Markers.replace("no markers", '{', '}', slots::get)).isEqualTo("no markers");
    }

    @Test
    void anUnclosedMarkerIsABugInTheTemplate() {
        assertThatThrownBy(() -> Markers.replace("open {town", '{', '}', name -> "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed");
    }
}
