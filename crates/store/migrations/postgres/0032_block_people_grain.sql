-- Blocks of a month's days for the questions pages ask most about people, so that the
-- edge days of a period (a custom period of weeks, the last 30 days) are read mostly as
-- whole blocks. Grain 8 = block × site × service × employee, like grain 7; a block is
-- days 1-7, 8-14, 15-21, 22-28 or 29 to the month's end, its period the first day.
INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, 8, period - period % 100 + CASE WHEN period % 100 >= 29 THEN 29 ELSE (period % 100 - 1) / 7 * 7 + 1 END,
       scale, site_id, service_id, employee_id, question_id, channel, lang,
       SUM(s0), SUM(s1), SUM(s2), SUM(s3), SUM(s4), SUM(s5), SUM(s6), SUM(s7), SUM(s8), SUM(s9), SUM(s10), SUM(bursts)
FROM rollups WHERE grain = 7
GROUP BY org_id, period - period % 100 + CASE WHEN period % 100 >= 29 THEN 29 ELSE (period % 100 - 1) / 7 * 7 + 1 END,
         scale, site_id, service_id, employee_id, question_id, channel, lang;
