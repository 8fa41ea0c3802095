//! A second factor for local accounts: the sealed TOTP secret, the last time step used
//! (a code counts once, whichever instance sees it) and single-use recovery codes.

use uuid::Uuid;

use crate::{BeginWrite, By, Result, Store, StoreError, audit::audit, now_ms, with_db};

/// An account's second factor as stored: the sealed secret and the last step used.
#[derive(Debug, Clone)]
pub struct TotpState {
    pub sealed_secret: Vec<u8>,
    pub last_step: Option<i64>,
    pub enabled_at: i64,
}

/// The sealed secret, the last step used, when it was turned on.
type TotpRow = (Option<Vec<u8>>, Option<i64>, Option<i64>);

impl Store {
    /// The account's second factor, if it has one.
    pub async fn totp_of(&self, user: Uuid) -> Result<Option<TotpState>> {
        let row: Option<TotpRow> = with_db!(self, p => sqlx::query_as(
            "SELECT totp_secret, totp_last_step, totp_enabled_at FROM users WHERE id = $1")
            .bind(user).fetch_optional(p).await)?;
        Ok(match row {
            Some((Some(sealed_secret), last_step, Some(enabled_at))) => Some(TotpState {
                sealed_secret,
                last_step,
                enabled_at,
            }),
            _ => None,
        })
    }

    /// Takes the time step of a code that matched: `true` once per step and later steps
    /// only, so a code seen twice (replayed, or sent to two instances) counts once.
    pub async fn use_totp_step(&self, user: Uuid, step: i64) -> Result<bool> {
        let n: u64 = with_db!(self, p => sqlx::query(
            "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)")
            .bind(user).bind(step).execute(p).await.map(|r| r.rows_affected()))?;
        Ok(n == 1)
    }

    /// Takes a recovery code (by its hash): `true` the first time only.
    pub async fn use_recovery_code(
        &self,
        org: Uuid,
        user: Uuid,
        code_hash: &[u8],
        by: &By,
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query("UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL")
                .bind(user).bind(code_hash).bind(now_ms()).execute(&mut *tx).await?;
            let used = r.rows_affected() == 1;
            if used {
                audit!(tx, by, org, "recovery_code", "user", Some(user), "a recovery code was used");
            }
            tx.commit().await?;
            Ok::<_, StoreError>(used)
        })
    }

    /// Recovery codes not used yet.
    pub async fn recovery_codes_left(&self, user: Uuid) -> Result<i64> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
            .bind(user).fetch_one(p).await)?)
    }

    /// Turns the second factor on (or renews it): the sealed secret, the step of the code
    /// that confirmed it, new recovery codes (old ones no longer count), and the session
    /// it was set up in counts as having it. One transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn enable_totp(
        &self,
        org: Uuid,
        user: Uuid,
        sealed_secret: &[u8],
        step: i64,
        recovery_hashes: &[Vec<u8>],
        session_hash: &[u8],
        by: &By,
    ) -> Result<()> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("UPDATE users SET totp_secret = $2, totp_last_step = $3, totp_enabled_at = $4 WHERE id = $1 AND org_id = $5")
                .bind(user).bind(sealed_secret).bind(step).bind(now).bind(org).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
            for h in recovery_hashes {
                sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)").bind(user).bind(h).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE sessions SET second_factor = TRUE WHERE token_hash = $1 AND user_id = $2")
                .bind(session_hash).bind(user).execute(&mut *tx).await?;
            audit!(tx, by, org, "second_factor_on", "user", Some(user), "one-time codes from an app");
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Turns the second factor off (the head, for a lost phone; or its owner) and ends
    /// the account's sessions but `keep`. One transaction.
    pub async fn disable_totp(
        &self,
        org: Uuid,
        user: Uuid,
        keep: Option<&[u8]>,
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query("UPDATE users SET totp_secret = NULL, totp_last_step = NULL, totp_enabled_at = NULL WHERE id = $1 AND org_id = $2")
                .bind(user).bind(org).execute(&mut *tx).await?;
            crate::org::affected(r.rows_affected())?;
            sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                .bind(user).bind(keep.unwrap_or(&[])).execute(&mut *tx).await?;
            sqlx::query("UPDATE sessions SET second_factor = FALSE WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
            audit!(tx, by, org, "second_factor_off", "user", Some(user), "");
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }
}
