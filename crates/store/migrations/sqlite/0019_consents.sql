-- The opt-out register: customers who asked not to be surveyed (a STOP reply, a call to
-- the organisation…), by their anonymous customer key (a keyed hash of the phone number:
-- the register keeps no number), and every change with where it came from.
CREATE TABLE consents (
    org_id BLOB NOT NULL REFERENCES organisations(id),
    customer_key TEXT NOT NULL,
    opted_out BOOLEAN NOT NULL,
    changed_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, customer_key)
);

CREATE TABLE consent_events (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    customer_key TEXT NOT NULL,
    opted_out BOOLEAN NOT NULL,
    -- reply, admin or api
    source TEXT NOT NULL,
    by_name TEXT,
    note TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX consent_events_key ON consent_events(org_id, customer_key, at);
