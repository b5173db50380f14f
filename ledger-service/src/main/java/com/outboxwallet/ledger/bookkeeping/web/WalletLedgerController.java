package com.outboxwallet.ledger.bookkeeping.web;

import com.outboxwallet.ledger.bookkeeping.LedgerEntry;
import com.outboxwallet.ledger.bookkeeping.LedgerQueries;
import com.outboxwallet.ledger.bookkeeping.SequenceGaps;
import com.outboxwallet.ledger.bookkeeping.WalletBalance;
import com.outboxwallet.problems.Page;
import com.outboxwallet.problems.Paging;
import com.outboxwallet.problems.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An operator's view of one wallet in the ledger: its account lines, and its balance checked against them. */
@Tag(
        name = "ledger",
        description = "One wallet as the ledger sees it: its account lines, its audit log and its"
                + " balance checked against them.")
@ProblemResponses({"unauthorized", "invalid-request", "not-acceptable"})
@RestController
class WalletLedgerController {

    private final LedgerQueries ledger;

    WalletLedgerController(LedgerQueries ledger) {
        this.ledger = ledger;
    }

    @Operation(
            operationId = "listLedgerEntries",
            summary = "A wallet's ledger lines, newest first",
            description = "Both sides of each top-up that credited the wallet: the wallet's account and the funding"
                    + " account, paged.")
    @GetMapping(path = "/api/v1/ledger/wallets/{walletId}/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<Entry> entries(
            @Parameter(description = "the wallet's id") @PathVariable UUID walletId,
            @Parameter(description = "page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    @Max(Paging.LAST_PAGE)
                    int page,
            @Parameter(description = "lines per page") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        List<Entry> rows =
                ledger.entries(walletId, page, size).stream().map(Entry::of).toList();
        return new Page<>(rows, page, size, ledger.entriesSize(walletId));
    }

    @Operation(
            operationId = "getLedgerBalance",
            summary = "A wallet's balance, checked against its ledger lines",
            description = "The projected balance beside the sum of the wallet's ledger lines (equal unless the"
                    + " projection was tampered with) and the sequences still missing.")
    @ProblemResponses("not-found")
    @GetMapping(path = "/api/v1/ledger/wallets/{walletId}/balance", produces = MediaType.APPLICATION_JSON_VALUE)
    Balance balance(@Parameter(description = "the wallet's id") @PathVariable UUID walletId) {
        return ledger.balance(walletId).map(Balance::of).orElseThrow(() -> {
            ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
            notFound.setDetail("The ledger has no event for wallet " + walletId + ".");
            return notFound;
        });
    }

    /** Amounts are strings: exact decimals. */
    record Entry(
            @Schema(format = "uuid", description = "the top-up's id", example = "0b6f8f5e-3c0a-4f8e-9d59-6a0d2b1c7e44")
            String transactionId,

            @Schema(example = "wallet:5f0c3a6e-8d1b-4c47-9a51-2f1e6d7b9c10")
            String account,

            @Schema(
                    description = "exact decimal; a credit is positive",
                    pattern = "^-?[0-9]+\\.[0-9]{2}$",
                    example = "150.00")
            String amount,

            @Schema(pattern = "^[A-Z]{3}$", example = "EUR") String currency,

            @Schema(format = "date-time", example = "2026-12-01T09:30:00Z")
            String occurredAt,

            @Schema(format = "date-time", example = "2026-12-01T09:30:00.120Z")
            String recordedAt) {

        static Entry of(LedgerEntry entry) {
            return new Entry(
                    entry.transactionId().toString(),
                    entry.account(),
                    entry.amount().toPlainString(),
                    entry.currency(),
                    entry.occurredAt().toString(),
                    entry.recordedAt().toString());
        }
    }

    /**
     * @param balance        the projection, what the ledger would report as the wallet's balance
     * @param entriesBalance the sum of the wallet's ledger lines; equal to balance unless the projection was tampered
     * @param openGapCount   how many sequences are missing
     * @param openGaps       the lowest ranges of missing sequences, at most 100
     */
    record Balance(
            @Schema(format = "uuid", example = "5f0c3a6e-8d1b-4c47-9a51-2f1e6d7b9c10")
            String walletId,

            @Schema(pattern = "^[A-Z]{3}$", example = "EUR") String currency,

            @Schema(pattern = "^-?[0-9]+\\.[0-9]{2}$", example = "30.50")
            String balance,

            @Schema(pattern = "^-?[0-9]+\\.[0-9]{2}$", example = "30.50")
            String entriesBalance,

            @Schema(example = "true") boolean consistent,
            @Schema(example = "2") long lastSequence,
            @Schema(example = "0") long openGapCount,
            List<GapRange> openGaps) {

        static Balance of(WalletBalance balance) {
            return new Balance(
                    balance.walletId().toString(),
                    balance.currency(),
                    balance.projectedBalance().toPlainString(),
                    balance.entriesBalance().toPlainString(),
                    balance.consistent(),
                    balance.lastSequence(),
                    balance.openGapCount(),
                    balance.openGaps().stream().map(GapRange::of).toList());
        }
    }

    /** Sequences {@code first..last}, both included, are missing. */
    record GapRange(
            @Schema(example = "3") long first,
            @Schema(example = "4") long last,

            @Schema(format = "date-time", example = "2026-12-01T09:31:00Z")
            String detectedAt) {

        static GapRange of(SequenceGaps.GapRange gap) {
            return new GapRange(
                    gap.first(), gap.last(), gap.detectedAt().toInstant().toString());
        }
    }
}
