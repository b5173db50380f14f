package com.outboxwallet.local;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import com.outboxwallet.infra.InfraSettings;
import com.outboxwallet.local.processes.ChildJvm;
import com.outboxwallet.local.processes.Instances;
import com.outboxwallet.local.processes.KafkaBroker;
import com.outboxwallet.local.processes.ProcessStack;
import com.outboxwallet.local.processes.ServiceInstance;
import com.outboxwallet.paysim.EmbeddedSimulator;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The README's run command: real PostgreSQL, Kafka and Redis from Maven artifacts, then the api-service, the relay
 * and the ledger-service, all in this JVM. Data survives restarts in {@code LOCAL_DATA_DIR}. Ctrl-C stops the
 * services first, then the servers.
 * <p>
 * {@code --processes [--instances api=2,relay=2,ledger=2] [--kafka-brokers 3]} runs Kafka and every service instance
 * in a JVM of its own instead, each service from its own executable jar, so that any one can be killed and restarted
 * on its own; with three brokers, the events topic has three replicas, two in sync.
 */
public final class LocalStack {

    private static final String USAGE =
            "usage: run-local [--processes [--instances api=N,relay=N,ledger=N] [--kafka-brokers 1|3]]";

    private LocalStack() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(KafkaBroker.COMMAND)) {
            KafkaBroker.run(args);
            return;
        }
        LocalStackSettings settings = LocalStackSettings.from(System.getenv());
        List<String> arguments = List.of(args);
        if (arguments.isEmpty()) {
            runInThisJvm(settings);
        } else if (arguments.get(0).equals("--processes")) {
            Map<String, String> options = processOptions(arguments.subList(1, arguments.size()));
            if (options == null) {
                System.err.println(USAGE);
                System.exit(2);
                return;
            }
            runAsProcesses(
                    settings,
                    Instances.parse(options.getOrDefault("--instances", "")),
                    Integer.parseInt(options.getOrDefault("--kafka-brokers", "1")));
        } else {
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** {@code --instances X} and {@code --kafka-brokers N}, in either order; null for anything else. */
    private static @Nullable Map<String, String> processOptions(List<String> arguments) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            String name = arguments.get(i);
            if (i + 1 >= arguments.size()
                    || !Set.of("--instances", "--kafka-brokers").contains(name)
                    || options.put(name, arguments.get(i + 1)) != null) {
                return null;
            }
        }
        String brokers = options.getOrDefault("--kafka-brokers", "1");
        return brokers.equals("1") || brokers.equals("3") ? options : null;
    }

    private static void runInThisJvm(LocalStackSettings settings) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(new InfraSettings(
                settings.postgresPort(), settings.kafkaPort(), settings.redisPort(), settings.dataDir(), true));
        EmbeddedSimulator provider;
        LocalPipeline pipeline;
        try {
            provider = paymentSimulator(settings);
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        try {
            pipeline = LocalPipeline.start(
                    InfrastructureEndpoints.of(infra, "wallet", "ledger"),
                    new LocalPipeline.Ports(settings.apiPort(), settings.relayPort(), settings.ledgerPort()),
                    Map.of(Service.API, paymentSettings(settings, provider)),
                    context -> {});
        } catch (RuntimeException e) {
            provider.close();
            infra.close();
            throw e;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            pipeline.close();
                            provider.close();
                            infra.close();
                        },
                        "local-stack-shutdown"));
        printWhereEverythingListens(
                System.out,
                settings,
                "localhost:" + settings.kafkaPort(),
                Map.of(
                        Service.API, List.of("http://localhost:" + pipeline.apiPort()),
                        Service.RELAY, List.of("http://localhost:" + pipeline.relayPort()),
                        Service.LEDGER, List.of("http://localhost:" + pipeline.ledgerPort())),
                provider,
                "");
    }

    /** The payment provider of a local run: the simulator, its orders kept with the rest of the local data. */
    private static EmbeddedSimulator paymentSimulator(LocalStackSettings settings) {
        return EmbeddedSimulator.start(
                settings.paymentSimulatorPort(),
                LocalStackSettings.PAYMENT_SIMULATOR_KEY,
                null, // the api names its webhook with each payment
                settings.dataDir().resolve("payment-simulator.json"));
    }

    /** Where the api finds its payment provider, and where the provider notifies it. */
    private static List<String> paymentSettings(LocalStackSettings settings, EmbeddedSimulator provider) {
        return List.of(
                "--wallet.payments.midtrans.base-url=" + provider.baseUrl(),
                "--wallet.payments.midtrans.notification-url=http://localhost:" + settings.apiPort()
                        + "/webhooks/midtrans");
    }

    private static void runAsProcesses(LocalStackSettings settings, Instances instances, int kafkaBrokers) {
        EmbeddedSimulator provider = paymentSimulator(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "payment-simulator-stop"));
        ProcessStack stack = ProcessStack.start(new ProcessStack.Settings(
                settings.dataDir(),
                settings.postgresPort(),
                settings.kafkaPort(),
                kafkaBrokers,
                false,
                settings.redisPort(),
                Map.of(
                        Service.API,
                        settings.apiPort(),
                        Service.RELAY,
                        settings.relayPort(),
                        Service.LEDGER,
                        settings.ledgerPort()),
                instances,
                Map.of(Service.API, paymentSettings(settings, provider)),
                true,
                List.of("-Xmx512m"),
                Map.of()));
        Map<Service, List<String>> listening = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            listening.put(
                    service,
                    stack.instances(service).stream()
                            .map(instance -> instance.uri() + " (" + instance.name() + ", pid "
                                    + instance.jvm().pid() + ")")
                            .toList());
        }
        String logs = stack.all().stream().map(ServiceInstance::name).collect(Collectors.joining(", "));
        String brokers = stack.kafkaBrokers().stream()
                .map(broker -> broker.name() + " pid " + broker.pid())
                .collect(Collectors.joining(", "));
        String brokerLogs = stack.kafkaBrokers().stream().map(ChildJvm::name).collect(Collectors.joining(", "));
        printWhereEverythingListens(
                System.out, settings, stack.endpoints().kafkaBootstrapServers(), listening, provider, """
                 Processes       %s; logs of %s, %s in %s
                """.formatted(
                                brokers, brokerLogs, logs, settings.dataDir().resolve("logs")));
        try {
            Thread.currentThread().join(); // until Ctrl-C: the stack's shutdown hook stops every process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printWhereEverythingListens(
            PrintStream out,
            LocalStackSettings settings,
            String kafka,
            Map<Service, List<String>> listening,
            EmbeddedSimulator provider,
            String processes) {
        String indent = "\n" + " ".repeat(17);
        out.printf(
                """

                ==========================================================================================
                 The outbox wallet is running. Ctrl-C stops everything.

                 api-service     %s
                                 users admin/admin-local-pass (ADMIN), alice/alice-local-pass, bob/bob-local-pass
                 outbox-relay    %s
                 ledger-service  %s
                                 operator admin/admin-local-pass
                 PostgreSQL      localhost:%d, databases wallet and ledger, user postgres, no password
                 Kafka           %s, topic wallet.events
                 Redis           redis://localhost:%d
                 Payments        %s, the payment simulator (Midtrans's API); pay a virtual account:
                                 curl -X POST %s/simulator/virtual-accounts/<number>/pay
                 Data            %s  (stop, then delete it to start from scratch)
                %s==========================================================================================
                %n""",
                String.join(indent, listening.get(Service.API)),
                String.join(
                        indent,
                        Objects.requireNonNull(listening.get(Service.RELAY)).stream()
                                .map(uri -> uri.replaceFirst("^(http://localhost:\\d+)", "$1/actuator/health"))
                                .toList()),
                String.join(indent, listening.get(Service.LEDGER)),
                settings.postgresPort(),
                kafka,
                settings.redisPort(),
                provider.baseUrl(),
                provider.baseUrl(),
                settings.dataDir(),
                processes);
    }
}
