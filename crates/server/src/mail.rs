//! Outgoing e-mail: composing a message (HTML with a plain-text alternative, attachments)
//! and delivering the outbox over SMTP. A message is composed once and stored whole, so a
//! retry sends exactly what was composed; a failed attempt is tried again later with a
//! growing pause, and what could not be sent is listed for the admin.

use crate::state::AppState;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Tokio1Executor,
    address::Envelope,
    message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType},
};

/// A file attached to a message.
pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// A message to compose.
pub struct Draft {
    pub to: String,
    pub subject: String,
    pub html: String,
    pub text: String,
    pub files: Vec<File>,
}

/// The pauses after each failed attempt; after the last, the message is given up on
/// (the admin can send it again).
const RETRY_AFTER_MINUTES: [i64; 8] = [1, 5, 15, 60, 180, 360, 720, 1440];

/// How long an instance holds a message it is sending before another may take it over.
const LEASE_MS: i64 = 120_000;

/// Composes a message as it goes out (RFC 5322 bytes) from `from` (`Name <address>`).
pub fn compose(from: &str, d: &Draft) -> anyhow::Result<Vec<u8>> {
    let from: Mailbox = from
        .parse()
        .map_err(|e| anyhow::anyhow!("mail_from is not an address: {e}"))?;
    let to: Mailbox =
        d.to.parse()
            .map_err(|e| anyhow::anyhow!("recipient is not an address: {e}"))?;
    let body = MultiPart::alternative()
        .singlepart(SinglePart::plain(d.text.clone()))
        .singlepart(SinglePart::html(d.html.clone()));
    let body = if d.files.is_empty() {
        body
    } else {
        let mut mixed = MultiPart::mixed().multipart(body);
        for f in &d.files {
            let kind = ContentType::parse(f.mime)?;
            mixed = mixed.singlepart(Attachment::new(f.name.clone()).body(f.bytes.clone(), kind));
        }
        mixed
    };
    let message = lettre::Message::builder()
        .from(from)
        .to(to)
        .subject(d.subject.clone())
        .multipart(body)?;
    Ok(message.formatted())
}

/// What one delivery round did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// Sends the messages due at `now_ms` (nothing when no SMTP server is set).
pub async fn deliver_due(state: &AppState, now_ms: i64) -> anyhow::Result<Delivery> {
    let url = state.settings.smtp_url.trim();
    if url.is_empty() {
        return Ok(Delivery::default());
    }
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map_err(|e| anyhow::anyhow!("smtp_url: {e}"))?
        .timeout(Some(std::time::Duration::from_secs(20)))
        .build();
    let from: Mailbox = state
        .settings
        .mail_from
        .parse()
        .map_err(|e| anyhow::anyhow!("mail_from is not an address: {e}"))?;
    let mut done = Delivery::default();
    loop {
        let due = state.store.take_due_mail(now_ms, LEASE_MS, 20).await?;
        if due.is_empty() {
            return Ok(done);
        }
        for m in due {
            let result = match m.to_addr.parse() {
                Ok(to) => match Envelope::new(Some(from.email.clone()), vec![to]) {
                    Ok(envelope) => transport
                        .send_raw(&envelope, &m.message)
                        .await
                        .map(|_| ())
                        .map_err(|e| (e.to_string(), e.is_permanent())),
                    Err(e) => Err((e.to_string(), true)),
                },
                Err(e) => Err((format!("{e}"), true)),
            };
            match result {
                Ok(()) => {
                    state.store.mail_sent(m.id, now_ms).await?;
                    tracing::info!(mail = %m.id, "e-mail sent");
                    done.sent += 1;
                }
                Err((error, permanent)) => {
                    let retry_at = (!permanent)
                        .then(|| RETRY_AFTER_MINUTES.get(m.attempts as usize))
                        .flatten()
                        .map(|min| now_ms + min * 60_000);
                    state.store.mail_failed(m.id, &error, retry_at).await?;
                    // The address and the server's answer stay in the outbox, not the log.
                    tracing::warn!(mail = %m.id, attempts = m.attempts + 1, retry = retry_at.is_some(), "e-mail not sent");
                    done.failed += 1;
                }
            }
        }
    }
}
