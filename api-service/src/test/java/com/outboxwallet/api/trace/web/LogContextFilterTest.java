package com.outboxwallet.api.trace.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.trace.LogContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class LogContextFilterTest {

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theRequestsLinesCarryTheCallerAndTheTopUpAndTheNextRequestsDoNot() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID walletId = UUID.randomUUID();
        UUID topUpId = UUID.randomUUID();
        WalletUser alice = new WalletUser(userId, "alice", "{noop}x", Role.USER, true, 0);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(alice, null, alice.getAuthorities()));
        Map<String, String> during = new HashMap<>();

        new LogContextFilter()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
                    LogContext.topUp(walletId, topUpId);
                    during.putAll(MDC.getCopyOfContextMap());
                });

        assertThat(during)
                .containsEntry("userId", userId.toString())
                .containsEntry("walletId", walletId.toString())
                .containsEntry("topUpId", topUpId.toString());
        assertThat(MDC.get("userId")).isNull();
        assertThat(MDC.get("walletId")).isNull();
        assertThat(MDC.get("topUpId")).isNull();
    }
}
