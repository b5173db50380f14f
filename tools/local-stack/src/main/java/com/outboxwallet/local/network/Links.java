package com.outboxwallet.local.network;

/**
 * The links between the stack's processes that the fault harness cuts, heals and slows, each named by its client's
 * and its server's host: {@code api-1} and {@code postgres-1}, say.
 */
public interface Links {

    /** From now on nothing passes between them, and nothing is refused or reset: silence. */
    void cut(String client, String server);

    void heal(String client, String server);

    /** Latency and loss on the link, each way. */
    void slow(String client, String server, LinkProxy.Slowness slowness);

    void restore(String client, String server);
}
