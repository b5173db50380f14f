package com.outboxwallet.ledger.deadletters;

import com.outboxwallet.commands.OperatorCommand;
import com.outboxwallet.commands.ParsingConverter;
import com.outboxwallet.ledger.operations.LedgerCommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dead-letters list | redrive <partition:offset> | redrive-all}: their options and help;
 * {@link DeadLetterTopic} does the work.
 */
@Command(
        name = DeadLettersCommand.NAME,
        header = "List and re-drive the records on the dead-letter topic.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            DeadLettersCommand.ListCommand.class,
            DeadLettersCommand.RedriveCommand.class,
            DeadLettersCommand.RedriveAllCommand.class
        },
        description = "The records the ledger could not apply, set aside on the dead-letter topic "
                + "(wallet.events.dlt): list them, and re-drive them to the wallet events topic once their cause is "
                + "fixed. Re-driving an event the ledger already holds is harmless: it is dropped as a duplicate.")
public final class DeadLettersCommand {

    static final String NAME = "dead-letters";

    @Command(
            name = "list",
            header = "List the dead letters.",
            description =
                    "Lists each record with where it "
                            + "came from and why it failed, pending or already applied (its event is in the ledger), then a count.")
    static final class ListCommand extends OnTheTopic {

        @Override
        int run(DeadLetterTopic topic) {
            return topic.list();
        }
    }

    @Command(
            name = "redrive",
            header = "Re-drive one dead letter.",
            description = "Publishes one record back to the topic it came from.")
    static final class RedriveCommand extends OnTheTopic {

        @Parameters(
                paramLabel = "<partition:offset>",
                converter = PositionConverter.class,
                description = "The record's position on the dead-letter topic, as list shows it, e.g. 0:17.")
        RecordPosition position;

        @Override
        int run(DeadLetterTopic topic) throws InterruptedException {
            return topic.redrive(position);
        }
    }

    @Command(
            name = "redrive-all",
            header = "Re-drive every dead letter still pending.",
            description = "Publishes back every record whose event the ledger does not hold, up to the end of the "
                    + "topic as it was at start.")
    static final class RedriveAllCommand extends OnTheTopic {

        @Override
        int run(DeadLetterTopic topic) throws InterruptedException {
            return topic.redriveAll();
        }
    }

    /** A dead-letters command: it reads the ledger and the topics, and migrates nothing. */
    abstract static class OnTheTopic extends OperatorCommand implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            return inService(LedgerCommands.READ_ONLY, service -> run(service.getBean(DeadLetterTopic.class)));
        }

        abstract int run(DeadLetterTopic topic) throws InterruptedException;
    }

    static final class PositionConverter extends ParsingConverter<RecordPosition> {

        PositionConverter() {
            super(RecordPosition::parse);
        }
    }
}
