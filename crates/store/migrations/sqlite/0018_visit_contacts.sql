-- The country whose national phone numbers the organisation's systems send without a
-- country code (ISO 3166 alpha-2, e.g. LV); NULL: only international numbers.
ALTER TABLE organisations ADD COLUMN phone_region TEXT;

-- How to reach the customer of a visit for the survey after it: the phone number and
-- e-mail address encrypted (XChaCha20-Poly1305 with the instances' shared contact key;
-- never in clear in the database, its backups or its views), the customer's language,
-- whether to survey, and why not when a survey cannot go (e.g. phone_unparseable).
-- Erased with the visit's personal data; the anonymous answers stay.
CREATE TABLE visit_contacts (
    visit_id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    phone_enc BLOB,
    email_enc BLOB,
    lang TEXT,
    survey BOOLEAN NOT NULL,
    skip_reason TEXT,
    created_at BIGINT NOT NULL
);
