//! Settings: defaults in code, then `rida.toml`, then `RIDA_*` environment variables.

use std::{net::SocketAddr, path::PathBuf};

use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};

mod example;

impl Settings {
    /// Where users reach Rida, without a trailing `/`: `public_url`, else `http://` and
    /// the address Rida listens `at` (a wildcard address read as this machine).
    pub fn public_base(&self, at: std::net::SocketAddr) -> String {
        let set = self.public_url.trim().trim_end_matches('/');
        if !set.is_empty() {
            return set.to_string();
        }
        let ip = match at.ip() {
            std::net::IpAddr::V4(v) if v.is_unspecified() => std::net::Ipv4Addr::LOCALHOST.into(),
            std::net::IpAddr::V6(v) if v.is_unspecified() => std::net::Ipv6Addr::LOCALHOST.into(),
            ip => ip,
        };
        format!("http://{}", std::net::SocketAddr::new(ip, at.port()))
    }
}

/// Settings that are text, read from `RIDA_<KEY>` exactly as written.
const TEXT_KEYS: &[&str] = &[
    "data_dir",
    "database_url",
    "smtp_url",
    "mail_from",
    "public_url",
    "contact_key_file",
    "sms_gateway",
    "kannel_url",
    "kannel_username",
    "kannel_password",
    "sms_from",
    "kannel_hook_token",
    "twilio_account_sid",
    "twilio_auth_token",
    "twilio_api_url",
    "whatsapp_phone_number_id",
    "whatsapp_access_token",
    "whatsapp_app_secret",
    "whatsapp_verify_token",
    "whatsapp_template",
    "whatsapp_number_template",
    "whatsapp_api_url",
    "hooks_url",
    "client_ip_header",
    "metrics_addresses",
    "metrics_token",
    "directory_organisation",
    "oidc_issuer",
    "oidc_client_id",
    "oidc_client_secret",
    "oidc_scopes",
    "oidc_username_claim",
    "oidc_groups_claim",
    "oidc_employee_claim",
    "oidc_name",
    "ldap_url",
    "ldap_ca_file",
    "ldap_bind_dn",
    "ldap_bind_password",
    "ldap_user_base",
    "ldap_user_filter",
    "ldap_login_attributes",
    "ldap_employee_attribute",
];

/// Settings that are numbers, flags or addresses, read from `RIDA_<KEY>` as values.
const VALUE_KEYS: &[&str] = &[
    "listen",
    "max_connections",
    "statement_timeout_s",
    "log_json",
    "secure_cookies",
    "session_hours",
    "login_max_failures",
    "login_window_minutes",
    "max_logo_bytes",
    "jobs",
    "dispatch_concurrency",
    "web_answers_per_hour",
    "web_repeat_minutes",
    "ldap_starttls",
    "ldap_allow_plain",
    "ldap_nested_groups",
];

/// The text settings the environment gives (`get` reads a variable), as written.
fn text_settings(mut fig: Figment, get: impl Fn(&str) -> Option<String>) -> Figment {
    for key in TEXT_KEYS {
        if let Some(v) = get(&format!("RIDA_{}", key.to_uppercase())) {
            fig = fig.merge((*key, v));
        }
    }
    fig
}

/// A setting that is text even when it looks like a number (`RIDA_SMS_FROM=37120000089`,
/// a WhatsApp phone number id, an all-digit password): the environment's values are
/// read as numbers when they can be.
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        S(String),
        U(u64),
        I(i64),
        F(f64),
        B(bool),
    }
    Ok(match Text::deserialize(d)? {
        Text::S(s) => s,
        Text::U(n) => n.to_string(),
        Text::I(n) => n.to_string(),
        Text::F(n) => n.to_string(),
        Text::B(b) => b.to_string(),
    })
}

