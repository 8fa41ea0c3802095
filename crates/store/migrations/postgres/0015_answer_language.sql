-- The language the customer answered in (`ar`, `en`, `lv`…; NULL when not known, as for
-- every answer stored before this migration), and rollups that keep it: two more grains
--   5 day × site × question × channel × language
--   6 month × site × question × channel × language
-- kept up to date like the others (the first four grains keep `lang` = ''). A figure
-- filtered or grouped by language reads them; answers in an unknown language count
-- under ''.
ALTER TABLE ratings ADD COLUMN lang TEXT;

ALTER TABLE rollups ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE rollups DROP CONSTRAINT rollups_pkey;
ALTER TABLE rollups ADD PRIMARY KEY (org_id, grain, scale, period, site_id, service_id, employee_id, question_id, channel, lang);

-- Every answer so far is in an unknown language: the language grains copy the site grains.
INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts)
SELECT org_id, grain + 4, period, scale, site_id, service_id, employee_id, question_id, channel, '', s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, bursts FROM rollups WHERE grain IN (1, 2);

-- The documented view gains the language as its last column.
CREATE OR REPLACE VIEW bi_answers AS
SELECT r.id AS answer_id, r.org_id, r.answered_at, r.received_at, r.local_day,
       r.site_id, s.name AS site_name, s.region_id, g.name AS region_name,
       r.service_id, v.name AS service_name, r.employee_id, e.name AS employee_name,
       r.channel, r.question_id, q.code AS question_code, q.scale, q.subject, q.prompt_en AS question_en,
       q.survey_id, r.score, r.choice, r.answer_text, r.visit_id, r.terminal_id,
       CASE WHEN r.flags = 0 THEN 0 ELSE 1 END AS burst, r.lang
FROM ratings r
JOIN sites s ON s.id = r.site_id
JOIN regions g ON g.id = s.region_id
JOIN questions q ON q.id = r.question_id
LEFT JOIN services v ON v.id = r.service_id
LEFT JOIN employees e ON e.id = r.employee_id;
