//! The employees' pulse: the head's plan, its rounds, and the counts an answer adds to.
//!
//! What is kept (migration 0047): who took part in a round (`pulse_participants`: the
//! round and the account, no time), for an e-mailed round the links (`pulse_tickets`: a
//! keyed hash of the code, its round and site, whether used — no person), and the
//! counts (`pulse_counts`: round, site, item, value, n). An answer is never a row: it
//! adds one to counts, in the same transaction that marks its taker or its link as
//! used, so that answering twice is refused and no stored row leads from a person to
//! what they answered.

use rida_domain::pulse::{Delivery, PulseAnswer, PulseCounts, Rhythm, Statement};
use serde::Serialize;
use uuid::Uuid;

use crate::{By, NewMail, Result, Store, StoreError, audit::audit, mail::insert_mail, with_db};

/// The head's plan: how often rounds open, how employees are asked, for how long, and
/// the statements asked after the eNPS question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PulsePlan {
    pub rhythm: Rhythm,
    pub delivery: Delivery,
    pub open_days: i64,
    pub statements: Vec<Statement>,
    /// Raised by every save (a save over a newer one is refused).
    pub version: i64,
}

impl Default for PulsePlan {
    fn default() -> Self {
        PulsePlan {
            rhythm: Rhythm::Off,
            delivery: Delivery::Station,
            open_days: rida_domain::pulse::OPEN_DAYS.0,
            statements: vec![],
            version: 0,
        }
    }
}

/// A round of the pulse, with the statements it asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PulseRound {
    pub id: Uuid,
    pub org_id: Uuid,
    pub period_key: String,
    pub delivery: Delivery,
    pub statements: Vec<Statement>,
    pub opened_at: i64,
    pub closes_at: i64,
}

impl PulseRound {
    pub fn is_open(&self, now: i64) -> bool {
        self.opened_at <= now && now < self.closes_at
    }
}

#[derive(sqlx::FromRow)]
struct RoundRow {
    id: Uuid,
    org_id: Uuid,
    period_key: String,
    delivery: String,
    statements: String,
    opened_at: i64,
    closes_at: i64,
}

impl From<RoundRow> for PulseRound {
    fn from(r: RoundRow) -> Self {
        PulseRound {
            id: r.id,
            org_id: r.org_id,
            period_key: r.period_key,
            delivery: Delivery::parse(&r.delivery).unwrap_or_default(),
            statements: serde_json::from_str(&r.statements).unwrap_or_default(),
            opened_at: r.opened_at,
            closes_at: r.closes_at,
        }
    }
}

/// Who a round is for, on `$1` (org): active accounts of active employees.
const INVITEES: &str = "FROM users u JOIN employees e ON e.id = u.employee_id \
     WHERE u.org_id = $1 AND u.active = TRUE AND e.active = TRUE";

const ROUND_COLUMNS: &str = "id, org_id, period_key, delivery, statements, opened_at, closes_at";

/// An employee a round is for: their account, site (the first of theirs; nil for
/// none), language and address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PulseInvitee {
    pub user_id: Uuid,
    pub site_id: Option<Uuid>,
    pub locale: Option<String>,
    pub email: Option<String>,
}

/// A link e-mailed for a round: the employee it went to (recorded as taking part, so
/// that the station sends them to their e-mail), the site it counts for, the keyed hash
/// of its code, and the message.
#[derive(Debug, Clone)]
pub struct MailedLink {
    pub user_id: Uuid,
    pub site_id: Uuid,
    pub key: String,
    pub mail: NewMail,
}

/// What became of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PulseOutcome {
    Counted,
    /// This account (or this link) answered the round already.
    AlreadyAnswered,
    /// A link was e-mailed to this account: the answer goes through it.
    SentByMail,
    /// The round is over (or not open yet).
    Closed,
    /// No such link.
    Unknown,
}

/// How an account took part in a round.
pub const TOOK_PART: &str = "answered";
/// A link was e-mailed to the account.
pub const MAILED: &str = "mailed";

