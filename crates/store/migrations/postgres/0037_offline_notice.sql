-- How long a terminal stays silent in opening hours before its supervisors are told it is
-- offline (the supervision page shows it offline after a minute): each network's own
-- answer to "how long is a Wi-Fi drop".
ALTER TABLE organisations ADD COLUMN offline_notice_minutes INTEGER NOT NULL DEFAULT 10;
