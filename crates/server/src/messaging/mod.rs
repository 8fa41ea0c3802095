//! Surveys after the visit: composing the messages, the gateways they go through, the
//! dispatcher that sends the outbox, and the replies that come back.
//!
//! Every gateway is a [`Gateway`]: it takes one message and says whether the gateway
//! accepted it, or whether to try again later (the gateway is down) or never (it
//! refused the message for good).

pub mod compose;
pub mod dispatch;
pub mod email;
pub mod inbound;
pub mod kannel;
pub mod twilio;
pub mod whatsapp;

use std::future::Future;

use uuid::Uuid;

use crate::settings::Settings;

/// One message for a gateway.
pub struct Outgoing<'a> {
    /// Rida's id of the message (delivery reports come back with it).
    pub id: Uuid,
    /// The number in E.164 (an e-mail address for e-mail).
    pub to: &'a str,
    pub body: &'a str,
    /// The customer's language (`ar`, `en`, `lv`).
    pub lang: &'a str,
    /// For a survey: what a template with buttons needs (WhatsApp).
    pub survey: Option<Template>,
    /// For a survey: its one-time web link.
    pub link: Option<String>,
    /// The customer wrote in the last 24 hours (WhatsApp's customer-service window is
    /// open: a survey may go as an interactive message instead of the template).
    pub window_open: bool,
}

/// A survey's template parameters: who asks, about which site, and the scale.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Template {
    pub org: String,
    pub site: String,
    pub low: i16,
    pub high: i16,
    /// The text carries the survey's web link.
    #[serde(default)]
    pub link: bool,
}

/// The gateway took the message; its own id for it, when it gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub provider_id: Option<String>,
}

/// Why a message did not go. The text never holds the number, the message or a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Try again later (the gateway is unreachable or busy).
    #[error("{0}")]
    Temporary(String),
    /// The gateway refused the message itself: trying again will not help.
    #[error("{0}")]
    Permanent(String),
}

/// A way out for messages.
pub trait Gateway {
    /// The name kept with each message it sent (`kannel`).
    fn name(&self) -> &'static str;
    fn send(&self, m: &Outgoing<'_>) -> impl Future<Output = Result<Accepted, SendError>> + Send;
}

/// The SMS gateway the settings name.
#[derive(Debug, Clone)]
pub enum SmsGateway {
    Kannel(kannel::Kannel),
    Twilio(twilio::Twilio),
}

impl SmsGateway {
    /// The gateway of the settings; `None` when none is set (messages wait).
    pub fn from_settings(
        s: &Settings,
        client: &reqwest::Client,
    ) -> anyhow::Result<Option<SmsGateway>> {
        match s.sms_gateway.trim() {
            "" => Ok(None),
            "kannel" => Ok(Some(SmsGateway::Kannel(kannel::Kannel::new(
                s,
                client.clone(),
            )?))),
            "twilio" => Ok(Some(SmsGateway::Twilio(twilio::Twilio::new(
                s,
                client.clone(),
            )?))),
            other => {
                anyhow::bail!("sms_gateway: unknown gateway {other:?} (kannel, twilio, or empty)")
            }
        }
    }
}

impl Gateway for SmsGateway {
    fn name(&self) -> &'static str {
        match self {
            SmsGateway::Kannel(k) => k.name(),
            SmsGateway::Twilio(t) => t.name(),
        }
    }

    async fn send(&self, m: &Outgoing<'_>) -> Result<Accepted, SendError> {
        match self {
            SmsGateway::Kannel(k) => k.send(m).await,
            SmsGateway::Twilio(t) => t.send(m).await,
        }
    }
}

/// The channels the organisation's rules use that have no gateway here (their messages
/// wait in the outbox until one is set).
pub async fn waiting_channels(
    state: &crate::state::AppState,
    org: Uuid,
) -> anyhow::Result<Vec<&'static str>> {
    use rida_domain::dispatch::SurveyChannel;
    let rules = state.store.survey_rules(org).await?;
    Ok([
        (SurveyChannel::Sms, state.sms.is_some()),
        (SurveyChannel::Whatsapp, state.whatsapp.is_some()),
        (SurveyChannel::Email, state.email.is_some()),
    ]
    .into_iter()
    .filter(|(c, set)| !set && rules.iter().any(|r| r.channel == *c))
    .map(|(c, _)| c.as_str())
    .collect())
}

/// The HTTP client every gateway shares (kept-alive connections, bounded waits).
pub fn http_client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(5))
        .timeout(std::time::Duration::from_secs(20))
        .pool_max_idle_per_host(64)
        .build()?)
}

/// Where gateways reach Rida: `hooks_url`, else the public address, without a trailing `/`.
pub fn hooks_base(s: &Settings) -> String {
    match s.hooks_url.trim().trim_end_matches('/') {
        "" => s.public_base(s.listen),
        set => set.to_string(),
    }
}

/// Whether a secret given in a call is the expected one (compared in constant time;
/// an unset secret matches nothing).
pub fn same_secret(given: &str, expected: &str) -> bool {
    use subtle::ConstantTimeEq;
    !expected.is_empty() && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
}
