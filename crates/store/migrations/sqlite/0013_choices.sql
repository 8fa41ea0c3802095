-- Answers to choice questions (reasons for a low score, the reason for the visit…):
-- how often each choice was made, and the scores given in the same visit, so that a page
-- shows the distribution of reasons and the satisfaction per reason without scanning
-- answers. Grain 1 = day (period yyyymmdd), 2 = month (yyyymm), per site × service
-- (the nil UUID for none). In each (question, choice):
--   scale = ''      n   = answers that made the choice (choice = '': answers to the question)
--   scale = 'csat5' s0… = scores of that scale given in the same visit as the choice
-- Kept up to date in the transaction that stores the answers; see crates/store/src/choices.rs.
CREATE TABLE choice_rollups (
    org_id BLOB NOT NULL,
    grain SMALLINT NOT NULL,
    period INTEGER NOT NULL,
    question_id BLOB NOT NULL,
    site_id BLOB NOT NULL,
    service_id BLOB NOT NULL,
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
) WITHOUT ROWID;
