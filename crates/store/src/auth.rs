//! Sessions, login throttling and API tokens. Secrets are stored only as hashes.

use crate::BeginWrite;
use rida_domain::new_id;
use serde::Serialize;
use uuid::Uuid;

use crate::{By, Result, Store, StoreError, audit::audit, now_ms, org::affected, with_db};

/// What login needs to check a password.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LoginUser {
    pub id: Uuid,
    pub org_id: Uuid,
    pub password_hash: String,
    pub role: String,
    pub active: bool,
    /// `local`, or the directory the account signs in through.
    pub auth_source: String,
}

/// The user behind a live session.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionUser {
    pub user_id: Uuid,
    pub org_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub locale: Option<String>,
    pub employee_id: Option<Uuid>,
    /// The session meets the organisation's rule for a second factor (always, for work
    /// done on the user's behalf without a session).
    pub second_factor: bool,
}

/// An API token as listed (the secret itself is shown once, at creation).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct ApiToken {
    pub id: Uuid,
    pub name: String,
    pub prefix: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// What a live API token stands for: its id, its organisation and the organisation's
/// time zone.
pub type TokenOrg = (Uuid, Uuid, String);

impl Store {
    /// The account a login name belongs to, if any.
    pub async fn login_user(&self, username: &str) -> Result<Option<LoginUser>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id, org_id, password_hash, role, active, auth_source FROM users WHERE username = $1")
            .bind(username).fetch_optional(p).await)?)
    }

    /// Records a failed login under each throttling key (the account, the address) and,
    /// for an existing account, in its organisation's audit log: one transaction.
    pub async fn record_login_failure(
        &self,
        keys: &[&str],
        account: Option<(Uuid, &By)>,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            for key in keys {
                sqlx::query("INSERT INTO login_failures (username, at) VALUES ($1, $2)")
                    .bind(key).bind(now_ms()).execute(&mut *tx).await?;
            }
            if let Some((org, by)) = account {
                audit!(tx, by, org, "login_failed", "session", None::<Uuid>, "");
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Failed logins under `key` since `since_ms`: how many, and when the latest was.
    pub async fn login_failures_of(&self, key: &str, since_ms: i64) -> Result<(i64, Option<i64>)> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT COUNT(*), MAX(at) FROM login_failures WHERE username = $1 AND at >= $2")
            .bind(key).bind(since_ms).fetch_one(p).await)?)
    }

    /// Whether the account signed in from this place (its keyed hash) since `since_ms`.
    pub async fn known_login_place(&self, place: &str, since_ms: i64) -> Result<bool> {
        let n: i64 = with_db!(self, p => sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_places WHERE place = $1 AND last_at >= $2")
            .bind(place).bind(since_ms).fetch_one(p).await)?;
        Ok(n > 0)
    }

    /// Remembers a place an account signed in from, and forgets those unused since
    /// `forget_before_ms`.
    pub async fn remember_login_place(&self, place: &str, forget_before_ms: i64) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM login_places WHERE last_at < $1").bind(forget_before_ms).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO login_places (place, last_at) VALUES ($1, $2) \
                ON CONFLICT (place) DO UPDATE SET last_at = excluded.last_at")
                .bind(place).bind(now_ms()).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Records that sign-ins to an account from a place now wait (audit log only).
    pub async fn audit_login_throttled(&self, org: Uuid, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            audit!(tx, by, org, "login_throttled", "session", None::<Uuid>, "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// Failed logins for this name since `since_ms`.
    pub async fn login_failures_since(&self, username: &str, since_ms: i64) -> Result<i64> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at >= $2")
            .bind(username).bind(since_ms).fetch_one(p).await)?)
    }

    /// Forgets failed logins under these keys after a success, and very old ones of
    /// everybody.
    pub async fn clear_login_failures(&self, keys: &[&str], older_than_ms: i64) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            for key in keys {
                sqlx::query("DELETE FROM login_failures WHERE username = $1").bind(key).execute(&mut *tx).await?;
            }
            sqlx::query("DELETE FROM login_failures WHERE at < $1").bind(older_than_ms).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Stores a new session under the hash of its token, forgets expired ones and records
    /// the login in the audit log: one transaction.
    pub async fn create_session(
        &self,
        org: Uuid,
        by: &By,
        token_hash: &[u8],
        expires_at: i64,
        second_factor: bool,
    ) -> Result<()> {
        let user = by.user_id.ok_or(StoreError::NotFound)?;
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(now_ms()).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, second_factor) VALUES ($1, $2, $3, $4, $5)")
                .bind(token_hash).bind(user).bind(now_ms()).bind(expires_at).bind(second_factor).execute(&mut *tx).await?;
            audit!(tx, by, org, "login", "session", None::<Uuid>, if second_factor { "password and one-time code" } else { "password" });
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// The active user of a live session, or `None` for an unknown, expired or disabled one.
    pub async fn session_user(&self, token_hash: &[u8]) -> Result<Option<SessionUser>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT u.id AS user_id, u.org_id, u.username, u.display_name, u.role, u.locale, u.employee_id, s.second_factor \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = TRUE")
            .bind(token_hash).bind(now_ms()).fetch_optional(p).await)?)
    }

    /// An active user by id, as a session would carry them (for work done on their
    /// behalf without a request, e.g. the monthly report).
    pub async fn active_user(&self, user: Uuid) -> Result<Option<SessionUser>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id AS user_id, org_id, username, display_name, role, locale, employee_id, TRUE AS second_factor \
             FROM users WHERE id = $1 AND active = TRUE")
            .bind(user).fetch_optional(p).await)?)
    }

    /// The regions and sites a user is assigned to.
    pub async fn user_scope(&self, user: Uuid) -> Result<(Vec<Uuid>, Vec<Uuid>)> {
        let rows: Vec<(Option<Uuid>, Option<Uuid>)> = with_db!(self, p => sqlx::query_as(
            "SELECT region_id, site_id FROM user_scopes WHERE user_id = $1").bind(user).fetch_all(p).await)?;
        Ok((
            rows.iter().filter_map(|r| r.0).collect(),
            rows.iter().filter_map(|r| r.1).collect(),
        ))
    }

    /// Ends a session (logout).
    pub async fn delete_session(&self, token_hash: &[u8]) -> Result<()> {
        with_db!(self, p => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(p).await.map(|_| ()))?;
        Ok(())
    }

    /// The current password hash of a user.
    pub async fn password_hash(&self, user: Uuid) -> Result<String> {
        Ok(
            with_db!(self, p => sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
            .bind(user).fetch_one(p).await)?,
        )
    }

    // ---- API tokens ----

    /// Stores a new API token by the hash of its secret.
    pub async fn create_api_token(
        &self,
        org: Uuid,
        name: &str,
        token_hash: &[u8],
        prefix: &str,
        by: &By,
    ) -> Result<Uuid> {
        let id = new_id();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "INSERT INTO api_tokens (id, org_id, name, token_hash, prefix, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(id).bind(org).bind(name).bind(token_hash).bind(prefix).bind(by.user_id).bind(now_ms())
                .execute(&mut *tx).await?;
            audit!(tx, by, org, "create", "api_token", Some(id), name);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Every API token of the organisation, newest first, revoked ones included.
    pub async fn list_api_tokens(&self, org: Uuid) -> Result<Vec<ApiToken>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id, name, prefix, created_at, revoked_at FROM api_tokens WHERE org_id = $1 ORDER BY created_at DESC, id DESC")
            .bind(org).fetch_all(p).await)?)
    }

    /// Revokes a token; it stops working at once on every instance.
    pub async fn revoke_api_token(&self, org: Uuid, id: Uuid, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query(
                "UPDATE api_tokens SET revoked_at = $3 WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL")
                .bind(org).bind(id).bind(now_ms()).execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            audit!(tx, by, org, "revoke", "api_token", Some(id), "");
            tx.commit().await?;
            Ok::<_, crate::StoreError>(())
        })?;
        self.tokens.clear();
        Ok(())
    }

    /// The live (not revoked) token with this hash: its id, its organisation and the
    /// organisation's time zone. A token revoked through another instance stops working
    /// here within [`crate::CACHE_TTL`]; through this one, at once.
    pub async fn api_token_org(&self, token_hash: &[u8]) -> Result<Option<TokenOrg>> {
        let key = token_hash.to_vec();
        if let Some(Some(t)) = self.tokens.get_many([&key]).pop() {
            return Ok(Some(t));
        }
        let found: Option<TokenOrg> = with_db!(self, p => sqlx::query_as(
            "SELECT t.id, t.org_id, o.time_zone FROM api_tokens t JOIN organisations o ON o.id = t.org_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL")
            .bind(token_hash).fetch_optional(p).await)?;
        if let Some(t) = &found {
            self.tokens.insert_many([(key, t.clone())]);
        }
        Ok(found)
    }
}
