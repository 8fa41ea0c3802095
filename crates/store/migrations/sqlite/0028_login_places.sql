-- Where each account signed in from (a keyed hash of the account and the address, never
-- the address itself), so that failed sign-ins from elsewhere cannot keep it out; and
-- the time of each failure is read per key with its latest one.
CREATE TABLE login_places (
    place TEXT PRIMARY KEY,
    last_at BIGINT NOT NULL
);
