package com.outboxwallet.api.auth;

public enum Role {
    USER,
    ADMIN
}
