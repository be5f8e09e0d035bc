package io.newswatch.rest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    private static final Function<String, String> KEY = Function.identity();

    @Test
    void pagesWalkTheWholeListingOnceInOrder() {
        List<String> all = List.of("delta", "alpha", "echo", "charlie", "bravo");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Paging paging = Paging.of(2, cursor, 100);
            Paging.Page<String> page = paging.page(all, KEY);
            seen.addAll(page.items());
            cursor = page.nextAfter() == null ? null : Paging.cursor(page.nextAfter());
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aPageBoundaryStaysPutWhenItemsComeAndGoBeforeIt() {
        Paging.Page<String> first = Paging.of(2, null, 100).page(List.of("a", "b", "c", "d"), KEY);
        // "a" deleted and "aa" added after the first page was read: the second page still starts after "b"
        Paging.Page<String> second = Paging.of(2, Paging.cursor(first.nextAfter()), 100)
                .page(List.of("aa", "b", "c", "d"), KEY);
        assertThat(second.items()).containsExactly("c", "d");
        assertThat(second.nextAfter()).isNull();
    }

    @Test
    void aFullLastPageSaysNoMore() {
        assertThat(Paging.of(null, null, 3).page(List.of("a", "b", "c"), KEY).nextAfter()).isNull();
        assertThat(Paging.of(null, null, 3).limit()).isEqualTo(3);
    }

    @Test
    void badLimitsAndCursorsAre400sNamingTheField() {
        assertThatThrownBy(() -> Paging.of(0, null, 100)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().field()).isEqualTo("limit"));
        assertThatThrownBy(() -> Paging.of(Paging.MAX_LIMIT + 1, null, 100)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Paging.of(10, "not!base64", 100)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> Paging.of(10, "A".repeat(5000), 100)).isInstanceOf(ApiException.class);
    }
}
