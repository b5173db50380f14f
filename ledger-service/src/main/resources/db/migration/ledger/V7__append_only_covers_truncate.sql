-- The ledger and the audit log are append-only (V1), but row triggers do not fire for TRUNCATE, which empties a table
-- in one statement. A statement trigger refuses it the same way. (Replay never truncates: it builds fresh tables in
-- ledger_rebuild and swaps them in, retiring the old ones whole.)
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
