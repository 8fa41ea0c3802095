//! Visits: a customer's time at a desk, as the employee station (or a queue system)
//! records it, and the rollup of the operational metrics (response rate, waiting time,
//! time with customer) kept up to date in the transaction that changes a visit. Every
//! change is applied to the rollup as "what the visit contributes now minus what it
//! contributed before" (`VisitTotals::of`), so a late answer or a visit's end lands on
//! the visit's own day. Customers are linked visit to visit by their customer key, for
//! retention.

use std::collections::HashMap;

use rida_domain::metrics::operations::{VisitTimes, VisitTotals};
use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, Result, Store, StoreError, now_ms, with_db};

/// A visit as the station shows it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Visit {
    pub id: Uuid,
    pub started_at: i64,
    pub ended_at: Option<i64>,
}

/// A visit to record. Its local day comes from the site's time zone (the organisation's
/// without a site); the service's targets in force are copied onto it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewVisit {
    pub id: Uuid,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub customer_key: Option<String>,
    pub arrived_at: Option<i64>,
    pub started_at: i64,
    pub ended_at: Option<i64>,
}

/// A stored visit, with what the rollup needs.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub(crate) struct VisitRow {
    pub id: Uuid,
    pub org_id: Uuid,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub customer_key: Option<String>,
    pub arrived_at: Option<i64>,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub local_day: i32,
    pub answered_at: Option<i64>,
    pub target_wait_s: Option<i32>,
    pub target_handle_s: Option<i32>,
}

pub(crate) const VISIT_COLUMNS: &str = "id, org_id, site_id, service_id, employee_id, customer_key, arrived_at, started_at, ended_at, local_day, answered_at, target_wait_s, target_handle_s";

/// A rollup cell of visits: grain 1 is a day (`yyyymmdd`), 2 a month (`yyyymm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct VisitCell {
    pub org_id: Uuid,
    pub grain: i16,
    pub period: i32,
    pub site_id: Uuid,
    pub service_id: Uuid,
    pub employee_id: Uuid,
}

impl VisitRow {
    fn times(&self) -> VisitTimes {
        VisitTimes {
            arrived_at: self.arrived_at,
            started_at: self.started_at,
            ended_at: self.ended_at,
            answered: self.answered_at.is_some(),
            target_wait_s: self.target_wait_s,
            target_handle_s: self.target_handle_s,
        }
    }

    fn cells(&self) -> [VisitCell; 2] {
        let cell = |grain: i16, period: i32| VisitCell {
            org_id: self.org_id,
            grain,
            period,
            site_id: self.site_id.unwrap_or_default(),
            service_id: self.service_id.unwrap_or_default(),
            employee_id: self.employee_id.unwrap_or_default(),
        };
        [cell(1, self.local_day), cell(2, self.local_day / 100)]
    }
}

/// Adds to `deltas` the change of the rollup from `old` to `new` (either may be absent).
pub(crate) fn visit_delta(
    deltas: &mut HashMap<VisitCell, VisitTotals>,
    old: Option<&VisitRow>,
    new: Option<&VisitRow>,
) {
    for (row, sign) in [(old, -1), (new, 1)] {
        let Some(row) = row else { continue };
        let t = VisitTotals::of(&row.times());
        for cell in row.cells() {
            let d = deltas.entry(cell).or_default();
            *d = if sign > 0 {
                let mut s = *d;
                s.add(&t);
                s
            } else {
                d.minus(&t)
            };
        }
    }
}

/// Adds the deltas to the visit rollup inside the caller's transaction.
macro_rules! apply_visit_rollup {
    ($tx:ident, $deltas:expr) => {{
        let cols = rida_domain::metrics::operations::VisitTotals::COLUMNS;
        let sql = format!(
            "INSERT INTO visit_rollups (org_id, grain, period, site_id, service_id, employee_id, {}) VALUES ($1, $2, $3, $4, $5, $6, {}) \
             ON CONFLICT (org_id, grain, period, site_id, service_id, employee_id) DO UPDATE SET {}",
            cols.join(", "),
            (7..7 + cols.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", "),
            cols.iter().map(|c| format!("{c} = visit_rollups.{c} + excluded.{c}")).collect::<Vec<_>>().join(", "));
        // In key order, as every rollup (see `apply_rollup`).
        let mut cells: Vec<_> = $deltas.iter().filter(|(_, t)| !t.is_zero()).collect();
        cells.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (k, t) in cells {
            let mut q = sqlx::query(&sql).bind(k.org_id).bind(k.grain).bind(k.period).bind(k.site_id).bind(k.service_id).bind(k.employee_id);
            for v in t.values() { q = q.bind(v); }
            q.execute(&mut *$tx).await?;
        }
    }};
}
pub(crate) use apply_visit_rollup;