/// Every setting, typed and defaulted. `rida config` prints them as a commented example.
#[derive(Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// Folder for the SQLite database and other local files.
    pub data_dir: PathBuf,
    /// `sqlite://FILE` or `postgres://USER:PASSWORD@HOST/DB`; empty means `DATA_DIR/rida.db`.
    pub database_url: String,
    /// Most database connections this instance opens.
    pub max_connections: u32,
    /// PostgreSQL: seconds a statement may run before it is cancelled and its request
    /// answered 503 with `Retry-After` (0: no limit).
    pub statement_timeout_s: u64,
    /// Log as JSON lines instead of text.
    pub log_json: bool,
    /// Mark cookies `Secure` (serve Rida behind HTTPS); off for plain-HTTP local use.
    pub secure_cookies: bool,
    /// Hours a login lasts.
    pub session_hours: i64,
    /// Failed logins for one account within `login_window_minutes` before it is locked for that window.
    pub login_max_failures: i64,
    pub login_window_minutes: i64,
    /// Largest logo image accepted, in bytes.
    pub max_logo_bytes: usize,
    /// SMTP server for e-mail: `smtp://HOST:PORT?tls=required` (STARTTLS),
    /// `smtps://USER:PASSWORD@HOST` (TLS), `smtp://HOST:PORT` (plain, a local relay);
    /// empty: e-mail waits in the outbox.
    pub smtp_url: String,
    /// The sender of Rida's e-mail.
    pub mail_from: String,
    /// Where users reach Rida (links in e-mail, survey links, posters), e.g.
    /// `https://rida.example.org`; empty: `http://` and the listen address.
    pub public_url: String,
    /// Run the scheduled jobs (monthly report, scheduled reports, e-mail) in this instance.
    pub jobs: bool,
    /// A file holding the key that seals customers' contact details (64 hex digits), kept
    /// apart from the database; empty: a key made once and kept in the database.
    pub contact_key_file: String,
    /// The SMS gateway surveys go through: `kannel`, `twilio`, or empty (messages wait in
    /// the outbox).
    pub sms_gateway: String,
    /// Kannel's `sendsms` URL, its user and password.
    pub kannel_url: String,
    #[serde(deserialize_with = "text")]
    pub kannel_username: String,
    #[serde(deserialize_with = "text")]
    pub kannel_password: String,
    /// The number (or name) SMS come from.
    #[serde(deserialize_with = "text")]
    pub sms_from: String,
    /// The secret Kannel adds to each call to Rida (`token=` in its `get-url` and in the
    /// delivery-report URL); calls without it are refused.
    #[serde(deserialize_with = "text")]
    pub kannel_hook_token: String,
    /// Twilio's account SID and auth token (which also signs Twilio's calls to Rida),
    /// and its API's address (changed only for tests).
    pub twilio_account_sid: String,
    #[serde(deserialize_with = "text")]
    pub twilio_auth_token: String,
    pub twilio_api_url: String,
    /// WhatsApp (Meta's Cloud API): the business phone number's id, the access token,
    /// the app secret (which signs Meta's calls to Rida), the token Rida answers Meta's
    /// webhook check with, the approved survey template, and the API's address.
    #[serde(deserialize_with = "text")]
    pub whatsapp_phone_number_id: String,
    #[serde(deserialize_with = "text")]
    pub whatsapp_access_token: String,
    #[serde(deserialize_with = "text")]
    pub whatsapp_app_secret: String,
    #[serde(deserialize_with = "text")]
    pub whatsapp_verify_token: String,
    pub whatsapp_template: String,
    /// The approved template for questions other than 1–5 (a 0–10 scale has more
    /// scores than a template has buttons): the customer types the number.
    pub whatsapp_number_template: String,
    pub whatsapp_api_url: String,
    /// Where the gateway reaches Rida (delivery reports); empty: `public_url`.
    pub hooks_url: String,
    /// How many messages one instance hands to the gateway at once.
    pub dispatch_concurrency: usize,
    /// Anonymous web surveys: answers one address may send in an hour (all surveys),
    /// and the minutes before one device may answer the same survey again.
    pub web_answers_per_hour: i64,
    pub web_repeat_minutes: i64,
    /// The request header holding the visitor's address when Rida runs behind a reverse
    /// proxy (`X-Forwarded-For`, `X-Real-IP`), for the rate limits of logins, terminal
    /// pairing and anonymous answers; empty: the connection's address.
    pub client_ip_header: String,
    /// Addresses that may read `/metrics` (comma-separated); empty: none but a holder
    /// of `metrics_token`.
    pub metrics_addresses: String,
    /// A bearer token that lets a scraper read `/metrics` from anywhere; empty: none.
    #[serde(deserialize_with = "text")]
    pub metrics_token: String,
    /// The organisation whose people sign in through the directory (its id); empty:
    /// the only organisation there is.
    pub directory_organisation: String,
    /// OpenID Connect: the provider's issuer URL (its discovery document is at
    /// `ISSUER/.well-known/openid-configuration`); empty: no such sign-in.
    pub oidc_issuer: String,
    #[serde(deserialize_with = "text")]
    pub oidc_client_id: String,
    #[serde(deserialize_with = "text")]
    pub oidc_client_secret: String,
    /// The scopes asked for, space-separated (`openid` is always among them).
    pub oidc_scopes: String,
    /// The claim that gives the login name, the one with the groups, and the one with
    /// the employee number (for employees' accounts).
    pub oidc_username_claim: String,
    pub oidc_groups_claim: String,
    pub oidc_employee_claim: String,
    /// The provider's name on the sign-in button (`Entra ID`); empty: "your
    /// organisation's account".
    pub oidc_name: String,
    /// LDAP / Active Directory: `ldaps://HOST` or `ldap://HOST` (with StartTLS);
    /// empty: no such sign-in.
    pub ldap_url: String,
    /// StartTLS on an `ldap://` URL (on by default).
    pub ldap_starttls: bool,
    /// Allow `ldap://` without StartTLS (passwords in clear on the network).
    pub ldap_allow_plain: bool,
    /// The CA certificates (PEM) to trust for the directory; empty: the system's.
    pub ldap_ca_file: String,
    /// The service account that searches for people, and its password.
    pub ldap_bind_dn: String,
    #[serde(deserialize_with = "text")]
    pub ldap_bind_password: String,
    /// Where people are searched for, with this filter added.
    pub ldap_user_base: String,
    pub ldap_user_filter: String,
    /// The attributes a login name is looked up in (comma-separated).
    pub ldap_login_attributes: String,
    /// The attribute with the employee number (employees' accounts).
    pub ldap_employee_attribute: String,
    /// Follow groups in groups (walking `memberOf` upwards).
    pub ldap_nested_groups: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            listen: "127.0.0.1:8080".parse().expect("valid default address"),
            data_dir: PathBuf::from("rida-data"),
            database_url: String::new(),
            max_connections: 8,
            statement_timeout_s: 30,
            log_json: false,
            secure_cookies: false,
            session_hours: 12,
            login_max_failures: 10,
            login_window_minutes: 15,
            max_logo_bytes: 512 * 1024,
            smtp_url: String::new(),
            mail_from: "Rida <rida@localhost>".into(),
            public_url: String::new(),
            jobs: true,
            contact_key_file: String::new(),
            sms_gateway: String::new(),
            kannel_url: "http://127.0.0.1:13013/cgi-bin/sendsms".into(),
            kannel_username: String::new(),
            kannel_password: String::new(),
            sms_from: String::new(),
            kannel_hook_token: String::new(),
            twilio_account_sid: String::new(),
            twilio_auth_token: String::new(),
            twilio_api_url: "https://api.twilio.com".into(),
            whatsapp_phone_number_id: String::new(),
            whatsapp_access_token: String::new(),
            whatsapp_app_secret: String::new(),
            whatsapp_verify_token: String::new(),
            whatsapp_template: "rida_survey".into(),
            whatsapp_number_template: String::new(),
            whatsapp_api_url: "https://graph.facebook.com/v21.0".into(),
            hooks_url: String::new(),
            dispatch_concurrency: 16,
            web_answers_per_hour: 60,
            web_repeat_minutes: 60,
            client_ip_header: String::new(),
            metrics_addresses: "127.0.0.1, ::1".into(),
            metrics_token: String::new(),
            directory_organisation: String::new(),
            oidc_issuer: String::new(),
            oidc_client_id: String::new(),
            oidc_client_secret: String::new(),
            oidc_scopes: "openid profile email groups".into(),
            oidc_username_claim: "preferred_username".into(),
            oidc_groups_claim: "groups".into(),
            oidc_employee_claim: "employee_number".into(),
            oidc_name: String::new(),
            ldap_url: String::new(),
            ldap_starttls: true,
            ldap_allow_plain: false,
            ldap_ca_file: String::new(),
            ldap_bind_dn: String::new(),
            ldap_bind_password: String::new(),
            ldap_user_base: String::new(),
            ldap_user_filter: "(objectClass=*)".into(),
            ldap_login_attributes: "sAMAccountName,userPrincipalName,uid".into(),
            ldap_employee_attribute: "employeeNumber".into(),
            ldap_nested_groups: true,
        }
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("listen", &self.listen)
            .field("data_dir", &self.data_dir)
            .field("database_url", &redact_url(&self.database_url))
            .field("max_connections", &self.max_connections)
            .field("statement_timeout_s", &self.statement_timeout_s)
            .field("log_json", &self.log_json)
            .field("secure_cookies", &self.secure_cookies)
            .field("session_hours", &self.session_hours)
            .field("smtp_url", &redact_url(&self.smtp_url))
            .field("mail_from", &self.mail_from)
            .field("public_url", &self.public_url)
            .field("jobs", &self.jobs)
            .field("contact_key_file", &self.contact_key_file)
            .field("sms_gateway", &self.sms_gateway)
            .field("kannel_url", &self.kannel_url)
            .field("sms_from", &self.sms_from)
            .finish_non_exhaustive()
    }
}