macro_rules! add_counts {
    ($tx:ident, $round:expr, $site:expr, $answer:expr) => {
        for (item, value) in $answer.cells() {
            sqlx::query(
                "INSERT INTO pulse_counts (round_id, site_id, item, value, n) VALUES ($1, $2, $3, $4, 1) \
                 ON CONFLICT (round_id, site_id, item, value) DO UPDATE SET n = pulse_counts.n + 1",
            )
            .bind($round).bind($site).bind(item).bind(value)
            .execute(&mut *$tx).await?;
        }
    };
}

impl Store {
    /// The organisation's pulse plan (off, on the station, until the head saves one).
    pub async fn pulse_plan(&self, org: Uuid) -> Result<PulsePlan> {
        let row: Option<(String, String, i64, String, i64)> = with_db!(self, p => sqlx::query_as(
            "SELECT rhythm, delivery, CAST(open_days AS BIGINT), statements, version FROM pulse_plans WHERE org_id = $1")
            .bind(org).fetch_optional(p).await)?;
        Ok(match row {
            None => PulsePlan::default(),
            Some((rhythm, delivery, open_days, statements, version)) => PulsePlan {
                rhythm: Rhythm::parse(&rhythm).unwrap_or_default(),
                delivery: Delivery::parse(&delivery).unwrap_or_default(),
                open_days,
                statements: serde_json::from_str(&statements).unwrap_or_default(),
                version,
            },
        })
    }

    /// Saves the plan over version `expected` (the one the editor saw; `Conflict` when
    /// another save came first). Returns the new version.
    pub async fn save_pulse_plan(
        &self,
        org: Uuid,
        expected: i64,
        plan: &PulsePlan,
        by: &By,
    ) -> Result<i64> {
        let statements = serde_json::to_string(&plan.statements)
            .map_err(|e| StoreError::Config(e.to_string()))?;
        with_db!(self, p => {
            let mut tx = crate::BeginWrite::begin_write(p).await?;
            let changed = if expected == 0 {
                sqlx::query("INSERT INTO pulse_plans (org_id, rhythm, delivery, open_days, statements, version) VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT (org_id) DO NOTHING")
                    .bind(org).bind(plan.rhythm.as_str()).bind(plan.delivery.as_str()).bind(plan.open_days as i32).bind(&statements)
                    .execute(&mut *tx).await?.rows_affected()
            } else {
                sqlx::query("UPDATE pulse_plans SET rhythm = $2, delivery = $3, open_days = $4, statements = $5, version = version + 1 WHERE org_id = $1 AND version = $6")
                    .bind(org).bind(plan.rhythm.as_str()).bind(plan.delivery.as_str()).bind(plan.open_days as i32).bind(&statements).bind(expected)
                    .execute(&mut *tx).await?.rows_affected()
            };
            if changed == 0 {
                return Err(StoreError::Conflict);
            }
            let what = format!("{} · {} · {} d · {} statements", plan.rhythm.as_str(), plan.delivery.as_str(), plan.open_days, plan.statements.len());
            audit!(tx, by, org, "update", "pulse", None::<Uuid>, &what);
            tx.commit().await?;
            Ok(expected + 1)
        })
    }

    /// The employees a round is for: active accounts of active employees.
    pub async fn pulse_invitees(&self, org: Uuid) -> Result<Vec<PulseInvitee>> {
        Ok(with_db!(self, p => sqlx::query_as(&format!(
            "SELECT u.id AS user_id, (SELECT es.site_id FROM employee_sites es WHERE es.employee_id = e.id ORDER BY es.site_id LIMIT 1) AS site_id, \
             u.locale, u.email {INVITEES} ORDER BY u.id"))
            .bind(org).fetch_all(p).await)?)
    }

    /// The site an employee's answers count for (the first of theirs).
    pub async fn pulse_site(&self, employee: Uuid) -> Result<Uuid> {
        let site: Option<Uuid> = with_db!(self, p => sqlx::query_scalar(
            "SELECT site_id FROM employee_sites WHERE employee_id = $1 ORDER BY site_id LIMIT 1")
            .bind(employee).fetch_optional(p).await)?;
        Ok(site.unwrap_or_default())
    }

