package com.outboxwallet.ledger.deadletters;

import com.outboxwallet.ledger.operations.LedgerCommands;
import com.outboxwallet.process.OperatorCommand;
import com.outboxwallet.process.ParsingConverter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dead-letters list | redrive <partition:offset> | redrive-all | set-aside <partition:offset>}: their options
 * and help; {@link DeadLetterTopic} does the work.
 */
@Command(
        name = DeadLettersCommand.NAME,
        header = "List and re-drive the records on the dead-letter topic.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            DeadLettersCommand.ListCommand.class,
            DeadLettersCommand.RedriveCommand.class,
            DeadLettersCommand.RedriveAllCommand.class,
            DeadLettersCommand.SetAsideCommand.class
        },
        description = "The records the ledger could not apply, set aside on the dead-letter topic "
                + "(wallet.events.dlt): list them, and re-drive them to the wallet events topic once their cause is "
                + "fixed. Re-driving an event the ledger already holds is harmless: it is dropped as a duplicate. "
                + "set-aside is the break-glass for a record that holds up its partition.")
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

    @Command(
            name = "set-aside",
            header = "Break glass: set one record of the wallet events topic aside.",
            description = "For a record that holds up its partition in a way the ledger's own rules do not catch (the"
                    + " walletEvents health component DOWN, the database UP, the same record every attempt): the"
                    + " ledger moves it to the dead-letter topic at its next attempt and applies the rest. Recorded"
                    + " with who and why, and logged. Refused for a record the ledger is already past.")
    static final class SetAsideCommand extends OnTheTopic {

        @Parameters(
                paramLabel = "<partition:offset>",
                converter = PositionConverter.class,
                description = "The record's position on the wallet events topic, as the walletEvents health details"
                        + " name it (wallet.events-3@1200 is 3:1200).")
        RecordPosition position;

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "<text>",
                description = "Why it is set aside, for the record, e.g. 'times out every attempt, INC-123'.")
        String reason;

        @Option(
                names = "--operator",
                paramLabel = "<name>",
                description = "Who sets it aside; default: the user running the command.")
        String operator = System.getProperty("user.name", "unknown");

        @Override
        int run(DeadLetterTopic topic) {
            return topic.setAside(position, reason, operator);
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
