-- Surveys, terminals, voice prompts and visits (SQLite). The PostgreSQL file of the
-- same version is the same schema.

-- A survey's content lives in versions; the highest version is the current one.
CREATE TABLE surveys (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    CONSTRAINT surveys_name_unique UNIQUE (org_id, name)
);

-- `definition` is the JSON of rida_domain::SurveyDef; each question in it names an
-- immutable row of `questions`.
CREATE TABLE survey_versions (
    id BLOB PRIMARY KEY,
    survey_id BLOB NOT NULL REFERENCES surveys(id),
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT survey_versions_unique UNIQUE (survey_id, version)
);

ALTER TABLE questions ADD COLUMN survey_id BLOB REFERENCES surveys(id);
-- The predefined answers' keys joined by commas, for validating choice answers.
ALTER TABLE questions ADD COLUMN choice_keys TEXT NOT NULL DEFAULT '';
CREATE INDEX questions_survey ON questions(survey_id);

-- Kiosk answers name their terminal; `flags` bit 1 marks a burst of taps.
ALTER TABLE ratings ADD COLUMN terminal_id BLOB;
ALTER TABLE ratings ADD COLUMN flags SMALLINT NOT NULL DEFAULT 0;
CREATE INDEX ratings_question ON ratings(question_id);
CREATE INDEX ratings_terminal_at ON ratings(terminal_id, answered_at) WHERE terminal_id IS NOT NULL;

-- The burst rule: more than `burst_taps` customers within `burst_seconds` on one terminal.
ALTER TABLE organisations ADD COLUMN burst_taps INTEGER NOT NULL DEFAULT 6;
ALTER TABLE organisations ADD COLUMN burst_seconds INTEGER NOT NULL DEFAULT 20;

-- A rating terminal (kiosk) or a desk terminal. `config_version` grows with every
-- change a terminal must apply; terminals wait for it to move.
CREATE TABLE terminals (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    site_id BLOB NOT NULL REFERENCES sites(id),
    mode TEXT NOT NULL DEFAULT 'single',
    service_id BLOB REFERENCES services(id),
    employee_id BLOB REFERENCES employees(id),
    survey_id BLOB REFERENCES surveys(id),
    locales TEXT NOT NULL DEFAULT 'en,ar,lv',
    show_staff BOOLEAN NOT NULL DEFAULT FALSE,
    state TEXT NOT NULL DEFAULT 'normal',
    pairing_code TEXT,
    pairing_expires_at BIGINT,
    device_token_hash BLOB,
    paired_at BIGINT,
    config_version BIGINT NOT NULL DEFAULT 1,
    reload_seq BIGINT NOT NULL DEFAULT 0,
    asked_employee_id BLOB REFERENCES employees(id),
    asked_visit_id BLOB,
    asked_at BIGINT,
    last_seen_at BIGINT,
    last_answer_at BIGINT,
    app_version TEXT,
    queued INTEGER,
    battery REAL,
    tab_id TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    CONSTRAINT terminals_name_unique UNIQUE (org_id, name),
    CONSTRAINT terminals_token_unique UNIQUE (device_token_hash),
    CONSTRAINT terminals_code_unique UNIQUE (pairing_code)
);
CREATE INDEX terminals_site ON terminals(site_id);

-- Audio played on a terminal screen (`welcome`, `question`, `thanks`) per language.
CREATE TABLE audio_prompts (
    org_id BLOB NOT NULL REFERENCES organisations(id),
    locale TEXT NOT NULL,
    screen TEXT NOT NULL,
    mime TEXT NOT NULL,
    data BLOB NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (org_id, locale, screen)
);

-- A customer's visit at an employee's desk, as the station records it.
CREATE TABLE visits (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    employee_id BLOB NOT NULL REFERENCES employees(id),
    site_id BLOB REFERENCES sites(id),
    started_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE INDEX visits_employee ON visits(employee_id, started_at);
