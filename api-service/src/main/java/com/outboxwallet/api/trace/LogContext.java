package com.outboxwallet.api.trace;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * The ids a log line of a request carries besides its trace and span ids (which the tracer puts there): the caller,
 * and once the top-up is recorded, its wallet and its id. JSON log lines (the ECS format) show them as fields, so one
 * user's or one top-up's lines can be found without the trace backend. {@link #clear} ends them with the request.
 */
public final class LogContext {

    public static final String USER_ID = "userId";
    public static final String WALLET_ID = "walletId";
    public static final String TOP_UP_ID = "topUpId";

    private LogContext() {}

    public static void user(UUID userId) {
        MDC.put(USER_ID, userId.toString());
    }

    public static void topUp(UUID walletId, UUID topUpId) {
        MDC.put(WALLET_ID, walletId.toString());
        MDC.put(TOP_UP_ID, topUpId.toString());
    }

    public static void clear() {
        MDC.remove(USER_ID);
        MDC.remove(WALLET_ID);
        MDC.remove(TOP_UP_ID);
    }
}
