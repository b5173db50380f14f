package com.outboxwallet.local.network;

import com.outboxwallet.infra.NetworkListener;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the stack's processes listen and how they are launched: all on loopback ({@link #loopback()}), or each in a
 * network namespace of its own ({@link NetworkNamespaces}), where the links between them can be cut.
 */
public interface HostNetwork extends AutoCloseable {

    /** Every process on this machine's loopback, as the stack always ran: nothing can be cut. */
    static HostNetwork loopback() {
        return Loopback.DIRECT;
    }

    /**
     * Every process on loopback, each service instance reaching each server through a {@link LinkProxy} of its own,
     * which can hold or slow that one link: partitions where network namespaces are refused (no root), though only
     * between the services and PostgreSQL and Redis (a Kafka client follows the brokers' advertised addresses, past
     * any proxy), and with the proxy, not the server, facing the silent client.
     */
    static HostNetwork loopbackWithProxies() {
        return Loopback.PROXIED;
    }

    /**
     * A process of its own network: a service instance or a Kafka broker, launched with {@link #launcher(String)}.
     *
     * @param name such as {@code api-1} or {@code kafka-2}
     * @return the address it listens on and connects from
     */
    String addHost(String name);

    /**
     * A server that runs in this machine's own network (PostgreSQL, Redis) but is reached at an address of its own,
     * so that the link between it and one client can be cut without cutting the others.
     *
     * @return where it is to listen besides loopback, and whom to let in there; null if loopback is all there is
     */
    @Nullable
    NetworkListener addServer(String name);

    /** What a host's command is prefixed with to run it in its network: {@code ip netns exec …}, or nothing. */
    List<String> launcher(String host);

    /** The address this process (the harness, a provider simulator in it) is reached at from every host. */
    String localAddress();

    /** Whether the stack is to put a {@link LinkProxy} on each link of each service instance to its servers. */
    default boolean proxiesEachLink() {
        return false;
    }

    @Override
    void close();
}
