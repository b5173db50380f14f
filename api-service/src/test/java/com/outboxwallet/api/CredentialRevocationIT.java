package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two api-service instances on the same PostgreSQL and Redis: what an administrator changes on one is enforced by the
 * other within a second, for HTTP Basic (whose verified credentials each instance caches) and for web sessions.
 */
class CredentialRevocationIT extends ApiServiceIntegrationTest {

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    private static ConfigurableApplicationContext secondInstance;

    @Autowired
    Environment environment;

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void aUserDisabledOnOneInstanceIsRefusedByAnotherWithinASecond() {
        Credentials alice = aUser();
        WalletApi other = secondInstance();
        assertThat(other.get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200); // verified and cached there

        assertThat(api().post(admin(), "/api/v1/admin/users/" + alice.userId() + "/disable", null, "")
                        .statusCode())
                .isEqualTo(200);

        await().atMost(WITHIN_A_SECOND)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> other.get(alice, "/api/v1/wallet").statusCode() == 401);
        assertThat(other.topUp(alice, anyKey(), "10.00").statusCode()).isEqualTo(401);
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void aPasswordResetOnOneInstanceRetiresTheOldPasswordOnAnotherWithinASecond() {
        Credentials alice = aUser();
        WalletApi other = secondInstance();
        assertThat(other.get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200);

        api().put(
                        admin(),
                        "/api/v1/admin/users/" + alice.userId() + "/password",
                        "{\"password\":\"alice-new-password\"}");

        await().atMost(WITHIN_A_SECOND)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> other.get(alice, "/api/v1/wallet").statusCode() == 401);
        Credentials renewed = new Credentials(alice.username(), "alice-new-password", alice.userId(), alice.walletId());
        assertThat(other.get(renewed, "/api/v1/wallet").statusCode()).isEqualTo(200);
    }

    @Test
    void aWebSessionOnAnotherInstanceEndsWhenItsUserIsDisabled() {
        Credentials alice = aUser();
        Browser browser = new Browser("http://localhost:" + secondInstancePort());
        browser.logIn(alice);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        api().post(admin(), "/api/v1/admin/users/" + alice.userId() + "/disable", null, "");

        AtomicReference<HttpResponse<String>> page = new AtomicReference<>();
        await().atMost(WITHIN_A_SECOND).pollInterval(Duration.ofMillis(50)).until(() -> {
            page.set(browser.get("/"));
            return page.get().statusCode() == 302;
        });
        assertThat(page.get().headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
        assertThat(browser.get("/").headers().firstValue("Location").orElseThrow())
                .as("the session is gone")
                .endsWith("/login");
    }

    private WalletApi secondInstance() {
        return new WalletApi("http://localhost:" + secondInstancePort());
    }

    private synchronized int secondInstancePort() {
        if (secondInstance == null) {
            secondInstance = ApiServiceApplication.application()
                    .run(
                            "--spring.profiles.active=test",
                            "--server.port=0",
                            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                            "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                            "--wallet.redis.url=" + environment.getProperty("wallet.redis.url"),
                            "--wallet.accounts.bootstrap-admin.password=" + ADMIN_PASSWORD);
        }
        return ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
    }
}
