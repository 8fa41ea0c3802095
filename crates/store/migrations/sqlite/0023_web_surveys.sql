-- Web surveys. A visit's survey message gets a one-time link: only a keyed hash of its
-- code is kept (the code itself is derived again when the message goes out), with the
-- survey it leads to. A web survey (a QR poster, a website widget) answers anonymously
-- for one site, and optionally one service or employee.
ALTER TABLE survey_messages ADD COLUMN link_key TEXT;
ALTER TABLE survey_messages ADD COLUMN survey_id BLOB;
CREATE UNIQUE INDEX survey_messages_link ON survey_messages(link_key);

CREATE TABLE web_surveys (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    -- The public code in its address (/q/CODE).
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    site_id BLOB NOT NULL REFERENCES sites(id),
    service_id BLOB REFERENCES services(id),
    employee_id BLOB REFERENCES employees(id),
    -- NULL: the organisation's first active survey.
    survey_id BLOB REFERENCES surveys(id),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX web_surveys_org ON web_surveys(org_id);

-- Anonymous answers' guard: a device (address and browser) hashed with a salt made each
-- day and dropped the day after, so nothing leads back to a device once the day is
-- over; never stored with an answer.
CREATE TABLE web_guard_salts (
    day BIGINT PRIMARY KEY,
    salt BLOB NOT NULL
);
CREATE TABLE web_guard (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL,
    day BIGINT NOT NULL
);
CREATE INDEX web_guard_day ON web_guard(day);
