package com.outboxwallet.ledger.ledger.web;

import com.outboxwallet.ledger.ledger.AuditLogEntry;
import com.outboxwallet.ledger.ledger.LedgerQueries;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
class AuditLogController {

    private final LedgerQueries ledger;

    AuditLogController(LedgerQueries ledger) {
        this.ledger = ledger;
    }

    @GetMapping(path = "/api/v1/ledger/wallets/{walletId}/audit-log", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditLogPage auditLog(@PathVariable UUID walletId,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<Row> rows = ledger.auditLog(walletId, page, size).stream().map(Row::of).toList();
        return new AuditLogPage(walletId.toString(), rows, page, size, ledger.auditLogSize(walletId));
    }

    record AuditLogPage(String walletId, List<Row> content, int page, int size, long totalElements) {
    }

    /** Amounts are strings: exact decimals. */
    record Row(String topUpId, String idempotencyKey, String amount, String currency, String message,
               String occurredAt, String recordedAt) {

        static Row of(AuditLogEntry entry) {
            return new Row(entry.topUpId().toString(), entry.idempotencyKey(), entry.amount().toPlainString(),
                    entry.currency(), entry.message(), entry.occurredAt().toString(), entry.recordedAt().toString());
        }
    }
}
