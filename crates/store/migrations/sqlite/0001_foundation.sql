-- Rida foundation schema (SQLite). Ids are UUIDv7 stored as 16-byte BLOBs;
-- times are Unix milliseconds. The PostgreSQL file of the same version is the same schema.

CREATE TABLE organisations (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL,
    default_locale TEXT NOT NULL DEFAULT 'en',
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    logo BLOB,
    logo_mime TEXT,
    logo_version BIGINT NOT NULL DEFAULT 0,
    managers_see_employees BOOLEAN NOT NULL DEFAULT FALSE,
    analysts_see_employees BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE regions (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    CONSTRAINT regions_name_unique UNIQUE (org_id, name)
);

CREATE TABLE sites (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    region_id BLOB NOT NULL REFERENCES regions(id),
    name TEXT NOT NULL,
    address TEXT,
    time_zone TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    CONSTRAINT sites_name_unique UNIQUE (org_id, name)
);
CREATE INDEX sites_region ON sites(region_id);

CREATE TABLE services (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    code TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    CONSTRAINT services_name_unique UNIQUE (org_id, name)
);

CREATE TABLE site_services (
    site_id BLOB NOT NULL REFERENCES sites(id),
    service_id BLOB NOT NULL REFERENCES services(id),
    PRIMARY KEY (site_id, service_id)
);

CREATE TABLE employees (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    desk TEXT,
    external_id TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    CONSTRAINT employees_external_id_unique UNIQUE (org_id, external_id)
);

CREATE TABLE employee_sites (
    employee_id BLOB NOT NULL REFERENCES employees(id),
    site_id BLOB NOT NULL REFERENCES sites(id),
    PRIMARY KEY (employee_id, site_id)
);
CREATE INDEX employee_sites_site ON employee_sites(site_id);

CREATE TABLE users (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    locale TEXT,
    employee_id BLOB REFERENCES employees(id),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    password_changed_at BIGINT NOT NULL,
    CONSTRAINT users_username_unique UNIQUE (username)
);

-- A manager's or supervisor's reach: regions (all their sites) and single sites.
CREATE TABLE user_scopes (
    user_id BLOB NOT NULL REFERENCES users(id),
    region_id BLOB REFERENCES regions(id),
    site_id BLOB REFERENCES sites(id)
);
CREATE INDEX user_scopes_user ON user_scopes(user_id);

CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
    username TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_user_at ON login_failures(username, at);

CREATE TABLE api_tokens (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    token_hash BLOB NOT NULL,
    prefix TEXT NOT NULL,
    created_by BLOB REFERENCES users(id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash)
);

CREATE TABLE audit_log (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    user_id BLOB REFERENCES users(id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BLOB,
    detail TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL
);
CREATE INDEX audit_log_org_at ON audit_log(org_id, at);

-- Questions are immutable once answered: a new wording is a new row.
CREATE TABLE questions (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    code TEXT NOT NULL,
    scale TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT 'site',
    prompt_en TEXT NOT NULL,
    prompt_ar TEXT NOT NULL,
    prompt_lv TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL
);

-- One answer to one question. `seq` is the clustered key (inserts append);
-- the client's id makes resends idempotent.
CREATE TABLE ratings (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id BLOB NOT NULL,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    answered_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    local_day INTEGER NOT NULL,
    site_id BLOB NOT NULL REFERENCES sites(id),
    service_id BLOB REFERENCES services(id),
    employee_id BLOB REFERENCES employees(id),
    channel TEXT NOT NULL,
    question_id BLOB NOT NULL REFERENCES questions(id),
    score SMALLINT,
    choice TEXT,
    answer_text TEXT,
    visit_id BLOB,
    customer_key TEXT,
    CONSTRAINT ratings_id_unique UNIQUE (org_id, id)
);
CREATE INDEX ratings_site_day ON ratings(site_id, local_day);

-- Secrets every instance must share (e.g. the key that signs CSRF tokens).
CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