    /// Opens a round with its e-mailed links and their messages, in one transaction:
    /// `false` (and nothing written) when a round of this period exists already (another
    /// instance opened it, or the head did).
    pub async fn open_pulse_round(
        &self,
        org: Uuid,
        round: &PulseRound,
        links: &[MailedLink],
        by: &By,
    ) -> Result<bool> {
        let statements = serde_json::to_string(&round.statements)
            .map_err(|e| StoreError::Config(e.to_string()))?;
        let job = format!("pulse:{}", round.period_key);
        with_db!(self, p => {
            let mut tx = crate::BeginWrite::begin_write(p).await?;
            let opened = sqlx::query(
                "INSERT INTO pulse_rounds (id, org_id, period_key, delivery, statements, opened_at, closes_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (org_id, period_key) DO NOTHING")
                .bind(round.id).bind(org).bind(&round.period_key).bind(round.delivery.as_str())
                .bind(&statements).bind(round.opened_at).bind(round.closes_at)
                .execute(&mut *tx).await?.rows_affected() == 1;
            if !opened {
                return Ok(false);
            }
            for l in links {
                sqlx::query("INSERT INTO pulse_tickets (ticket_key, round_id, site_id, used) VALUES ($1, $2, $3, FALSE)")
                    .bind(&l.key).bind(round.id).bind(l.site_id).execute(&mut *tx).await?;
                sqlx::query("INSERT INTO pulse_participants (round_id, user_id, how) VALUES ($1, $2, $3)")
                    .bind(round.id).bind(l.user_id).bind(MAILED).execute(&mut *tx).await?;
                let m = &l.mail;
                insert_mail!(tx, org, &job, m, round.opened_at);
            }
            audit!(tx, by, org, "create", "pulse_round", Some(round.id), &round.period_key);
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }

    /// Records a round whose answers were gathered elsewhere (an earlier staff survey, or
    /// the demo's history) as its counts: (site, item, value, n). `false` when a round
    /// of that period exists.
    pub async fn record_pulse_round(
        &self,
        org: Uuid,
        round: &PulseRound,
        counts: &[(Uuid, i16, i16, i64)],
        by: &By,
    ) -> Result<bool> {
        if !self.open_pulse_round(org, round, &[], by).await? {
            return Ok(false);
        }
        with_db!(self, p => {
            let mut tx = crate::BeginWrite::begin_write(p).await?;
            for (site, item, value, n) in counts {
                sqlx::query("INSERT INTO pulse_counts (round_id, site_id, item, value, n) VALUES ($1, $2, $3, $4, $5) \
                             ON CONFLICT (round_id, site_id, item, value) DO UPDATE SET n = pulse_counts.n + $5")
                    .bind(round.id).bind(site).bind(item).bind(value).bind(n)
                    .execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }

    /// The organisation's rounds, the latest first.
    pub async fn pulse_rounds(&self, org: Uuid) -> Result<Vec<PulseRound>> {
        let rows: Vec<RoundRow> = with_db!(self, p => sqlx::query_as(&format!(
            "SELECT {ROUND_COLUMNS} FROM pulse_rounds WHERE org_id = $1 ORDER BY opened_at DESC"))
            .bind(org).fetch_all(p).await)?;
        Ok(rows.into_iter().map(PulseRound::from).collect())
    }

    /// The round open at `now`, if any.
    pub async fn open_pulse(&self, org: Uuid, now: i64) -> Result<Option<PulseRound>> {
        let row: Option<RoundRow> = with_db!(self, p => sqlx::query_as(&format!(
            "SELECT {ROUND_COLUMNS} FROM pulse_rounds WHERE org_id = $1 AND opened_at <= $2 AND closes_at > $2 \
             ORDER BY opened_at DESC LIMIT 1"))
            .bind(org).bind(now).fetch_optional(p).await)?;
        Ok(row.map(PulseRound::from))
    }

    /// How an account took part in a round (`answered`, `mailed`), if it did.
    pub async fn pulse_part(&self, round: Uuid, user: Uuid) -> Result<Option<String>> {
        Ok(with_db!(self, p => sqlx::query_scalar(
            "SELECT how FROM pulse_participants WHERE round_id = $1 AND user_id = $2")
            .bind(round).bind(user).fetch_optional(p).await)?)
    }

    /// Counts an answer given on the station by `user` (of `site`), once per round.
    pub async fn answer_pulse(
        &self,
        round: &PulseRound,
        user: Uuid,
        site: Uuid,
        answer: &PulseAnswer,
        now: i64,
    ) -> Result<PulseOutcome> {
        if !round.is_open(now) {
            return Ok(PulseOutcome::Closed);
        }
        with_db!(self, p => {
            let mut tx = crate::BeginWrite::begin_write(p).await?;
            let took = sqlx::query("INSERT INTO pulse_participants (round_id, user_id, how) VALUES ($1, $2, $3) ON CONFLICT (round_id, user_id) DO NOTHING")
                .bind(round.id).bind(user).bind(TOOK_PART).execute(&mut *tx).await?.rows_affected() == 1;
            if !took {
                let how: String = sqlx::query_scalar("SELECT how FROM pulse_participants WHERE round_id = $1 AND user_id = $2")
                    .bind(round.id).bind(user).fetch_one(&mut *tx).await?;
                return Ok(if how == MAILED { PulseOutcome::SentByMail } else { PulseOutcome::AlreadyAnswered });
            }
            add_counts!(tx, round.id, site, answer);
            tx.commit().await?;
            Ok::<_, StoreError>(PulseOutcome::Counted)
        })
    }

    /// The round of an e-mailed link (by the keyed hash of its code) and whether it was
    /// used.
    pub async fn pulse_link(&self, key: &str) -> Result<Option<(PulseRound, bool)>> {
        let row: Option<(Uuid, bool)> = with_db!(self, p => sqlx::query_as(
            "SELECT round_id, used FROM pulse_tickets WHERE ticket_key = $1")
            .bind(key).fetch_optional(p).await)?;
        let Some((round, used)) = row else {
            return Ok(None);
        };
        let r: RoundRow = with_db!(self, p => sqlx::query_as(&format!(
            "SELECT {ROUND_COLUMNS} FROM pulse_rounds WHERE id = $1"))
            .bind(round).fetch_one(p).await)?;
        Ok(Some((r.into(), used)))
    }

    /// Counts an answer sent through an e-mailed link, once per link.
    pub async fn answer_pulse_link(
        &self,
        key: &str,
        answer: &PulseAnswer,
        now: i64,
    ) -> Result<PulseOutcome> {
        let Some((round, _)) = self.pulse_link(key).await? else {
            return Ok(PulseOutcome::Unknown);
        };
        if !round.is_open(now) {
            return Ok(PulseOutcome::Closed);
        }
        with_db!(self, p => {
            let mut tx = crate::BeginWrite::begin_write(p).await?;
            let site: Option<Uuid> = sqlx::query_scalar(
                "UPDATE pulse_tickets SET used = TRUE WHERE ticket_key = $1 AND used = FALSE RETURNING site_id")
                .bind(key).fetch_optional(&mut *tx).await?;
            let Some(site) = site else {
                return Ok(PulseOutcome::AlreadyAnswered);
            };
            add_counts!(tx, round.id, site, answer);
            tx.commit().await?;
            Ok::<_, StoreError>(PulseOutcome::Counted)
        })
    }

    /// A round's counts per site.
    pub async fn pulse_counts(
        &self,
        round: &PulseRound,
    ) -> Result<std::collections::BTreeMap<Uuid, PulseCounts>> {
        let rows: Vec<(Uuid, i16, i16, i64)> = with_db!(self, p => sqlx::query_as(
            "SELECT site_id, item, value, n FROM pulse_counts WHERE round_id = $1")
            .bind(round.id).fetch_all(p).await)?;
        let mut out = std::collections::BTreeMap::new();
        for (site, item, value, n) in rows {
            out.entry(site)
                .or_insert_with(|| PulseCounts::new(round.statements.len()))
                .add(item, value, n.max(0) as u64);
        }
        Ok(out)
    }

    /// How many took part in a round so far (answers counted), and how many were asked.
    pub async fn pulse_turnout(&self, org: Uuid, round: Uuid) -> Result<(u64, u64)> {
        let answered: i64 = with_db!(self, p => sqlx::query_scalar(
            "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM pulse_counts WHERE round_id = $1 AND item = 0")
            .bind(round).fetch_one(p).await)?;
        let asked: i64 = with_db!(self, p => sqlx::query_scalar(&format!("SELECT COUNT(*) {INVITEES}"))
            .bind(org).fetch_one(p).await)?;
        Ok((answered.max(0) as u64, asked.max(0) as u64))
    }
}
