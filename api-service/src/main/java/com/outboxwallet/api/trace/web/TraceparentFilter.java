package com.outboxwallet.api.trace.web;

import com.outboxwallet.api.trace.RequestTraces;
import com.outboxwallet.tracing.TraceContexts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the caller which span served the request ({@code traceparent} on the answer), so a client can find its
 * request, and the top-up's way through the relay and the ledger, in the trace backend. Runs inside Spring's
 * observation filter ({@code HIGHEST_PRECEDENCE + 1}), whose server span is then current.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TraceparentFilter extends OncePerRequestFilter {

    private final RequestTraces traces;

    TraceparentFilter(RequestTraces traces) {
        this.traces = traces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String served = traces.currentTraceparent();
        if (served != null) {
            response.setHeader(TraceContexts.TRACEPARENT, served);
        }
        chain.doFilter(request, response);
    }
}