/// Writes `new` over `old` (a new visit when `old` is `None`), moves the rollup by the
/// difference, and links the customer's visits before and after it.
macro_rules! save_visit {
    ($tx:ident, $old:expr, $new:expr) => {{
        let (old, new): (Option<&VisitRow>, &VisitRow) = ($old, $new);
        sqlx::query(&format!(
            "INSERT INTO visits ({VISIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
             ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, service_id = excluded.service_id, employee_id = excluded.employee_id, \
             customer_key = excluded.customer_key, arrived_at = excluded.arrived_at, ended_at = excluded.ended_at, answered_at = excluded.answered_at"))
            .bind(new.id).bind(new.org_id).bind(new.site_id).bind(new.service_id).bind(new.employee_id).bind(new.customer_key.clone())
            .bind(new.arrived_at).bind(new.started_at).bind(new.ended_at).bind(new.local_day).bind(new.answered_at)
            .bind(new.target_wait_s).bind(new.target_handle_s)
            .execute(&mut *$tx).await?;
        let mut deltas = HashMap::new();
        visit_delta(&mut deltas, old, Some(new));
        apply_visit_rollup!($tx, deltas);
        if old.map(|o| &o.customer_key) != Some(&new.customer_key) {
            let keys: Vec<String> = old.and_then(|o| o.customer_key.clone()).into_iter().chain(new.customer_key.clone()).collect();
            relink!($tx, new.org_id, &keys);
        }
    }};
}

/// Sets `answered_at` of new visits whose answers arrived before them (a queue system
/// may report a visit after the customer rated it).
macro_rules! answered_before {
    ($tx:ident, $org:expr, $rows:expr) => {{
        let rows: &mut [VisitRow] = $rows;
        let sql = format!(
            "SELECT visit_id, MIN(received_at) FROM ratings WHERE org_id = $1 AND visit_id IN ({}) GROUP BY visit_id",
            $crate::ratings::in_list(2, rows.len()));
        let mut q = sqlx::query_as::<_, (Uuid, i64)>(&sql).bind($org);
        for r in rows.iter() { q = q.bind(r.id); }
        let found: HashMap<Uuid, i64> = q.fetch_all(&mut *$tx).await?.into_iter().collect();
        for r in rows.iter_mut() {
            r.answered_at = found.get(&r.id).copied();
        }
    }};
}

/// Sets each visit's next visit of the same customer, for the customers `$keys` of `$org`.
macro_rules! relink {
    ($tx:ident, $org:expr, $keys:expr) => {{
        let keys: &[String] = $keys;
        for chunk in keys.chunks(500) {
            let next = "FROM visits n WHERE n.org_id = visits.org_id AND n.customer_key = visits.customer_key AND n.started_at > visits.started_at";
            let sql = format!(
                "UPDATE visits SET next_visit_at = (SELECT MIN(n.started_at) {next}), \
                 next_visit_day = (SELECT n.local_day {next} ORDER BY n.started_at LIMIT 1) \
                 WHERE org_id = $1 AND customer_key IN ({})",
                $crate::ratings::in_list(2, chunk.len()));
            let mut q = sqlx::query(&sql).bind($org);
            for k in chunk { q = q.bind(k.clone()); }
            q.execute(&mut *$tx).await?;
        }
    }};
}

/// How many visits the deltas add (each visit counts once, in its day cell).
fn deltas_visits(deltas: &HashMap<VisitCell, VisitTotals>) -> u64 {
    deltas
        .iter()
        .filter(|(c, _)| c.grain == 1)
        .map(|(_, t)| t.visits.max(0) as u64)
        .sum()
}

/// Marks the visits of answers just stored as answered (`((org, visit), received_at)`
/// in key order; the first answer counts), moving each visit's rollup cell once; inside
/// the caller's transaction. The update itself decides which answer is first: of two
/// instances storing answers of one visit at once, only one finds it unanswered.
macro_rules! mark_answered {
    ($tx:ident, $visits:expr) => {{
        let mut deltas = std::collections::HashMap::new();
        for ((org, visit), at) in $visits.iter() {
            let new: Option<$crate::visits::VisitRow> = sqlx::query_as(&format!(
                "UPDATE visits SET answered_at = $3 WHERE org_id = $1 AND id = $2 AND answered_at IS NULL RETURNING {}",
                $crate::visits::VISIT_COLUMNS
            ))
            .bind(*org)
            .bind(*visit)
            .bind(*at)
            .fetch_optional(&mut *$tx)
            .await?;
            if let Some(new) = new {
                let old = $crate::visits::VisitRow {
                    answered_at: None,
                    ..new.clone()
                };
                $crate::visits::visit_delta(&mut deltas, Some(&old), Some(&new));
            }
        }
        $crate::visits::apply_visit_rollup!($tx, deltas);
    }};
}
pub(crate) use mark_answered;

/// What a new visit takes from the organisation: the time zones for its day and the
/// services' targets.
struct VisitContext {
    org_tz: jiff::tz::TimeZone,
    site_tz: HashMap<Uuid, jiff::tz::TimeZone>,
    targets: HashMap<Uuid, (Option<i32>, Option<i32>)>,
}

impl VisitContext {
    /// The stored form of a new visit; `NotFound` for a site or service of another
    /// organisation.
    fn row(&self, org: Uuid, v: &NewVisit) -> Result<VisitRow> {
        let tz = match v.site_id {
            Some(s) => self.site_tz.get(&s).ok_or(StoreError::NotFound)?,
            None => &self.org_tz,
        };
        let (target_wait_s, target_handle_s) = match v.service_id {
            Some(s) => *self.targets.get(&s).ok_or(StoreError::NotFound)?,
            None => (None, None),
        };
        let ts =
            jiff::Timestamp::from_millisecond(v.started_at).map_err(|_| StoreError::Conflict)?;
        Ok(VisitRow {
            id: v.id,
            org_id: org,
            site_id: v.site_id,
            service_id: v.service_id,
            employee_id: v.employee_id,
            customer_key: v.customer_key.clone(),
            arrived_at: v.arrived_at,
            started_at: v.started_at,
            ended_at: v.ended_at,
            local_day: rida_domain::time::local_day(ts, tz),
            answered_at: None,
            target_wait_s,
            target_handle_s,
        })
    }
}

impl Store {
    async fn visit_context(&self, org: Uuid) -> Result<VisitContext> {
        let zone = |t: &str| jiff::tz::TimeZone::get(t).unwrap_or(jiff::tz::TimeZone::UTC);
        let (org_tz, sites, services) = with_db!(self, p => {
            let org_tz: String = sqlx::query_scalar("SELECT time_zone FROM organisations WHERE id = $1")
                .bind(org).fetch_one(p).await?;
            let sites: Vec<(Uuid, Option<String>)> = sqlx::query_as("SELECT id, time_zone FROM sites WHERE org_id = $1")
                .bind(org).fetch_all(p).await?;
            let services: Vec<(Uuid, Option<i32>, Option<i32>)> = sqlx::query_as(
                "SELECT id, target_wait_s, target_handle_s FROM services WHERE org_id = $1")
                .bind(org).fetch_all(p).await?;
            Ok::<_, sqlx::Error>((org_tz, sites, services))
        })?;
        Ok(VisitContext {
            site_tz: sites
                .into_iter()
                .map(|(id, tz)| (id, zone(tz.as_deref().unwrap_or(&org_tz))))
                .collect(),
            org_tz: zone(&org_tz),
            targets: services
                .into_iter()
                .map(|(id, w, h)| (id, (w, h)))
                .collect(),
        })
    }

    /// Stores many new visits in one transaction (a resent id is left as it was);
    /// returns how many were new.
    pub async fn insert_visits(&self, org: Uuid, visits: &[NewVisit]) -> Result<u64> {
        let ctx = self.visit_context(org).await?;
        let mut rows: Vec<VisitRow> = visits
            .iter()
            .map(|v| ctx.row(org, v))
            .collect::<Result<_>>()?;
        let employees: std::collections::BTreeSet<Uuid> =
            rows.iter().filter_map(|r| r.employee_id).collect();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            crate::check_owned!(tx, "employees", org, employees);
            let mut inserted: std::collections::HashSet<Uuid> = Default::default();
            for chunk in rows.chunks_mut(crate::ratings::ROWS_PER_STATEMENT) {
                answered_before!(tx, org, &mut *chunk);
                let mut qb = sqlx::QueryBuilder::new(format!("INSERT INTO visits ({VISIT_COLUMNS}) "));
                qb.push_values(chunk, |mut b, r| {
                    b.push_bind(r.id).push_bind(r.org_id).push_bind(r.site_id).push_bind(r.service_id).push_bind(r.employee_id)
                        .push_bind(r.customer_key.clone()).push_bind(r.arrived_at).push_bind(r.started_at).push_bind(r.ended_at)
                        .push_bind(r.local_day).push_bind(r.answered_at).push_bind(r.target_wait_s).push_bind(r.target_handle_s);
                });
                qb.push(" ON CONFLICT (id) DO NOTHING RETURNING id");
                let ids: Vec<(Uuid,)> = qb.build_query_as().persistent(false).fetch_all(&mut *tx).await?;
                inserted.extend(ids.into_iter().map(|i| i.0));
            }
            let mut deltas = HashMap::new();
            let mut keys = std::collections::BTreeSet::new();
            for r in rows.iter().filter(|r| inserted.remove(&r.id)) {
                visit_delta(&mut deltas, None, Some(r));
                keys.extend(r.customer_key.clone());
            }
            apply_visit_rollup!(tx, deltas);
            let keys: Vec<String> = keys.into_iter().collect();
            relink!(tx, org, &keys);
            tx.commit().await?;
            Ok(deltas_visits(&deltas))
        })
    }

    /// Records a visit, or updates one recorded before under the same id (its end, its
    /// arrival, its service…; its start stays). A resend changes nothing.
    pub async fn record_visit(&self, org: Uuid, v: &NewVisit) -> Result<()> {
        let fresh = self.visit_context(org).await?.row(org, v)?;
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            crate::check_owned!(tx, "employees", org, v.employee_id);
            let old: Option<VisitRow> = sqlx::query_as(&format!("SELECT {VISIT_COLUMNS} FROM visits WHERE id = $1"))
                .bind(v.id).fetch_optional(&mut *tx).await?;
            if old.as_ref().is_some_and(|o| o.org_id != org) {
                return Err(StoreError::Conflict);
            }
            let new = match &old {
                Some(o) => VisitRow {
                    site_id: v.site_id.or(o.site_id),
                    service_id: v.service_id.or(o.service_id),
                    employee_id: v.employee_id.or(o.employee_id),
                    customer_key: v.customer_key.clone().or(o.customer_key.clone()),
                    arrived_at: v.arrived_at.or(o.arrived_at),
                    ended_at: v.ended_at.or(o.ended_at),
                    ..o.clone()
                },
                None => {
                    let mut fresh = [fresh];
                    answered_before!(tx, org, &mut fresh);
                    let [fresh] = fresh;
                    fresh
                }
            };
            if old.as_ref() != Some(&new) {
                save_visit!(tx, old.as_ref(), &new);
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// The visit ids of external visit ids (a queue system's, a POS's…), new ones for
    /// those not seen before, claimed so that every instance gets the same.
    pub async fn claim_visit_ids(
        &self,
        org: Uuid,
        external: &[String],
    ) -> Result<HashMap<String, Uuid>> {
        let mut out = HashMap::new();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            for chunk in external.chunks(crate::ratings::ROWS_PER_STATEMENT) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO visit_external_ids (org_id, external_id, visit_id) ");
                qb.push_values(chunk, |mut b, e| {
                    b.push_bind(org).push_bind(e.clone()).push_bind(Uuid::now_v7());
                });
                qb.push(" ON CONFLICT (org_id, external_id) DO NOTHING");
                qb.build().persistent(false).execute(&mut *tx).await?;
                let sql = format!(
                    "SELECT external_id, visit_id FROM visit_external_ids WHERE org_id = $1 AND external_id IN ({})",
                    crate::ratings::in_list(2, chunk.len()));
                let mut q = sqlx::query_as::<_, (String, Uuid)>(&sql).bind(org);
                for e in chunk { q = q.bind(e.clone()); }
                out.extend(q.fetch_all(&mut *tx).await?);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(out)
    }

    /// The visit of an external id, if it was recorded.
    pub async fn visit_by_external_id(&self, org: Uuid, external: &str) -> Result<Option<Visit>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT v.id, v.started_at, v.ended_at FROM visit_external_ids x JOIN visits v ON v.id = x.visit_id \
             WHERE x.org_id = $1 AND x.external_id = $2 AND v.org_id = $1")
            .bind(org).bind(external).fetch_optional(p).await)?)
    }

    /// The employees of an organisation by their external id (from HR or the queue
    /// system).
    pub async fn employees_by_external_id(
        &self,
        org: Uuid,
        external: &[String],
    ) -> Result<HashMap<String, Uuid>> {
        let mut out = HashMap::new();
        for chunk in external.chunks(crate::ratings::ROWS_PER_STATEMENT) {
            let sql = format!(
                "SELECT external_id, id FROM employees WHERE org_id = $1 AND external_id IN ({})",
                crate::ratings::in_list(2, chunk.len())
            );
            let found: Vec<(String, Uuid)> = with_db!(self, p => {
                let mut q = sqlx::query_as(&sql).bind(org);
                for e in chunk { q = q.bind(e.clone()); }
                q.fetch_all(p).await
            })?;
            out.extend(found);
        }
        Ok(out)
    }

    /// The employee's open visit, if any.
    pub async fn open_visit(&self, org: Uuid, employee: Uuid) -> Result<Option<Visit>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT id, started_at, ended_at FROM visits WHERE org_id = $1 AND employee_id = $2 AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1")
            .bind(org).bind(employee).fetch_optional(p).await)?)
    }

    /// Starts a visit at the employee's desk (ending one left open). A resend with the
    /// same id starts nothing new.
    pub async fn start_visit(
        &self,
        org: Uuid,
        employee: Uuid,
        id: Uuid,
        site: Option<Uuid>,
        service: Option<Uuid>,
    ) -> Result<Visit> {
        let now = now_ms();
        let exists: Option<Visit> = with_db!(self, p => sqlx::query_as(
            "SELECT id, started_at, ended_at FROM visits WHERE id = $1 AND org_id = $2 AND employee_id = $3")
            .bind(id).bind(org).bind(employee).fetch_optional(p).await)?;
        if let Some(v) = exists {
            return Ok(v);
        }
        self.end_visit(org, employee).await?;
        let v = NewVisit {
            id,
            site_id: site,
            service_id: service,
            employee_id: Some(employee),
            started_at: now,
            ..NewVisit::default()
        };
        self.record_visit(org, &v).await?;
        Ok(Visit {
            id,
            started_at: now,
            ended_at: None,
        })
    }

    /// Ends the employee's open visits.
    pub async fn end_visit(&self, org: Uuid, employee: Uuid) -> Result<()> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let open: Vec<VisitRow> = sqlx::query_as(&format!(
                "SELECT {VISIT_COLUMNS} FROM visits WHERE org_id = $1 AND employee_id = $2 AND ended_at IS NULL"))
                .bind(org).bind(employee).fetch_all(&mut *tx).await?;
            for old in open {
                let new = VisitRow { ended_at: Some(now.max(old.started_at)), ..old.clone() };
                save_visit!(tx, Some(&old), &new);
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Computes the visit rollup of one organisation (or all) again from the visits, in
    /// one transaction; returns the number of visits read.
    pub async fn rebuild_visit_rollups(&self, org: Option<Uuid>) -> Result<u64> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM visit_rollups WHERE ($1 IS NULL OR org_id = $1)")
                .bind(org).execute(&mut *tx).await?;
            let mut deltas = HashMap::new();
            let mut n = 0;
            let mut after: Option<Uuid> = None;
            loop {
                let rows: Vec<VisitRow> = sqlx::query_as(&format!(
                    "SELECT {VISIT_COLUMNS} FROM visits WHERE ($1 IS NULL OR org_id = $1) AND ($2 IS NULL OR id > $2) ORDER BY id LIMIT 5000"))
                    .bind(org).bind(after).fetch_all(&mut *tx).await?;
                let Some(last) = rows.last() else { break };
                after = Some(last.id);
                for r in &rows {
                    visit_delta(&mut deltas, None, Some(r));
                }
                n += rows.len() as u64;
            }
            apply_visit_rollup!(tx, deltas);
            tx.commit().await?;
            Ok(n)
        })
    }
}
