package com.outboxwallet.ledger.ledger.web;

import com.outboxwallet.ledger.ledger.SequenceGaps;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Where the gap alarm comes from: every open gap, oldest first. */
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
                .map(gap -> new Gap(gap.walletId().toString(), gap.sequence(), gap.detectedAt().toInstant().toString()))
                .toList();
        return new GapsPage(rows, page, size, gaps.openCount());
    }

    record GapsPage(List<Gap> content, int page, int size, long totalElements) {
    }

    record Gap(String walletId, long sequence, String detectedAt) {
    }
}
