package com.outboxwallet.events;

/** The Kafka topics of the wallet's event contract. */
public final class WalletTopics {

    /** Every wallet event; the record key is the wallet id, so one wallet's events stay in order on one partition. */
    public static final String WALLET_EVENTS = "wallet.events";

    private WalletTopics() {}
}
