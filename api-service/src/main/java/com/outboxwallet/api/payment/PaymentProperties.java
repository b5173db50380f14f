package com.outboxwallet.api.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Funded top-ups (docs/payments.md): whether they are offered, how long a user has to pay, and the provider.
 *
 * @param enabled               whether the payment endpoints and the webhook exist
 * @param expiry                how long a user has to pay a payment they opened
 * @param bank                  the bank of the virtual accounts the provider opens
 * @param notificationMaxBytes  the largest notification body read; a larger one is refused unread
 * @param notificationsInterval how often notifications recorded but not yet applied (a process stopped between the
 *                              two) are applied
 * @param midtrans              the Midtrans Core API
 * @param circuitBreaker        when calls to the provider stop being made for a while
 */
@Validated
@ConfigurationProperties("wallet.payments")
public record PaymentProperties(
        boolean enabled,
        @NotNull Duration expiry,
        @NotNull @Pattern(regexp = "[a-z]{2,16}") String bank,
        @NotNull DataSize notificationMaxBytes,
        @NotNull Duration notificationsInterval,
        @Valid @NotNull NotificationLimit notificationLimit,
        @Valid @NotNull Midtrans midtrans,
        @Valid @NotNull CircuitBreaker circuitBreaker,
        @Valid @NotNull Reconciliation reconciliation) {

    public PaymentProperties {
        if (enabled
                && (midtrans == null
                        || midtrans.serverKey() == null
                        || midtrans.serverKey().isBlank())) {
            throw new IllegalArgumentException("wallet.payments.midtrans.server-key (WALLET_MIDTRANS_SERVER_KEY) is"
                    + " required while wallet.payments.enabled is true");
        }
    }

    /** @param requests notifications one client address may post per {@code window} */
    public record NotificationLimit(
            @Min(1) int requests, @NotNull Duration window) {}

    /**
     * @param baseUrl        the API's root: {@code https://api.midtrans.com} in production, the sandbox's or the
     *                       simulator's elsewhere
     * @param serverKey      the merchant's server key: it authenticates our calls and signs the notifications
     * @param connectTimeout how long a call waits for a connection
     * @param readTimeout    how long a call waits for the answer
     * @param notificationUrl where Midtrans notifies this deployment of each payment (sent with every charge as
     *                       {@code X-Override-Notification}); unset, Midtrans notifies the URL set in its dashboard
     */
    public record Midtrans(
            @NotNull URI baseUrl,
            @Nullable String serverKey,
            @NotNull Duration connectTimeout,
            @NotNull Duration readTimeout,
            @Nullable URI notificationUrl) {}

    /**
     * @param interval        how often it runs (on one api instance at a time)
     * @param firstCheckAfter a payment still open this long after it was opened is asked about
     * @param checkEvery      and again this often, while it stays open
     * @param giveUpAfter     a payment the provider never answered about (REQUESTED) and does not know this long after
     *                        it was recorded fails
     * @param watchSettledFor   a settled payment is asked about for this long after it settled, so that a refund or a
     *                          chargeback whose notification never came is still compensated
     * @param settledCheckEvery and this often within that time
     * @param batch           the most payments one run asks about
     * @param heartbeat       how often the instance running it says it is alive; one silent for four heartbeats (a
     *                        killed instance) is deemed dead, and another instance runs the reconciliation
     */
    public record Reconciliation(
            @NotNull Duration interval,
            @NotNull Duration firstCheckAfter,
            @NotNull Duration checkEvery,
            @NotNull Duration giveUpAfter,
            @NotNull Duration watchSettledFor,
            @NotNull Duration settledCheckEvery,
            @Min(1) int batch,
            @NotNull Duration heartbeat) {}

    /**
     * @param failureRateThreshold the percentage of failed calls, in the last {@code slidingWindow}, that opens it
     * @param slidingWindow        how many recent calls it judges
     * @param minimumCalls         how many calls it needs before judging
     * @param openFor              how long it stays open before letting trial calls through
     * @param trialCalls           how many calls it lets through while half open
     */
    public record CircuitBreaker(
            @Min(1) @Max(100) int failureRateThreshold,
            @Min(1) int slidingWindow,
            @Min(1) int minimumCalls,
            @NotNull Duration openFor,
            @Min(1) int trialCalls) {}
}
