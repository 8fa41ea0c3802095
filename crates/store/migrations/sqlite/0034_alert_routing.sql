-- Alerts that reach the right person at the right pace. A rule may name the person it
-- goes to (besides its roles) and a deadline in hours: an alert still open after it is
-- escalated once, to the head. People are told in a digest (at most one message an hour,
-- or a day, as each chooses), never one message per answer.
ALTER TABLE alert_rules ADD COLUMN notify_user BLOB REFERENCES users(id);
ALTER TABLE alert_rules ADD COLUMN deadline_hours INTEGER;
ALTER TABLE alerts ADD COLUMN acknowledged_at BIGINT;
ALTER TABLE alerts ADD COLUMN acknowledged_by BLOB REFERENCES users(id);
ALTER TABLE alerts ADD COLUMN escalated_at BIGINT;
-- hour or day
ALTER TABLE users ADD COLUMN digest TEXT NOT NULL DEFAULT 'hour';
ALTER TABLE users ADD COLUMN digest_sent_at BIGINT;
-- What each person is to be told in their next digest: a new alert, an alert escalated
-- to them, a colleague whose alerts wait for an e-mail address. Once each.
CREATE TABLE alert_notices (
    user_id BLOB NOT NULL REFERENCES users(id),
    alert_id BLOB NOT NULL REFERENCES alerts(id),
    kind TEXT NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    PRIMARY KEY (user_id, alert_id, kind)
);
CREATE INDEX alert_notices_waiting ON alert_notices(org_id, sent_at);
