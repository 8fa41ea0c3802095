//! Accounts from the organisation's directory: the table of groups that give a role and
//! a reach, and the sign-in that makes or refreshes an account from what the directory
//! says about a person (one transaction, with the session and the audit entries).

use std::collections::HashMap;

use rida_domain::{
    Role,
    directory::{Grant, GroupRule},
};
use serde::Serialize;
use uuid::Uuid;

use crate::{
    BeginWrite, By, Result, Store, StoreError, audit::audit, check_owned, now_ms, org::affected,
    with_db,
};

/// Writes an account's reach.
macro_rules! insert_scopes {
    ($tx:expr, $id:expr, $regions:expr, $sites:expr) => {
        for r in &$regions {
            sqlx::query("INSERT INTO user_scopes (user_id, region_id) VALUES ($1, $2)")
                .bind($id)
                .bind(r)
                .execute(&mut *$tx)
                .await?;
        }
        for s in &$sites {
            sqlx::query("INSERT INTO user_scopes (user_id, site_id) VALUES ($1, $2)")
                .bind($id)
                .bind(s)
                .execute(&mut *$tx)
                .await?;
        }
    };
}
pub(crate) use insert_scopes;

/// The reach `grant` gives that still exists: its regions of the organisation and its
/// sites that are open (a closed site gives no reach).
macro_rules! open_reach {
    ($exec:expr, $org:expr, $grant:expr) => {{
        let mut sites = Vec::new();
        for s in &$grant.site_ids {
            let open: Option<bool> =
                sqlx::query_scalar("SELECT active FROM sites WHERE org_id = $1 AND id = $2")
                    .bind($org)
                    .bind(s)
                    .fetch_optional($exec)
                    .await?;
            if open == Some(true) {
                sites.push(*s);
            }
        }
        let mut regions = Vec::new();
        for r in &$grant.region_ids {
            let n: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM regions WHERE org_id = $1 AND id = $2")
                    .bind($org)
                    .bind(r)
                    .fetch_one($exec)
                    .await?;
            if n > 0 {
                regions.push(*r);
            }
        }
        (regions, sites)
    }};
}

/// A row of the groups table, as the admin page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct DirectoryGroup {
    pub id: Uuid,
    pub group_name: String,
    pub role: Role,
    pub region_ids: Vec<Uuid>,
    pub site_ids: Vec<Uuid>,
}

impl DirectoryGroup {
    pub fn rule(&self) -> GroupRule {
        GroupRule {
            group: self.group_name.clone(),
            role: self.role,
            region_ids: self.region_ids.clone(),
            site_ids: self.site_ids.clone(),
        }
    }
}

/// Who the directory says is signing in.
#[derive(Debug, Clone)]
pub struct DirectoryPerson {
    /// `oidc` or `ldap`.
    pub source: &'static str,
    /// The directory's stable name for them: the ID token's `sub`, the entry's DN.
    pub external_id: String,
    /// Their login name (lower case), shown and used in the audit log.
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    /// Their employee number, for an employee's account.
    pub employee_number: Option<String>,
}

/// Why a directory sign-in was refused after the directory said yes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The account was turned off here by the head.
    Disabled,
    /// A local account (or one from another source) already has this login name.
    NameTaken,
    /// Their groups give an employee's role, but no employee has their number.
    NoEmployee(Option<String>),
    /// Their groups give a role limited to sites, but none of those sites is open.
    NoReach,
}

/// A directory sign-in that went through.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user_id: Uuid,
    pub role: Role,
    /// The account was made by this sign-in.
    pub created: bool,
}

type RuleRow = (Uuid, String, String);
type RuleScopeRow = (Uuid, Option<Uuid>, Option<Uuid>);

