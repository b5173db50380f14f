package com.outboxwallet.events;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel
 * as {@code ce_}-prefixed headers and the record value is the bare JSON payload.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** Extension: the client's Idempotency-Key of the request that caused the event. */
    public static final String IDEMPOTENCY_KEY = "ce_idempotencykey";
    /** Extension: the wallet's version after the change, which grows by exactly one per event of that wallet. */
    public static final String WALLET_SEQUENCE = "ce_walletsequence";
    /**
     * W3C Trace Context of the HTTP request that caused the event, under the plain header name that OpenTelemetry's
     * Kafka instrumentation reads, so a consumer's span joins the request's trace.
     */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
