package com.outboxwallet.local.network;

/** Sets up a network with one host and waits to be killed: for the watchdog's test, in a JVM of its own. */
public final class NetworkHolder {

    static final String READY = "network ready";

    private NetworkHolder() {}

    public static void main(String[] args) throws Exception {
        NetworkNamespaces network = NetworkNamespaces.create();
        network.addHost(args[0]);
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
