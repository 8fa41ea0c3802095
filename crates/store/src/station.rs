//! The employee station: asking the terminal at one's desk (or the site's main terminal)
//! for the next customer's rating, and recording visits. Nothing here reads a rating.

use crate::BeginWrite;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use crate::{Result, Store, now_ms, with_db};

/// What the station may show: which terminal was asked and whether it is still waiting.
/// Never the answer.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AskState {
    pub terminal_id: Uuid,
    pub terminal_name: String,
    /// The request still waits for the customer (false: a thank-you was received).
    pub waiting: bool,
}

impl Store {
    /// Sends the next customer of the terminal at this employee's desk — or, without
    /// one, of the main terminal at one of their sites — to rate this employee, within
    /// the employee's open visit if there is one. `None` when no paired terminal serves them.
    pub async fn ask_for_rating(&self, org: Uuid, employee: Uuid) -> Result<Option<AskState>> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let visit: Option<(Uuid,)> = sqlx::query_as(
                "SELECT id FROM visits WHERE org_id = $1 AND employee_id = $2 AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1")
                .bind(org).bind(employee).fetch_optional(&mut *tx).await?;
            let visit = visit.map(|v| v.0);
            let found: Option<(Uuid, String)> = sqlx::query_as(
                "SELECT t.id, t.name FROM terminals t WHERE t.org_id = $1 AND t.active = TRUE AND t.device_token_hash IS NOT NULL AND t.kind = 'kiosk' \
                 AND (t.employee_id = $2 OR (t.employee_id IS NULL AND t.mode <> 'free' AND t.site_id IN (SELECT site_id FROM employee_sites WHERE employee_id = $2))) \
                 ORDER BY CASE WHEN t.employee_id = $2 THEN 0 ELSE 1 END, t.name LIMIT 1")
                .bind(org).bind(employee).fetch_optional(&mut *tx).await?;
            let Some((id, name)) = found else { return Ok(None) };
            sqlx::query("UPDATE terminals SET asked_employee_id = $2, asked_visit_id = $3, asked_at = $4, config_version = config_version + 1 WHERE id = $1")
                .bind(id).bind(employee).bind(visit).bind(now_ms()).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO terminal_asks (terminal_id, employee_id, asked_at) VALUES ($1, $2, $3) \
                ON CONFLICT (terminal_id, employee_id) DO UPDATE SET asked_at = excluded.asked_at")
                .bind(id).bind(employee).bind(now_ms()).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(Some(AskState { terminal_id: id, terminal_name: name, waiting: true }))
        })
    }

    /// Where this employee's request to `terminal` stands: `waiting` for the customer,
    /// `received` (a thank-you came, or another request took its place), or `none` (no
    /// such terminal). The only thing a station learns.
    pub async fn ask_state(
        &self,
        org: Uuid,
        terminal: Uuid,
        employee: Uuid,
    ) -> Result<&'static str> {
        let found: Option<AskState> = with_db!(self, p => sqlx::query_as(
            "SELECT id AS terminal_id, name AS terminal_name, (asked_employee_id IS NOT NULL AND asked_employee_id = $3) AS waiting \
             FROM terminals WHERE org_id = $1 AND id = $2")
            .bind(org).bind(terminal).bind(employee).fetch_optional(p).await)?;
        Ok(match found {
            Some(s) if s.waiting => "waiting",
            Some(_) => "received",
            None => "none",
        })
    }

    /// What a terminal's answers may name besides its site: its site's staff and
    /// services, and who asked it for a rating and when (for the policy to decide).
    pub async fn terminal_reach(
        &self,
        terminal: Uuid,
        site: Uuid,
    ) -> Result<(HashSet<Uuid>, HashSet<Uuid>, HashMap<Uuid, i64>)> {
        with_db!(self, p => {
            let staff: Vec<(Uuid,)> = sqlx::query_as("SELECT employee_id FROM employee_sites WHERE site_id = $1")
                .bind(site).fetch_all(p).await?;
            let services: Vec<(Uuid,)> = sqlx::query_as("SELECT service_id FROM site_services WHERE site_id = $1")
                .bind(site).fetch_all(p).await?;
            let asked: Vec<(Uuid, i64)> = sqlx::query_as("SELECT employee_id, asked_at FROM terminal_asks WHERE terminal_id = $1")
                .bind(terminal).fetch_all(p).await?;
            Ok((
                staff.into_iter().map(|r| r.0).collect(),
                services.into_iter().map(|r| r.0).collect(),
                asked.into_iter().collect(),
            ))
        })
    }
}
