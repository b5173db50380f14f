package com.outboxwallet.api.web;

import com.outboxwallet.api.auth.CredentialRevocations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web page session whose user was disabled or re-passworded after logging in: the session held a principal the
 * login verified, which {@link CredentialRevocations} now says is no longer current. The next login checks the
 * password and the account again.
 */
final class RevokedSessionFilter extends OncePerRequestFilter {

    private final CredentialRevocations revocations;

    RevokedSessionFilter(CredentialRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && !revocations.isCurrent(authentication.getPrincipal())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        chain.doFilter(request, response);
    }
}
