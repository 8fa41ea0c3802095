//! Asking the directory again about people signed in through LDAP: someone taken out of
//! the directory, or out of every group that gives access, or given another role, loses
//! their sessions within minutes instead of at the session's end; so does a manager or
//! supervisor whose groups now give other regions or sites. (An OpenID Connect
//! session ends with its ID token.)

use jiff::Timestamp;
use rida_domain::directory;
use uuid::Uuid;

use crate::state::AppState;

/// How long the directory's word about a signed-in account holds.
pub const RECHECK_MS: i64 = 5 * 60_000;

/// One round for `org` at `now`.
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<()> {
    let Some(ldap) = state.ldap.as_ref() else {
        return Ok(());
    };
    if crate::directory::organisation(state).await? != org {
        return Ok(());
    }
    let now_ms = now.as_millisecond();
    let accounts = state
        .store
        .directory_accounts_to_check(org, "ldap", now_ms - RECHECK_MS)
        .await?;
    if accounts.is_empty() {
        return Ok(());
    }
    let table = crate::directory::rules(state, org).await?;
    for a in accounts {
        // A directory that does not answer ends nobody's session: it is asked again next
        // round.
        let person = match ldap.lookup(&a.username).await {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(error = %e, "LDAP: cannot check signed-in accounts");
                return Ok(());
            }
        };
        let why = match person {
            None => Some("no longer in the directory".to_string()),
            Some(p) => match directory::grant(&table, &p.groups) {
                None => Some("in no mapped group any more".to_string()),
                Some(g) if g.role.as_str() != a.role => {
                    Some(format!("its groups now give the role {}", g.role))
                }
                Some(g)
                    if g.role.is_scoped() && !state.store.reach_is(org, a.user_id, &g).await? =>
                {
                    Some("its groups now give another reach".to_string())
                }
                Some(_) => None,
            },
        };
        match why {
            Some(why) => state.store.end_directory_sessions(org, &a, &why).await?,
            None => state.store.directory_checked(a.user_id, now_ms).await?,
        }
    }
    Ok(())
}
