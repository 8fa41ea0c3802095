-- Rollups shaped like the questions the pages ask. Each row counts the answers of one
-- cell: how many gave each score (s0 … s10: the score itself, not an index) and how many
-- were left out as bursts of taps. Four grains, all kept up to date in the transaction
-- that stores the answers (an answer arriving days late lands on its own day):
--   1 day × site × question × channel          (service and employee: the nil UUID)
--   2 month × site × question × channel
--   3 day × site × service × employee × question × channel
--   4 month × site × service × employee × question × channel
-- `period` is yyyymmdd for day grains and yyyymm for month grains, in the site's time zone.
-- A question of a page is answered from the smallest grain that holds it: whole months
-- from a month grain, the days at either end from a day grain.
CREATE TABLE rollups (
    org_id UUID NOT NULL,
    grain SMALLINT NOT NULL,
    period INTEGER NOT NULL,
    site_id UUID NOT NULL,
    service_id UUID NOT NULL,
    employee_id UUID NOT NULL,
    question_id UUID NOT NULL,
    channel TEXT NOT NULL,
    s0 BIGINT NOT NULL DEFAULT 0,
    s1 BIGINT NOT NULL DEFAULT 0,
    s2 BIGINT NOT NULL DEFAULT 0,
    s3 BIGINT NOT NULL DEFAULT 0,
    s4 BIGINT NOT NULL DEFAULT 0,
    s5 BIGINT NOT NULL DEFAULT 0,
    s6 BIGINT NOT NULL DEFAULT 0,
    s7 BIGINT NOT NULL DEFAULT 0,
    s8 BIGINT NOT NULL DEFAULT 0,
    s9 BIGINT NOT NULL DEFAULT 0,
    s10 BIGINT NOT NULL DEFAULT 0,
    bursts BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, grain, period, site_id, service_id, employee_id, question_id, channel)
);

INSERT INTO rollups (org_id, grain, period, site_id, service_id, employee_id, question_id, channel, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, 1, local_day, site_id, '00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, question_id, channel,
       SUM(CASE WHEN flags = 0 AND score = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN flags <> 0 THEN 1 ELSE 0 END)
FROM ratings WHERE score IS NOT NULL
GROUP BY org_id, local_day, site_id, question_id, channel;

INSERT INTO rollups (org_id, grain, period, site_id, service_id, employee_id, question_id, channel, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, 2, local_day / 100, site_id, '00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, question_id, channel,
       SUM(CASE WHEN flags = 0 AND score = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN flags <> 0 THEN 1 ELSE 0 END)
FROM ratings WHERE score IS NOT NULL
GROUP BY org_id, local_day / 100, site_id, question_id, channel;

INSERT INTO rollups (org_id, grain, period, site_id, service_id, employee_id, question_id, channel, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, 3, local_day, site_id, COALESCE(service_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(employee_id, '00000000-0000-0000-0000-000000000000'::uuid), question_id, channel,
       SUM(CASE WHEN flags = 0 AND score = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN flags <> 0 THEN 1 ELSE 0 END)
FROM ratings WHERE score IS NOT NULL
GROUP BY org_id, local_day, site_id, COALESCE(service_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(employee_id, '00000000-0000-0000-0000-000000000000'::uuid), question_id, channel;

INSERT INTO rollups (org_id, grain, period, site_id, service_id, employee_id, question_id, channel, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, 4, local_day / 100, site_id, COALESCE(service_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(employee_id, '00000000-0000-0000-0000-000000000000'::uuid), question_id, channel,
       SUM(CASE WHEN flags = 0 AND score = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN flags = 0 AND score = 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN flags <> 0 THEN 1 ELSE 0 END)
FROM ratings WHERE score IS NOT NULL
GROUP BY org_id, local_day / 100, site_id, COALESCE(service_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(employee_id, '00000000-0000-0000-0000-000000000000'::uuid), question_id, channel;

-- The documented view keeps its columns and meaning, now counted from the answers.
DROP VIEW bi_daily_scores;
CREATE VIEW bi_daily_scores AS
SELECT d.org_id, d.local_day, d.site_id, s.name AS site_name, s.region_id, g.name AS region_name,
       d.service_id, v.name AS service_name, d.employee_id, e.name AS employee_name,
       d.question_id, q.code AS question_code, q.scale, d.channel, d.score, d.answers, d.bursts
FROM (SELECT org_id, local_day, site_id, service_id, employee_id, question_id, channel, score,
             SUM(CASE WHEN flags = 0 THEN 1 ELSE 0 END) AS answers,
             SUM(CASE WHEN flags <> 0 THEN 1 ELSE 0 END) AS bursts
      FROM ratings WHERE score IS NOT NULL
      GROUP BY org_id, local_day, site_id, service_id, employee_id, question_id, channel, score) d
JOIN sites s ON s.id = d.site_id
JOIN regions g ON g.id = s.region_id
JOIN questions q ON q.id = d.question_id
LEFT JOIN services v ON v.id = d.service_id
LEFT JOIN employees e ON e.id = d.employee_id;

DROP TABLE rollup_daily;
