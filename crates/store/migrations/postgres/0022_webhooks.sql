-- Outbound webhooks: an organisation's CRM is told of each answer, or of low scores
-- only, by a signed POST; every delivery is kept with its attempts for the admin.
CREATE TABLE webhooks (
    id UUID PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES organisations(id),
    url TEXT NOT NULL,
    -- The key deliveries are signed with (HMAC-SHA256), shown to the admin.
    secret TEXT NOT NULL,
    on_answer BOOLEAN NOT NULL,
    on_low BOOLEAN NOT NULL,
    -- The last answer (ratings.seq) looked at for this webhook.
    last_seq BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX webhooks_org ON webhooks(org_id);

CREATE TABLE webhook_deliveries (
    id UUID PRIMARY KEY,
    org_id UUID NOT NULL REFERENCES organisations(id),
    webhook_id UUID NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    -- answer.received or answer.low_score
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    -- pending, delivered, failed
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    locked_until BIGINT NOT NULL DEFAULT 0,
    last_status INTEGER,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_list ON webhook_deliveries(org_id, created_at);
