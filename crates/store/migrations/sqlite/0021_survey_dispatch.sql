-- Surveys after the visit: which channel, when and how often (rules per organisation,
-- site and service; the most specific rule wins), the messages going out with their
-- state (queued, sent, delivered, failed, answered, expired, skipped) and the replies
-- received (kept once per gateway message id; no text: the answer holds what counts).
CREATE TABLE survey_rules (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    -- NULL: every site (service).
    site_id BLOB REFERENCES sites(id),
    service_id BLOB REFERENCES services(id),
    -- sms, whatsapp, email or none
    channel TEXT NOT NULL,
    delay_minutes INTEGER NOT NULL,
    -- Local minutes of the day (site's time zone) when nothing is sent: from, to (may
    -- wrap past midnight); NULL: no quiet hours.
    quiet_from INTEGER,
    quiet_to INTEGER,
    -- At most one survey per customer within this many days (0: no cap).
    cap_days INTEGER NOT NULL,
    sample_percent INTEGER NOT NULL,
    -- The survey asked (its first scored question; its first text question takes the
    -- words around the score); NULL: the organisation's first active survey.
    survey_id BLOB REFERENCES surveys(id),
    -- The language when the customer's is not known; NULL: the organisation's.
    lang TEXT,
    -- A survey not answered within this many hours after it is due expires.
    expiry_hours INTEGER NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX survey_rules_org ON survey_rules(org_id);

-- When the dispatcher looked at a visit's contact and queued (or skipped) its survey.
ALTER TABLE visit_contacts ADD COLUMN planned_at BIGINT;
CREATE INDEX visit_contacts_unplanned ON visit_contacts(created_at) WHERE survey AND planned_at IS NULL;

CREATE TABLE survey_messages (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    -- survey, reask, stop, start, help
    kind TEXT NOT NULL,
    visit_id BLOB,
    -- The survey message a re-ask or a confirmation answers to.
    parent_id BLOB,
    channel TEXT NOT NULL,
    -- A keyed hash of the number across organisations (replies find their survey by
    -- it) and the organisation's customer key (frequency cap, opt-out).
    recipient_key TEXT NOT NULL,
    customer_key TEXT,
    -- The address sealed with the contact key; erased with the visit's contact.
    to_enc BLOB,
    body TEXT NOT NULL,
    lang TEXT NOT NULL,
    -- What a WhatsApp template needs besides (JSON: org, site, the scale's low and high).
    params TEXT,
    question_id BLOB,
    comment_question_id BLOB,
    -- queued, sent, delivered, failed, answered, expired, skipped
    status TEXT NOT NULL,
    skip_reason TEXT,
    segments INTEGER NOT NULL DEFAULT 1,
    provider TEXT,
    provider_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    locked_until BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    reasked BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    sent_at BIGINT,
    delivered_at BIGINT,
    answered_at BIGINT,
    expires_at BIGINT
);
CREATE UNIQUE INDEX survey_messages_visit ON survey_messages(visit_id) WHERE kind = 'survey';
CREATE INDEX survey_messages_due ON survey_messages(next_attempt_at) WHERE status = 'queued';
CREATE INDEX survey_messages_open ON survey_messages(expires_at) WHERE status IN ('queued', 'sent', 'delivered');
CREATE INDEX survey_messages_recipient ON survey_messages(recipient_key, sent_at);
CREATE INDEX survey_messages_customer ON survey_messages(org_id, customer_key, created_at);
CREATE INDEX survey_messages_provider ON survey_messages(provider_id);
CREATE INDEX survey_messages_list ON survey_messages(org_id, created_at);

CREATE TABLE inbound_messages (
    provider TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    recipient_key TEXT NOT NULL,
    org_id BLOB,
    message_id BLOB,
    -- answered, reasked, comment, late, opted_out, opted_in, help, unmatched, limited
    outcome TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (provider, provider_id)
);
CREATE INDEX inbound_messages_recipient ON inbound_messages(recipient_key, received_at);
CREATE INDEX inbound_messages_org ON inbound_messages(org_id, received_at);

-- How customers reach the organisation, sent back to a HELP reply (a phone number, a
-- web address).
ALTER TABLE organisations ADD COLUMN help_contact TEXT;
