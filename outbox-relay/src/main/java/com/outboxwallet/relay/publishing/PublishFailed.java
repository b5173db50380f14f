package com.outboxwallet.relay.publishing;

public class PublishFailed extends RuntimeException {

    public PublishFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
