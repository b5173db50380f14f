package com.outboxwallet.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether a request comes from a browser: every current browser sends the fetch metadata headers ({@code
 * Sec-Fetch-Mode}) on every request, and a navigation asks for HTML first; programs (curl, HTTP libraries) do
 * neither.
 */
final class BrowserRequests {

    private BrowserRequests() {}

    static boolean from(HttpServletRequest request) {
        if (request.getHeader("Sec-Fetch-Mode") != null) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }
}
