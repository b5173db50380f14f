package com.outboxwallet.ledger.ledger.web;

import com.outboxwallet.ledger.ledger.SequenceGaps;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Where the gap alarm comes from: every open range of missing sequences, oldest first. */
@RestController
class SequenceGapsController {

    private final SequenceGaps gaps;

    SequenceGapsController(SequenceGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping(path = "/api/v1/ledger/sequence-gaps", produces = MediaType.APPLICATION_JSON_VALUE)
    GapsPage open(@RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        List<Gap> rows = gaps.open(page, size).stream()
                .map(gap -> new Gap(gap.walletId().toString(), gap.first(), gap.last(), gap.size(),
                        gap.detectedAt().toInstant().toString()))
                .toList();
        return new GapsPage(rows, page, size, gaps.openRangeCount(), gaps.openCount());
    }

    /**
     * @param totalElements ranges, what the pages go through
     * @param missing       sequences missing in all of them
     */
    record GapsPage(List<Gap> content, int page, int size, long totalElements, long missing) {
    }

    /** Sequences {@code first..last} of the wallet, both included, are missing. */
    record Gap(String walletId, long first, long last, long missing, String detectedAt) {
    }
}
