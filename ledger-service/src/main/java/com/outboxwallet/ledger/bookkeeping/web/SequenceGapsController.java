package com.outboxwallet.ledger.bookkeeping.web;

import com.outboxwallet.ledger.bookkeeping.SequenceGaps;
import com.outboxwallet.problems.Paging;
import com.outboxwallet.problems.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where the gap alarm comes from: every open range of missing sequences, oldest first. */
@Tag(
        name = "sequence gaps",
        description = "Wallet sequences the ledger has not received: where the gap alarm comes from.")
@ProblemResponses({"unauthorized", "invalid-request", "not-acceptable"})
@RestController
class SequenceGapsController {

    private final SequenceGaps gaps;

    SequenceGapsController(SequenceGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping(path = "/api/v1/ledger/sequence-gaps", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "listSequenceGaps",
            summary = "Open ranges of missing sequences, oldest first",
            description = "Each range a wallet's events skipped and that has not arrived since; empty when the"
                    + " ledger has every event. docs/runbook.md says how to close one.")
    GapsPage open(
            @Parameter(description = "page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    @Max(Paging.LAST_PAGE)
                    int page,
            @Parameter(description = "ranges per page") @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        List<Gap> rows = gaps.open(page, size).stream()
                .map(gap -> new Gap(
                        gap.walletId().toString(),
                        gap.first(),
                        gap.last(),
                        gap.size(),
                        gap.detectedAt().toInstant().toString()))
                .toList();
        return new GapsPage(rows, page, size, gaps.openRangeCount(), gaps.openCount());
    }

    /**
     * @param totalElements ranges, what the pages go through
     * @param missing       sequences missing in all of them
     */
    record GapsPage(
            List<Gap> content,
            @Schema(example = "0") int page,
            @Schema(example = "50") int size,
            @Schema(example = "1") long totalElements,
            @Schema(example = "2") long missing) {}

    /** Sequences {@code first..last} of the wallet, both included, are missing. */
    record Gap(
            @Schema(format = "uuid", example = "5f0c3a6e-8d1b-4c47-9a51-2f1e6d7b9c10")
            String walletId,

            @Schema(example = "3") long first,
            @Schema(example = "4") long last,
            @Schema(example = "2") long missing,

            @Schema(format = "date-time", example = "2026-12-01T09:31:00Z")
            String detectedAt) {}
}
