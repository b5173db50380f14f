package com.outboxwallet.ledger.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandArgumentsTest {

    @Test
    void optionsAreReadWithASpaceOrAnEqualsSign() {
        CommandArguments args = CommandArguments.parse("replay", "--from", "earliest", "--spring.x=1", "--flag");

        assertThat(args.word(0)).hasValue("replay");
        assertThat(args.option("from")).hasValue("earliest");
        assertThat(args.option("spring.x")).hasValue("1");
        assertThat(args.option("flag")).hasValue("");
        assertThat(args.option("missing")).isEmpty();
    }

    @Test
    void wordsAfterTheCommandAreItsSubcommandAndOperand() {
        CommandArguments args = CommandArguments.parse("dead-letters", "redrive", "0:12");

        assertThat(args.word(1)).hasValue("redrive");
        assertThat(args.word(2)).hasValue("0:12");
        assertThat(args.word(3)).isEmpty();
    }

    @Test
    void onlyTheFirstArgumentNamesACommand() {
        assertThat(OperatorCommand.named("replay", "--from", "earliest")).hasValue(OperatorCommand.REPLAY);
        assertThat(OperatorCommand.named("--server.port=0")).isEmpty();
        assertThat(OperatorCommand.named()).isEmpty();
    }
}