impl Store {
    /// The groups table, in the order it is read.
    pub async fn directory_groups(&self, org: Uuid) -> Result<Vec<DirectoryGroup>> {
        let (rows, scopes): (Vec<RuleRow>, Vec<RuleScopeRow>) = with_db!(self, p => {
            let rows = sqlx::query_as(
                "SELECT id, group_name, role FROM directory_groups WHERE org_id = $1 ORDER BY position, created_at")
                .bind(org).fetch_all(p).await?;
            let scopes = sqlx::query_as(
                "SELECT s.group_id, s.region_id, s.site_id FROM directory_group_scopes s \
                 JOIN directory_groups g ON g.id = s.group_id WHERE g.org_id = $1")
                .bind(org).fetch_all(p).await?;
            Ok::<_, StoreError>((rows, scopes))
        })?;
        let mut reach: HashMap<Uuid, (Vec<Uuid>, Vec<Uuid>)> = HashMap::new();
        for (g, region, site) in scopes {
            let r = reach.entry(g).or_default();
            r.0.extend(region);
            r.1.extend(site);
        }
        Ok(rows
            .into_iter()
            .filter_map(|(id, group_name, role)| {
                let (region_ids, site_ids) = reach.remove(&id).unwrap_or_default();
                Some(DirectoryGroup {
                    id,
                    group_name,
                    role: role.parse().ok()?,
                    region_ids,
                    site_ids,
                })
            })
            .collect())
    }

