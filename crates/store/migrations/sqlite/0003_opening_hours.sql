-- When a site is open (rida_domain::hours, e.g. `mon-fri 09:00-18:00, sat 10:00-14:00`):
-- terminals silent during opening hours are flagged on the supervision page.
ALTER TABLE sites ADD COLUMN opening_hours TEXT;
