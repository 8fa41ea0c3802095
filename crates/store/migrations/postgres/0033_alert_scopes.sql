-- Alerts without the flood. A rule watches each site, each service at a site, or each
-- employee (its scope), anywhere or within one region or site; low answers join their
-- scope's open alert of the day instead of raising one alert each. A rate rule raises
-- when enough low answers come within a window (min_answers within window_minutes).
ALTER TABLE alert_rules ADD COLUMN scope TEXT NOT NULL DEFAULT 'site';
ALTER TABLE alert_rules ADD COLUMN region_id UUID REFERENCES regions(id);
ALTER TABLE alert_rules ADD COLUMN window_minutes INTEGER NOT NULL DEFAULT 60;
-- When the last answer joined the alert (ms); the alert's day (20261205) for its figure.
ALTER TABLE alerts ADD COLUMN last_at BIGINT;
ALTER TABLE alerts ADD COLUMN day INTEGER;
-- The answers an alert gathered: an answer joins a rule's alert once, whichever
-- instance looks at it first.
CREATE TABLE alert_answers (
    rule_id UUID NOT NULL REFERENCES alert_rules(id),
    rating_id UUID NOT NULL,
    alert_id UUID NOT NULL REFERENCES alerts(id),
    PRIMARY KEY (rule_id, rating_id)
);
CREATE INDEX alert_answers_alert ON alert_answers(alert_id);
