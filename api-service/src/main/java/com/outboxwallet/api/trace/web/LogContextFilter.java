package com.outboxwallet.api.trace.web;

import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.trace.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated caller's id into the log context for the rest of the request, and clears the request's ids
 * when it ends (a pooled thread must not lend them to the next request). Runs after Spring Security's filters (this
 * filter has the default, lowest order), when the caller is known.
 */
@Component
class LogContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof WalletUser user) {
            LogContext.user(user.id());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.clear();
        }
    }
}
