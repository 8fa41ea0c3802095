-- Operational metrics: visits carry what response rate, waiting time, time with customer
-- and retention need; services carry their targets; the organisation its retention
-- window. See the SQLite migration for what each column means.
ALTER TABLE visits ALTER COLUMN employee_id DROP NOT NULL;
ALTER TABLE visits ADD COLUMN service_id UUID REFERENCES services(id);
ALTER TABLE visits ADD COLUMN customer_key TEXT;
ALTER TABLE visits ADD COLUMN arrived_at BIGINT;
ALTER TABLE visits ADD COLUMN local_day INTEGER;
ALTER TABLE visits ADD COLUMN answered_at BIGINT;
ALTER TABLE visits ADD COLUMN next_visit_at BIGINT;
ALTER TABLE visits ADD COLUMN next_visit_day INTEGER;
ALTER TABLE visits ADD COLUMN target_wait_s INTEGER;
ALTER TABLE visits ADD COLUMN target_handle_s INTEGER;
UPDATE visits v SET
    local_day = to_char(to_timestamp(v.started_at / 1000.0) AT TIME ZONE 'UTC', 'YYYYMMDD')::INTEGER,
    answered_at = (SELECT MIN(r.received_at) FROM ratings r WHERE r.visit_id = v.id);
ALTER TABLE visits ALTER COLUMN local_day SET NOT NULL;
CREATE INDEX visits_day ON visits(org_id, local_day);
CREATE INDEX visits_customer ON visits(org_id, customer_key, started_at) WHERE customer_key IS NOT NULL;

ALTER TABLE services ADD COLUMN target_wait_s INTEGER;
ALTER TABLE services ADD COLUMN target_handle_s INTEGER;
ALTER TABLE organisations ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 90;

CREATE TABLE visit_rollups (
    org_id UUID NOT NULL,
    grain SMALLINT NOT NULL,
    period INTEGER NOT NULL,
    site_id UUID NOT NULL,
    service_id UUID NOT NULL,
    employee_id UUID NOT NULL,
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
);

INSERT INTO visit_rollups (org_id, grain, period, site_id, service_id, employee_id, visits, answered, handled, handle_s, handle_sq)
SELECT org_id, 1, local_day, COALESCE(site_id, '00000000-0000-0000-0000-000000000000'::uuid), '00000000-0000-0000-0000-000000000000'::uuid, COALESCE(employee_id, '00000000-0000-0000-0000-000000000000'::uuid), COUNT(*),
       SUM(CASE WHEN answered_at IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN 1 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN (ended_at - started_at) / 1000 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN ((ended_at - started_at) / 1000) * ((ended_at - started_at) / 1000) ELSE 0 END)
FROM visits GROUP BY org_id, local_day, COALESCE(site_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(employee_id, '00000000-0000-0000-0000-000000000000'::uuid);

INSERT INTO visit_rollups (org_id, grain, period, site_id, service_id, employee_id, visits, answered, handled, handle_s, handle_sq)
SELECT org_id, 2, local_day / 100, COALESCE(site_id, '00000000-0000-0000-0000-000000000000'::uuid), '00000000-0000-0000-0000-000000000000'::uuid, COALESCE(employee_id, '00000000-0000-0000-0000-000000000000'::uuid), COUNT(*),
       SUM(CASE WHEN answered_at IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN 1 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN (ended_at - started_at) / 1000 ELSE 0 END),
       SUM(CASE WHEN ended_at - started_at BETWEEN 0 AND 43200999 THEN ((ended_at - started_at) / 1000) * ((ended_at - started_at) / 1000) ELSE 0 END)
FROM visits GROUP BY org_id, local_day / 100, COALESCE(site_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(employee_id, '00000000-0000-0000-0000-000000000000'::uuid);
