-- The admin's thresholds for results: fewer answers than `min_ranked` are shown as "not
-- enough answers" and never ranked; fewer than `min_shown` are withheld (figures and
-- comments) so that nobody can be identified from an anonymous answer.
ALTER TABLE organisations ADD COLUMN min_ranked INTEGER NOT NULL DEFAULT 30;
ALTER TABLE organisations ADD COLUMN min_shown INTEGER NOT NULL DEFAULT 5;

-- The comments of a period ("why did it change") without scanning the period's answers,
-- and the scores given in the same visit.
CREATE INDEX ratings_texts ON ratings(org_id, local_day) WHERE answer_text IS NOT NULL;
CREATE INDEX ratings_visit ON ratings(visit_id) WHERE visit_id IS NOT NULL;
