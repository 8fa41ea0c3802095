-- Two week grains (a week is Monday to Sunday; its period is the Monday, yyyymmdd):
-- grain 9 = week × site (no question, no channel), grain 10 = week × service with every
-- site together (its site column is one of 16 shards the writers spread over; this
-- migration puts all in shard 0, the nil UUID). The head's Monday page and every
-- dashboard of a whole week read a row per site and a few dozen for the network's
-- services instead of seven days of each. Derived here from grains 1 and 7.
DELETE FROM rollups WHERE grain IN (9, 10);
INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, 9, CAST(strftime('%Y%m%d', date(printf('%04d-%02d-%02d', period / 10000, period / 100 % 100, period % 100), '-6 days', 'weekday 1')) AS INTEGER),
       scale, site_id, X'00000000000000000000000000000000', X'00000000000000000000000000000000', X'00000000000000000000000000000000', '', '',
       SUM(s0), SUM(s1), SUM(s2), SUM(s3), SUM(s4), SUM(s5), SUM(s6), SUM(s7), SUM(s8), SUM(s9), SUM(s10), SUM(bursts)
FROM rollups WHERE grain = 1
GROUP BY org_id, CAST(strftime('%Y%m%d', date(printf('%04d-%02d-%02d', period / 10000, period / 100 % 100, period % 100), '-6 days', 'weekday 1')) AS INTEGER), scale, site_id;
INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, 10, CAST(strftime('%Y%m%d', date(printf('%04d-%02d-%02d', period / 10000, period / 100 % 100, period % 100), '-6 days', 'weekday 1')) AS INTEGER),
       scale, X'00000000000000000000000000000000', service_id, X'00000000000000000000000000000000', X'00000000000000000000000000000000', '', '',
       SUM(s0), SUM(s1), SUM(s2), SUM(s3), SUM(s4), SUM(s5), SUM(s6), SUM(s7), SUM(s8), SUM(s9), SUM(s10), SUM(bursts)
FROM rollups WHERE grain = 7
GROUP BY org_id, CAST(strftime('%Y%m%d', date(printf('%04d-%02d-%02d', period / 10000, period / 100 % 100, period % 100), '-6 days', 'weekday 1')) AS INTEGER), scale, service_id;
