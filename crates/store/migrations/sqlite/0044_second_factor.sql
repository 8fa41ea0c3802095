-- A second factor for local accounts: a one-time code (TOTP, RFC 6238) from an app.
-- The secret is sealed with the key that seals contacts; the last time step used is
-- kept so that a code is accepted once, whichever instance sees it.
ALTER TABLE users ADD COLUMN totp_secret BLOB;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE users ADD COLUMN totp_enabled_at BIGINT;
-- Codes for the day the phone is lost: each once, kept as hashes.
CREATE TABLE recovery_codes (
    user_id BLOB NOT NULL REFERENCES users(id),
    code_hash BLOB NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);
-- Whether the session meets the organisation's rule for a second factor.
ALTER TABLE sessions ADD COLUMN second_factor BOOLEAN NOT NULL DEFAULT FALSE;
-- The head's rule: local accounts whose role reads results need a second factor.
ALTER TABLE organisations ADD COLUMN require_second_factor BOOLEAN NOT NULL DEFAULT FALSE;
