-- A call back on an alert (crates/store/src/customers.rs): a named customer who gave a
-- low score and answered "yes" to "may we contact you?" is called back; who did it and
-- when is kept on the alert.
ALTER TABLE alerts ADD COLUMN called_back_at BIGINT;
ALTER TABLE alerts ADD COLUMN called_back_by BLOB REFERENCES users(id);
