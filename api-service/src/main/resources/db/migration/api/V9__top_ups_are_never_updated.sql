-- A top-up, once written, is never changed: the api-service inserts top-ups and reads them, nothing more. V6 granted
-- UPDATE with the other tables; without it a compromised or buggy api-service cannot rewrite an accepted top-up's
-- amount or owner after the fact (the balance and the outbox row would no longer say the same).
REVOKE UPDATE ON top_ups FROM wallet_api;
