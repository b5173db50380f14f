package com.outboxwallet.ledger.console;

import com.outboxwallet.process.ConditionalOnServing;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;

/**
 * Scrapes the relay's metrics once per page view. The ledger may not read the relay's tables, and the relay's
 * actuator is open on its internal port, so its own Prometheus output is the one source the ledger may use. Never
 * throws: whatever goes wrong (refused, timed out, an error status) is the page's "relay unreachable" with the reason.
 */
@Component
@ConditionalOnServing
public class RelayStatusReader {

    private final ConsoleProperties settings;
    private final HttpClient http;

    RelayStatusReader(ConsoleProperties settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.relayTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public RelayStatus read() {
        var url = settings.relayMetricsUrl();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(settings.relayTimeout())
                            // The classic text format: OpenMetrics would also do, but this is the one PrometheusText
                            // reads.
                            .header("Accept", "text/plain;version=0.0.4")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return RelayStatus.unreachable(url, "HTTP " + response.statusCode());
            }
            return RelayStatus.from(url, PrometheusText.parse(response.body()));
        } catch (IOException | RuntimeException e) {
            return RelayStatus.unreachable(
                    url, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RelayStatus.unreachable(url, "interrupted");
        }
    }
}
