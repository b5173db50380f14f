-- Daily totals of past days are deleted after wallet.limits.daily-totals-kept (DailyTotalsRetention): only the
-- current day's row is ever read, and without this the table grows by a row per active user per day for ever. The
-- api-service deletes them, on this table only; the index finds them without reading the whole table.
CREATE INDEX daily_top_up_totals_day_idx ON daily_top_up_totals (day);
GRANT DELETE ON daily_top_up_totals TO wallet_api;
