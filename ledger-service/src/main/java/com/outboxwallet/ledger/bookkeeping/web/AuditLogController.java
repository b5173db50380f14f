package com.outboxwallet.ledger.bookkeeping.web;

import com.outboxwallet.ledger.bookkeeping.AuditLogEntry;
import com.outboxwallet.ledger.bookkeeping.LedgerQueries;
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
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every top-up the ledger applied to a wallet, as the event carried it. */
@Tag(name = "ledger")
@ProblemResponses({"unauthorized", "invalid-request", "not-acceptable"})
@RestController
class AuditLogController {

    private final LedgerQueries ledger;

    AuditLogController(LedgerQueries ledger) {
        this.ledger = ledger;
    }

    @GetMapping(path = "/api/v1/ledger/wallets/{walletId}/audit-log", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "listAuditLog",
            summary = "A wallet's audit log, newest first",
            description = "One row per top-up applied, with the idempotency key and message it arrived with, paged.")
    Page<Row> auditLog(
            @Parameter(description = "the wallet's id") @PathVariable UUID walletId,
            @Parameter(description = "page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    @Max(Paging.LAST_PAGE)
                    int page,
            @Parameter(description = "rows per page") @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<Row> rows =
                ledger.auditLog(walletId, page, size).stream().map(Row::of).toList();
        return new Page<>(rows, page, size, ledger.auditLogSize(walletId));
    }

    /** Amounts are strings: exact decimals. */
    record Row(
            @Schema(format = "uuid", example = "0b6f8f5e-3c0a-4f8e-9d59-6a0d2b1c7e44")
            String topUpId,

            @Schema(example = "7d3c2b9a-topup-1") String idempotencyKey,

            @Schema(pattern = "^-?[0-9]+\\.[0-9]{2}$", example = "150.00")
            String amount,

            @Schema(pattern = "^[A-Z]{3}$", example = "EUR") String currency,
            @Schema(example = "Topped up 150.00 EUR") String message,

            @Schema(format = "date-time", example = "2026-12-01T09:30:00Z")
            String occurredAt,

            @Schema(format = "date-time", example = "2026-12-01T09:30:00.120Z")
            String recordedAt) {

        static Row of(AuditLogEntry entry) {
            return new Row(
                    entry.topUpId().toString(),
                    entry.idempotencyKey(),
                    entry.amount().toPlainString(),
                    entry.currency(),
                    entry.message(),
                    entry.occurredAt().toString(),
                    entry.recordedAt().toString());
        }
    }
}
