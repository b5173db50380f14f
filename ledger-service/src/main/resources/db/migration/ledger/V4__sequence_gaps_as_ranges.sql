-- A gap is a range of missing sequences, so an event that jumps any distance ahead costs one row, not one per
-- sequence skipped (a jump of 10^15 used to ask generate_series for 10^15 rows). Only open gaps are kept: a late
-- event that arrives removes its sequence from its range, splitting it if it was inside; the log line and the
-- ledger_sequence_gaps_filled_total counter record that it happened.
CREATE TABLE sequence_gap_ranges (
    wallet_id      UUID        NOT NULL,
    first_sequence BIGINT      NOT NULL,
    last_sequence  BIGINT      NOT NULL,
    detected_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT sequence_gaps_ranges_pkey PRIMARY KEY (wallet_id, first_sequence),
    CONSTRAINT sequence_gaps_first_positive CHECK (first_sequence >= 1),
    CONSTRAINT sequence_gaps_range_ordered CHECK (last_sequence >= first_sequence)
);

-- Open gaps of the old per-sequence table become ranges: consecutive sequences of a wallet (same difference between
-- the sequence and its rank) merge into one, detected when its oldest part was.
INSERT INTO sequence_gap_ranges (wallet_id, first_sequence, last_sequence, detected_at)
SELECT wallet_id, min(sequence), max(sequence), min(detected_at)
  FROM (SELECT wallet_id, sequence, detected_at,
               sequence - row_number() OVER (PARTITION BY wallet_id ORDER BY sequence) AS island
          FROM sequence_gaps WHERE filled_at IS NULL) open_gaps
 GROUP BY wallet_id, island;

DROP TABLE sequence_gaps;
ALTER TABLE sequence_gap_ranges RENAME TO sequence_gaps;
