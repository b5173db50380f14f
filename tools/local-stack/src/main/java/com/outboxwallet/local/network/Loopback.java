package com.outboxwallet.local.network;

import com.outboxwallet.infra.NetworkListener;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every process on loopback, with or without a proxy on each link. */
enum Loopback implements HostNetwork {
    DIRECT,
    PROXIED;

    private static final String LOCALHOST = "localhost";

    @Override
    public String addHost(String name) {
        return LOCALHOST;
    }

    @Override
    public @Nullable NetworkListener addServer(String name) {
        return null;
    }

    @Override
    public List<String> launcher(String host) {
        return List.of();
    }

    @Override
    public String localAddress() {
        return LOCALHOST;
    }

    @Override
    public boolean proxiesEachLink() {
        return this == PROXIED;
    }

    @Override
    public void close() {
        // nothing was set up
    }
}
