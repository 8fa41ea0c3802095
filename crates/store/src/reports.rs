//! Saved reports of the report builder: a name, the report's query string, who else may
//! open it, and its schedule.

use crate::BeginWrite;
use serde::Serialize;
use uuid::Uuid;

use crate::{By, Result, Store, StoreError, audit::audit, now_ms, with_db};

/// A saved report.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, PartialEq)]
pub struct SavedReport {
    pub id: Uuid,
    pub name: String,
    pub query: String,
    pub shared_roles: String,
    pub schedule: String,
    pub created_by: Uuid,
    pub updated_at: i64,
}

impl SavedReport {
    /// The roles it is shared with.
    pub fn roles(&self) -> Vec<&str> {
        self.shared_roles
            .split(',')
            .filter(|r| !r.is_empty())
            .collect()
    }
}

/// What the save form holds.
#[derive(Debug, Clone)]
pub struct ReportInput {
    pub name: String,
    pub query: String,
    pub shared_roles: Vec<String>,
    pub schedule: String,
}

const COLUMNS: &str = "id, name, query, shared_roles, schedule, created_by, updated_at";

impl Store {
    /// Saves a new report under the client's id (a resend stores nothing twice).
    pub async fn create_report(
        &self,
        org: Uuid,
        id: Uuid,
        r: &ReportInput,
        author: Uuid,
        by: &By,
    ) -> Result<Uuid> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "INSERT INTO reports (id, org_id, name, query, shared_roles, schedule, created_by, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (id) DO NOTHING")
                .bind(id).bind(org).bind(&r.name).bind(&r.query).bind(r.shared_roles.join(","))
                .bind(&r.schedule).bind(author).bind(now)
                .execute(&mut *tx).await?;
            if done.rows_affected() == 1 {
                audit!(tx, by, org, "create", "report", Some(id), &r.name);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(id)
    }

    /// Changes a saved report.
    pub async fn update_report(&self, org: Uuid, id: Uuid, r: &ReportInput, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "UPDATE reports SET name = $3, query = $4, shared_roles = $5, schedule = $6, updated_at = $7 \
                 WHERE org_id = $1 AND id = $2 AND active = TRUE")
                .bind(org).bind(id).bind(&r.name).bind(&r.query).bind(r.shared_roles.join(","))
                .bind(&r.schedule).bind(now_ms())
                .execute(&mut *tx).await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            audit!(tx, by, org, "update", "report", Some(id), &r.name);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Removes a saved report (kept for the audit trail, no longer listed or opened).
    pub async fn delete_report(&self, org: Uuid, id: Uuid, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query("UPDATE reports SET active = FALSE WHERE org_id = $1 AND id = $2 AND active = TRUE")
                .bind(org).bind(id).execute(&mut *tx).await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            audit!(tx, by, org, "delete", "report", Some(id), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// One saved report.
    pub async fn report(&self, org: Uuid, id: Uuid) -> Result<SavedReport> {
        let sql = format!(
            "SELECT {COLUMNS} FROM reports WHERE org_id = $1 AND id = $2 AND active = TRUE"
        );
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(org).bind(id).fetch_one(p).await)?)
    }

    /// Every saved report of the organisation, by name (callers keep those the user may open).
    pub async fn list_reports(&self, org: Uuid) -> Result<Vec<SavedReport>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM reports WHERE org_id = $1 AND active = TRUE ORDER BY name, id"
        );
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(org).fetch_all(p).await)?)
    }
}
