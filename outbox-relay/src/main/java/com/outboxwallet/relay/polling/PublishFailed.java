package com.outboxwallet.relay.polling;

class PublishFailed extends RuntimeException {

    PublishFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
