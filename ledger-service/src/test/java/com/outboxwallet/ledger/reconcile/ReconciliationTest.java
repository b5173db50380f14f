package com.outboxwallet.ledger.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.ledger.reconcile.Reconciliation.Kind;
import com.outboxwallet.ledger.reconcile.Reconciliation.LedgerRow;
import com.outboxwallet.ledger.reconcile.Reconciliation.Mismatch;
import com.outboxwallet.ledger.reconcile.Reconciliation.WalletRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void aWalletEqualOnAllSidesIsNoMismatchWhateverTheScaleOfItsAmounts() {
        assertThat(Reconciliation.compare(List.of(wallet("10.5", 2)), Map.of(id, ledger("10.50", "10.500", 2))))
                .isEmpty();
    }

    @Test
    void aWalletWithoutTopUpsNeedsNoLedgerEvents() {
        assertThat(Reconciliation.compare(List.of(wallet("0.00", 0)), Map.of())).isEmpty();
    }

    @Test
    void eachDisagreementIsItsOwnMismatch() {
        List<Mismatch> mismatches =
                Reconciliation.compare(List.of(wallet("11.00", 3)), Map.of(id, ledger("10.00", "9.00", 2)));

        assertThat(mismatches).extracting(Mismatch::kind).containsExactly(Kind.BALANCE, Kind.ENTRIES, Kind.SEQUENCE);
    }

    @Test
    void aWalletOnOnlyOneSideIsAMismatch() {
        UUID ledgerOnly = UUID.randomUUID();
        List<Mismatch> mismatches = Reconciliation.compare(
                List.of(wallet("5.00", 1)),
                Map.of(
                        ledgerOnly,
                        new LedgerRow(ledgerOnly, "IDR", new BigDecimal("1.00"), new BigDecimal("1.00"), 1, 0)));

        assertThat(mismatches)
                .extracting(Mismatch::kind)
                .containsExactlyInAnyOrder(Kind.MISSING_IN_LEDGER, Kind.MISSING_IN_API_SERVICE);
    }

    @Test
    void ledgerLinesWithoutAProjectionAreAMismatchOfTheEntries() {
        List<Mismatch> mismatches = Reconciliation.compare(
                List.of(wallet("1.00", 1)), Map.of(id, new LedgerRow(id, "IDR", null, new BigDecimal("1.00"), 0, 0)));

        assertThat(mismatches).extracting(Mismatch::kind).contains(Kind.BALANCE, Kind.ENTRIES, Kind.SEQUENCE);
    }

    private WalletRow wallet(String balance, long version) {
        return new WalletRow(id, "IDR", new BigDecimal(balance), version);
    }

    private LedgerRow ledger(String balance, String entries, long lastSequence) {
        return new LedgerRow(id, "IDR", new BigDecimal(balance), new BigDecimal(entries), lastSequence, 0);
    }
}
