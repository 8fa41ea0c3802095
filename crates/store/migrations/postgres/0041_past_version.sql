-- Moved by every write of the rollups that reaches a day before yesterday (UTC): an
-- instance keeps the figures of days that are over while this number stays the same
-- (crates/store/src/settled.rs).
ALTER TABLE organisations ADD COLUMN past_version BIGINT NOT NULL DEFAULT 0;
