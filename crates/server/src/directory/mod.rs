//! Sign-in with the organisation's directory: OpenID Connect ([`oidc`]), LDAP and
//! Active Directory ([`ldap`]). What the
//! directory says about a person becomes an account through the head's table of groups
//! ([`rida_domain::directory`]) and [`rida_store::Store::directory_sign_in`]; what the
//! account may then see is decided by the policy module like any other's.

pub mod ldap;
pub mod oidc;

use rida_domain::directory;
use rida_store::{DirectoryPerson, Refusal, SignedIn};
use uuid::Uuid;

use crate::state::AppState;

/// Why someone the directory vouched for gets no session, as the refusal page says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// None of their groups is in the table.
    NoGroup,
    Store(Refusal),
}

impl Refused {
    /// The message's key in the Fluent files.
    pub fn message_key(&self) -> &'static str {
        match self {
            Refused::NoGroup => "signin-refused-no-group",
            Refused::Store(Refusal::Disabled) => "signin-refused-disabled",
            Refused::Store(Refusal::NameTaken) => "signin-refused-name-taken",
            Refused::Store(Refusal::NoEmployee(_)) => "signin-refused-no-employee",
            Refused::Store(Refusal::NoReach) => "signin-refused-no-reach",
        }
    }
}

/// The organisation directory accounts belong to: the one the settings name, else the
/// only one.
pub async fn organisation(state: &AppState) -> anyhow::Result<Uuid> {
    let named = state.settings.directory_organisation.trim();
    if !named.is_empty() {
        return named.parse().map_err(|_| {
            anyhow::anyhow!("directory_organisation {named:?} is not an organisation id")
        });
    }
    match state.store.organisation_ids().await?.as_slice() {
        [one] => Ok(*one),
        [] => anyhow::bail!("there is no organisation yet"),
        _ => anyhow::bail!(
            "there are several organisations: set directory_organisation to the id of the one whose people sign in through the directory"
        ),
    }
}

/// The head's table of groups, in the order it is read.
pub async fn rules(state: &AppState, org: Uuid) -> anyhow::Result<Vec<directory::GroupRule>> {
    Ok(state
        .store
        .directory_groups(org)
        .await?
        .iter()
        .map(|g| g.rule())
        .collect())
}

/// Gives the person the account their groups allow and a session under `token_hash`
/// until `expires_at` (ms), or says why not (audited either way).
pub async fn sign_in(
    state: &AppState,
    org: Uuid,
    person: &DirectoryPerson,
    groups: &[String],
    method: &str,
    token_hash: &[u8],
    expires_at: i64,
) -> anyhow::Result<Result<SignedIn, Refused>> {
    let Some(grant) = directory::grant(&rules(state, org).await?, groups) else {
        let detail = format!(
            "{} ({}, {}): in no mapped group ({})",
            person.username,
            person.source,
            method,
            groups.join(", ")
        );
        state
            .store
            .audit_directory_refusal(org, &person.username, &detail)
            .await?;
        return Ok(Err(Refused::NoGroup));
    };
    Ok(state
        .store
        .directory_sign_in(org, person, &grant, method, token_hash, expires_at)
        .await?
        .map_err(Refused::Store))
}
