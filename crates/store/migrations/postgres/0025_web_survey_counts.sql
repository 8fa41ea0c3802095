-- How many customers answered each web survey, and when the last did (a poster nobody
-- scans shows it); nothing about who.
ALTER TABLE web_surveys ADD COLUMN answers BIGINT NOT NULL DEFAULT 0;
ALTER TABLE web_surveys ADD COLUMN last_answer_at BIGINT;
