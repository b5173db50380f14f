-- The payments' figures (PaymentMetrics) count the open and the held payments every 15 s: both from partial indexes,
-- never from the whole table, which grows with every payment ever made.
CREATE INDEX payments_held_idx ON payments (created_at) WHERE state = 'HELD';