    /// Adds a row at the end of the groups table; a group already in it is a conflict.
    pub async fn add_directory_group(
        &self,
        org: Uuid,
        id: Uuid,
        rule: &GroupRule,
        by: &By,
    ) -> Result<()> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            // The same form sent again (a retry) adds nothing more.
            let done: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM directory_groups WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).fetch_one(&mut *tx).await?;
            if done > 0 {
                return Ok(());
            }
            check_owned!(tx, "regions", org, rule.region_ids);
            check_owned!(tx, "sites", org, rule.site_ids);
            let next: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM directory_groups WHERE org_id = $1")
                .bind(org).fetch_one(&mut *tx).await?;
            sqlx::query("INSERT INTO directory_groups (id, org_id, position, group_name, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(id).bind(org).bind(next).bind(rule.group.trim()).bind(rule.role.as_str()).bind(now)
                .execute(&mut *tx).await?;
            for r in &rule.region_ids {
                sqlx::query("INSERT INTO directory_group_scopes (group_id, region_id) VALUES ($1, $2)").bind(id).bind(r).execute(&mut *tx).await?;
            }
            for s in &rule.site_ids {
                sqlx::query("INSERT INTO directory_group_scopes (group_id, site_id) VALUES ($1, $2)").bind(id).bind(s).execute(&mut *tx).await?;
            }
            audit!(tx, by, org, "create", "directory_group", Some(id), &format!("{} → {}", rule.group.trim(), rule.role));
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Removes a row of the groups table. Accounts it gave keep their role until their
    /// next sign-in, which the table then decides.
    pub async fn remove_directory_group(&self, org: Uuid, id: Uuid, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let name: Option<String> = sqlx::query_scalar("SELECT group_name FROM directory_groups WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).fetch_optional(&mut *tx).await?;
            let name = name.ok_or(StoreError::NotFound)?;
            sqlx::query("DELETE FROM directory_group_scopes WHERE group_id = $1").bind(id).execute(&mut *tx).await?;
            let r = sqlx::query("DELETE FROM directory_groups WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            audit!(tx, by, org, "delete", "directory_group", Some(id), &name);
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Makes or refreshes the account of someone the directory vouched for, with the role
    /// and reach `grant` gives, and opens a session for it: one transaction. Sites that
    /// are closed drop out of the reach. A change of role or reach ends the account's
    /// other sessions and is audited; so is the sign-in (`method`: how the directory was
    /// asked) and each refusal.
    #[allow(clippy::too_many_arguments)]
    pub async fn directory_sign_in(
        &self,
        org: Uuid,
        person: &DirectoryPerson,
        grant: &Grant,
        method: &str,
        token_hash: &[u8],
        expires_at: i64,
    ) -> Result<std::result::Result<SignedIn, Refusal>> {
        let now = now_ms();
        let by = By::system(&person.username);
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let refuse = |why: Refusal| Ok::<_, StoreError>(Err(why));
            let (regions, sites) = open_reach!(&mut *tx, org, grant);
            let employee: Option<Uuid> = match &person.employee_number {
                Some(n) => sqlx::query_scalar("SELECT id FROM employees WHERE org_id = $1 AND external_id = $2 AND active = TRUE")
                    .bind(org).bind(n).fetch_optional(&mut *tx).await?,
                None => None,
            };
            let detail = format!("{} ({}, {})", person.username, person.source, method);
            let refusal = if grant.role == Role::Employee && employee.is_none() {
                Some(Refusal::NoEmployee(person.employee_number.clone()))
            } else if grant.role.is_scoped() && sites.is_empty() && regions.is_empty() {
                Some(Refusal::NoReach)
            } else {
                None
            };
            let existing: Option<(Uuid, String, bool)> = sqlx::query_as(
                "SELECT id, role, active FROM users WHERE org_id = $1 AND auth_source = $2 AND external_id = $3")
                .bind(org).bind(person.source).bind(&person.external_id).fetch_optional(&mut *tx).await?;
            let refusal = refusal.or(match &existing {
                Some((_, _, false)) => Some(Refusal::Disabled),
                _ => None,
            });
            if let Some(why) = refusal {
                let id = existing.as_ref().map(|e| e.0);
                audit!(tx, by, org, "login_refused", "session", id, &format!("{detail}: {why:?}"));
                tx.commit().await?;
                return refuse(why);
            }
            let employee_id = if grant.role == Role::Employee { employee } else { None };
            let (user, created) = match existing {
                Some((id, old_role, _)) => {
                    let old: Vec<(Option<Uuid>, Option<Uuid>)> = sqlx::query_as("SELECT region_id, site_id FROM user_scopes WHERE user_id = $1")
                        .bind(id).fetch_all(&mut *tx).await?;
                    let mut old_regions: Vec<Uuid> = old.iter().filter_map(|o| o.0).collect();
                    let mut old_sites: Vec<Uuid> = old.iter().filter_map(|o| o.1).collect();
                    old_regions.sort_unstable();
                    old_sites.sort_unstable();
                    sqlx::query("UPDATE users SET display_name = $2, email = COALESCE($3, email), role = $4, employee_id = $5 WHERE id = $1")
                        .bind(id).bind(&person.display_name).bind(&person.email).bind(grant.role.as_str()).bind(employee_id)
                        .execute(&mut *tx).await?;
                    if old_role != grant.role.as_str() || old_regions != regions || old_sites != sites {
                        sqlx::query("DELETE FROM user_scopes WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
                        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
                        audit!(tx, by, org, "role", "user", Some(id), &format!("{old_role} → {} ({})", grant.role, grant.groups.join(", ")));
                        insert_scopes!(tx, id, regions, sites);
                    }
                    (id, false)
                }
                None => {
                    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE username = $1")
                        .bind(&person.username).fetch_one(&mut *tx).await?;
                    if taken > 0 {
                        audit!(tx, by, org, "login_refused", "session", None::<Uuid>, &format!("{detail}: {:?}", Refusal::NameTaken));
                        tx.commit().await?;
                        return refuse(Refusal::NameTaken);
                    }
                    let id = rida_domain::new_id();
                    // No password: the account signs in through the directory only.
                    sqlx::query("INSERT INTO users (id, org_id, username, display_name, password_hash, role, employee_id, created_at, password_changed_at, email, monthly_report, auth_source, external_id) \
                                 VALUES ($1, $2, $3, $4, '!', $5, $6, $7, $7, $8, FALSE, $9, $10)")
                        .bind(id).bind(org).bind(&person.username).bind(&person.display_name).bind(grant.role.as_str()).bind(employee_id)
                        .bind(now).bind(&person.email).bind(person.source).bind(&person.external_id)
                        .execute(&mut *tx).await?;
                    insert_scopes!(tx, id, regions, sites);
                    audit!(tx, by, org, "create", "user", Some(id), &format!("{} ({}, {})", person.username, grant.role, grant.groups.join(", ")));
                    (id, true)
                }
            };
            // The directory's sign-in, with its own rules for a second factor.
            sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, second_factor) VALUES ($1, $2, $3, $4, TRUE)")
                .bind(token_hash).bind(user).bind(now).bind(expires_at).execute(&mut *tx).await?;
            sqlx::query("UPDATE users SET directory_checked_at = $2 WHERE id = $1").bind(user).bind(now).execute(&mut *tx).await?;
            let by = By::user(user, &person.username);
            audit!(tx, by, org, "login", "session", None::<Uuid>, &detail);
            tx.commit().await?;
            Ok(Ok(SignedIn { user_id: user, role: grant.role, created }))
        })
    }

    /// Records a sign-in the directory refused (no group in the table, a directory that
    /// did not answer) in the organisation's audit log.
    pub async fn audit_directory_refusal(
        &self,
        org: Uuid,
        username: &str,
        detail: &str,
    ) -> Result<()> {
        let by = By::system(username);
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            audit!(tx, by, org, "login_refused", "session", None::<Uuid>, detail);
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }
}

/// A directory account with a live session, to ask the directory about again.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignedInAccount {
    pub user_id: Uuid,
    pub username: String,
    pub role: String,
}

