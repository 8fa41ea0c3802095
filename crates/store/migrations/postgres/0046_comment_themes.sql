-- What customers' comments are about and how they felt (crates/domain/src/text).
--
-- An organisation's themes: Rida's (turned on or off, renamed, with words of its own
-- added) and its own. No rows: the starting themes of its kind. Every change raises
-- `themes_version`; comments read with an older version are read again in the
-- background (crates/store/src/readings.rs).
ALTER TABLE organisations ADD COLUMN themes_version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE organisations ADD COLUMN org_kind TEXT NOT NULL DEFAULT 'other';
-- Comments stored before readings existed are read once in the background, in id order:
-- how far that got, and whether it is over.
ALTER TABLE organisations ADD COLUMN comments_read_to UUID;
ALTER TABLE organisations ADD COLUMN comments_backfilled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE themes (
    org_id UUID NOT NULL REFERENCES organisations(id),
    theme_key TEXT NOT NULL,
    position BIGINT NOT NULL,
    enabled BOOLEAN NOT NULL,
    builtin_words BOOLEAN NOT NULL,
    own_words TEXT NOT NULL DEFAULT '',
    name_ar TEXT,
    name_en TEXT,
    name_lv TEXT,
    PRIMARY KEY (org_id, theme_key)
);

-- One comment's reading: its language, sentiment and themes (',waiting,courtesy,'),
-- the visit's CSAT score when it had one, and the themes version it was read with.
CREATE TABLE comment_readings (
    rating_id UUID PRIMARY KEY,
    org_id UUID NOT NULL,
    local_day INTEGER NOT NULL,
    site_id UUID NOT NULL,
    service_id UUID,
    employee_id UUID,
    visit_id UUID,
    language TEXT NOT NULL,
    sentiment SMALLINT NOT NULL,
    confidence REAL NOT NULL,
    themes TEXT NOT NULL,
    csat SMALLINT,
    version BIGINT NOT NULL
);
CREATE INDEX comment_readings_version ON comment_readings(org_id, version);
CREATE INDEX comment_readings_day ON comment_readings(org_id, local_day);
CREATE INDEX comment_readings_visit ON comment_readings(visit_id);

-- Comments counted by theme (theme '' = every comment), kept in the transaction that
-- stores or reads again the comments. Grain 1 = day × site, 2 = month × site, 3 = day ×
-- site × service × employee (the nil UUID for none).
CREATE TABLE theme_rollups (
    org_id UUID NOT NULL,
    grain SMALLINT NOT NULL,
    period INTEGER NOT NULL,
    site_id UUID NOT NULL,
    service_id UUID NOT NULL,
    employee_id UUID NOT NULL,
    theme TEXT NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    negative BIGINT NOT NULL DEFAULT 0,
    neutral BIGINT NOT NULL DEFAULT 0,
    positive BIGINT NOT NULL DEFAULT 0,
    csat_n BIGINT NOT NULL DEFAULT 0,
    csat_satisfied BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, grain, period, site_id, service_id, employee_id, theme)
);
