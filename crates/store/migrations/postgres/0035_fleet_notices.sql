-- The fleet tells its people: a terminal found down (offline, or quiet while its site is
-- open) is recorded once, whichever instance finds it, and its site's supervisors are
-- told, grouped into one message; again when it is back.
CREATE TABLE terminal_downs (
    terminal_id UUID PRIMARY KEY REFERENCES terminals(id),
    org_id UUID NOT NULL REFERENCES organisations(id),
    -- offline or quiet
    kind TEXT NOT NULL,
    since BIGINT NOT NULL
);
CREATE TABLE fleet_notices (
    user_id UUID NOT NULL REFERENCES users(id),
    terminal_id UUID NOT NULL REFERENCES terminals(id),
    -- offline, quiet or back
    kind TEXT NOT NULL,
    at BIGINT NOT NULL,
    org_id UUID NOT NULL REFERENCES organisations(id),
    sent_at BIGINT,
    PRIMARY KEY (user_id, terminal_id, kind, at)
);
CREATE INDEX fleet_notices_waiting ON fleet_notices(org_id, sent_at);
