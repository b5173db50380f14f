package com.outboxwallet.api.auth;

public enum Role {
    /** Tops up and reads their own wallet. */
    USER,
    /** Everything a user may, and administers users and the actuator. */
    ADMIN,
    /** Reads {@code /actuator/prometheus} and nothing else: what a monitoring system scrapes with. */
    METRICS
}
