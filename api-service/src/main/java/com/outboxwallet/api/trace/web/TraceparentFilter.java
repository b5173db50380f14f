package com.outboxwallet.api.trace.web;

import com.outboxwallet.api.trace.CurrentTrace;
import com.outboxwallet.api.trace.Traceparent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Continues (or starts) the caller's W3C trace for this request and tells the caller which span served it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class TraceparentFilter extends OncePerRequestFilter {

    static final String TRACEPARENT = "traceparent";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Traceparent span = Traceparent.serverSpanOf(request.getHeader(TRACEPARENT));
        response.setHeader(TRACEPARENT, span.toString());
        try (CurrentTrace.Scope ignored = CurrentTrace.set(span)) {
            chain.doFilter(request, response);
        }
    }
}
