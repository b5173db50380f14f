package com.outboxwallet.paysim;

import java.time.Instant;

/**
 * One attempt to deliver a notification.
 *
 * @param status  the transaction_status the notification told
 * @param outcome the merchant's HTTP status, or what went wrong ("timeout", "refused: …")
 */
public record Delivery(Instant at, String status, int attempt, String outcome, boolean accepted) {}
