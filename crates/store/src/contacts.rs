//! How to reach the customer of a visit for the survey after it: the phone number and
//! e-mail address as the server encrypted them (the store never sees them in clear),
//! the customer's language, and whether a survey is to go or why not.

use serde::Serialize;
use uuid::Uuid;

use crate::{BeginWrite, Result, Store, now_ms, with_db};

/// A visit's contact, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct VisitContact {
    pub visit_id: Uuid,
    /// Sealed by the server; `None` when not given or not usable.
    #[serde(skip)]
    pub phone_enc: Option<Vec<u8>>,
    #[serde(skip)]
    pub email_enc: Option<Vec<u8>>,
    pub lang: Option<String>,
    pub survey: bool,
    /// Why no survey can go (`phone_unparseable`, `no_contact`…).
    pub skip_reason: Option<String>,
}

impl Store {
    /// Records (or replaces) a visit's contact.
    pub async fn save_visit_contact(&self, org: Uuid, c: &VisitContact) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "INSERT INTO visit_contacts (visit_id, org_id, phone_enc, email_enc, lang, survey, skip_reason, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (visit_id) DO UPDATE SET \
                 phone_enc = excluded.phone_enc, email_enc = excluded.email_enc, lang = excluded.lang, \
                 survey = excluded.survey, skip_reason = excluded.skip_reason \
                 WHERE visit_contacts.org_id = excluded.org_id")
                .bind(c.visit_id).bind(org).bind(&c.phone_enc).bind(&c.email_enc).bind(&c.lang)
                .bind(c.survey).bind(&c.skip_reason).bind(now_ms())
                .execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// A visit's contact, if one was given.
    pub async fn visit_contact(&self, org: Uuid, visit: Uuid) -> Result<Option<VisitContact>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT visit_id, phone_enc, email_enc, lang, survey, skip_reason FROM visit_contacts WHERE org_id = $1 AND visit_id = $2")
            .bind(org).bind(visit).fetch_optional(p).await)?)
    }
}

/// One change in the opt-out register.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct ConsentEvent {
    pub opted_out: bool,
    /// `reply`, `admin` or `api`.
    pub source: String,
    pub by_name: Option<String>,
    pub note: Option<String>,
    pub at: i64,
}

/// Writes a consent change inside the caller's transaction; evaluates to whether it
/// changed anything (the same change twice is recorded once).
macro_rules! write_consent {
    ($tx:ident, $org:expr, $key:expr, $opted_out:expr, $source:expr, $note:expr, $by_name:expr, $now:expr) => {{
        let before: Option<bool> = sqlx::query_scalar(
            "SELECT opted_out FROM consents WHERE org_id = $1 AND customer_key = $2")
            .bind($org).bind($key).fetch_optional(&mut *$tx).await?;
        if before == Some($opted_out) || (before.is_none() && !$opted_out) {
            false
        } else {
            sqlx::query(
                "INSERT INTO consents (org_id, customer_key, opted_out, changed_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (org_id, customer_key) DO UPDATE SET opted_out = excluded.opted_out, changed_at = excluded.changed_at")
                .bind($org).bind($key).bind($opted_out).bind($now).execute(&mut *$tx).await?;
            sqlx::query(
                "INSERT INTO consent_events (id, org_id, customer_key, opted_out, source, by_name, note, at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(Uuid::now_v7()).bind($org).bind($key).bind($opted_out).bind($source)
                .bind($by_name).bind($note).bind($now).execute(&mut *$tx).await?;
            true
        }
    }};
}
pub(crate) use write_consent;

impl Store {
    /// Opts a customer out of surveys (or back in), with where the change came from;
    /// returns whether it changed anything (a second STOP changes nothing and is not
    /// recorded twice).
    pub async fn set_consent(
        &self,
        org: Uuid,
        customer_key: &str,
        opted_out: bool,
        source: &str,
        note: Option<&str>,
        by: &crate::By,
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let changed = write_consent!(tx, org, customer_key, opted_out, source, note, &by.actor, now_ms());
            tx.commit().await?;
            Ok(changed)
        })
    }

    /// Erases the contact details given with visits before `before` (ms), the addresses
    /// messages went to and the record of replies received before it; returns how many
    /// contacts. Safe to run on every instance at once.
    pub async fn erase_contacts_before(&self, org: Uuid, before: i64) -> Result<u64> {
        with_db!(self, p => {
            // A read first: a round with nothing to erase takes no write lock.
            let due: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM visit_contacts WHERE org_id = $1 AND created_at < $2) \
                 + (SELECT COUNT(*) FROM survey_messages WHERE org_id = $1 AND created_at < $2 AND to_enc IS NOT NULL) \
                 + (SELECT COUNT(*) FROM inbound_messages WHERE (org_id = $1 OR org_id IS NULL) AND received_at < $2)")
                .bind(org).bind(before).fetch_one(p).await?;
            if due == 0 {
                return Ok(0);
            }
            let mut tx = p.begin_write().await?;
            let done = sqlx::query("DELETE FROM visit_contacts WHERE org_id = $1 AND created_at < $2")
                .bind(org).bind(before).execute(&mut *tx).await?;
            // The addresses their survey messages went to, too.
            sqlx::query("UPDATE survey_messages SET to_enc = NULL WHERE org_id = $1 AND created_at < $2 AND to_enc IS NOT NULL")
                .bind(org).bind(before).execute(&mut *tx).await?;
            // The record of replies (the number's keyed hash, what each did), and those
            // from numbers no survey went to.
            sqlx::query("DELETE FROM inbound_messages WHERE (org_id = $1 OR org_id IS NULL) AND received_at < $2")
                .bind(org).bind(before).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(done.rows_affected())
        })
    }

    /// Whether a customer opted out of surveys.
    pub async fn opted_out(&self, org: Uuid, customer_key: &str) -> Result<bool> {
        let v: Option<bool> = with_db!(self, p => sqlx::query_scalar(
            "SELECT opted_out FROM consents WHERE org_id = $1 AND customer_key = $2")
            .bind(org).bind(customer_key).fetch_optional(p).await)?;
        Ok(v.unwrap_or(false))
    }

    /// Every change of a customer's consent, newest first.
    pub async fn consent_history(
        &self,
        org: Uuid,
        customer_key: &str,
    ) -> Result<Vec<ConsentEvent>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT opted_out, source, by_name, note, at FROM consent_events \
             WHERE org_id = $1 AND customer_key = $2 ORDER BY at DESC, id DESC")
            .bind(org).bind(customer_key).fetch_all(p).await)?)
    }
}

