-- A top-up's request fingerprint was SHA-256 of 'POST /api/v1/topups amount=<amount>': it named the JSON API's route,
-- so the web page's form had to pretend to be that route. It is now SHA-256 of 'top-up amount=<amount>' (see
-- TopUpCommand.fingerprint). Rewritten here so that a retry of an older top-up still matches its original; the
-- amount column's text is the amount as the fingerprint writes it (NUMERIC(15, 2): always two fraction digits).
-- The api-service's Redis entries moved to idempotency:v2 with it, so none of the older ones is compared again.
-- Deploy it with the api-service instances that write the new form: an older instance still taking top-ups after
-- this ran would write the older form, and a retry of such a top-up would be refused as a reused key.
UPDATE top_ups
   SET request_fingerprint = encode(sha256(convert_to('top-up amount=' || amount::text, 'UTF8')), 'hex');
