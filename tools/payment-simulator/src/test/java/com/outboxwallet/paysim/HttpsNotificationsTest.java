package com.outboxwallet.paysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications to an HTTPS webhook whose certificate no public CA signed (compose's self-signed one): delivered when
 * the simulator is told to trust it ({@code --notification-trust}), refused by TLS otherwise.
 */
class HttpsNotificationsTest {

    private static final String KEY = "SB-Mid-server-https-test";
    private static final char[] PASSWORD = "changeit-test".toCharArray();

    @Test
    void aWebhookWithASelfSignedCertificateIsNotifiedOnlyWhenItIsTrusted(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        Path p12 = dir.resolve("tls.p12");
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString());
        run(
                "openssl",
                "pkcs12",
                "-export",
                "-in",
                cert.toString(),
                "-inkey",
                key.toString(),
                "-out",
                p12.toString(),
                "-passout",
                "pass:" + new String(PASSWORD));
        List<String> received = new CopyOnWriteArrayList<>();
        HttpsServer webhook = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        webhook.setHttpsConfigurator(new HttpsConfigurator(serverContext(p12)));
        webhook.createContext("/notify", exchange -> {
            try (exchange) {
                received.add(new String(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        webhook.start();
        String url = "https://localhost:" + webhook.getAddress().getPort() + "/notify";
        try (Simulator trusting = simulator(url, cert);
                Simulator untrusting = simulator(url, null)) {
            trusting.charge("order-trusted", new BigDecimal("10.00"), "qris", null, null, null, "{}", null);
            untrusting.charge("order-untrusted", new BigDecimal("10.00"), "qris", null, null, null, "{}", null);

            await().until(() -> !trusting.deliveriesOf("order-trusted").isEmpty()
                    && !untrusting.deliveriesOf("order-untrusted").isEmpty());
            assertThat(trusting.deliveriesOf("order-trusted").getFirst().outcome())
                    .isEqualTo("200");
            assertThat(untrusting.deliveriesOf("order-untrusted").getFirst().outcome())
                    .startsWith("failed: SSLHandshakeException");
            assertThat(received).anyMatch(body -> body.contains("\"order-trusted\""));
            assertThat(received).noneMatch(body -> body.contains("\"order-untrusted\""));
        } finally {
            webhook.stop(0);
        }
    }

    private static Simulator simulator(String url, Path trust) {
        return new Simulator(
                new SimulatorSettings(
                        0,
                        KEY,
                        "G000000001",
                        url,
                        List.of(Duration.ofHours(1)),
                        Duration.ofSeconds(5),
                        Duration.ofDays(1),
                        null,
                        "127.0.0.1",
                        trust),
                Clock.systemUTC());
    }

    private static SSLContext serverContext(Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
