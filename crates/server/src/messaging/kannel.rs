//! Kannel, the self-hosted SMS gateway: messages out through its HTTP `sendsms`,
//! replies and delivery reports in through calls it makes to Rida (see `api::hooks`).
//!
//! Kannel does not choose the coding itself: Rida sends plain text as GSM 7-bit and
//! anything else (Arabic, Latvian letters) as UCS-2 (`coding=2`), always as UTF-8
//! (`charset=UTF-8`). Long texts go whole; Kannel splits them (`concatenation`).

use rida_domain::sms;

use rida_store::Delivery;

use super::{Accepted, Gateway, Outgoing, SendError};
use crate::settings::Settings;

/// Kannel's `sendsms` interface.
#[derive(Clone)]
pub struct Kannel {
    client: reqwest::Client,
    url: String,
    username: String,
    password: String,
    from: String,
    /// The delivery-report URL without the message's own part.
    dlr_base: String,
}

impl std::fmt::Debug for Kannel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kannel")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Kannel {
    pub fn new(s: &Settings, client: reqwest::Client) -> anyhow::Result<Kannel> {
        anyhow::ensure!(
            !s.kannel_url.trim().is_empty(),
            "sms_gateway = \"kannel\" needs kannel_url"
        );
        anyhow::ensure!(
            !s.kannel_hook_token.trim().is_empty(),
            "sms_gateway = \"kannel\" needs kannel_hook_token (the secret in Kannel's calls to Rida)"
        );
        Ok(Kannel {
            client,
            url: s.kannel_url.trim().to_string(),
            username: s.kannel_username.clone(),
            password: s.kannel_password.clone(),
            from: s.sms_from.clone(),
            dlr_base: format!(
                "{}/hooks/kannel/dlr?token={}",
                super::hooks_base(s),
                s.kannel_hook_token.trim()
            ),
        })
    }
}

/// Kannel's delivery-report states (`%d`): 1 delivered, 2 failed, 4 buffered, 8 taken
/// by the SMSC, 16 refused by the SMSC. Only the final ones change a message.
pub fn delivery(status: u32) -> Option<Delivery> {
    match status {
        1 => Some(Delivery::Delivered),
        2 => Some(Delivery::Failed(Some("kannel: not delivered (2)".into()))),
        16 => Some(Delivery::Failed(Some(
            "kannel: refused by the SMSC (16)".into(),
        ))),
        _ => None,
    }
}

impl Gateway for Kannel {
    fn name(&self) -> &'static str {
        "kannel"
    }

    async fn send(&self, m: &Outgoing<'_>) -> Result<Accepted, SendError> {
        let coding = sms::encode(m.body).coding.kannel().to_string();
        let dlr_url = format!("{}&msg={}&status=%d", self.dlr_base, m.id);
        let reply = self
            .client
            .get(&self.url)
            .query(&[
                ("username", self.username.as_str()),
                ("password", self.password.as_str()),
                ("from", self.from.as_str()),
                ("to", m.to),
                ("text", m.body),
                ("charset", "UTF-8"),
                ("coding", coding.as_str()),
                ("dlr-mask", "19"),
                ("dlr-url", dlr_url.as_str()),
            ])
            .send()
            .await
            // The error's URL holds the number and the password: never shown.
            .map_err(|e| SendError::Temporary(format!("kannel: {}", e.without_url())))?;
        let status = reply.status();
        let body: String = reply
            .text()
            .await
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect();
        let body = body.trim();
        if status.is_success() {
            return Ok(Accepted { provider_id: None });
        }
        let error = format!("kannel: {} {body}", status.as_u16());
        // 503: Kannel's queue is full or the SMSC is away; 403: wrong user or password
        // (fixed in the settings, the messages still go). Other refusals are final.
        if status.is_server_error() || status.as_u16() == 403 {
            Err(SendError::Temporary(error))
        } else {
            Err(SendError::Permanent(error))
        }
    }
}
