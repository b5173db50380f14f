package com.outboxwallet.relay.commands;

import com.outboxwallet.process.OperatorCommand;
import com.outboxwallet.process.OperatorCommandLine;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code republish --from <instant> [--to <instant>] [--wallet <wallet id>]}: re-sends, through {@link Republisher},
 * the published events still retained that occurred in [from, to), optionally of one wallet, with progress and a
 * summary.
 */
@Command(
        name = "republish",
        header = "Send published events of a time range again.",
        description = "Sends again, in their original order, the published events still retained "
                + "(relay.retention.keep) that occurred in [--from, --to), optionally of one wallet. Rows not yet "
                + "published are left to the live relay. Runs beside it: each batch takes the publishing turn, so its "
                + "events never interleave with live ones. Consumers drop the duplicates by ce_id.")
public final class RepublishCommand extends OperatorCommand implements Callable<Integer> {

    private final PrintStream out = System.out;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "<instant>",
            description = "The first time of the range, ISO-8601 (2026-11-25T00:00:00Z).")
    Instant from;

    @Option(names = "--to", paramLabel = "<instant>", description = "The end of the range, excluded; now if not given.")
    Instant to;

    @Option(names = "--wallet", paramLabel = "<wallet id>", description = "Only this wallet's events.")
    UUID wallet;

    @Override
    public Integer call() throws Exception {
        Instant until = to == null ? Instant.now() : to;
        return inService(Map.of(), service -> republish(service.getBean(Republisher.class), until));
    }

    private int republish(Republisher republisher, Instant until) {
        long total = republisher.count(from, until, wallet);
        out.printf(
                "Re-publishing %d published events from %s to %s%s%n",
                total, from, until, wallet == null ? "" : " of wallet " + wallet);
        long started = System.nanoTime();
        long sent = republisher.republish(from, until, wallet, count -> out.printf("  %d / %d%n", count, total));
        out.printf(
                "Done: %d events re-published in %.1f s. Consumers drop the ones they already have by ce_id.%n",
                sent, (System.nanoTime() - started) / 1e9);
        return OperatorCommandLine.OK;
    }
}
