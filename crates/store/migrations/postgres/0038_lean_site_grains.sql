-- The site grains lose question and channel: grain 1 = day × site, grain 2 = month ×
-- site (question the nil UUID, channel ''). The tiles, trends and sites' figures of a
-- period, the reads pages make most, then sum one row per site, day and scale instead
-- of one per question and channel. Figures filtered or grouped by question or channel
-- read the language grains (5 and 6), which keep both. Rebuilt here from those.
DELETE FROM rollups WHERE grain IN (1, 2);
INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, grain - 4, period, scale, site_id, service_id, employee_id, '00000000-0000-0000-0000-000000000000'::uuid, '', '',
       SUM(s0), SUM(s1), SUM(s2), SUM(s3), SUM(s4), SUM(s5), SUM(s6), SUM(s7), SUM(s8), SUM(s9), SUM(s10), SUM(bursts)
FROM rollups WHERE grain IN (5, 6)
GROUP BY org_id, grain, period, scale, site_id, service_id, employee_id;
