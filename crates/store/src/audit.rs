//! The audit log: every change an administrator makes, who made it and when.
//! Mutating store calls take a [`By`] and write their entry in the same transaction.

use serde::Serialize;
use uuid::Uuid;

use crate::{ListQuery, Page, Result, Store, with_db};

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

impl Store {
    /// The newest entries first; the search text matches actor, action, entity or detail.
    pub async fn list_audit(&self, org: Uuid, q: &ListQuery) -> Result<Page<AuditEntry>> {
        let pat = q.pattern();
        const WHERE: &str = "WHERE org_id = $1 AND (LOWER(actor) LIKE $2 ESCAPE '\\' OR LOWER(entity) LIKE $2 ESCAPE '\\' OR LOWER(detail) LIKE $2 ESCAPE '\\' OR LOWER(action) LIKE $2 ESCAPE '\\')";
        let items_sql = format!(
            "SELECT id, actor, action, entity, entity_id, detail, at FROM audit_log {WHERE} ORDER BY at DESC, id DESC LIMIT $3 OFFSET $4"
        );
        let count_sql = format!("SELECT COUNT(*) FROM audit_log {WHERE}");
        with_db!(self, p => {
            let items = sqlx::query_as(&items_sql).bind(org).bind(&pat).bind(crate::org::page_limit(q)).bind(q.offset.max(0)).fetch_all(p).await?;
            let total = sqlx::query_scalar(&count_sql).bind(org).bind(&pat).fetch_one(p).await?;
            Ok(Page { items, total })
        })
    }
}
