//! Surveys by e-mail: a short letter in the customer's language with the survey's
//! one-time link, a row of scores (each opens the web survey with it chosen) and a link
//! to stop such e-mails. Sent straight over SMTP (`smtp_url`): the address stays sealed
//! in the survey outbox, never in the e-mail outbox an admin reads.

use lettre::{
    AsyncSmtpTransport, AsyncTransport, Tokio1Executor, address::Envelope, message::Mailbox,
};
use minijinja::context;
use rida_domain::Locale;

use super::{Accepted, Gateway, Outgoing, SendError};
use crate::{i18n, mail, settings::Settings};

/// The SMTP server surveys by e-mail go through.
#[derive(Clone)]
pub struct Email {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: String,
    templates: minijinja::Environment<'static>,
}

impl std::fmt::Debug for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Email(…)")
    }
}

impl Email {
    /// The gateway of the settings; `None` without an SMTP server (surveys wait).
    pub fn from_settings(s: &Settings) -> anyhow::Result<Option<Email>> {
        let url = s.smtp_url.trim();
        if url.is_empty() {
            return Ok(None);
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| anyhow::anyhow!("smtp_url: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        s.mail_from
            .parse::<Mailbox>()
            .map_err(|e| anyhow::anyhow!("mail_from is not an address: {e}"))?;
        Ok(Some(Email {
            transport,
            from: s.mail_from.clone(),
            templates: crate::render::environment(),
        }))
    }

    /// The letter: subject, HTML and plain text.
    fn letter(&self, m: &Outgoing<'_>) -> Result<mail::Draft, SendError> {
        let (Some(link), Some(t)) = (m.link.as_deref(), m.survey.as_ref()) else {
            return Err(SendError::Permanent(
                "a survey e-mail needs its link".into(),
            ));
        };
        let l = Locale::parse(m.lang).unwrap_or_default();
        let page = context! {
            locale => l.tag(),
            dir => l.dir(),
            intro => m.body,
            org => t.org,
            link => link,
            scores => (t.low..=t.high).collect::<Vec<_>>(),
            low => t.low,
            high => t.high,
        };
        let render = |name: &str| {
            self.templates
                .get_template(name)
                .and_then(|tpl| tpl.render(&page))
                .map_err(|e| SendError::Permanent(format!("template {name}: {e}")))
        };
        Ok(mail::Draft {
            to: m.to.to_string(),
            subject: i18n::t_args(l, "mail-survey-subject", &[("org", t.org.clone().into())]),
            html: render("mail_survey.html")?,
            text: render("mail_survey.txt")?,
            files: vec![],
        })
    }
}

impl Gateway for Email {
    fn name(&self) -> &'static str {
        "smtp"
    }

    async fn send(&self, m: &Outgoing<'_>) -> Result<Accepted, SendError> {
        let draft = self.letter(m)?;
        let bytes = mail::compose(&self.from, &draft)
            .map_err(|_| SendError::Permanent("the address cannot be used".into()))?;
        let from: Mailbox = self
            .from
            .parse()
            .map_err(|_| SendError::Permanent("mail_from is not an address".into()))?;
        let to =
            m.to.parse()
                .map_err(|_| SendError::Permanent("the address cannot be used".into()))?;
        let envelope = Envelope::new(Some(from.email), vec![to])
            .map_err(|_| SendError::Permanent("the address cannot be used".into()))?;
        match self.transport.send_raw(&envelope, &bytes).await {
            Ok(_) => Ok(Accepted { provider_id: None }),
            // The server's own words may repeat the address: only its code is kept.
            Err(e) => {
                let code = e
                    .status()
                    .map(|c| format!("SMTP {c}"))
                    .unwrap_or_else(|| "SMTP server unreachable".into());
                if e.is_permanent() {
                    Err(SendError::Permanent(code))
                } else {
                    Err(SendError::Temporary(code))
                }
            }
        }
    }
}
