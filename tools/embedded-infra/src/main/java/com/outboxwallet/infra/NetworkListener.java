package com.outboxwallet.infra;

/**
 * An address a server listens on besides loopback, for clients in other network namespaces of this machine.
 *
 * @param address one of this machine's addresses
 * @param clients the network, in CIDR notation, whose clients a server trusts at that address as it trusts local
 *                ones: a test subnet that nothing outside this machine can reach
 */
public record NetworkListener(String address, String clients) {}
