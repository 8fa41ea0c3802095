//! Alert rules: what raises alerts (a low score, a rate of low scores, a metric of the
//! week under a threshold, a theme, a terminal's jump, a site's share of low answers), who
//! hears, and the start of the low-score reading when the first rule needs it.

use rida_domain::Locale;
use rida_domain::names::LocalNames;
use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, By, Result, Store, StoreError, audit::audit, now_ms, with_db};

/// A rule that raises alerts.
#[derive(Debug, Clone, sqlx::FromRow, Serialize, PartialEq)]
pub struct AlertRule {
    pub id: Uuid,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub names: LocalNames,
    pub kind: String,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub metric: Option<String>,
    pub threshold: Option<f64>,
    pub min_answers: i32,
    pub notify_roles: String,
    pub active: bool,
    pub created_at: i64,
    /// What each alert is about: `site`, `service` (at a site) or `employee`.
    pub scope: String,
    /// Only the sites of this region (with `site_id`: that site only).
    pub region_id: Option<Uuid>,
    /// A rate rule's window: `min_answers` low answers within these minutes.
    pub window_minutes: i32,
    /// A person the alerts go to besides the roles.
    pub notify_user: Option<Uuid>,
    /// Hours an alert may stay open before it is escalated to the head.
    pub deadline_hours: Option<i32>,
}

impl crate::Localized for AlertRule {
    fn localized(mut self, lang: Locale) -> Self {
        crate::localized::relabel(&mut self.name, &self.names, lang);
        self
    }
}

impl AlertRule {
    /// The roles told by e-mail.
    pub fn roles(&self) -> Vec<&str> {
        self.notify_roles
            .split(',')
            .filter(|r| !r.is_empty())
            .collect()
    }
}

/// The fields of the rule form.
#[derive(Debug, Clone)]
pub struct AlertRuleInput {
    pub name: String,
    pub names: LocalNames,
    pub kind: String,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub metric: Option<String>,
    pub threshold: Option<f64>,
    pub min_answers: i32,
    pub notify_roles: Vec<String>,
    pub scope: String,
    pub region_id: Option<Uuid>,
    pub window_minutes: i32,
    pub notify_user: Option<Uuid>,
    pub deadline_hours: Option<i32>,
}

const RULE_COLUMNS: &str = "id, name, names, kind, site_id, service_id, metric, threshold, min_answers, notify_roles, active, created_at, scope, region_id, window_minutes, notify_user, deadline_hours";

/// Rule kinds read from the answers behind the low-score cursor (`alert_cursor`).
const CURSOR_KINDS: &str = "'low_score', 'low_rate'";

/// Before a rule of `kind` is written in `tx`: when it reads low answers and no active
/// rule of the organisation did, the low-score cursor starts at the newest answer, so
/// the rule gathers every low answer stored after it whenever the jobs get to them (not
/// only those within the look-back of the first round), and never the history an older
/// cursor was left at.
macro_rules! start_low_cursor {
    ($tx:ident, $org:expr, $kind:expr) => {
        if matches!($kind, "low_score" | "low_rate") {
            let reading: i64 = sqlx::query_scalar(&format!(
                "SELECT COUNT(*) FROM alert_rules WHERE org_id = $1 AND active AND kind IN ({CURSOR_KINDS})"
            ))
            .bind($org)
            .fetch_one(&mut *$tx)
            .await?;
            if reading == 0 {
                sqlx::query(
                    "INSERT INTO alert_cursor (org_id, seq) SELECT $1, COALESCE(MAX(seq), 0) FROM ratings WHERE TRUE \
                     ON CONFLICT (org_id) DO UPDATE SET seq = excluded.seq",
                )
                .bind($org)
                .execute(&mut *$tx)
                .await?;
            }
        }
    };
}

impl Store {
    /// Saves a new rule under the client's id (a resend stores nothing twice).
    pub async fn create_alert_rule(
        &self,
        org: Uuid,
        id: Uuid,
        r: &AlertRuleInput,
        by: &By,
    ) -> Result<Uuid> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            crate::check_owned!(tx, "sites", org, r.site_id.as_slice());
            crate::check_owned!(tx, "services", org, r.service_id.as_slice());
            crate::check_owned!(tx, "regions", org, r.region_id.as_slice());
            crate::check_owned!(tx, "users", org, r.notify_user.as_slice());
            start_low_cursor!(tx, org, r.kind.as_str());
            let done = sqlx::query(
                "INSERT INTO alert_rules (id, org_id, name, kind, site_id, service_id, metric, threshold, min_answers, notify_roles, created_at, updated_at, names, scope, region_id, window_minutes, notify_user, deadline_hours) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (id) DO NOTHING")
                .bind(id).bind(org).bind(&r.name).bind(&r.kind).bind(r.site_id).bind(r.service_id)
                .bind(&r.metric).bind(r.threshold).bind(r.min_answers).bind(r.notify_roles.join(",")).bind(now).bind(r.names.to_json())
                .bind(&r.scope).bind(r.region_id).bind(r.window_minutes).bind(r.notify_user).bind(r.deadline_hours)
                .execute(&mut *tx).await?;
            if done.rows_affected() == 1 {
                audit!(tx, by, org, "create", "alert_rule", Some(id), &r.name);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(id)
    }

    /// Changes a rule.
    pub async fn update_alert_rule(
        &self,
        org: Uuid,
        id: Uuid,
        r: &AlertRuleInput,
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            crate::check_owned!(tx, "sites", org, r.site_id.as_slice());
            crate::check_owned!(tx, "services", org, r.service_id.as_slice());
            crate::check_owned!(tx, "regions", org, r.region_id.as_slice());
            crate::check_owned!(tx, "users", org, r.notify_user.as_slice());
            start_low_cursor!(tx, org, r.kind.as_str());
            let n = sqlx::query(
                "UPDATE alert_rules SET name = $3, kind = $4, site_id = $5, service_id = $6, metric = $7, threshold = $8, \
                 min_answers = $9, notify_roles = $10, updated_at = $11, names = $12, scope = $13, region_id = $14, window_minutes = $15, \
                 notify_user = $16, deadline_hours = $17 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(&r.name).bind(&r.kind).bind(r.site_id).bind(r.service_id)
                .bind(&r.metric).bind(r.threshold).bind(r.min_answers).bind(r.notify_roles.join(",")).bind(now_ms()).bind(r.names.to_json())
                .bind(&r.scope).bind(r.region_id).bind(r.window_minutes).bind(r.notify_user).bind(r.deadline_hours)
                .execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            audit!(tx, by, org, "update", "alert_rule", Some(id), &r.name);
            tx.commit().await?;
            Ok(())
        })
    }

    /// The organisation's rules, active first.
    pub async fn alert_rules(&self, org: Uuid) -> Result<Vec<AlertRule>> {
        let sql = format!(
            "SELECT {RULE_COLUMNS} FROM alert_rules WHERE org_id = $1 ORDER BY active DESC, name, id"
        );
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(org).fetch_all(p).await)?)
    }

    /// One rule.
    pub async fn alert_rule(&self, org: Uuid, id: Uuid) -> Result<AlertRule> {
        let sql = format!("SELECT {RULE_COLUMNS} FROM alert_rules WHERE org_id = $1 AND id = $2");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(org).bind(id).fetch_one(p).await)?)
    }
}
