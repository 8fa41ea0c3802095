//! Deactivating and reactivating: nothing that ratings point at is ever destroyed.

use crate::BeginWrite;
use uuid::Uuid;

use crate::{By, Result, Store, org::affected, with_db};

/// The kinds of record that can be deactivated and reactivated the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deactivatable {
    Region,
    Site,
    Service,
    Employee,
    Survey,
    Terminal,
    AlertRule,
}

impl Deactivatable {
    fn table(self) -> &'static str {
        match self {
            Deactivatable::Region => "regions",
            Deactivatable::Site => "sites",
            Deactivatable::Service => "services",
            Deactivatable::Employee => "employees",
            Deactivatable::Survey => "surveys",
            Deactivatable::Terminal => "terminals",
            Deactivatable::AlertRule => "alert_rules",
        }
    }

    fn entity(self) -> &'static str {
        match self {
            Deactivatable::Region => "region",
            Deactivatable::Site => "site",
            Deactivatable::Service => "service",
            Deactivatable::Employee => "employee",
            Deactivatable::Survey => "survey",
            Deactivatable::Terminal => "terminal",
            Deactivatable::AlertRule => "alert_rule",
        }
    }
}

impl Store {
    /// Deactivates or reactivates a region, site, service or employee of `org`,
    /// recording the change in the audit log in the same transaction.
    pub async fn set_active(
        &self,
        kind: Deactivatable,
        org: Uuid,
        id: Uuid,
        active: bool,
        by: &By,
    ) -> Result<()> {
        let sql = format!(
            "UPDATE {} SET active = $3 WHERE org_id = $1 AND id = $2",
            kind.table()
        );
        let action = if active { "activate" } else { "deactivate" };
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query(&sql).bind(org).bind(id).bind(active).execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            sqlx::query(
                "INSERT INTO audit_log (id, org_id, user_id, actor, action, entity, entity_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8)")
                .bind(rida_domain::new_id()).bind(org).bind(by.user_id).bind(&by.actor).bind(action)
                .bind(kind.entity()).bind(id).bind(crate::now_ms())
                .execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }
}
