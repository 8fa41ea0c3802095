-- Rollups shaped like the questions the pages ask. Each row counts the answers of one
-- cell: how many gave each score (s0 … s10: the score itself, not an index) and how many
-- were left out as bursts of taps. Four grains, all kept up to date in the transaction
-- that stores the answers (an answer arriving days late lands on its own day):
--   1 day × site × question × channel          (service and employee: the nil UUID)
--   2 month × site × question × channel
--   3 day × site × service × employee × question × channel
--   4 month × site × service × employee × question   (channel: '')
-- `period` is yyyymmdd for day grains and yyyymm for month grains, in the site's time zone.
-- `scale` is the question's (a question never changes once answered); it comes before
-- the period in the key, so that a figure reads only its own scale's cells.
-- A question of a page is answered from the smallest grain that holds it: whole months
-- from a month grain, the days at either end from a day grain.
CREATE TABLE rollups (
    org_id UUID NOT NULL,
    grain SMALLINT NOT NULL,
    period INTEGER NOT NULL,
    scale TEXT NOT NULL,
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
    PRIMARY KEY (org_id, grain, scale, period, site_id, service_id, employee_id, question_id, channel)
);


INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT r.org_id, 1, r.local_day, q.scale, r.site_id, '00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, r.question_id, r.channel,
       SUM(CASE WHEN r.flags = 0 AND r.score = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN r.flags <> 0 THEN 1 ELSE 0 END)
FROM ratings r JOIN questions q ON q.id = r.question_id WHERE r.score IS NOT NULL
GROUP BY r.org_id, r.local_day, q.scale, r.site_id, r.question_id, r.channel;

INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT r.org_id, 2, r.local_day / 100, q.scale, r.site_id, '00000000-0000-0000-0000-000000000000'::uuid, '00000000-0000-0000-0000-000000000000'::uuid, r.question_id, r.channel,
       SUM(CASE WHEN r.flags = 0 AND r.score = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN r.flags <> 0 THEN 1 ELSE 0 END)
FROM ratings r JOIN questions q ON q.id = r.question_id WHERE r.score IS NOT NULL
GROUP BY r.org_id, r.local_day / 100, q.scale, r.site_id, r.question_id, r.channel;

INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT r.org_id, 3, r.local_day, q.scale, r.site_id, COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(r.employee_id, '00000000-0000-0000-0000-000000000000'::uuid), r.question_id, r.channel,
       SUM(CASE WHEN r.flags = 0 AND r.score = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN r.flags <> 0 THEN 1 ELSE 0 END)
FROM ratings r JOIN questions q ON q.id = r.question_id WHERE r.score IS NOT NULL
GROUP BY r.org_id, r.local_day, q.scale, r.site_id, COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(r.employee_id, '00000000-0000-0000-0000-000000000000'::uuid), r.question_id, r.channel;

INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT r.org_id, 4, r.local_day / 100, q.scale, r.site_id, COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(r.employee_id, '00000000-0000-0000-0000-000000000000'::uuid), r.question_id, '',
       SUM(CASE WHEN r.flags = 0 AND r.score = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN r.flags = 0 AND r.score = 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN r.flags <> 0 THEN 1 ELSE 0 END)
FROM ratings r JOIN questions q ON q.id = r.question_id WHERE r.score IS NOT NULL
GROUP BY r.org_id, r.local_day / 100, q.scale, r.site_id, COALESCE(r.service_id, '00000000-0000-0000-0000-000000000000'::uuid), COALESCE(r.employee_id, '00000000-0000-0000-0000-000000000000'::uuid), r.question_id;

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
