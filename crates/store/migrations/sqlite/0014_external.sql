-- Figures from outside Rida (web analytics, social media…), imported from CSV and shown
-- beside satisfaction on the same time axis. One value per organisation, source, metric
-- and day (yyyymmdd); importing the same day again replaces the value.
CREATE TABLE external_figures (
    org_id BLOB NOT NULL REFERENCES organisations(id),
    source TEXT NOT NULL,
    metric TEXT NOT NULL,
    day INTEGER NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    imported_at BIGINT NOT NULL,
    PRIMARY KEY (org_id, source, metric, day)
);
CREATE INDEX external_figures_day ON external_figures(org_id, day);
