-- Saved reports of the report builder. `query` is the report's URL query string (metrics,
-- grouping, chart and the selection of period and place): the report's stable URL is
-- /admin/reports/{id}. Whoever opens it sees it through their own reach.
CREATE TABLE reports (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    -- Roles besides the head and the author who may open it: comma-separated.
    shared_roles TEXT NOT NULL DEFAULT '',
    -- none, weekly or monthly: sent by e-mail to the author.
    schedule TEXT NOT NULL DEFAULT 'none',
    created_by BLOB NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX reports_org ON reports(org_id);
