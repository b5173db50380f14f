package com.outboxwallet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WalletEventCodecTest {

    private final WalletEventCodec codec = new WalletEventCodec();

    private static TopUpAccepted aTopUpAccepted() {
        return new TopUpAccepted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                new BigDecimal("150000.00"),
                "IDR",
                new BigDecimal("150000.10"),
                7,
                Instant.parse("2026-11-25T06:00:00.123456Z"));
    }

    @Test
    void amountsTravelAsExactDecimalStrings() {
        String json = codec.toJson(aTopUpAccepted());

        assertThat(json)
                .contains(
                        "\"amount\":\"150000.00\"",
                        "\"balanceAfter\":\"150000.10\"",
                        "\"occurredAt\":\"2026-11-25T06:00:00.123456Z\"",
                        "\"sequence\":7");
    }

    @Test
    void roundTripKeepsEveryField() {
        TopUpAccepted event = aTopUpAccepted();

        assertThat(codec.topUpAccepted(codec.toJson(event).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event);
    }

    @Test
    void aDirectTopUpSaysNothingOfFunding() {
        assertThat(codec.toJson(aTopUpAccepted())).doesNotContain("funding");
    }

    @Test
    void aFundedTopUpCarriesItsPaymentBothWays() {
        TopUpAccepted direct = aTopUpAccepted();
        TopUpAccepted funded = new TopUpAccepted(
                direct.topUpId(),
                direct.walletId(),
                direct.userId(),
                direct.amount(),
                direct.currency(),
                direct.balanceAfter(),
                direct.sequence(),
                direct.occurredAt(),
                new Funding(UUID.randomUUID(), "midtrans", "be03df7d-2f97-4c8c-a53c-8959f1b67295"));

        String json = codec.toJson(funded);

        assertThat(json).contains("\"provider\":\"midtrans\"");
        assertThat(codec.topUpAccepted(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(funded);
    }

    @Test
    void aFundingThatBreaksItsFormIsRejected() {
        String notAnObject = codec.toJson(aTopUpAccepted()).replaceFirst("\\{", "{\"funding\":\"midtrans\",");
        String badProvider = codec.toJson(aTopUpAccepted())
                .replaceFirst(
                        "\\{",
                        "{\"funding\":{\"paymentId\":\"" + UUID.randomUUID()
                                + "\",\"provider\":\"Mid Trans\",\"providerTransactionId\":\"tx-1\"},");

        assertThatThrownBy(() -> codec.topUpAccepted(notAnObject.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidWalletEvent.class)
                .hasMessageContaining("funding");
        assertThatThrownBy(() -> codec.topUpAccepted(badProvider.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidWalletEvent.class)
                .hasMessageContaining("funding.provider");
    }

    @Test
    void aReversalTravelsWithItsAmountsAndFundingBothWays() {
        TopUpReversed reversal = aReversal("150000.00", "40000.00");

        String json = codec.toJson(reversal);

        assertThat(json).contains("\"debited\":\"40000.00\"", "\"reason\":\"refund\"");
        assertThat(codec.topUpReversed(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(reversal);
        assertThat(reversal.shortfall()).isEqualByComparingTo("110000.00");
    }

    @Test
    void aReversalThatGivesBackMoreThanWasTakenOrForNoKnownReasonIsRejected() {
        assertThatThrownBy(() -> aReversal("100.00", "100.01")).isInstanceOf(InvalidWalletEvent.class);
        String unknownReason = codec.toJson(aReversal("100.00", "100.00")).replace("\"refund\"", "\"oops\"");
        assertThatThrownBy(() -> codec.topUpReversed(unknownReason.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidWalletEvent.class)
                .hasMessageContaining("reason");
        String noFunding = codec.toJson(aReversal("100.00", "100.00")).replaceAll(",\"funding\":\\{[^}]*\\}", "");
        assertThatThrownBy(() -> codec.topUpReversed(noFunding.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidWalletEvent.class)
                .hasMessageContaining("funding");
    }

    private static TopUpReversed aReversal(String amount, String debited) {
        return new TopUpReversed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                new BigDecimal(amount),
                new BigDecimal(debited),
                "IDR",
                new BigDecimal("0.00"),
                2,
                "refund",
                Instant.parse("2026-12-05T10:15:00.120Z"),
                new Funding(UUID.randomUUID(), "midtrans", "tx-1"));
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String json = codec.toJson(aTopUpAccepted()).replaceFirst("\\{", "{\"addedLater\":true,");

        assertThat(codec.topUpAccepted(json.getBytes(StandardCharsets.UTF_8)).currency())
                .isEqualTo("IDR");
    }

    @Test
    void aPayloadThatIsNotATopUpIsRejectedAsInvalid() {
        assertThatThrownBy(() -> codec.topUpAccepted("{\"amount\":\"-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidWalletEvent.class);
        assertThatThrownBy(() -> codec.topUpAccepted("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidWalletEvent.class);
    }
}
