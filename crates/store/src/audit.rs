//! The audit log: every change an administrator makes, who made it and when.
//! Mutating store calls take a [`By`] and write their entry in the same transaction.

use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, ListQuery, Page, Result, Store, with_db};

/// Who makes a change.
#[derive(Debug, Clone)]
pub struct By {
    pub user_id: Option<Uuid>,
    /// In words: a username, `cli`, `demo` or `token:NAME`.
    pub actor: String,
}

impl By {
    /// A change made by a logged-in user.
    pub fn user(id: Uuid, username: &str) -> By {
        By {
            user_id: Some(id),
            actor: username.to_string(),
        }
    }

    /// A change made by the system itself (`cli`, `demo`…).
    pub fn system(name: &str) -> By {
        By {
            user_id: None,
            actor: name.to_string(),
        }
    }
}

/// Writes one audit entry inside the caller's transaction.
macro_rules! audit {
    ($tx:expr, $by:expr, $org:expr, $action:expr, $entity:literal, $id:expr, $detail:expr) => {
        sqlx::query(
            "INSERT INTO audit_log (id, org_id, user_id, actor, action, entity, entity_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(rida_domain::new_id())
        .bind($org)
        .bind($by.user_id)
        .bind(&$by.actor)
        .bind($action)
        .bind($entity)
        .bind($id)
        .bind($detail)
        .bind($crate::now_ms())
        .execute(&mut *$tx)
        .await?;
    };
}
pub(crate) use audit;

/// A recorded entry.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct AuditEntry {
    pub id: Uuid,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<Uuid>,
    pub detail: String,
    pub at: i64,
}

/// What the audit log is narrowed to, beside the search text.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// One kind of entry (`login`, `login_refused`, `role`…).
    pub action: Option<String>,
    /// Entries by this actor (a part of the name, without case).
    pub actor: Option<String>,
    /// From this moment on, and before that one (ms).
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
}

const AUDIT_WHERE: &str = "WHERE org_id = $1 AND (LOWER(actor) LIKE $2 ESCAPE '\\' OR LOWER(entity) LIKE $2 ESCAPE '\\' OR LOWER(detail) LIKE $2 ESCAPE '\\' OR LOWER(action) LIKE $2 ESCAPE '\\') \
     AND ($3 = '' OR action = $3) AND LOWER(actor) LIKE $4 ESCAPE '\\' AND at >= $5 AND at < $6";

impl Store {
    /// The newest entries first; the search text matches actor, action, entity or detail.
    pub async fn list_audit(
        &self,
        org: Uuid,
        q: &ListQuery,
        f: &AuditFilter,
    ) -> Result<Page<AuditEntry>> {
        let pat = q.pattern();
        let action = f.action.clone().unwrap_or_default();
        let actor = crate::like_pattern(f.actor.as_deref().unwrap_or(""));
        let (from, to) = (f.from_ms.unwrap_or(i64::MIN), f.to_ms.unwrap_or(i64::MAX));
        let items_sql = format!(
            "SELECT id, actor, action, entity, entity_id, detail, at FROM audit_log {AUDIT_WHERE} ORDER BY at DESC, id DESC LIMIT $7 OFFSET $8"
        );
        let count_sql = format!("SELECT COUNT(*) FROM audit_log {AUDIT_WHERE}");
        with_db!(self, p => {
            let items = sqlx::query_as(&items_sql).bind(org).bind(&pat).bind(&action).bind(&actor).bind(from).bind(to)
                .bind(crate::org::page_limit(q)).bind(q.offset.max(0)).fetch_all(p).await?;
            let total = sqlx::query_scalar(&count_sql).bind(org).bind(&pat).bind(&action).bind(&actor).bind(from).bind(to)
                .fetch_one(p).await?;
            Ok(Page { items, total })
        })
    }

    /// The kinds of entry the organisation's log holds (for the filter).
    pub async fn audit_actions(&self, org: Uuid) -> Result<Vec<String>> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT DISTINCT action FROM audit_log WHERE org_id = $1 ORDER BY action")
            .bind(org).fetch_all(p).await)?)
    }

    /// Removes the entries older than `before` (ms), the organisation's retention, and
    /// says so in the log itself: one transaction. Returns how many went.
    pub async fn forget_audit_before(&self, org: Uuid, before: i64) -> Result<u64> {
        let by = By::system("retention");
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let n = sqlx::query("DELETE FROM audit_log WHERE org_id = $1 AND at < $2")
                .bind(org).bind(before).execute(&mut *tx).await?.rows_affected();
            if n > 0 {
                audit!(tx, by, org, "retention", "audit_log", None::<Uuid>, &format!("{n} entries older than the retention period"));
            }
            tx.commit().await?;
            Ok::<_, crate::StoreError>(n)
        })
    }
}
