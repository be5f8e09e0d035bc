package io.newswatch.rest;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Paging of a listing ({@code GET /feeds}, {@code /rules}, {@code /alerts}): {@code ?limit=N&cursor=C}. The body stays
 * a JSON array (clients that read one page keep working); when more follow, the answer says where in a {@code Link}
 * header ({@code rel="next"}, RFC 8288, as GitHub's API does) and in {@code X-Next-Cursor}. The cursor is opaque to
 * clients: the sort key of the last item sent, so a page boundary stays put when items are added or removed
 * elsewhere (keyset paging, not offsets).
 *
 * @param limit  items per page
 * @param after  the sort key after which this page starts, or null for the first page
 */
public record Paging(int limit, String after) {

    /** Header with the next page's cursor, when there is one. */
    public static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";
    /** The longest page anyone gets. */
    public static final int MAX_LIMIT = 1000;
    private static final int MAX_CURSOR = 4096;

    /**
     * Reads the query parameters.
     *
     * @param limit        {@code limit}, or null for the default
     * @param cursor       {@code cursor}, or null for the first page
     * @param defaultLimit items per page when none is asked for
     * @throws ApiException 400 when either is not valid
     */
    public static Paging of(Integer limit, String cursor, int defaultLimit) {
        int size = limit == null ? defaultLimit : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "limit is between 1 and " + MAX_LIMIT);
        }
        if (cursor == null || cursor.isEmpty()) {
            return new Paging(size, null);
        }
        if (cursor.length() > MAX_CURSOR) {
            throw ApiException.badRequest("cursor", "not a cursor this service gave out");
        }
        try {
            return new Paging(size, new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor", "not a cursor this service gave out");
        }
    }

    /** The cursor that starts after an item with this sort key. */
    public static String cursor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** One page and the sort key of its last item when more follow (null on the last page). */
    public record Page<T>(List<T> items, String nextAfter) {
    }

    /**
     * The page of a whole listing: the items whose sort key comes after {@link #after}, in sort-key order, at most
     * {@link #limit}. For listings held in memory (feeds, rules); a listing from a search pages in its query.
     */
    public <T> Page<T> page(List<T> all, Function<T, String> sortKey) {
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(sortKey));
        List<T> items = new ArrayList<>(Math.min(limit, sorted.size()));
        boolean more = false;
        for (T item : sorted) {
            if (after != null && sortKey.apply(item).compareTo(after) <= 0) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(item);
        }
        return new Page<>(items, more ? sortKey.apply(items.get(items.size() - 1)) : null);
    }

    /**
     * 200 with the page's items as the body, and the next page's address when there is one. A typed answer, so that
     * the OpenAPI description shows the items' schema.
     */
    public <T> RestResponse<List<T>> respond(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> answer = RestResponse.ResponseBuilder.ok(page.items());
        if (page.nextAfter() != null) {
            String next = cursor(page.nextAfter());
            answer.header(NEXT_CURSOR_HEADER, next).link(uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", next).replaceQueryParam("limit", limit).build(), "next");
        }
        return answer.build();
    }
}
