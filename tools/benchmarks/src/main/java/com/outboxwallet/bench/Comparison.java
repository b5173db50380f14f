package com.outboxwallet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The B side of an A/B comparison in one run of the e2e benchmark: settings changed while the stack runs, so that
 * the same processes, the same database and the same hour of the machine measure both sides. A is the stack as
 * configured; B changes the api-service's connection pool ({@code pool=8}, over JMX) and PostgreSQL settings that a
 * reload applies ({@code postgres.commit_delay=20}). A JVM flag cannot change in a running JVM: B's flags
 * ({@code jvm=-XX:+UseSerialGC}) go to a second api-service instance started beside the first, and each side's load
 * goes to its own instance.
 *
 * @param apiPool     the api-service's pool size on the B side, if it differs
 * @param postgres    PostgreSQL settings of the B side, by name
 * @param apiJvmFlags the B side's api-service JVM flags, on top of the A side's; none to compare one instance
 */
record Comparison(OptionalInt apiPool, Map<String, String> postgres, List<String> apiJvmFlags) {

    static final String POOL = "pool";
    private static final String POSTGRES = "postgres.";
    private static final String JVM = "jvm";

    Comparison {
        postgres = Collections.unmodifiableMap(new LinkedHashMap<>(postgres)); // in the order given
        apiJvmFlags = List.copyOf(apiJvmFlags);
        if (!apiJvmFlags.isEmpty() && (apiPool.isPresent() || !postgres.isEmpty())) {
            // The JVM side is another instance; a setting switched in the running stack would reach one side or both.
            throw new IllegalArgumentException("--compare=jvm=… is compared alone, not with pool or postgres settings");
        }
    }

    /** @param settings {@code --compare} values, each {@code pool=N} or {@code postgres.name=value} */
    static Comparison parse(List<String> settings) {
        OptionalInt pool = OptionalInt.empty();
        Map<String, String> postgres = new LinkedHashMap<>();
        List<String> jvm = new ArrayList<>();
        for (String setting : settings) {
            String[] pair = setting.split("=", 2);
            if (pair.length == 2 && pair[0].equals(POOL) && pair[1].matches("[1-9]\\d{0,2}")) {
                pool = OptionalInt.of(Integer.parseInt(pair[1]));
            } else if (pair.length == 2 && pair[0].matches("postgres\\.[a-z_]+") && pair[1].matches("[\\w.]+")) {
                // A setting name and a plain value only: both end up in ALTER SYSTEM.
                postgres.put(pair[0].substring(POSTGRES.length()), pair[1]);
            } else if (pair.length == 2 && pair[0].equals(JVM) && pair[1].matches("-X[\\w:+=.-]+")) {
                jvm.add(pair[1]);
            } else {
                throw new IllegalArgumentException(
                        "--compare takes pool=N (the api's connections), postgres.name=value or jvm=-X…, not "
                                + setting);
            }
        }
        return new Comparison(pool, postgres, jvm);
    }

    boolean isEmpty() {
        return apiPool.isEmpty() && postgres.isEmpty() && apiJvmFlags.isEmpty();
    }

    /** Whether B is a second api-service instance rather than the same stack switched. */
    boolean secondApi() {
        return !apiJvmFlags.isEmpty();
    }

    /** What the api-service needs to be switched: its pool's MBeans. */
    List<String> apiSettings() {
        return apiPool.isPresent() ? List.of("spring.datasource.hikari.register-mbeans=true") : List.of();
    }

    /** The B side as {@code --compare} takes it, a setting each. */
    List<String> settings() {
        List<String> settings = new ArrayList<>();
        apiPool.ifPresent(size -> settings.add(POOL + "=" + size));
        postgres.forEach((name, value) -> settings.add(POSTGRES + name + "=" + value));
        apiJvmFlags.forEach(flag -> settings.add(JVM + "=" + flag));
        return settings;
    }

    @Override
    public String toString() {
        return String.join(", ", settings());
    }
}
