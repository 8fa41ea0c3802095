-- A rule may add the survey's one-time web link to its SMS and WhatsApp text, so that
-- the customer can answer every question of the survey on a web page.
ALTER TABLE survey_rules ADD COLUMN with_link BOOLEAN NOT NULL DEFAULT FALSE;
