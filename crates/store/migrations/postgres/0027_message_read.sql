-- WhatsApp says when a customer read a survey: "read" is a state of its own after
-- "delivered", still open to an answer until the survey expires.
DROP INDEX survey_messages_open;
CREATE INDEX survey_messages_open ON survey_messages(expires_at) WHERE status IN ('queued', 'sent', 'delivered', 'read');
