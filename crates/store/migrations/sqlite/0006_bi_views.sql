-- Stable views for the customer's own reporting tools (documented in docs/sql-views.md).
-- Columns are only ever added to these views, never renamed or removed.

CREATE VIEW bi_answers AS
SELECT r.id AS answer_id, r.org_id, r.answered_at, r.received_at, r.local_day,
       r.site_id, s.name AS site_name, s.region_id, g.name AS region_name,
       r.service_id, v.name AS service_name, r.employee_id, e.name AS employee_name,
       r.channel, r.question_id, q.code AS question_code, q.scale, q.subject, q.prompt_en AS question_en,
       q.survey_id, r.score, r.choice, r.answer_text, r.visit_id, r.terminal_id,
       CASE WHEN r.flags = 0 THEN 0 ELSE 1 END AS burst
FROM ratings r
JOIN sites s ON s.id = r.site_id
JOIN regions g ON g.id = s.region_id
JOIN questions q ON q.id = r.question_id
LEFT JOIN services v ON v.id = r.service_id
LEFT JOIN employees e ON e.id = r.employee_id;

CREATE VIEW bi_daily_scores AS
SELECT d.org_id, d.local_day, d.site_id, s.name AS site_name, s.region_id, g.name AS region_name,
       NULLIF(d.service_id, X'00000000000000000000000000000000') AS service_id, v.name AS service_name,
       NULLIF(d.employee_id, X'00000000000000000000000000000000') AS employee_id, e.name AS employee_name,
       d.question_id, q.code AS question_code, q.scale, d.channel, d.score, d.n AS answers, d.bursts
FROM rollup_daily d
JOIN sites s ON s.id = d.site_id
JOIN regions g ON g.id = s.region_id
JOIN questions q ON q.id = d.question_id
LEFT JOIN services v ON v.id = d.service_id
LEFT JOIN employees e ON e.id = d.employee_id;
