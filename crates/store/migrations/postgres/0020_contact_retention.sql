-- How long customers' contact details (the sealed phone and e-mail of a visit) are kept:
-- long enough to survey and read the replies, then erased by the scheduled jobs. The
-- visits and answers stay, anonymous.
ALTER TABLE organisations ADD COLUMN contact_days INTEGER NOT NULL DEFAULT 30;
CREATE INDEX visit_contacts_age ON visit_contacts(org_id, created_at);