impl Store {
    /// Accounts from `source` with a live session that the directory has not vouched for
    /// since `checked_before` (ms).
    pub async fn directory_accounts_to_check(
        &self,
        org: Uuid,
        source: &str,
        checked_before: i64,
    ) -> Result<Vec<SignedInAccount>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT u.id AS user_id, u.username, u.role FROM users u \
             WHERE u.org_id = $1 AND u.auth_source = $2 AND u.active = TRUE \
               AND (u.directory_checked_at IS NULL OR u.directory_checked_at < $3) \
               AND EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.expires_at > $4) \
             ORDER BY u.directory_checked_at NULLS FIRST LIMIT 500")
            .bind(org).bind(source).bind(checked_before).bind(now_ms()).fetch_all(p).await)?)
    }

    /// Whether the account's reach is what `grant` gives now (its open sites and its
    /// regions), in the order the account keeps them.
    pub async fn reach_is(&self, org: Uuid, user: Uuid, grant: &Grant) -> Result<bool> {
        let ((mut regions, mut sites), (mut have_regions, mut have_sites)) = with_db!(self, p => {
            let want = open_reach!(p, org, grant);
            let have: Vec<(Option<Uuid>, Option<Uuid>)> = sqlx::query_as("SELECT region_id, site_id FROM user_scopes WHERE user_id = $1")
                .bind(user).fetch_all(p).await?;
            Ok::<_, StoreError>((want, (have.iter().filter_map(|h| h.0).collect::<Vec<_>>(), have.iter().filter_map(|h| h.1).collect::<Vec<_>>())))
        })?;
        for v in [&mut regions, &mut sites, &mut have_regions, &mut have_sites] {
            v.sort_unstable();
            v.dedup();
        }
        Ok(regions == have_regions && sites == have_sites)
    }

    /// Notes that the directory still vouches for the account (at `at`, ms).
    pub async fn directory_checked(&self, user: Uuid, at: i64) -> Result<()> {
        with_db!(self, p => sqlx::query("UPDATE users SET directory_checked_at = $2 WHERE id = $1")
            .bind(user).bind(at).execute(p).await.map(|_| ()))?;
        Ok(())
    }

    /// Ends every session of an account the directory no longer vouches for, saying why
    /// in the audit log: one transaction.
    pub async fn end_directory_sessions(
        &self,
        org: Uuid,
        account: &SignedInAccount,
        why: &str,
    ) -> Result<()> {
        let by = By::system("directory");
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(account.user_id).execute(&mut *tx).await?;
            audit!(tx, by, org, "logout", "session", Some(account.user_id), &format!("{}: {why}", account.username));
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }
}
