package com.outboxwallet.local.processes;

import com.outboxwallet.local.Service;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** How many instances of each service to run: {@code api=2,relay=2,ledger=2}; a service not named runs once. */
public record Instances(Map<Service, Integer> counts) {

    private static final int MAX = 9;

    public Instances {
        counts = Map.copyOf(counts);
    }

    public static Instances oneEach() {
        return parse("");
    }

    public static Instances parse(String text) {
        Map<Service, Integer> counts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            counts.put(service, 1);
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] nameAndCount = part.trim().split("=", 2);
            Service service = Arrays.stream(Service.values())
                    .filter(candidate -> candidate.shortName().equals(nameAndCount[0].trim()))
                    .findFirst()
                    .orElseThrow(() -> invalid(text));
            try {
                int count = Integer.parseInt(nameAndCount.length == 2 ? nameAndCount[1].trim() : "");
                if (count < 1 || count > MAX) {
                    throw invalid(text);
                }
                counts.put(service, count);
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
        }
        return new Instances(counts);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("--instances takes service=count pairs, services api, relay and ledger,"
                + " counts 1 to " + MAX + ", e.g. api=2,relay=2,ledger=2; not '" + text + "'");
    }

    public int of(Service service) {
        return Objects.requireNonNull(counts.get(service)); // every service has a count
    }
}
