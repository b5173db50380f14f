-- A top-up's integrity checks, each paid for once (issue 29: PostgreSQL's CPU per top-up).
--
-- top_ups referenced users and wallets separately. The check against users took a KEY SHARE lock on the user's row
-- for every top-up: a row lock written to the users table and to the WAL, for a row nothing else touches. One
-- reference to the wallet, by its id and its owner together, says more (a top-up's user is its wallet's owner, which
-- two separate references never said) and costs nothing extra: the credit already holds that wallet row's lock.
ALTER TABLE wallets ADD CONSTRAINT wallets_id_user_uq UNIQUE (id, user_id);
ALTER TABLE top_ups
    ADD CONSTRAINT top_ups_wallet_owner_fk FOREIGN KEY (wallet_id, user_id) REFERENCES wallets (id, user_id) NOT VALID;
ALTER TABLE top_ups VALIDATE CONSTRAINT top_ups_wallet_owner_fk;
ALTER TABLE top_ups DROP CONSTRAINT top_ups_user_id_fkey;
ALTER TABLE top_ups DROP CONSTRAINT top_ups_wallet_id_fkey;

-- One top-up per payment, for funded top-ups only: a direct top-up (most of them) no longer adds a NULL to an index.
ALTER TABLE top_ups DROP CONSTRAINT top_ups_payment_uq;
CREATE UNIQUE INDEX top_ups_payment_uq ON top_ups (payment_id) WHERE payment_id IS NOT NULL;
