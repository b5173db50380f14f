package com.outboxwallet.local.network;

import com.outboxwallet.infra.NetworkListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Each service instance and Kafka broker in a network namespace of its own, joined to the others by a veth pair and
 * a bridge, with an address in {@link #SUBNET}; PostgreSQL and Redis stay in this machine's namespace at addresses of
 * their own on the bridge. A link is cut by routing rules that drop its packets silently in both directions, as a
 * partition does: no reset, no error, only silence, until keepalives or timeouts notice.
 *
 * <p>Before anything else the whole subnet is made unreachable in this machine's routing table (below the bridge's
 * own route), so that no packet for a host that is cut off or gone ever leaves through the default route. Everything
 * is torn down on {@link #close()}, and by a watchdog process if this JVM dies first; a later run also clears what a
 * crashed one left. Needs root and iproute2.
 */
public final class NetworkNamespaces implements HostNetwork {

    /** The test subnet: nothing else on a machine running the harness may use it. */
    public static final String SUBNET = "10.231.0.0/24";

    private static final String NETWORK = "10.231.0.";
    private static final String BRIDGE = "owbr0";
    private static final String NAMESPACE_PREFIX = "ow-";
    /** Of every rule this class adds, so that a teardown finds them all. */
    private static final String RULE_PRIORITY = "1231";
    /** Above the bridge's own route (metric 0), so that it only answers once the bridge is gone. */
    private static final String UNREACHABLE_METRIC = "4231";
    /** Held by each run's watchdog: two runs on one machine would tear each other's network down. */
    private static final String LOCK = "/run/lock/outbox-wallet-test-network.lock";

    private static final String LOCKED = "locked";
    /** flock's exit code when another holds the lock. */
    private static final String BUSY = "75";
    /** Linux's limit on an interface name, which a host's veth end is named after. */
    private static final int MAX_INTERFACE_NAME = 15;

    private static final String TEARDOWN =
            """
            for ns in $(ip netns list | cut -d' ' -f1 | grep '^%1$s'); do
              for pid in $(ip netns pids "$ns"); do kill -9 "$pid" 2>/dev/null; done
              while [ -n "$(ip netns pids "$ns")" ]; do sleep 0.1; done
              ip netns del "$ns"
            done
            for link in $(ip -o link show type veth | cut -d' ' -f2 | cut -d@ -f1 | grep '^%1$s'); do
              ip link del "$link" 2>/dev/null
            done
            ip link del %2$s 2>/dev/null
            while ip rule del priority %3$s 2>/dev/null; do :; done
            ip route del unreachable %4$s metric %5$s 2>/dev/null
            true
            """.formatted(NAMESPACE_PREFIX, BRIDGE, RULE_PRIORITY, SUBNET, UNREACHABLE_METRIC);

    /** @param namespace null for an address in this machine's own namespace */
    private record Host(
            String name, String address, @Nullable String namespace) {}

    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final Process watchdog;
    private int nextServer = 2; // .1 is the bridge: this JVM
    private int nextHost = 11;

    private NetworkNamespaces(Process watchdog) {
        this.watchdog = watchdog;
    }

    /** Whether this process may make namespaces: it is root and has iproute2. */
    public static boolean available() {
        try {
            return "root".equals(System.getProperty("user.name"))
                    && new ProcessBuilder("ip", "netns", "list")
                                    .redirectErrorStream(true)
                                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                    .start()
                                    .waitFor()
                            == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Takes the machine's test network for this JVM, clears what an earlier run left, then sets up the bridge. Fails
     * at once if another run holds it: one run's teardown would cut every link of the other.
     */
    public static NetworkNamespaces create() {
        if (!available()) {
            throw new IllegalStateException(
                    "network namespaces need root and iproute2 ('ip netns'); run as root, or without partitions");
        }
        Process watchdog = startWatchdog();
        try {
            tearDown();
            ip("route", "add", "unreachable", SUBNET, "metric", UNREACHABLE_METRIC);
            ip("link", "add", BRIDGE, "type", "bridge");
            ip("addr", "add", NETWORK + "1/24", "dev", BRIDGE);
            ip("link", "set", BRIDGE, "up");
            return new NetworkNamespaces(watchdog);
        } catch (RuntimeException e) {
            tearDown();
            kill(watchdog);
            throw e;
        }
    }

    /**
     * Holds the network's lock ({@code flock} on {@link #LOCK}) for as long as this JVM lives, then tears everything
     * down, however the JVM went; {@link #close()} tears down first and kills it after. Returns once it holds the lock.
     */
    private static Process startWatchdog() {
        // Once it has said so, nothing more on the pipe: this JVM stops reading it.
        String script = "echo " + LOCKED + "\nexec >/dev/null 2>&1\ntail --pid="
                + ProcessHandle.current().pid() + " -f /dev/null\n" + TEARDOWN;
        Process watchdog;
        try {
            // A session of its own: a Ctrl-C for the harness's process group must not end the watchdog with it.
            watchdog = new ProcessBuilder("setsid", "flock", "-n", "-E", BUSY, LOCK, "bash", "-c", script)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the network's watchdog", e);
        }
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.UTF_8))) {
            if (LOCKED.equals(output.readLine())) {
                return watchdog;
            }
            int exit = watchdog.waitFor();
            throw new IllegalStateException(
                    Integer.toString(exit).equals(BUSY)
                            ? "another run holds the test network " + SUBNET + " (lock " + LOCK + "): one at a time"
                            : "the network's watchdog did not start (exit " + exit + ")");
        } catch (IOException e) {
            kill(watchdog);
            throw new UncheckedIOException("could not read the network's watchdog", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(watchdog);
            throw new IllegalStateException("interrupted starting the network's watchdog", e);
        }
    }

    private static void kill(Process watchdog) {
        List<ProcessHandle> holders = watchdog.descendants().toList();
        watchdog.destroyForcibly(); // SIGKILL: it must not tear down again, after this JVM has let go of the lock
        holders.forEach(ProcessHandle::destroyForcibly);
    }

    /** A host added again keeps its address: a launcher may learn an address before the stack starts its host. */
    @Override
    public synchronized String addHost(String name) {
        Host known = hosts.get(name);
        if (known != null && known.namespace() != null) {
            return known.address();
        }
        String namespace = NAMESPACE_PREFIX + name;
        if (namespace.length() > MAX_INTERFACE_NAME || !name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("not a short host name: " + name);
        }
        String address = next(name, nextHost++);
        ip("netns", "add", namespace);
        ip("link", "add", namespace, "type", "veth", "peer", "name", "eth0", "netns", namespace);
        ip("link", "set", namespace, "master", BRIDGE, "up");
        ip("-n", namespace, "addr", "add", address + "/24", "dev", "eth0");
        ip("-n", namespace, "link", "set", "eth0", "up");
        ip("-n", namespace, "link", "set", "lo", "up");
        hosts.put(name, new Host(name, address, namespace));
        return address;
    }

    @Override
    public synchronized NetworkListener addServer(String name) {
        String address = next(name, nextServer++);
        if (nextServer > 10) {
            throw new IllegalStateException("no more than nine server addresses");
        }
        ip("addr", "add", address + "/32", "dev", BRIDGE);
        hosts.put(name, new Host(name, address, null));
        return new NetworkListener(address, SUBNET);
    }

    private String next(String name, int last) {
        if (hosts.containsKey(name)) {
            throw new IllegalArgumentException("already on the network: " + name);
        }
        if (last > 254) {
            throw new IllegalStateException("the subnet " + SUBNET + " is full");
        }
        return NETWORK + last;
    }

    @Override
    public List<String> launcher(String host) {
        String namespace = host(host).namespace();
        return namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace);
    }

    @Override
    public String localAddress() {
        return NETWORK + "1";
    }

    public String address(String host) {
        return host(host).address();
    }

    /**
     * Cuts the link between a client and a server: from then on every packet between their addresses is dropped
     * where the server is, in both directions, established connections and new ones alike.
     */
    public void cut(String client, String server) {
        link("add", client, server);
    }

    /** Undoes {@link #cut}: the packets flow again, and connections that survived the silence carry on. */
    public void heal(String client, String server) {
        link("del", client, server);
    }

    private void link(String action, String client, String server) {
        Host from = host(client);
        Host to = host(server);
        rule(to.namespace(), action, "from", from.address(), "to", to.address());
        rule(to.namespace(), action, "from", to.address(), "to", from.address());
    }

    /** Cuts a host off from every other: what arrives on its link is dropped, and what it sends to the subnet. */
    public void isolate(String host) {
        isolation("add", host);
    }

    public void rejoin(String host) {
        isolation("del", host);
    }

    private void isolation(String action, String host) {
        String namespace = host(host).namespace();
        if (namespace == null) {
            throw new IllegalArgumentException(host + " shares this machine's namespace and cannot be isolated");
        }
        rule(namespace, action, "iif", "eth0");
        rule(namespace, action, "to", SUBNET);
    }

    private static void rule(@Nullable String namespace, String action, String... selector) {
        List<String> arguments = new ArrayList<>();
        if (namespace != null) {
            arguments.addAll(List.of("-n", namespace));
        }
        arguments.addAll(List.of("rule", action));
        arguments.addAll(List.of(selector));
        arguments.addAll(List.of("priority", RULE_PRIORITY, "blackhole"));
        ip(arguments.toArray(String[]::new));
    }

    private Host host(String name) {
        Host host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("not on the network: " + name + "; hosts: " + hosts.keySet());
        }
        return host;
    }

    @Override
    public void close() {
        tearDown(); // while the watchdog still holds the lock: no other run can have started meanwhile
        kill(watchdog);
    }

    private static void tearDown() {
        run(List.of("bash", "-c", TEARDOWN));
    }

    private static void ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
