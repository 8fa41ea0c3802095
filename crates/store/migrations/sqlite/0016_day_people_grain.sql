-- A lean day grain for the questions pages ask most about people: the rankings of
-- services and employees and the employee × service matrix of a period whose edge days
-- are not whole months. Grain 7 = day × site × service × employee, without question
-- (the nil UUID) or channel (''): several times fewer cells than grain 3. Figures that
-- filter or group by question or channel still read grain 3.
INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, 7, period, scale, site_id, service_id, employee_id, X'00000000000000000000000000000000', '', '',
       SUM(s0), SUM(s1), SUM(s2), SUM(s3), SUM(s4), SUM(s5), SUM(s6), SUM(s7), SUM(s8), SUM(s9), SUM(s10), SUM(bursts)
FROM rollups WHERE grain = 3
GROUP BY org_id, period, scale, site_id, service_id, employee_id;
