//! What every request shares: storage, templates, the CSRF key, metrics.

use std::sync::Arc;

use uuid::Uuid;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use rida_store::{RatingWriter, Store};

use crate::{render, settings::Settings};

/// Shared, cheap to clone. Holds nothing another instance would need: sessions, login
/// throttling and the CSRF key live in the database.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub store: Store,
    /// The same database through a pool of its own for the terminals' traffic (taps,
    /// heartbeats, settings, their long polls' checks) and the group commit of every
    /// channel's answers: in a burst of taps, the queue for connections is theirs alone,
    /// and managers' pages, on `store`, do not wait behind it (measured in `rida-bench
    /// scenario`).
    pub devices: Store,
    /// Group commit for ratings from every channel.
    pub ratings: RatingWriter,
    /// Terminals waiting on this instance for remote changes.
    pub hub: crate::push::TerminalHub,
    pub settings: Settings,
    pub templates: minijinja::Environment<'static>,
    pub csrf_key: Vec<u8>,
    /// Seals customers' contact details; the same on every instance.
    pub contact_key: crate::contact::ContactKey,
    pub metrics: PrometheusHandle,
    /// The SMS gateway surveys go through; `None`: they wait in the outbox.
    pub sms: Option<crate::messaging::SmsGateway>,
    /// The HTTP client for gateways and webhooks (kept-alive connections).
    pub http: reqwest::Client,
    /// WhatsApp (Cloud API), when its phone number id is set.
    pub whatsapp: Option<crate::messaging::whatsapp::WhatsApp>,
    /// Surveys by e-mail, when an SMTP server is set.
    pub email: Option<crate::messaging::email::Email>,
    /// Terminals' customers counted for their usual pace (see [`crate::attention`]).
    pub paces: crate::attention::PaceCache,
    /// Sign-in with OpenID Connect, when an issuer is set.
    pub oidc: Option<crate::directory::oidc::Oidc>,
    /// Sign-in with LDAP / Active Directory, when a URL is set.
    pub ldap: Option<crate::directory::ldap::Ldap>,
    /// The address this instance listens on, once bound.
    pub bound: std::sync::OnceLock<std::net::SocketAddr>,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// Builds the state; the CSRF key is read from (or created once in) the database so
    /// that every instance on one database accepts every other's forms.
    pub async fn new(settings: Settings, store: Store) -> anyhow::Result<AppState> {
        let fresh: [u8; 32] = rand::random();
        let csrf_key = store.secret("csrf-key", fresh.to_vec()).await?;
        let contact_key = crate::contact::ContactKey::load(&settings, &store).await?;
        let http = crate::messaging::http_client()?;
        let sms = crate::messaging::SmsGateway::from_settings(&settings, &http)?;
        let whatsapp = crate::messaging::whatsapp::WhatsApp::from_settings(&settings, &http)?;
        let email = crate::messaging::email::Email::from_settings(&settings)?;
        let devices = store.with_own_pool();
        let oidc = crate::directory::oidc::Oidc::from_settings(&settings)?;
        let ldap = crate::directory::ldap::Ldap::from_settings(&settings)?;
        Ok(AppState(Arc::new(Inner {
            ratings: RatingWriter::spawn(devices.clone()),
            hub: crate::push::TerminalHub::spawn(devices.clone()),
            devices,
            store,
            settings,
            templates: render::environment(),
            csrf_key,
            contact_key,
            metrics: metrics_handle(),
            sms,
            whatsapp,
            email,
            http,
            paces: Default::default(),
            oidc,
            ldap,
            bound: std::sync::OnceLock::new(),
        })))
    }
}

impl AppState {
    /// Where users reach Rida (see [`Settings::public_base`]), with the address bound.
    pub fn public_base(&self) -> String {
        let at = self.bound.get().copied().unwrap_or(self.settings.listen);
        self.settings.public_base(at)
    }

    /// The day (`yyyymmdd`) an answer at `at_ms` counts on: the site's time zone, else
    /// the organisation's.
    pub async fn site_day(&self, org: Uuid, site: Uuid, at_ms: i64) -> anyhow::Result<i32> {
        let refs = self.store.rating_refs(org, &[site], &[], &[], &[]).await?;
        let tz = match refs.sites.get(&site).cloned().flatten() {
            Some(tz) => tz,
            None => self.store.organisation(org).await?.time_zone,
        };
        let tz = jiff::tz::TimeZone::get(&tz).unwrap_or(jiff::tz::TimeZone::UTC);
        Ok(rida_domain::time::local_day(
            rida_domain::time::from_millis(at_ms),
            &tz,
        ))
    }
}

/// One recorder per process (tests start several applications in one process).
fn metrics_handle() -> PrometheusHandle {
    static HANDLE: std::sync::OnceLock<PrometheusHandle> = std::sync::OnceLock::new();
    HANDLE
        .get_or_init(|| {
            PrometheusBuilder::new()
                .install_recorder()
                .expect("install the metrics recorder once")
        })
        .clone()
}
