-- Operational metrics: visits carry what response rate, waiting time, time with customer
-- and retention need; services carry their targets; the organisation its retention
-- window. SQLite cannot drop a NOT NULL, so the visits table is built again (a visit from
-- a queue system may have no employee).
CREATE TABLE visits_new (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    site_id BLOB REFERENCES sites(id),
    service_id BLOB REFERENCES services(id),
    employee_id BLOB REFERENCES employees(id),
    -- Who the customer is, as the sending system knows them (or a keyed hash): links
    -- a customer's visits for retention. Never a phone number in clear.
    customer_key TEXT,
    -- The customer's arrival (ticket), the start and the end of service (ms).
    arrived_at BIGINT,
    started_at BIGINT NOT NULL,
    ended_at BIGINT,
    -- yyyymmdd of the start in the site's time zone.
    local_day INTEGER NOT NULL,
    -- When the first answer about this visit arrived.
    answered_at BIGINT,
    -- The customer's next visit (for retention).
    next_visit_at BIGINT,
    next_visit_day INTEGER,
    -- The service's targets when the visit happened, in seconds.
    target_wait_s INTEGER,
    target_handle_s INTEGER
);
INSERT INTO visits_new (id, org_id, site_id, employee_id, started_at, ended_at, local_day, answered_at)
SELECT v.id, v.org_id, v.site_id, v.employee_id, v.started_at, v.ended_at,
       CAST(strftime('%Y%m%d', v.started_at / 1000, 'unixepoch') AS INTEGER),
       (SELECT MIN(r.received_at) FROM ratings r WHERE r.visit_id = v.id)
FROM visits v;
DROP TABLE visits;
ALTER TABLE visits_new RENAME TO visits;
CREATE INDEX visits_employee ON visits(employee_id, started_at);
CREATE INDEX visits_day ON visits(org_id, local_day);
CREATE INDEX visits_customer ON visits(org_id, customer_key, started_at) WHERE customer_key IS NOT NULL;

ALTER TABLE services ADD COLUMN target_wait_s INTEGER;
ALTER TABLE services ADD COLUMN target_handle_s INTEGER;
ALTER TABLE organisations ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 90;

-- The visits of each cell: grain 1 = day (period yyyymmdd), 2 = month (yyyymm), per
-- site × service × employee (the nil UUID for none). Kept up to date in the transaction
-- that changes a visit; see crates/store/src/visits.rs.
CREATE TABLE visit_rollups (
    org_id BLOB NOT NULL,
    grain SMALLINT NOT NULL,
    period INTEGER NOT NULL,
    site_id BLOB NOT NULL,
    service_id BLOB NOT NULL,
    employee_id BLOB NOT NULL,
    visits BIGINT NOT NULL DEFAULT 0,
    answered BIGINT NOT NULL DEFAULT 0,
    handled BIGINT NOT NULL DEFAULT 0,
    handle_s BIGINT NOT NULL DEFAULT 0,
    handle_sq BIGINT NOT NULL DEFAULT 0,
    handle_targeted BIGINT NOT NULL DEFAULT 0,
    handle_within BIGINT NOT NULL DEFAULT 0,
    waited BIGINT NOT NULL DEFAULT 0,
    wait_s BIGINT NOT NULL DEFAULT 0,
    wait_sq BIGINT NOT NULL DEFAULT 0,
    wait_targeted BIGINT NOT NULL DEFAULT 0,
    wait_within BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, grain, period, site_id, service_id, employee_id)
) WITHOUT ROWID;

INSERT INTO visit_rollups (org_id, grain, period, site_id, service_id, employee_id, visits, answered, handled, handle_s, handle_sq)
SELECT org_id, 1, local_day, COALESCE(site_id, X'00000000000000000000000000000000'), X'00000000000000000000000000000000', COALESCE(employee_id, X'00000000000000000000000000000000'), COUNT(*),
       SUM(CASE WHEN answered_at IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN 1 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN (ended_at - started_at) / 1000 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN ((ended_at - started_at) / 1000) * ((ended_at - started_at) / 1000) ELSE 0 END)
FROM visits GROUP BY org_id, local_day, COALESCE(site_id, X'00000000000000000000000000000000'), COALESCE(employee_id, X'00000000000000000000000000000000');

INSERT INTO visit_rollups (org_id, grain, period, site_id, service_id, employee_id, visits, answered, handled, handle_s, handle_sq)
SELECT org_id, 2, local_day / 100, COALESCE(site_id, X'00000000000000000000000000000000'), X'00000000000000000000000000000000', COALESCE(employee_id, X'00000000000000000000000000000000'), COUNT(*),
       SUM(CASE WHEN answered_at IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN 1 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN (ended_at - started_at) / 1000 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN ((ended_at - started_at) / 1000) * ((ended_at - started_at) / 1000) ELSE 0 END)
FROM visits GROUP BY org_id, local_day / 100, COALESCE(site_id, X'00000000000000000000000000000000'), COALESCE(employee_id, X'00000000000000000000000000000000');
