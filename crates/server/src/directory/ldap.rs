//! LDAP / Active Directory sign-in with the `ldap3` crate: the service account finds the
//! person by their login name (`sAMAccountName`, `userPrincipalName`, `uid`…), their
//! groups are read, nested ones by walking `memberOf` upwards (AD's in-chain matching
//! rule is unknown to other directories, which answer it with nothing), and last the
//! person's own password is checked by binding as them.
//!
//! Only over TLS (ldaps, or StartTLS on ldap://) unless plain LDAP is explicitly
//! allowed; a directory that does not answer, or whose certificate does not hold, is an
//! error and never a reason to try without TLS.

use std::{collections::BTreeSet, sync::Arc, time::Duration};

use ldap3::{LdapConnAsync, LdapConnSettings, Scope, SearchEntry, ldap_escape};

use crate::settings::Settings;

/// How long the directory has to answer each step.
const TIMEOUT: Duration = Duration::from_secs(10);
/// The most group levels walked upwards (a loop of groups ends the walk too).
const MAX_DEPTH: usize = 16;

/// Who the directory says this is.
#[derive(Debug, Clone)]
pub struct Person {
    pub dn: String,
    /// `entryUUID` (OpenLDAP), `objectGUID` (AD, in hex), else the DN.
    pub external_id: String,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub employee_number: Option<String>,
    /// Every group's DN, nested ones included.
    pub groups: Vec<String>,
}

/// How a sign-in went at the directory.
#[derive(Debug)]
pub enum Outcome {
    Person(Person),
    /// No such person, or not this password (the page does not say which).
    WrongCredentials,
    /// The directory did not answer, or not over a connection that holds.
    Unavailable(String),
}

/// The configured directory.
pub struct Ldap {
    url: String,
    starttls: bool,
    tls: Option<Arc<rustls::ClientConfig>>,
    bind_dn: String,
    bind_password: String,
    user_base: String,
    user_filter: String,
    login_attributes: Vec<String>,
    employee_attribute: String,
    nested: bool,
}

impl Ldap {
    /// The directory the settings name; `None` when no URL is set. Plain LDAP (no TLS)
    /// only when `ldap_allow_plain` says so.
    pub fn from_settings(s: &Settings) -> anyhow::Result<Option<Ldap>> {
        let url = s.ldap_url.trim();
        if url.is_empty() {
            return Ok(None);
        }
        let ldaps = url.starts_with("ldaps://");
        anyhow::ensure!(
            ldaps || url.starts_with("ldap://"),
            "ldap_url {url:?} must start with ldaps:// or ldap://"
        );
        let starttls = !ldaps && s.ldap_starttls;
        anyhow::ensure!(
            ldaps || starttls || s.ldap_allow_plain,
            "ldap_url {url:?} is plain LDAP: set ldap_starttls = true (or use ldaps://); passwords would cross the network in clear otherwise (ldap_allow_plain = true allows it anyway)"
        );
        let tls = match s.ldap_ca_file.trim() {
            "" => None,
            file => Some(Arc::new(client_config(file)?)),
        };
        let login_attributes: Vec<String> = s
            .ldap_login_attributes
            .split(',')
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        anyhow::ensure!(
            !login_attributes.is_empty(),
            "ldap_login_attributes is empty"
        );
        Ok(Some(Ldap {
            url: url.to_string(),
            starttls,
            tls,
            bind_dn: s.ldap_bind_dn.trim().to_string(),
            bind_password: s.ldap_bind_password.clone(),
            user_base: s.ldap_user_base.trim().to_string(),
            user_filter: s.ldap_user_filter.trim().to_string(),
            login_attributes,
            employee_attribute: s.ldap_employee_attribute.trim().to_string(),
            nested: s.ldap_nested_groups,
        }))
    }

    async fn connect(&self) -> Result<ldap3::Ldap, String> {
        let mut settings = LdapConnSettings::new()
            .set_conn_timeout(TIMEOUT)
            .set_starttls(self.starttls);
        if let Some(tls) = &self.tls {
            settings = settings.set_config(tls.clone());
        }
        let (conn, ldap) = LdapConnAsync::with_settings(settings, &self.url)
            .await
            .map_err(|e| format!("cannot reach the directory at {}: {e}", self.url))?;
        ldap3::drive!(conn);
        Ok(ldap)
    }

    /// Checks `login` and `password` with the directory and reads who they are.
    pub async fn authenticate(&self, login: &str, password: &str) -> Outcome {
        let login = login.trim();
        // An empty password is an anonymous bind, which succeeds: never a sign-in.
        if login.is_empty() || password.is_empty() {
            return Outcome::WrongCredentials;
        }
        match self.find_and_bind(login, password).await {
            Ok(Some(p)) => Outcome::Person(p),
            Ok(None) => Outcome::WrongCredentials,
            Err(e) => Outcome::Unavailable(e),
        }
    }

    /// A connection bound as the service account.
    async fn service(&self) -> Result<ldap3::Ldap, String> {
        let mut ldap = self.connect().await?;
        ldap.with_timeout(TIMEOUT)
            .simple_bind(&self.bind_dn, &self.bind_password)
            .await
            .and_then(|r| r.success())
            .map_err(|e| format!("the service account cannot bind: {e}"))?;
        Ok(ldap)
    }

