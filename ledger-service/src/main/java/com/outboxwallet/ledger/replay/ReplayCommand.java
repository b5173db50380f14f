package com.outboxwallet.ledger.replay;

import com.outboxwallet.process.OperatorCommand;
import com.outboxwallet.process.ParsingConverter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code replay --from <start>}: its options and help; {@link Replayer} does the work. */
@Command(
        name = ReplayCommand.NAME,
        header = "Rebuild the ledger from the topic, then swap it in.",
        description = {
            "Rebuilds the whole ledger from the wallet events topic into schema ledger_rebuild, through the same "
                    + "migrations and batches as the live listener, while the live service runs; then swaps it in. "
                    + "Resumable: a rerun continues each partition where the last run stopped.",
            "%nExit code 1: the rebuild lacks top-ups the live ledger holds (a --from after them), so it was not "
                    + "swapped in; the live ledger is untouched."
        })
public final class ReplayCommand extends OperatorCommand implements Callable<Integer> {

    static final String NAME = "replay";

    /** Its datasource and Flyway work in the rebuild schema; it reaches the live tables only by qualified name. */
    private static final Map<String, Object> SETTINGS = Map.of(
            "spring.datasource.hikari.schema", RebuildSchema.NAME,
            "spring.flyway.schemas", RebuildSchema.NAME,
            "spring.flyway.default-schema", RebuildSchema.NAME);

    @Option(
            names = "--from",
            required = true,
            paramLabel = "<start>",
            converter = StartConverter.class,
            description = "Where to start reading: earliest; the first record at or after an ISO-8601 time "
                    + "(2026-11-25T06:00:00Z); or partition:offset[,partition:offset...], the partitions not named "
                    + "from their earliest offset.")
    ReplayStart from;

    @Override
    public Integer call() throws Exception {
        return inService(SETTINGS, service -> service.getBean(Replayer.class).replay(from));
    }

    static final class StartConverter extends ParsingConverter<ReplayStart> {

        StartConverter() {
            super(ReplayStart::parse);
        }
    }
}
