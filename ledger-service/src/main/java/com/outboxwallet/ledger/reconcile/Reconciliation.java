package com.outboxwallet.ledger.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Compares each wallet as the api-service holds it with the ledger's projection and the sum of its ledger lines. */
final class Reconciliation {

    private Reconciliation() {}

    /** A wallet as the api-service holds it; its version is the sequence of its latest event. */
    record WalletRow(UUID id, String currency, BigDecimal balance, long version) {}

    /**
     * A wallet as the ledger holds it.
     *
     * @param balance the projection's balance, null if the ledger has lines but no projection row
     * @param entries the sum of the wallet's ledger lines
     */
    record LedgerRow(
            UUID walletId, String currency, BigDecimal balance, BigDecimal entries, long lastSequence, long openGaps) {}

    enum Kind {
        MISSING_IN_LEDGER,
        MISSING_IN_API_SERVICE,
        CURRENCY,
        BALANCE,
        ENTRIES,
        SEQUENCE
    }

    record Mismatch(UUID walletId, Kind kind, String detail) {

        @Override
        public String toString() {
            return "MISMATCH " + kind + " wallet " + walletId + ": " + detail;
        }
    }

    static List<Mismatch> compare(List<WalletRow> wallets, Map<UUID, LedgerRow> ledger) {
        List<Mismatch> mismatches = new ArrayList<>();
        Map<UUID, LedgerRow> unmatched = new HashMap<>(ledger);
        for (WalletRow wallet : wallets) {
            LedgerRow row = unmatched.remove(wallet.id());
            if (row == null) {
                if (wallet.version() > 0) {
                    mismatches.add(new Mismatch(
                            wallet.id(),
                            Kind.MISSING_IN_LEDGER,
                            "api-service balance " + wallet.balance().toPlainString() + " at version "
                                    + wallet.version() + ", no ledger events"));
                }
                continue;
            }
            String gaps = row.openGaps() == 0 ? "" : " (" + row.openGaps() + " open sequence gap(s))";
            if (!Objects.equals(wallet.currency(), row.currency())) {
                mismatches.add(new Mismatch(
                        wallet.id(), Kind.CURRENCY, "api-service " + wallet.currency() + ", ledger " + row.currency()));
            }
            if (row.balance() == null || wallet.balance().compareTo(row.balance()) != 0) {
                mismatches.add(new Mismatch(
                        wallet.id(),
                        Kind.BALANCE,
                        "api-service " + wallet.balance().toPlainString() + ", ledger projection "
                                + plain(row.balance()) + gaps));
            }
            if (row.balance() == null || row.balance().compareTo(row.entries()) != 0) {
                mismatches.add(new Mismatch(
                        wallet.id(),
                        Kind.ENTRIES,
                        "ledger projection " + plain(row.balance()) + ", sum of ledger entries "
                                + plain(row.entries())));
            }
            if (wallet.version() != row.lastSequence()) {
                mismatches.add(new Mismatch(
                        wallet.id(),
                        Kind.SEQUENCE,
                        "api-service version " + wallet.version() + ", ledger last sequence " + row.lastSequence()
                                + gaps));
            }
        }
        unmatched
                .values()
                .forEach(row -> mismatches.add(new Mismatch(
                        row.walletId(),
                        Kind.MISSING_IN_API_SERVICE,
                        "ledger projection " + plain(row.balance()) + " at sequence " + row.lastSequence()
                                + ", no such wallet in the api-service")));
        return mismatches;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "none" : amount.toPlainString();
    }
}