/// One visit of a customer, as their data export and history show it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct CustomerVisit {
    pub id: Uuid,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    /// Who served them (shown only to who may see that employee's results).
    pub employee_id: Option<Uuid>,
    pub arrived_at: Option<i64>,
    pub started_at: i64,
    pub ended_at: Option<i64>,
}

/// One answer of a customer, as their data export and history show it.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct CustomerAnswer {
    pub id: Uuid,
    pub answered_at: i64,
    pub site_id: Uuid,
    /// The employee it was about: its words are that employee's result.
    pub employee_id: Option<Uuid>,
    pub channel: String,
    pub question_id: Uuid,
    pub score: Option<i16>,
    pub choice: Option<String>,
    pub answer_text: Option<String>,
    pub visit_id: Option<Uuid>,
}

/// What Rida holds about one customer (by their customer key).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerData {
    pub visits: Vec<CustomerVisit>,
    pub contacts: Vec<VisitContact>,
    pub answers: Vec<CustomerAnswer>,
    pub opted_out: bool,
    pub consent: Vec<ConsentEvent>,
}

/// The customer's visits, as a subquery on `$1` (org) and `$2` (customer key).
pub(crate) const THEIR_VISITS: &str =
    "SELECT id FROM visits WHERE org_id = $1 AND customer_key = $2";

impl Store {
    /// Everything kept about a customer: their visits, the contacts given with them
    /// (still sealed), their answers (named by visit or by key) and their consent.
    pub async fn customer_data(&self, org: Uuid, key: &str) -> Result<CustomerData> {
        let (visits, contacts, answers) = with_db!(self, p => {
            let visits: Vec<CustomerVisit> = sqlx::query_as(
                "SELECT id, site_id, service_id, employee_id, arrived_at, started_at, ended_at FROM visits \
                 WHERE org_id = $1 AND customer_key = $2 ORDER BY started_at")
                .bind(org).bind(key).fetch_all(p).await?;
            let contacts: Vec<VisitContact> = sqlx::query_as(&format!(
                "SELECT visit_id, phone_enc, email_enc, lang, survey, skip_reason FROM visit_contacts \
                 WHERE org_id = $1 AND visit_id IN ({THEIR_VISITS}) ORDER BY created_at"))
                .bind(org).bind(key).fetch_all(p).await?;
            let answers: Vec<CustomerAnswer> = sqlx::query_as(&format!(
                "SELECT id, answered_at, site_id, employee_id, channel, question_id, score, choice, answer_text, visit_id FROM ratings \
                 WHERE org_id = $1 AND (customer_key = $2 OR visit_id IN ({THEIR_VISITS})) ORDER BY answered_at"))
                .bind(org).bind(key).fetch_all(p).await?;
            Ok::<_, sqlx::Error>((visits, contacts, answers))
        })?;
        Ok(CustomerData {
            visits,
            contacts,
            answers,
            opted_out: self.opted_out(org, key).await?,
            consent: self.consent_history(org, key).await?,
        })
    }

    /// Erases a customer's personal data in one transaction: the contacts given with
    /// their visits, and the customer key that links their visits and answers (the
    /// visits and answers stay, anonymous). An opt-out stays, so that they are never
    /// surveyed again. Returns how many visits were unlinked.
    pub async fn erase_customer(&self, org: Uuid, key: &str, by: &crate::By) -> Result<u64> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(&format!("DELETE FROM visit_contacts WHERE org_id = $1 AND visit_id IN ({THEIR_VISITS})"))
                .bind(org).bind(key).execute(&mut *tx).await?;
            sqlx::query("UPDATE survey_messages SET to_enc = NULL, customer_key = NULL, recipient_key = 'erased' WHERE org_id = $1 AND customer_key = $2")
                .bind(org).bind(key).execute(&mut *tx).await?;
            sqlx::query("UPDATE ratings SET customer_key = NULL WHERE org_id = $1 AND customer_key = $2")
                .bind(org).bind(key).execute(&mut *tx).await?;
            // Who called them back stays as the alert's note, without them.
            sqlx::query("DELETE FROM alert_call_backs WHERE org_id = $1 AND customer_key = $2")
                .bind(org).bind(key).execute(&mut *tx).await?;
            let n = sqlx::query(
                "UPDATE visits SET customer_key = NULL, next_visit_at = NULL, next_visit_day = NULL \
                 WHERE org_id = $1 AND customer_key = $2")
                .bind(org).bind(key).execute(&mut *tx).await?.rows_affected();
            crate::audit::audit!(tx, by, org, "erase", "customer", None::<Uuid>, &format!("{n} visits unlinked"));
            tx.commit().await?;
            Ok(n)
        })
    }
}
