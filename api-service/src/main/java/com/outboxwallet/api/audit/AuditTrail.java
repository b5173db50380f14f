package com.outboxwallet.api.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who did what to which account, and which logins failed, as one structured log line each on the logger
 * {@value #LOGGER}: {@code event.action} is a stable name from {@link Action} for a log pipeline to match on, with the
 * actor, the target and the client address as fields of their own (ECS JSON outside the local profile). A log line,
 * not a table: these are security events for a log pipeline to keep and alert on, not state the service reads back;
 * the accounts' own state (enabled, credentials version and time) is in the users table already. Passwords never
 * appear, and a username that failed is cut to 64 characters and kept to printable ASCII.
 */
@Component
public class AuditTrail {

    /** The logger every audit line is written to, so that a pipeline can route them apart. */
    public static final String LOGGER = "wallet.audit";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    /** The stable names; renaming one breaks whoever alerts on it. */
    public enum Action {
        ACCOUNT_CREATED("account.created"),
        ACCOUNT_DISABLED("account.disabled"),
        ACCOUNT_ENABLED("account.enabled"),
        PASSWORD_RESET("account.password-reset"),
        PASSWORD_CHANGED("account.password-changed"),
        LOGIN_FAILED("login.failed"),
        LOGIN_THROTTLED("login.throttled"),
        CASH_IN("wallet.cash-in");

        private final String eventName;

        Action(String eventName) {
            this.eventName = eventName;
        }

        public String eventName() {
            return eventName;
        }
    }

    /** An administrator (or a user, on their own account) changed an account. */
    public void accountChanged(Action action, String actor, UUID target, @Nullable String clientAddress) {
        log.atInfo()
                .addKeyValue("event.action", action.eventName())
                .addKeyValue("event.category", "iam")
                .addKeyValue("event.outcome", "success")
                .addKeyValue("user.name", actor)
                .addKeyValue("user.target.id", target.toString())
                .addKeyValue("client.address", String.valueOf(clientAddress))
                .log("{} by {} on user {}", action.eventName(), actor, target);
    }

    /** An operator credited a user's wallet directly (a cash-in at a counter). */
    public void cashIn(String actor, UUID user, UUID topUpId, String amount, @Nullable String clientAddress) {
        log.atInfo()
                .addKeyValue("event.action", Action.CASH_IN.eventName())
                .addKeyValue("event.category", "database")
                .addKeyValue("event.outcome", "success")
                .addKeyValue("user.name", actor)
                .addKeyValue("user.target.id", user.toString())
                .addKeyValue("client.address", String.valueOf(clientAddress))
                .log(
                        "{} of {} by {} for user {} (top-up {})",
                        Action.CASH_IN.eventName(),
                        amount,
                        actor,
                        user,
                        topUpId);
    }

    /** A login was refused: a wrong password or an unknown or disabled user, or throttled before any check. */
    public void loginRefused(Action action, @Nullable String attemptedUsername, @Nullable String clientAddress) {
        String username = printable(attemptedUsername);
        log.atWarn()
                .addKeyValue("event.action", action.eventName())
                .addKeyValue("event.category", "authentication")
                .addKeyValue("event.outcome", "failure")
                .addKeyValue("user.name", username)
                .addKeyValue("client.address", String.valueOf(clientAddress))
                .log("{} for {} from {}", action.eventName(), username, clientAddress);
    }

    /** What a client sent as a username, safe to write: no control characters, no line breaks, at most 64 chars. */
    static String printable(@Nullable String username) {
        if (username == null) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder();
        username.codePoints().limit(64).forEach(c -> safe.appendCodePoint(c >= 0x20 && c < 0x7f ? c : '?'));
        return safe.toString();
    }
}
