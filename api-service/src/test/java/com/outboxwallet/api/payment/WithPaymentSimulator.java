package com.outboxwallet.api.payment;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.infra.FreePorts;
import com.outboxwallet.paysim.SimulatorControl;
import com.outboxwallet.paysim.SimulatorProcess;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api-service with funded top-ups on, its provider the payment simulator in a process of its own (one for the
 * test JVM, stopped with it), notifying the service at a port fixed before it starts. The breaker and the
 * reconciliation are quick, so that tests see them act within seconds.
 */
public abstract class WithPaymentSimulator extends ApiServiceIntegrationTest {

    protected static final String SERVER_KEY = "SB-Mid-server-simulated-provider";
    private static final int PORT = FreePorts.free();
    protected static final SimulatorProcess PROVIDER = started();
    protected static final SimulatorControl SIMULATOR = PROVIDER.control();

    private static SimulatorProcess started() {
        SimulatorProcess provider = SimulatorProcess.start(SimulatorProcess.options(SERVER_KEY));
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
        return provider;
    }

    @DynamicPropertySource
    static void payments(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("wallet.payments.enabled", () -> "true");
        registry.add("wallet.payments.midtrans.server-key", () -> SERVER_KEY);
        registry.add("wallet.payments.midtrans.base-url", PROVIDER::baseUrl);
        registry.add(
                "wallet.payments.midtrans.notification-url", () -> "http://127.0.0.1:" + PORT + "/webhooks/midtrans");
        registry.add("wallet.payments.midtrans.read-timeout", () -> "1s");
        registry.add("wallet.payments.circuit-breaker.minimum-calls", () -> "3");
        registry.add("wallet.payments.circuit-breaker.sliding-window", () -> "3");
        registry.add("wallet.payments.circuit-breaker.open-for", () -> "1s");
        registry.add("wallet.payments.reconciliation.interval", () -> "1s");
        registry.add("wallet.payments.reconciliation.first-check-after", () -> "2s");
        registry.add("wallet.payments.reconciliation.check-every", () -> "1s");
        registry.add("wallet.payments.reconciliation.settled-check-every", () -> "1s");
        registry.add("wallet.payments.reconciliation.heartbeat", () -> "1s");
    }
}
