package com.outboxwallet.ledger.ledger.web;

import com.outboxwallet.ledger.ledger.LedgerEntry;
import com.outboxwallet.ledger.ledger.LedgerQueries;
import com.outboxwallet.ledger.ledger.SequenceGaps;
import com.outboxwallet.ledger.ledger.WalletBalance;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** An operator's view of one wallet in the ledger: its account lines, and its balance checked against them. */
@RestController
class WalletLedgerController {

    private final LedgerQueries ledger;

    WalletLedgerController(LedgerQueries ledger) {
        this.ledger = ledger;
    }

    @GetMapping(path = "/api/v1/ledger/wallets/{walletId}/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    EntriesPage entries(@PathVariable UUID walletId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        List<Entry> rows = ledger.entries(walletId, page, size).stream().map(Entry::of).toList();
        return new EntriesPage(walletId.toString(), rows, page, size, ledger.entriesSize(walletId));
    }

    @GetMapping(path = "/api/v1/ledger/wallets/{walletId}/balance", produces = MediaType.APPLICATION_JSON_VALUE)
    Balance balance(@PathVariable UUID walletId) {
        return ledger.balance(walletId).map(Balance::of).orElseThrow(() -> {
            ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
            notFound.setDetail("The ledger has no event for wallet " + walletId + ".");
            return notFound;
        });
    }

    record EntriesPage(String walletId, List<Entry> content, int page, int size, long totalElements) {
    }

    /** Amounts are strings: exact decimals. */
    record Entry(String transactionId, String account, String amount, String currency, String occurredAt,
                 String recordedAt) {

        static Entry of(LedgerEntry entry) {
            return new Entry(entry.transactionId().toString(), entry.account(), entry.amount().toPlainString(),
                    entry.currency(), entry.occurredAt().toString(), entry.recordedAt().toString());
        }
    }

    /**
     * @param balance        the projection, what the ledger would report as the wallet's balance
     * @param entriesBalance the sum of the wallet's ledger lines; equal to balance unless the projection was tampered
     * @param openGapCount   how many sequences are missing
     * @param openGaps       the lowest ranges of missing sequences, at most 100
     */
    record Balance(String walletId, String currency, String balance, String entriesBalance, boolean consistent,
                   long lastSequence, long openGapCount, List<GapRange> openGaps) {

        static Balance of(WalletBalance balance) {
            return new Balance(balance.walletId().toString(), balance.currency(),
                    balance.projectedBalance().toPlainString(), balance.entriesBalance().toPlainString(),
                    balance.consistent(), balance.lastSequence(), balance.openGapCount(),
                    balance.openGaps().stream().map(GapRange::of).toList());
        }
    }

    /** Sequences {@code first..last}, both included, are missing. */
    record GapRange(long first, long last, String detectedAt) {

        static GapRange of(SequenceGaps.GapRange gap) {
            return new GapRange(gap.first(), gap.last(), gap.detectedAt().toInstant().toString());
        }
    }
}
