-- What each user topped up on each calendar day (in wallet.limits.day-zone), for the daily limits. Written in the
-- top-up's own transaction while the wallet's row is locked, so two top-ups of one user never pass a limit together.

CREATE TABLE daily_top_up_totals (
    user_id UUID           NOT NULL REFERENCES users (id),
    day     DATE           NOT NULL,
    amount  NUMERIC(17, 2) NOT NULL CHECK (amount >= 0),
    count   INTEGER        NOT NULL CHECK (count >= 0),
    PRIMARY KEY (user_id, day)
);
