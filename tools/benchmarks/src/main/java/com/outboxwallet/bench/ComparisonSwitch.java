package com.outboxwallet.bench;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jspecify.annotations.Nullable;

/**
 * Turns a running stack to the A or the B side of a {@link Comparison}: the api-service's pool through Hikari's MBeans
 * (the attach API's local agent: no JMX port), PostgreSQL's settings with {@code ALTER SYSTEM} and a reload, each
 * confirmed before the side is measured.
 */
final class ComparisonSwitch implements AutoCloseable {

    private static final Duration APPLIED = Duration.ofSeconds(30);

    private final Comparison comparison;
    private final int baselinePool;
    /** Side A's PostgreSQL settings, as the server had them before the first turn. */
    private final Map<String, String> baselineSettings = new HashMap<>();

    private final String superuserUrl;
    private final DatabaseConnection superuser;
    private final @Nullable JMXConnector api;

    /** @param superuserUrl the server's {@code postgres} database, which the local server's superuser may enter */
    ComparisonSwitch(Comparison comparison, long apiPid, String superuserUrl) {
        this.comparison = comparison;
        this.superuserUrl = superuserUrl;
        this.superuser = new DatabaseConnection(superuserUrl);
        this.api = comparison.apiPool().isPresent() ? attach(apiPid) : null;
        this.baselinePool = api == null ? 0 : poolSize(api);
        comparison.postgres().keySet().forEach(name -> baselineSettings.put(name, current(name)));
    }

    private static int poolSize(JMXConnector api) {
        try {
            MBeanServerConnection beans = api.getMBeanServerConnection();
            return (Integer) beans.getAttribute(config(beans), "MaximumPoolSize");
        } catch (IOException e) {
            throw new UncheckedIOException("the api-service's JMX did not answer", e);
        } catch (JMException e) {
            throw new IllegalStateException("the api-service's pool could not be read", e);
        }
    }

    private static ObjectName config(MBeanServerConnection beans) throws IOException, JMException {
        return single(beans.queryNames(new ObjectName("com.zaxxer.hikari:type=PoolConfig*"), null));
    }

    void turn(boolean sideB) {
        if (api != null) {
            resizePool(api, sideB ? comparison.apiPool().getAsInt() : baselinePool);
        }
        comparison.postgres().forEach((name, value) -> {
            superuser
                    .jdbc()
                    .sql(sideB ? "ALTER SYSTEM SET " + name + " = '" + value + "'" : "ALTER SYSTEM RESET " + name)
                    .update();
        });
        if (!comparison.postgres().isEmpty()) {
            superuser.jdbc().sql("SELECT pg_reload_conf()").query().singleRow();
            Await.until(
                    "PostgreSQL to take the settings",
                    APPLIED,
                    Duration.ofMillis(100),
                    () -> comparison.postgres().entrySet().stream()
                            .allMatch(setting -> current(setting.getKey())
                                    .equals(sideB ? setting.getValue() : baselineSettings.get(setting.getKey()))));
        }
    }

    /** The setting as a session opened now sees it (a reload reaches running sessions between their statements). */
    private String current(String name) {
        try (DatabaseConnection fresh = new DatabaseConnection(superuserUrl)) {
            return fresh.jdbc()
                    .sql("SELECT setting FROM pg_settings WHERE name = :name")
                    .param("name", name)
                    .query(String.class)
                    .single();
        }
    }

    /**
     * Hikari lends any idle connection it holds, whatever its maximum: the pool's connections are evicted (each when
     * it comes back) so that it refills to the new size.
     */
    private static void resizePool(JMXConnector api, int size) {
        try {
            MBeanServerConnection beans = api.getMBeanServerConnection();
            ObjectName config = config(beans);
            ObjectName pool = single(beans.queryNames(new ObjectName("com.zaxxer.hikari:type=Pool *"), null));
            int before = (Integer) beans.getAttribute(config, "MaximumPoolSize");
            // Hikari refuses a minimum above the maximum: set them in the order that never passes through one.
            List<String> order = size < before
                    ? List.of("MinimumIdle", "MaximumPoolSize")
                    : List.of("MaximumPoolSize", "MinimumIdle");
            for (String attribute : order) {
                beans.setAttribute(config, new Attribute(attribute, size));
            }
            beans.invoke(pool, "softEvictConnections", null, null);
            Await.until("the api's pool to hold " + size + " connections", APPLIED, Duration.ofMillis(100), () -> {
                try {
                    return (Integer) beans.getAttribute(pool, "TotalConnections") <= size;
                } catch (IOException | JMException e) {
                    throw new IllegalStateException("the api's pool could not be read", e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the api-service's JMX did not answer", e);
        } catch (JMException e) {
            throw new IllegalStateException("the api-service's pool could not be resized", e);
        }
    }

    private static ObjectName single(Set<ObjectName> names) {
        if (names.size() != 1) {
            throw new IllegalStateException("expected one Hikari pool in the api-service, found " + names);
        }
        return names.iterator().next();
    }

    private static JMXConnector attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
        } catch (IOException | AttachNotSupportedException e) {
            throw new IllegalStateException("could not attach to the api-service " + pid, e);
        }
    }

    /** Leaves the stack as it was configured (side A). */
    @Override
    public void close() {
        try {
            turn(false);
        } finally {
            superuser.close();
            if (api != null) {
                try {
                    api.close();
                } catch (IOException ignored) {
                    // the api-service is going away with the stack
                }
            }
        }
    }
}
