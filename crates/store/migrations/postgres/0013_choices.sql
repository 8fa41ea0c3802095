-- Answers to choice questions: see the SQLite migration for what each column means.
CREATE TABLE choice_rollups (
    org_id UUID NOT NULL,
    grain SMALLINT NOT NULL,
    period INTEGER NOT NULL,
    question_id UUID NOT NULL,
    site_id UUID NOT NULL,
    service_id UUID NOT NULL,
    choice TEXT NOT NULL,
    scale TEXT NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    s0 BIGINT NOT NULL DEFAULT 0,
    s1 BIGINT NOT NULL DEFAULT 0,
    s2 BIGINT NOT NULL DEFAULT 0,
    s3 BIGINT NOT NULL DEFAULT 0,
    s4 BIGINT NOT NULL DEFAULT 0,
    s5 BIGINT NOT NULL DEFAULT 0,
    s6 BIGINT NOT NULL DEFAULT 0,
    s7 BIGINT NOT NULL DEFAULT 0,
    s8 BIGINT NOT NULL DEFAULT 0,
    s9 BIGINT NOT NULL DEFAULT 0,
    s10 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, grain, question_id, period, site_id, service_id, choice, scale)
);
