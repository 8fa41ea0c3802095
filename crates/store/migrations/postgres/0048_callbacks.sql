-- Call backs on an alert (crates/store/src/customers.rs): each named customer who gave a
-- low score and answered "yes" to "may we contact you?" is called back once; who did it
-- and when is kept per alert and customer, and erased with the customer.
CREATE TABLE alert_call_backs (
    org_id UUID NOT NULL REFERENCES organisations(id),
    alert_id UUID NOT NULL REFERENCES alerts(id),
    customer_key TEXT NOT NULL,
    called_at BIGINT NOT NULL,
    called_by UUID REFERENCES users(id),
    PRIMARY KEY (alert_id, customer_key)
);
CREATE INDEX alert_call_backs_customer ON alert_call_backs (org_id, customer_key);
