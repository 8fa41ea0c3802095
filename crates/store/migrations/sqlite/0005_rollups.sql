-- Daily counts of each score, at the full grain of the answers (site × service ×
-- employee × question × channel × day), kept up to date as answers arrive, so that
-- results do not scan raw answers. "None" (no service, no employee) is the nil UUID, so
-- that the key stays unique on both backends. `n` counts answers results use; `bursts`
-- the ones flagged as bursts of taps and left out.
CREATE TABLE rollup_daily (
    org_id BLOB NOT NULL,
    local_day INTEGER NOT NULL,
    site_id BLOB NOT NULL,
    service_id BLOB NOT NULL,
    employee_id BLOB NOT NULL,
    question_id BLOB NOT NULL,
    channel TEXT NOT NULL,
    score SMALLINT NOT NULL,
    n BIGINT NOT NULL,
    bursts BIGINT NOT NULL,
    PRIMARY KEY (org_id, local_day, site_id, service_id, employee_id, question_id, channel, score)
);

INSERT INTO rollup_daily (org_id, local_day, site_id, service_id, employee_id, question_id, channel, score, n, bursts)
SELECT org_id, local_day, site_id,
       COALESCE(service_id, X'00000000000000000000000000000000'),
       COALESCE(employee_id, X'00000000000000000000000000000000'),
       question_id, channel, score,
       SUM(CASE WHEN flags = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN flags <> 0 THEN 1 ELSE 0 END)
FROM ratings WHERE score IS NOT NULL
GROUP BY org_id, local_day, site_id, COALESCE(service_id, X'00000000000000000000000000000000'),
         COALESCE(employee_id, X'00000000000000000000000000000000'), question_id, channel, score;
