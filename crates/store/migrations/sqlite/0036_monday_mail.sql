-- The Monday e-mail: each person chooses whether the week just ended comes to them every
-- Monday morning (the home page's content, in their language).
ALTER TABLE users ADD COLUMN monday_mail BOOLEAN NOT NULL DEFAULT FALSE;
