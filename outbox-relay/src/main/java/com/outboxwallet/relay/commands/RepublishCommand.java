package com.outboxwallet.relay.commands;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code java -jar outbox-relay.jar republish --from=<ISO instant> [--to=<ISO instant>] [--wallet=<wallet id>]}:
 * re-sends the published events still retained that occurred in [from, to), optionally of one wallet, with progress and a summary.
 */
@Component
@ConditionalOnProperty(name = "relay.command", havingValue = "republish")
class RepublishCommand implements ApplicationRunner {

    private final Republisher republisher;
    private final RelayCommandResult result;
    private final PrintStream out = System.out;

    RepublishCommand(Republisher republisher, RelayCommandResult result) {
        this.republisher = republisher;
        this.result = result;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant from;
        Instant to;
        UUID wallet;
        try {
            from = Instant.parse(option(args, "from").orElseThrow(
                    () -> new IllegalArgumentException("--from is required")));
            to = option(args, "to").map(Instant::parse).orElseGet(Instant::now);
            wallet = option(args, "wallet").map(UUID::fromString).orElse(null);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            out.println("usage: republish --from=<ISO instant> [--to=<ISO instant>] [--wallet=<wallet id>]");
            out.println("error: " + e.getMessage());
            result.exitWith(2);
            return;
        }
        long total = republisher.count(from, to, wallet);
        out.printf("Re-publishing %d published events from %s to %s%s%n", total, from, to,
                wallet == null ? "" : " of wallet " + wallet);
        long started = System.nanoTime();
        long sent = republisher.republish(from, to, wallet,
                count -> out.printf("  %d / %d%n", count, total));
        out.printf("Done: %d events re-published in %.1f s. Consumers drop the ones they already have by ce_id.%n",
                sent, (System.nanoTime() - started) / 1e9);
        result.exitWith(0);
    }

    private static Optional<String> option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
