-- The id a queue system, POS or CRM gives a visit, and the visit it stands for: sending
-- the same external id again updates that visit (its end, its employee…) instead of
-- making another. Claimed before the visit is written, so that two instances receiving
-- the same visit at once agree on its id.
CREATE TABLE visit_external_ids (
    org_id UUID NOT NULL REFERENCES organisations(id),
    external_id TEXT NOT NULL,
    visit_id UUID NOT NULL,
    PRIMARY KEY (org_id, external_id)
);
