package com.outboxwallet.relay.polling;

/** Whether the poller should run now: always in polling mode, never in CDC mode, in hybrid mode while CDC is not well. */
public interface PollingGate {

    boolean open();
}
