-- Names that people type have an optional spelling per language, shown to a reader of
-- that language: a JSON object of language tag to name, e.g. {"ar":"فرع ريغا"}.
ALTER TABLE regions ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE sites ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE services ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE alert_rules ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE surveys ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
