package com.outboxwallet.problems;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a listing: the one shape of every paged listing of both services' APIs, so that a client pages through
 * top-ups, users, ledger lines and audit rows the same way. A page past the last is empty, with the same total.
 *
 * @param content       the page's items, in the listing's order
 * @param page          the page's number, from 0 (at most {@link Paging#LAST_PAGE})
 * @param size          the most items a page holds
 * @param totalElements the items of all pages together
 */
public record Page<T>(
        List<T> content,
        @Schema(example = "0") int page,
        @Schema(example = "50") int size,
        @Schema(example = "1") long totalElements) {

    public Page {
        content = List.copyOf(content);
    }
}
