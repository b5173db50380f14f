package com.outboxwallet.api.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a proxy an operator turns on {@code server.forward-headers-strategy=native}; the client address is then
 * read from {@code X-Forwarded-For}, but only when the request comes from a proxy the operator named
 * ({@code server.tomcat.remoteip.internal-proxies}, none by default). Tomcat's own default trusts every private and
 * loopback address, so any container on the network could give each guess an address of its own and pass the
 * per-address throttle.
 */
@TestPropertySource(
        properties = {
            "server.forward-headers-strategy=native",
            "wallet.auth.login-throttle.max-failures-per-user=5",
            "wallet.auth.login-throttle.max-failures-per-account=20",
            "wallet.auth.login-throttle.max-failures-per-address=20"
        })
class ForwardedForIT extends ApiServiceIntegrationTest {

    /** A loopback address of its own, so that its failures count against no other test's (see LoginThrottleIT). */
    private final HttpClient http;

    ForwardedForIT() throws UnknownHostException {
        http = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.201"))
                .build();
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotChooseItsAddressWithXForwardedFor() throws Exception {
        Credentials alice = aUser();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(wrongPasswordFrom("203.0.113." + (i + 1), alice).statusCode());
        }

        assertThat(statuses.subList(0, 5))
                .as("the policy's checks for a username from one address")
                .containsOnly(401);
        assertThat(statuses.subList(5, 8))
                .as("every guess came from the same address, whatever it said")
                .contains(429);
    }

    private HttpResponse<String> wrongPasswordFrom(String claimedAddress, Credentials user)
            throws IOException, InterruptedException {
        String credentials = user.username() + ":not-" + user.password();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/wallet"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                        .header("X-Forwarded-For", claimedAddress)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