    /// Who `login` is in the directory now, with their groups (no password asked): to
    /// check again that someone signed in may still be.
    pub async fn lookup(&self, login: &str) -> Result<Option<Person>, String> {
        let mut ldap = self.service().await?;
        let found = self.find(&mut ldap, login).await;
        let _ = ldap.unbind().await;
        found
    }

    async fn find_and_bind(&self, login: &str, password: &str) -> Result<Option<Person>, String> {
        let mut ldap = self.service().await?;
        let Some(person) = self.find(&mut ldap, login).await? else {
            let _ = ldap.unbind().await;
            return Ok(None);
        };
        // Last, the person's own password.
        let bound = ldap
            .with_timeout(TIMEOUT)
            .simple_bind(&person.dn, password)
            .await
            .map_err(|e| format!("the directory did not answer the bind: {e}"))?;
        let _ = ldap.unbind().await;
        // 49: invalid credentials (AD adds why: locked, disabled, expired).
        match bound.rc {
            0 => Ok(Some(person)),
            49 => Ok(None),
            rc => Err(format!(
                "the directory refused the bind ({rc}: {})",
                bound.text
            )),
        }
    }

    /// The one person `login` names, with their groups; `None` when nobody (or more
    /// than one entry) has it.
    async fn find(&self, ldap: &mut ldap3::Ldap, login: &str) -> Result<Option<Person>, String> {
        let escaped = ldap_escape(login);
        let any: String = self
            .login_attributes
            .iter()
            .map(|a| format!("({a}={escaped})"))
            .collect();
        let filter = format!("(&{}(|{any}))", self.user_filter);
        let mut attrs: Vec<&str> = vec![
            "memberOf",
            "displayName",
            "cn",
            "mail",
            "entryUUID",
            "objectGUID",
        ];
        attrs.extend(self.login_attributes.iter().map(String::as_str));
        if !self.employee_attribute.is_empty() {
            attrs.push(&self.employee_attribute);
        }
        let (entries, _) = ldap
            .with_timeout(TIMEOUT)
            .search(&self.user_base, Scope::Subtree, &filter, attrs)
            .await
            .and_then(|r| r.success())
            .map_err(|e| format!("the directory did not answer the search: {e}"))?;
        if entries.len() != 1 {
            if entries.len() > 1 {
                tracing::warn!(
                    count = entries.len(),
                    "a login name matches several directory entries: refused"
                );
            }
            return Ok(None);
        }
        let e = SearchEntry::construct(entries.into_iter().next().expect("one entry"));
        let first = |name: &str| -> Option<String> {
            e.attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .and_then(|(_, v)| v.first().cloned())
                .filter(|v| !v.trim().is_empty())
        };
        let external_id = first("entryUUID")
            .or_else(|| {
                e.bin_attrs
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case("objectGUID"))
                    .and_then(|(_, v)| v.first().map(hex::encode))
            })
            .unwrap_or_else(|| e.dn.to_lowercase());
        let username = self
            .login_attributes
            .iter()
            .find_map(|a| first(a))
            .unwrap_or_else(|| login.to_string())
            .to_lowercase();
        let direct: Vec<String> = e
            .attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("memberOf"))
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let groups = if self.nested {
            self.walk_up(ldap, direct).await?
        } else {
            direct
        };
        Ok(Some(Person {
            dn: e.dn.clone(),
            external_id,
            display_name: first("displayName")
                .or_else(|| first("cn"))
                .unwrap_or_else(|| username.clone()),
            username,
            email: first("mail"),
            employee_number: (!self.employee_attribute.is_empty())
                .then(|| first(&self.employee_attribute))
                .flatten(),
            groups,
        }))
    }

    /// The groups `direct` and every group they are in, level by level.
    async fn walk_up(
        &self,
        ldap: &mut ldap3::Ldap,
        direct: Vec<String>,
    ) -> Result<Vec<String>, String> {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut all = Vec::new();
        let mut level = direct;
        for _ in 0..MAX_DEPTH {
            let mut next = Vec::new();
            for g in level {
                if !seen.insert(g.to_lowercase()) {
                    continue;
                }
                all.push(g.clone());
                let entries = ldap
                    .with_timeout(TIMEOUT)
                    .search(&g, Scope::Base, "(objectClass=*)", vec!["memberOf"])
                    .await
                    .map_err(|e| format!("the directory did not answer the group search: {e}"))?
                    // A group the service account may not read adds nothing.
                    .non_error()
                    .map(|(entries, _)| entries)
                    .unwrap_or_default();
                for e in entries {
                    let e = SearchEntry::construct(e);
                    for (k, v) in e.attrs {
                        if k.eq_ignore_ascii_case("memberOf") {
                            next.extend(v);
                        }
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        Ok(all)
    }
}

/// TLS that trusts the certificates in `ca_file` (PEM) only.
fn client_config(ca_file: &str) -> anyhow::Result<rustls::ClientConfig> {
    use rustls::pki_types::{CertificateDer, pem::PemObject};
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca_file)
        .map_err(|e| anyhow::anyhow!("ldap_ca_file {ca_file}: {e}"))?
    {
        roots
            .add(cert.map_err(|e| anyhow::anyhow!("ldap_ca_file {ca_file}: {e}"))?)
            .map_err(|e| anyhow::anyhow!("ldap_ca_file {ca_file}: {e}"))?;
    }
    anyhow::ensure!(
        !roots.is_empty(),
        "ldap_ca_file {ca_file} holds no certificate"
    );
    Ok(rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_root_certificates(roots)
    .with_no_client_auth())
}
