package com.outboxwallet.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services, each its own Spring Boot application context with its own configuration, started in one JVM
 * against the given infrastructure. Contexts close in reverse order: the ledger stops consuming before the relay
 * stops publishing, and the relay before the API stops taking top-ups.
 */
public final class LocalPipeline implements AutoCloseable {

    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    // Set by start(), one after the other.
    private @Nullable ConfigurableApplicationContext api;
    private @Nullable ConfigurableApplicationContext relay;
    private @Nullable ConfigurableApplicationContext ledger;

    /** Ports of 0 pick free ones; the chosen ports are available from the accessors. */
    public record Ports(int api, int relay, int ledger) {

        public static Ports random() {
            return new Ports(0, 0, 0);
        }
    }

    public static LocalPipeline start(InfrastructureEndpoints infra, Ports ports) {
        return start(infra, ports, List.of());
    }

    /** @param relaySettings extra settings of the relay, such as {@code --relay.mode=cdc} */
    public static LocalPipeline start(InfrastructureEndpoints infra, Ports ports, List<String> relaySettings) {
        return start(infra, ports, relaySettings, context -> {});
    }

    /** @param everyService prepares each service's context before it starts, such as a test's span exporter */
    public static LocalPipeline start(
            InfrastructureEndpoints infra,
            Ports ports,
            List<String> relaySettings,
            ApplicationContextInitializer<ConfigurableApplicationContext> everyService) {
        return start(infra, ports, Map.of(Service.RELAY, relaySettings), everyService);
    }

    /** @param settings each service's settings on top of the local profile's, such as a Kafka login */
    public static LocalPipeline start(
            InfrastructureEndpoints infra,
            Ports ports,
            Map<Service, List<String>> settings,
            ApplicationContextInitializer<ConfigurableApplicationContext> everyService) {
        LocalPipeline pipeline = new LocalPipeline();
        try {
            pipeline.api = pipeline.run(
                    Service.API, ports.api(), settings.getOrDefault(Service.API, List.of()), infra, everyService);
            pipeline.relay = pipeline.run(
                    Service.RELAY, ports.relay(), settings.getOrDefault(Service.RELAY, List.of()), infra, everyService);
            pipeline.ledger = pipeline.run(
                    Service.LEDGER,
                    ports.ledger(),
                    settings.getOrDefault(Service.LEDGER, List.of()),
                    infra,
                    everyService);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private ConfigurableApplicationContext run(
            Service service,
            int port,
            List<String> extraSettings,
            InfrastructureEndpoints infra,
            ApplicationContextInitializer<ConfigurableApplicationContext> prepare) {
        SpringApplication application = service.application();
        application.addInitializers(prepare);
        application.setRegisterShutdownHook(false); // the launcher closes everything in order
        List<String> args = new ArrayList<>(service.localSettings(infra, port));
        args.addAll(extraSettings);
        // Three applications share one logging system here, so a per-application label would be wrong on two.
        args.add("--logging.include-application-name=false");
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        started.add(context);
        return context;
    }

    public int apiPort() {
        return port(api);
    }

    public int relayPort() {
        return port(relay);
    }

    public int ledgerPort() {
        return port(ledger);
    }

    private static int port(@Nullable ConfigurableApplicationContext context) {
        Objects.requireNonNull(context, "the pipeline has not started");
        return Objects.requireNonNull(((WebServerApplicationContext) context).getWebServer(), "a web application")
                .getPort();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
