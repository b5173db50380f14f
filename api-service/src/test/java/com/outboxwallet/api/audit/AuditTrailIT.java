package com.outboxwallet.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Administrators' changes to accounts and refused logins leave one line each on the audit logger, with the stable
 * event name, who, on whom and from where as fields of their own (which the ECS JSON of a log pipeline carries);
 * never a password.
 */
class AuditTrailIT extends ApiServiceIntegrationTest {

    private final ListAppender<ILoggingEvent> trail = new ListAppender<>();

    @BeforeEach
    void readTheTrail() {
        trail.start();
        auditLogger().addAppender(trail);
    }

    @AfterEach
    void stopReading() {
        auditLogger().detachAppender(trail);
    }

    @Test
    void anAdministratorDisablingAUserIsOnTheAuditTrail() {
        Credentials alice = aUser();

        assertThat(api().post(admin(), "/api/v1/admin/users/" + alice.userId() + "/disable", null, "")
                        .statusCode())
                .isEqualTo(200);

        assertThat(events("account.disabled"))
                .singleElement()
                .satisfies(fields -> assertThat(fields)
                        .containsEntry("event.category", "iam")
                        .containsEntry("event.outcome", "success")
                        .containsEntry("user.name", "admin")
                        .containsEntry("user.target.id", alice.userId().toString())
                        .containsEntry("client.address", "127.0.0.1"));
    }

    @Test
    void aWrongPasswordIsOnTheAuditTrailWithTheUsernameAndNotThePassword() {
        Credentials bob = aUser();
        Credentials guess = new Credentials(bob.username(), "not-bobs-password-42", bob.userId(), bob.walletId());

        assertThat(api().get(guess, "/api/v1/wallet").statusCode()).isEqualTo(401);

        assertThat(events("login.failed"))
                .singleElement()
                .satisfies(fields -> assertThat(fields)
                        .containsEntry("event.category", "authentication")
                        .containsEntry("event.outcome", "failure")
                        .containsEntry("user.name", bob.username())
                        .doesNotContainValue("not-bobs-password-42"));
        assertThat(trail.list)
                .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain("not-bobs-password-42"));
    }

    @Test
    void aUsernameMadeToForgeLogLinesIsWrittenOnOneLine() {
        assertThat(AuditTrail.printable("mallory\n{\"event.action\":\"account.created\"}\u001b[31m"))
                .doesNotContain("\n", "\u001b")
                .startsWith("mallory?");
        assertThat(AuditTrail.printable("x".repeat(500))).hasSize(64);
    }

    /** The fields of each audit event of that name. */
    private List<Map<String, String>> events(String eventName) {
        return trail.list.stream()
                .map(event -> event.getKeyValuePairs().stream()
                        .collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value))))
                .filter(fields -> eventName.equals(fields.get("event.action")))
                .toList();
    }

    private static Logger auditLogger() {
        return (Logger) LoggerFactory.getLogger(AuditTrail.LOGGER);
    }
}
