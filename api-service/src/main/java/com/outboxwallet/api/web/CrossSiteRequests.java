package com.outboxwallet.api.web;

import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser sends the credentials it has cached for this site with any request another site's page makes it send, a
 * plain form POST included (no preflight): so a request that changes something is refused when the browser says it
 * comes from another site. Browsers say so with {@code Sec-Fetch-Site} and {@code Origin} (OWASP CSRF cheat sheet:
 * fetch metadata, then standard origin headers); clients that are not browsers send neither and are not affected.
 * Origins configured for CORS ({@code wallet.http.cors-origins}) are not other sites.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** Sec-Fetch-Site values of this site's own requests; "same-site" is another origin (a sibling subdomain). */
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final List<String> allowedOrigins;
    private final JsonMapper json;

    CrossSiteRequests(List<String> allowedOrigins, JsonMapper json) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || !fromAnotherSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(
                response,
                json,
                Problems.of(
                        HttpProblem.FORBIDDEN,
                        "A page of another site may not change anything here: send the request from the wallet's"
                                + " own pages, or from a client that is not a browser."));
    }

    private boolean fromAnotherSite(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && allowedOrigins.contains(origin)) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !OWN_SITE.contains(fetchSite.toLowerCase(Locale.ROOT)); // "none": the user's own navigation
        }
        return origin != null && !sameOrigin(origin, request);
    }

    /** Whether the Origin header names this service as the request reached it ("null" never does). */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI parsed = parse(origin);
        if (parsed == null || parsed.getScheme() == null || parsed.getHost() == null) {
            return false;
        }
        int port = parsed.getPort() != -1 ? parsed.getPort() : "https".equalsIgnoreCase(parsed.getScheme()) ? 443 : 80;
        return parsed.getScheme().equalsIgnoreCase(request.getScheme())
                && parsed.getHost().equalsIgnoreCase(request.getServerName())
                && port == request.getServerPort();
    }

    private static @Nullable URI parse(String origin) {
        try {
            return URI.create(origin);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
