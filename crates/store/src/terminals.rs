//! Rating terminals: registration, pairing with a short code, device tokens,
//! heartbeats and remote state. What customers tap is stored in `taps.rs`.
//!
//! Every change a terminal must apply bumps `config_version`; terminals wait on it
//! through whichever instance they are connected to, so nothing lives in one process.

use crate::BeginWrite;
use std::collections::HashMap;

use rida_domain::names::LocalNames;
use rida_domain::{
    Locale,
    terminal::{self, BurstRule, Kind, Mode, State},
};
use serde::Serialize;
use uuid::Uuid;

use crate::{
    By, ListQuery, Page, Result, Store, StoreError,
    audit::audit,
    check_owned, now_ms,
    org::{affected, paginate},
    ratings::{ROWS_PER_STATEMENT, in_list},
    with_db,
};

/// A terminal as the admin and supervision pages show it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Terminal {
    pub id: Uuid,
    pub org_id: Uuid,
    pub name: String,
    pub site_id: Uuid,
    pub site_name: String,
    #[sqlx(try_from = "String")]
    pub site_names: LocalNames,
    pub site_time_zone: Option<String>,
    pub site_opening_hours: Option<String>,
    pub region_id: Uuid,
    pub region_name: String,
    #[sqlx(try_from = "String")]
    pub region_names: LocalNames,
    pub mode: String,
    /// `kiosk` or `station` (see `rida_domain::terminal::Kind`).
    pub kind: String,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub employee_name: Option<String>,
    pub survey_id: Option<Uuid>,
    pub survey_name: Option<String>,
    #[sqlx(try_from = "String")]
    pub survey_names: LocalNames,
    /// Language tags joined by commas, the first is the default.
    pub locales: String,
    pub show_staff: bool,
    pub state: String,
    pub paired: bool,
    pub pairing_code: Option<String>,
    pub pairing_expires_at: Option<i64>,
    pub config_version: i64,
    pub reload_seq: i64,
    pub asked_employee_id: Option<Uuid>,
    pub asked_visit_id: Option<Uuid>,
    pub last_seen_at: Option<i64>,
    pub last_answer_at: Option<i64>,
    pub app_version: Option<String>,
    pub queued: Option<i32>,
    pub battery: Option<f32>,
    pub active: bool,
    /// The organisation's time zone and burst rule, read with the terminal because every
    /// batch of answers needs them.
    pub org_time_zone: String,
    pub burst_taps: i32,
    pub burst_seconds: i32,
}

impl Terminal {
    /// The languages it offers, default first.
    pub fn locale_list(&self) -> Vec<Locale> {
        self.locales.split(',').filter_map(Locale::parse).collect()
    }

    pub fn mode(&self) -> Mode {
        Mode::parse(&self.mode).unwrap_or_default()
    }

    pub fn kind(&self) -> Kind {
        Kind::parse(&self.kind).unwrap_or_default()
    }

    /// The organisation's rule for bursts of taps.
    pub fn burst_rule(&self) -> BurstRule {
        BurstRule {
            taps: self.burst_taps.max(1) as u32,
            seconds: self.burst_seconds.max(1) as u32,
        }
    }

    pub fn state(&self) -> State {
        State::parse(&self.state).unwrap_or_default()
    }

    /// Whether it was heard from within the last minute.
    pub fn online(&self, now_ms: i64) -> bool {
        terminal::online(self.last_seen_at, now_ms)
    }
}

/// The fields of the terminal form.
#[derive(Debug, Clone)]
pub struct TerminalInput {
    pub name: String,
    pub site_id: Uuid,
    pub mode: Mode,
    pub kind: Kind,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub survey_id: Option<Uuid>,
    pub locales: Vec<Locale>,
    pub show_staff: bool,
}

