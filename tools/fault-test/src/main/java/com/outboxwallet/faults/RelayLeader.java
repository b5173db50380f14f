package com.outboxwallet.faults;

import com.outboxwallet.local.Service;
import com.outboxwallet.local.processes.ProcessStack;
import com.outboxwallet.local.processes.ServiceInstance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/** Which relay instance leads, as its own metrics say. */
final class RelayLeader {

    private static final Pattern LEADER = Pattern.compile("^relay_leader\\{.*} 1\\.0$", Pattern.MULTILINE);

    private RelayLeader() {}

    /** The relay instance whose {@code relay_leader} gauge is 1, waiting for one to lead (after a fail-over). */
    static ServiceInstance of(ProcessStack stack) {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            Instant deadline = Instant.now().plus(ProcessStack.START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ServiceInstance relay : stack.instances(Service.RELAY)) {
                    if (leads(http, relay)) {
                        return relay;
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        throw new IllegalStateException("no relay instance leads");
    }

    private static boolean leads(HttpClient http, ServiceInstance relay) {
        try {
            HttpResponse<String> metrics = http.send(
                    HttpRequest.newBuilder(relay.uri().resolve(URI.create("/actuator/prometheus")))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return metrics.statusCode() == 200 && LEADER.matcher(metrics.body()).find();
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
