-- E-mail: where a user receives the monthly report, and the outbox every message waits in
-- until an SMTP server has taken it.
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN monthly_report BOOLEAN NOT NULL DEFAULT FALSE;

-- A scheduled job of an organisation (e.g. `monthly:2026-10`) is done once: whichever
-- instance inserts its row first, in the same transaction as the messages it composed, ran it.
CREATE TABLE job_runs (
    org_id UUID NOT NULL REFERENCES organisations(id),
    job TEXT NOT NULL,
    ran_at BIGINT NOT NULL,
    messages INTEGER NOT NULL,
    PRIMARY KEY (org_id, job)
);

-- Messages composed and waiting to be sent, sent, or given up on. `message` is the whole
-- message as it goes out (RFC 5322), so a retry sends exactly what was composed.
CREATE TABLE outbox (
    id UUID PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES organisations(id),
    -- monthly, report or alert
    kind TEXT NOT NULL,
    -- The job that composed it (`monthly:2026-10`), or the alert.
    job TEXT NOT NULL,
    user_id UUID REFERENCES users(id),
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    message BYTEA NOT NULL,
    -- pending, sent or failed (no more attempts)
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    -- An instance sending it holds it until then; another takes it over after.
    locked_until BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_org ON outbox(org_id, created_at);
