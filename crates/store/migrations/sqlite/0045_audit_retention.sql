-- How long the audit log keeps its entries (days); 0: for ever.
ALTER TABLE organisations ADD COLUMN audit_days INTEGER NOT NULL DEFAULT 0;