impl TerminalInput {
    fn locales(&self) -> String {
        self.locales
            .iter()
            .map(|l| l.tag())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What a terminal reports with each heartbeat.
#[derive(Debug, Clone, Default)]
pub struct Heartbeat {
    pub app_version: String,
    pub queued: i32,
    pub battery: Option<f32>,
    /// The browser tab's own id: a second tab of the same device is refused.
    pub tab: String,
}

/// What a terminal learns back from a heartbeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Versions {
    pub config_version: i64,
    pub reload_seq: i64,
}

impl crate::Localized for Terminal {
    fn localized(mut self, lang: rida_domain::Locale) -> Self {
        crate::localized::relabel(&mut self.site_name, &self.site_names, lang);
        crate::localized::relabel(&mut self.region_name, &self.region_names, lang);
        crate::localized::relabel_opt(&mut self.survey_name, &self.survey_names, lang);
        self
    }
}

const TERMINAL_SELECT: &str = "SELECT t.id, t.org_id, t.name, t.site_id, s.name AS site_name, s.names AS site_names, s.time_zone AS site_time_zone, s.opening_hours AS site_opening_hours, s.region_id, r.name AS region_name, r.names AS region_names, \
     t.mode, t.kind, t.service_id, t.employee_id, e.name AS employee_name, t.survey_id, v.name AS survey_name, COALESCE(v.names, '{}') AS survey_names, t.locales, t.show_staff, \
     t.state, (t.device_token_hash IS NOT NULL) AS paired, t.pairing_code, t.pairing_expires_at, t.config_version, t.reload_seq, \
     t.asked_employee_id, t.asked_visit_id, t.last_seen_at, t.last_answer_at, t.app_version, t.queued, t.battery, t.active, \
     o.time_zone AS org_time_zone, o.burst_taps, o.burst_seconds \
     FROM terminals t JOIN organisations o ON o.id = t.org_id JOIN sites s ON s.id = t.site_id JOIN regions r ON r.id = s.region_id \
     LEFT JOIN employees e ON e.id = t.employee_id LEFT JOIN surveys v ON v.id = t.survey_id";

/// Runs an UPDATE of one terminal of `org` that the terminal must apply, with its audit
/// entry, in one transaction.
macro_rules! change_terminal {
    ($self:ident, $org:expr, $id:expr, $by:expr, $action:literal, $detail:expr, $sql:literal $(, $bind:expr)*) => {
        with_db!($self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query(concat!("UPDATE terminals SET config_version = config_version + 1, ", $sql, " WHERE org_id = $1 AND id = $2"))
                .bind($org).bind($id)$(.bind($bind))*
                .execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            audit!(tx, $by, $org, $action, "terminal", Some($id), $detail);
            tx.commit().await?;
            Ok(())
        })
    };
}

/// A terminal's scored answers over some days, and how many were the lowest score.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TerminalLows {
    pub terminal_id: Uuid,
    pub site_id: Uuid,
    pub n: i64,
    pub lows: i64,
}

impl Store {
    /// Terminals of `org`, optionally only those of `sites`, by region, site and name.
    pub async fn list_terminals(
        &self,
        org: Uuid,
        sites: Option<&[Uuid]>,
        q: &ListQuery,
    ) -> Result<Page<Terminal>> {
        let sql = format!(
            "{TERMINAL_SELECT} WHERE t.org_id = $1 AND LOWER(t.name) LIKE $2 ESCAPE '\\' AND (t.active = TRUE OR $3) ORDER BY r.name, s.name, t.name"
        );
        let rows: Vec<Terminal> = with_db!(self, p => sqlx::query_as(&sql)
            .bind(org).bind(q.pattern()).bind(q.include_inactive).fetch_all(p).await)?;
        let rows = match sites {
            Some(allowed) => rows
                .into_iter()
                .filter(|t| allowed.contains(&t.site_id))
                .collect(),
            None => rows,
        };
        Ok(paginate(rows, q))
    }

    /// Every terminal's name, active or not (for pages that name a terminal).
    pub async fn terminal_names(&self, org: Uuid) -> Result<Vec<(Uuid, String)>> {
        Ok(
            with_db!(self, p => sqlx::query_as("SELECT id, name FROM terminals WHERE org_id = $1")
            .bind(org).fetch_all(p).await)?,
        )
    }

    /// Per terminal at `site` (or every site), over days `from_day..=to_day`: its scored
    /// answers and how many gave the lowest score of their scale (1 of 5, 0 of 10, 1 of 7,
    /// no), bursts included: a terminal that suddenly collects low taps is what a person
    /// should look at. Reads the days' answers site by site (by the site and day index).
    pub async fn terminal_lows(
        &self,
        org: Uuid,
        site: Option<Uuid>,
        from_day: i32,
        to_day: i32,
    ) -> Result<Vec<TerminalLows>> {
        let lowest: Vec<String> = rida_domain::Scale::ALL
            .iter()
            .filter_map(|s| Some(format!("WHEN '{}' THEN {}", s.as_str(), s.score_range()?.0)))
            .collect();
        let sql = format!(
            "SELECT r.terminal_id, r.site_id, COUNT(*) AS n, \
             SUM(CASE WHEN r.score = (CASE q.scale {} END) THEN 1 ELSE 0 END) AS lows \
             FROM ratings r JOIN questions q ON q.id = r.question_id \
             WHERE r.site_id = $2 AND r.org_id = $1 AND r.local_day BETWEEN $3 AND $4 AND r.terminal_id IS NOT NULL AND r.score IS NOT NULL \
             GROUP BY r.terminal_id, r.site_id",
            lowest.join(" ")
        );
        let sites: Vec<Uuid> = match site {
            Some(s) => vec![s],
            None => {
                with_db!(self, p => sqlx::query_scalar("SELECT id FROM sites WHERE org_id = $1").bind(org).fetch_all(p).await)?
            }
        };
        let mut out = Vec::new();
        for s in sites {
            let rows: Vec<TerminalLows> = with_db!(self, p => sqlx::query_as(&sql)
                .bind(org).bind(s).bind(from_day).bind(to_day).fetch_all(p).await)?;
            out.extend(rows);
        }
        Ok(out)
    }

