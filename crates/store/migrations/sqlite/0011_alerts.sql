-- Alerts and the closed loop: rules the head sets, the alerts they raise (each once:
-- unique per rule and key), who follows one up, their notes, and how it was closed.
CREATE TABLE alert_rules (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    -- low_score: one low answer (per its scale); metric_below: a metric of this week
    -- under a threshold.
    kind TEXT NOT NULL,
    site_id BLOB REFERENCES sites(id),
    service_id BLOB REFERENCES services(id),
    -- metric_below: the metric (csat, nps, …), its threshold, and the answers needed.
    metric TEXT,
    threshold DOUBLE PRECISION,
    min_answers INTEGER NOT NULL DEFAULT 10,
    -- Roles told by e-mail (comma-separated); everyone who may see it sees it in the app.
    notify_roles TEXT NOT NULL DEFAULT '',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX alert_rules_org ON alert_rules(org_id);

CREATE TABLE alerts (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    rule_id BLOB NOT NULL REFERENCES alert_rules(id),
    -- What raised it: the answer's id (low_score) or the week (metric_below, 2026-W47).
    key TEXT NOT NULL,
    site_id BLOB REFERENCES sites(id),
    service_id BLOB REFERENCES services(id),
    employee_id BLOB REFERENCES employees(id),
    visit_id BLOB,
    -- The figure that raised it (a score, or the metric's value) and its answers.
    value DOUBLE PRECISION NOT NULL,
    n INTEGER NOT NULL,
    raised_at BIGINT NOT NULL,
    -- open or closed
    status TEXT NOT NULL DEFAULT 'open',
    assigned_to BLOB REFERENCES users(id),
    closed_at BIGINT,
    closed_by BLOB REFERENCES users(id),
    resolution TEXT,
    CONSTRAINT alerts_once UNIQUE (rule_id, key)
);
CREATE INDEX alerts_org_status ON alerts(org_id, status, raised_at);

CREATE TABLE alert_notes (
    id BLOB PRIMARY KEY,
    alert_id BLOB NOT NULL REFERENCES alerts(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX alert_notes_alert ON alert_notes(alert_id, created_at);

-- How far each organisation's answers were looked at for low scores (ratings.seq).
CREATE TABLE alert_cursor (
    org_id BLOB PRIMARY KEY REFERENCES organisations(id),
    seq BIGINT NOT NULL
);
