-- The employees' pulse (crates/domain/src/pulse.rs): the head's plan, its rounds, and
-- what the rounds gathered. No table holds an answer with a person: an answer adds one
-- to its round's and site's counts; who took part is kept apart, without a time, only
-- so that nobody answers twice; an e-mailed link is a hash with its round and site.
-- The tables without rowid keep their rows in key order (a person, a random hash), not
-- in the order they were written.
CREATE TABLE pulse_plans (
    org_id BLOB PRIMARY KEY REFERENCES organisations(id),
    rhythm TEXT NOT NULL DEFAULT 'off',
    delivery TEXT NOT NULL DEFAULT 'station',
    open_days INTEGER NOT NULL DEFAULT 7,
    statements TEXT NOT NULL DEFAULT '[]',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE pulse_rounds (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    period_key TEXT NOT NULL,
    delivery TEXT NOT NULL,
    statements TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    CONSTRAINT pulse_rounds_period_unique UNIQUE (org_id, period_key)
);
CREATE TABLE pulse_participants (
    round_id BLOB NOT NULL REFERENCES pulse_rounds(id),
    user_id BLOB NOT NULL,
    how TEXT NOT NULL,
    PRIMARY KEY (round_id, user_id)
) WITHOUT ROWID;
CREATE TABLE pulse_tickets (
    ticket_key TEXT PRIMARY KEY,
    round_id BLOB NOT NULL REFERENCES pulse_rounds(id),
    site_id BLOB NOT NULL,
    used BOOLEAN NOT NULL DEFAULT FALSE
) WITHOUT ROWID;
CREATE TABLE pulse_counts (
    round_id BLOB NOT NULL REFERENCES pulse_rounds(id),
    site_id BLOB NOT NULL,
    item SMALLINT NOT NULL,
    value SMALLINT NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, site_id, item, value)
) WITHOUT ROWID;