    /// One terminal.
    pub async fn terminal(&self, org: Uuid, id: Uuid) -> Result<Terminal> {
        let sql = format!("{TERMINAL_SELECT} WHERE t.org_id = $1 AND t.id = $2");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(org).bind(id).fetch_one(p).await)?)
    }

    /// Registers a terminal (not paired yet).
    pub async fn create_terminal(
        &self,
        org: Uuid,
        id: Uuid,
        t: &TerminalInput,
        by: &By,
    ) -> Result<Uuid> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            check_owned!(tx, "sites", org, [t.site_id]);
            check_owned!(tx, "services", org, t.service_id.as_slice());
            check_owned!(tx, "employees", org, t.employee_id.as_slice());
            check_owned!(tx, "surveys", org, t.survey_id.as_slice());
            sqlx::query("INSERT INTO terminals (id, org_id, name, site_id, mode, service_id, employee_id, survey_id, locales, show_staff, created_at, kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                .bind(id).bind(org).bind(&t.name).bind(t.site_id).bind(t.mode.as_str()).bind(t.service_id)
                .bind(t.employee_id).bind(t.survey_id).bind(t.locales()).bind(t.show_staff).bind(now_ms()).bind(t.kind.as_str())
                .execute(&mut *tx).await?;
            audit!(tx, by, org, "create", "terminal", Some(id), &t.name);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Changes a terminal's settings; the terminal applies them within seconds.
    pub async fn update_terminal(
        &self,
        org: Uuid,
        id: Uuid,
        t: &TerminalInput,
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            check_owned!(tx, "sites", org, [t.site_id]);
            check_owned!(tx, "services", org, t.service_id.as_slice());
            check_owned!(tx, "employees", org, t.employee_id.as_slice());
            check_owned!(tx, "surveys", org, t.survey_id.as_slice());
            let r = sqlx::query("UPDATE terminals SET name = $3, site_id = $4, mode = $5, service_id = $6, employee_id = $7, survey_id = $8, locales = $9, show_staff = $10, kind = $11, config_version = config_version + 1 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(&t.name).bind(t.site_id).bind(t.mode.as_str()).bind(t.service_id)
                .bind(t.employee_id).bind(t.survey_id).bind(t.locales()).bind(t.show_staff).bind(t.kind.as_str())
                .execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            audit!(tx, by, org, "update", "terminal", Some(id), &t.name);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Gives a terminal a pairing code valid until `expires_at`; a code already in use
    /// by another terminal is a `Conflict` (draw another).
    pub async fn set_pairing_code(
        &self,
        org: Uuid,
        id: Uuid,
        code: &str,
        expires_at: i64,
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query("UPDATE terminals SET pairing_code = $3, pairing_expires_at = $4 WHERE org_id = $1 AND id = $2 AND active = TRUE")
                .bind(org).bind(id).bind(code).bind(expires_at).execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            audit!(tx, by, org, "pairing_code", "terminal", Some(id), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// Pairs the device that typed a valid, unexpired code: it gets the device token whose
    /// hash is given, any earlier device of that terminal loses its token, and the code is
    /// used up. `NotFound` for an unknown or expired code.
    pub async fn pair_terminal(&self, code: &str, token_hash: &[u8]) -> Result<(Uuid, Uuid)> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let found: Option<(Uuid, Uuid, String)> = sqlx::query_as(
                "SELECT id, org_id, name FROM terminals WHERE pairing_code = $1 AND pairing_expires_at > $2 AND active = TRUE")
                .bind(code).bind(now).fetch_optional(&mut *tx).await?;
            let (id, org, name) = found.ok_or(StoreError::NotFound)?;
            sqlx::query("UPDATE terminals SET device_token_hash = $2, paired_at = $3, pairing_code = NULL, pairing_expires_at = NULL, tab_id = NULL, config_version = config_version + 1 WHERE id = $1")
                .bind(id).bind(token_hash).bind(now).execute(&mut *tx).await?;
            audit!(tx, By::system("terminal"), org, "pair", "terminal", Some(id), &name);
            tx.commit().await?;
            Ok((org, id))
        })
    }

    /// Takes the device token away: the device shows the pairing screen again.
    pub async fn unpair_terminal(&self, org: Uuid, id: Uuid, by: &By) -> Result<()> {
        change_terminal!(
            self,
            org,
            id,
            by,
            "unpair",
            "",
            "device_token_hash = NULL, paired_at = NULL, tab_id = NULL"
        )
    }

    /// Puts a terminal in a state (asking, maintenance screen, locked).
    pub async fn set_terminal_state(
        &self,
        org: Uuid,
        id: Uuid,
        state: State,
        by: &By,
    ) -> Result<()> {
        change_terminal!(
            self,
            org,
            id,
            by,
            "set_state",
            state.as_str(),
            "state = $3",
            state.as_str()
        )
    }

    /// Makes a terminal reload its page.
    pub async fn reload_terminal(&self, org: Uuid, id: Uuid, by: &By) -> Result<()> {
        change_terminal!(
            self,
            org,
            id,
            by,
            "reload",
            "",
            "reload_seq = reload_seq + 1"
        )
    }

    /// The active, paired terminal holding this device token.
    pub async fn terminal_for_token(&self, token_hash: &[u8]) -> Result<Option<Terminal>> {
        let sql = format!("{TERMINAL_SELECT} WHERE t.device_token_hash = $1 AND t.active = TRUE");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(token_hash).fetch_optional(p).await)?)
    }

    /// Records a heartbeat. A different browser tab while the first is still alive gets
    /// `Conflict`; once the first has been silent for a minute the new tab takes over.
    pub async fn terminal_heartbeat(&self, id: Uuid, h: &Heartbeat) -> Result<Versions> {
        let now = now_ms();
        let alive_since = now - terminal::OFFLINE_AFTER_SECS * 1000;
        // One statement, its own transaction: a terminal beats every 15 s, so 50,000
        // terminals are over 3,000 of these a second.
        let versions: Option<(i64, i64)> = with_db!(self, p => sqlx::query_as(
            "UPDATE terminals SET last_seen_at = $2, app_version = $3, queued = $4, battery = $5, tab_id = $6 \
             WHERE id = $1 AND (tab_id IS NULL OR tab_id = $6 OR last_seen_at IS NULL OR last_seen_at < $7) \
             RETURNING config_version, reload_seq")
            .bind(id).bind(now).bind(&h.app_version).bind(h.queued).bind(h.battery).bind(&h.tab).bind(alive_since)
            .fetch_optional(p).await)?;
        let (config_version, reload_seq) = versions.ok_or(StoreError::Conflict)?;
        Ok(Versions {
            config_version,
            reload_seq,
        })
    }

    /// The versions of the given terminals, for the instances' wait loops.
    pub async fn terminal_versions(&self, ids: &[Uuid]) -> Result<HashMap<Uuid, Versions>> {
        let mut rows: Vec<(Uuid, i64, i64)> = Vec::new();
        match &self.db {
            // One statement of one array however many wait: the same prepared statement
            // every half second.
            crate::Db::Postgres(p) => {
                rows = sqlx::query_as(
                    "SELECT id, config_version, reload_seq FROM terminals WHERE id = ANY($1)",
                )
                .bind(ids)
                .fetch_all(p)
                .await?;
            }
            crate::Db::Sqlite(p) => {
                for chunk in ids.chunks(ROWS_PER_STATEMENT) {
                    let sql = format!(
                        "SELECT id, config_version, reload_seq FROM terminals WHERE id IN ({})",
                        in_list(1, chunk.len())
                    );
                    let mut q = sqlx::query_as::<_, (Uuid, i64, i64)>(&sql);
                    for id in chunk {
                        q = q.bind(id);
                    }
                    rows.extend(q.fetch_all(p).await?);
                }
            }
        }
        Ok(rows
            .into_iter()
            .map(|(id, config_version, reload_seq)| {
                (
                    id,
                    Versions {
                        config_version,
                        reload_seq,
                    },
                )
            })
            .collect())
    }
}
