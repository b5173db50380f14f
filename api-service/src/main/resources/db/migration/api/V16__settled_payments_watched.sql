-- A settled payment is asked about again for a while, so that a refund or a chargeback whose notification was lost is
-- still compensated (wallet.payments.reconciliation.watch-settled-for). watched_at is when it settled or was last asked
-- about; NULL once it is watched no more. The reconciliation finds the due ones from this partial index, by the oldest
-- watched_at, never from the whole table.
ALTER TABLE payments ADD COLUMN watched_at TIMESTAMPTZ;

CREATE INDEX payments_watched_idx ON payments (watched_at) WHERE state = 'SETTLED' AND watched_at IS NOT NULL;

-- Payments settled within the default watch (two days) before this migration are watched from now on.
UPDATE payments SET watched_at = updated_at WHERE state = 'SETTLED' AND updated_at > now() - interval '2 days';
