package com.outboxwallet.ledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.ledger.bookkeeping.SequenceGaps.GapRange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The console's template on the branches the browser test cannot reach without a relay or a replay: a reachable relay
 * (its own output, as in PrometheusTextTest), partition lag, a replay in progress and one swapped in before, and a
 * ledger database that cannot be read. Thymeleaf evaluates only the branches it renders, so an expression error in any
 * of these would otherwise first show when the page is needed.
 */
class ConsoleTemplateTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 9, 31, 0, 0, ZoneOffset.UTC);
    private static final UUID WALLET = UUID.fromString("5f0c3a6e-8d1b-4c47-9a51-2f1e6d7b9c10");

    @Test
    void aReachableRelayALaggingPartitionAndAReplayInProgress() throws IOException {
        Map<String, Object> model = model();
        model.put(
                "relay",
                RelayStatus.from(
                        URI.create("http://outbox-relay:8081/actuator/prometheus"),
                        PrometheusText.parse(relayOutput())));
        model.put(
                "lag",
                new ConsumerLag(
                        List.of(new ConsumerLag.PartitionLag(0, 12), new ConsumerLag.PartitionLag(3, 1500)), 1500.0));
        model.put("apply", new ApplyActivity(150, 10, 0, 1, 1, 6, 0.05, 10.0, 5.0, 6.0, 0.02));
        model.put("gaps", new OpenGaps.Snapshot(2, 1, List.of(new GapRange(WALLET, 3, 4, NOW.minusMinutes(5)))));
        model.put(
                "replay",
                new ReplayState.Snapshot(
                        true,
                        List.of(new ReplayState.Position("wallet.events", 0, 0, 120, NOW.minusSeconds(3))),
                        List.of(
                                new ReplayState.Position("wallet.events", 0, 0, 80, NOW.minusDays(1)),
                                new ReplayState.Position("wallet.events", 1, 5, 90, NOW.minusDays(1))),
                        NOW));

        String page = render(model);

        assertThat(page)
                .doesNotContain("relay unreachable")
                .contains(
                        "hybrid; this instance (outbox-relay-7c9d4-1) leads and publishes",
                        "2.4 s",
                        "1,042",
                        "1.0 MiB",
                        "3.0 MiB",
                        "<td>CDC</td>")
                .contains("<td>3</td>", "1,500", "1,512 records")
                .contains("5.0/s applied (6.0/s consumed) over the last 10.0 s", "20.0 ms per poll")
                .contains(WALLET.toString(), "3..4", "2026-12-01 09:26:00")
                .contains(
                        "in progress (last position saved 3 s ago)",
                        "wallet.events-0",
                        "last rebuilt from",
                        "0:0, ",
                        "1:5",
                        "2026-11-30 09:31:00");
    }

    @Test
    void aLedgerDatabaseThatCannotBeReadLeavesTheRestOfThePage() {
        Map<String, Object> model = model();
        model.put("relay", RelayStatus.unreachable(URI.create("http://127.0.0.1:1/"), "ConnectException"));
        model.put("lag", new ConsumerLag(List.of(), null));
        model.put("apply", new ApplyActivity(0, 0, 0, 0, 0, 0, 0, null, null, null, null));
        model.put("gaps", null);
        model.put("replay", null);

        String page = render(model);

        assertThat(page)
                .contains(
                        "ledger database unreachable",
                        "relay unreachable",
                        "no fetch yet",
                        "shown from the next refresh on",
                        "not recorded");
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("refreshSeconds", 10);
        model.put("generatedAt", NOW.toInstant().toString());
        return model;
    }

    /** The template as the service renders it: Spring's Thymeleaf engine (SpEL), from templates/ on the classpath. */
    private static String render(Map<String, Object> model) {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        return engine.process("console", new Context(null, model));
    }

    private static String relayOutput() throws IOException {
        try (InputStream in = ConsoleTemplateTest.class.getResourceAsStream("relay-prometheus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
