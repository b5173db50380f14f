package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The api-service as docker-compose runs it: TLS from a PEM certificate and key through an SSL bundle (the same
 * properties compose sets as SERVER_SSL_BUNDLE and SPRING_SSL_BUNDLE_PEM_WEB_*), and HSTS on every secure answer.
 */
@TestPropertySource(
        properties = {
            "server.ssl.bundle=web",
            "spring.ssl.bundle.pem.web.keystore.certificate=classpath:tls/localhost.crt",
            "spring.ssl.bundle.pem.web.keystore.private-key=classpath:tls/localhost.key"
        })
class HttpsIT extends ApiServiceIntegrationTest {

    @Test
    void servesTopUpsOverTlsWithStrictTransportSecurity() throws Exception {
        WalletApi https = overTls();
        Credentials user = aUser();

        HttpResponse<String> topUp = https.topUp(user, anyKey(), "12.00");

        assertThat(topUp.statusCode()).isEqualTo(201);
        assertThat(topUp.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
        assertThat(https.get(null, "/actuator/health").headers().firstValue("Strict-Transport-Security"))
                .isPresent();
    }

    /**
     * A body refused for its size is answered before Spring Security's filters run, yet with the same headers as any
     * other answer.
     */
    @Test
    void anOversizedBodyIsRefusedWithTheSameSecurityHeaders() throws Exception {
        WalletApi https = overTls();

        HttpResponse<String> refused =
                https.post(aUser(), "/api/v1/topups", anyKey(), "{\"amount\":\"" + "1".repeat(20_000) + "\"}");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
        assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(refused.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    /** A client of this api-service over HTTPS that trusts its test certificate. */
    private WalletApi overTls() throws Exception {
        return new WalletApi(
                "https://localhost:" + port,
                HttpClient.newBuilder()
                        .sslContext(trusting("tls/localhost.crt"))
                        .build());
    }

    /** Trusts the test certificate and nothing else, as a client given the deployment's CA would. */
    private static SSLContext trusting(String certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = HttpsIT.class.getClassLoader().getResourceAsStream(certificate)) {
            trusted.setCertificateEntry(
                    "localhost", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