/// Hides the password in a database URL (`postgres://rida:***@host/db`).
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

impl Settings {
    /// Loads settings from defaults, the TOML file (if it exists) and `RIDA_*` variables.
    pub fn load(config_file: Option<&std::path::Path>) -> Result<Settings, Box<figment::Error>> {
        let mut fig = Figment::from(Serialized::defaults(Settings::default()));
        let file = config_file
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("rida.toml"));
        if file.exists() {
            fig = fig.merge(Toml::file(&file));
        } else if config_file.is_some() {
            return Err(Box::new(figment::Error::from(format!(
                "config file {} does not exist",
                file.display()
            ))));
        }
        // Text settings are taken from the environment as they are written: Env would
        // read `+14155550100` as a number and lose the plus, `007` as 7.
        text_settings(fig, |var| std::env::var(var).ok())
            .merge(Env::prefixed("RIDA_").only(VALUE_KEYS))
            .extract()
            .map_err(Box::new)
    }

    /// The database URL to use: the configured one, or the SQLite file in the data folder.
    pub fn effective_database_url(&self) -> (String, bool) {
        if self.database_url.trim().is_empty() {
            (
                format!("sqlite://{}", self.data_dir.join("rida.db").display()),
                true,
            )
        } else {
            (self.database_url.trim().to_string(), false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_passwords_are_redacted_in_debug_output() {
        let s = Settings {
            database_url: "postgres://rida:hunter2@db/rida".into(),
            smtp_url: "smtps://rida:mailpass@mail.example/".into(),
            ..Settings::default()
        };
        let shown = format!("{s:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains("mailpass"), "{shown}");
        assert!(shown.contains("postgres://rida:***@db/rida"), "{shown}");
    }

    #[test]
    fn the_example_file_parses_back_to_the_defaults() {
        let parsed: Settings = Figment::from(Toml::string(&Settings::example_toml()))
            .extract()
            .unwrap();
        assert_eq!(parsed.listen, Settings::default().listen);
        assert_eq!(parsed.session_hours, 12);
    }

    #[test]
    fn the_public_address_defaults_to_the_listen_address() {
        let mut s = Settings::default();
        let at = |a: &str| a.parse::<std::net::SocketAddr>().unwrap();
        assert_eq!(s.public_base(at("0.0.0.0:9000")), "http://127.0.0.1:9000");
        assert_eq!(s.public_base(at("[::]:9000")), "http://[::1]:9000");
        assert_eq!(s.public_base(at("192.0.2.7:80")), "http://192.0.2.7:80");
        s.public_url = " https://rida.example.org/ ".into();
        assert_eq!(
            s.public_base(at("0.0.0.0:9000")),
            "https://rida.example.org"
        );
    }

    #[test]
    fn numbers_from_the_environment_are_text_where_text_is_wanted() {
        // What `RIDA_WHATSAPP_PHONE_NUMBER_ID=106540352242922` and the like become.
        let parsed: Settings = Figment::from(Serialized::defaults(Settings::default()))
            .merge(("whatsapp_phone_number_id", 106540352242922u64))
            .merge(("sms_from", 37120000089i64))
            .merge(("kannel_password", 1234.5))
            .extract()
            .unwrap();
        assert_eq!(parsed.whatsapp_phone_number_id, "106540352242922");
        assert_eq!(parsed.sms_from, "37120000089");
        assert_eq!(parsed.kannel_password, "1234.5");
        // From the environment, text stays exactly as written: the plus of an
        // international number, leading zeros, an exponent.
        let env = |var: &str| match var {
            "RIDA_SMS_FROM" => Some("+14155550100".to_string()),
            "RIDA_KANNEL_PASSWORD" => Some("007".to_string()),
            "RIDA_WHATSAPP_PHONE_NUMBER_ID" => Some("1e5".to_string()),
            _ => None,
        };
        let parsed: Settings = text_settings(
            Figment::from(Serialized::defaults(Settings::default())),
            env,
        )
        .extract()
        .unwrap();
        assert_eq!(parsed.sms_from, "+14155550100");
        assert_eq!(parsed.kannel_password, "007");
        assert_eq!(parsed.whatsapp_phone_number_id, "1e5");
    }
}
