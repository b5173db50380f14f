package com.outboxwallet.problems;

/**
 * The bound on every paged listing of both services: a page number past {@link #LAST_PAGE} is a {@code 400}, so that
 * no request makes the database count off more than {@code LAST_PAGE} × the largest page size rows (an OFFSET scan)
 * before it answers. 1,000 pages are far more than anyone pages through; a listing that deep wants a filter.
 */
public final class Paging {

    public static final int LAST_PAGE = 1000;

    private Paging() {}
}
