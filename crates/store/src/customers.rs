//! One customer's history, for the call back: their visits, the survey messages sent to
//! them, the answers they gave with their name on them (those with their customer key:
//! replies by SMS or WhatsApp and the survey links sent to them — never a terminal's or a
//! web poster's, which are anonymous), their consent changes and the alerts about them;
//! and the call-back task of an alert whose customer asked to be called back.

use serde::Serialize;
use uuid::Uuid;

use crate::contacts::THEIR_VISITS;
use crate::{
    By, ConsentEvent, CustomerAnswer, CustomerVisit, Result, Store, StoreError, VisitContact,
    audit::audit, with_db,
};

/// A survey message sent (or meant) to the customer.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct HistoryMessage {
    pub id: Uuid,
    pub visit_id: Option<Uuid>,
    /// `survey`, `reask`, `stop`, `start`, `help`.
    pub kind: String,
    pub channel: String,
    pub status: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub answered_at: Option<i64>,
}

/// An alert about the customer: raised by one of their visits or answers.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct HistoryAlert {
    pub id: Uuid,
    pub rule_name: String,
    /// The rule's name in each language the head typed.
    #[sqlx(try_from = "String")]
    pub rule_names: rida_domain::names::LocalNames,
    pub site_id: Option<Uuid>,
    pub visit_id: Option<Uuid>,
    pub status: String,
    pub value: f64,
    pub raised_at: i64,
    pub called_back_at: Option<i64>,
}

/// What the history page shows of one customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerHistory {
    pub visits: Vec<CustomerVisit>,
    pub messages: Vec<HistoryMessage>,
    /// Their named answers only.
    pub answers: Vec<CustomerAnswer>,
    /// The contacts given with their visits (sealed; opened by the server for the call).
    pub contacts: Vec<VisitContact>,
    pub opted_out: bool,
    pub consent: Vec<ConsentEvent>,
    pub alerts: Vec<HistoryAlert>,
}

impl CustomerHistory {
    pub fn is_empty(&self) -> bool {
        self.visits.is_empty()
            && self.messages.is_empty()
            && self.answers.is_empty()
            && self.consent.is_empty()
    }
}

/// The answers of an alert's visits: of its own visit, and of the visits whose answers it
/// gathered (`x`, joined to the alert `a`).
const ASKED: &str = "x.org_id = a.org_id AND (x.visit_id = a.visit_id OR x.visit_id IN ( \
     SELECT y.visit_id FROM alert_answers g JOIN ratings y ON y.id = g.rating_id WHERE g.alert_id = a.id))";

/// The condition that the alert `a` waits for a call back: a named customer of its
/// visits answered "yes" (1) to one of the `n` questions bound from `$first` and was not
/// called back about it yet.
fn waiting(first: usize, n: usize) -> String {
    let qs = crate::ratings::in_list(first, n);
    format!(
        "EXISTS (SELECT 1 FROM ratings x WHERE {ASKED} AND x.customer_key IS NOT NULL \
         AND x.score = 1 AND x.question_id IN ({qs}) \
         AND NOT EXISTS (SELECT 1 FROM alert_call_backs c WHERE c.alert_id = a.id AND c.customer_key = x.customer_key))"
    )
}

/// A call back an alert asks for: a customer who asked (their key), and whether, when and
/// by whom they were called back.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct CallBack {
    pub customer_key: String,
    /// When they answered that they may be contacted (their latest such answer).
    pub asked_at: i64,
    pub called_back_at: Option<i64>,
    pub called_back_by: Option<String>,
}

impl Store {
    /// One customer's history (by their customer key), newest first. Reading it is
    /// recorded in the audit log by `by` (the key's first letters, never the number).
    pub async fn customer_history(&self, org: Uuid, key: &str, by: &By) -> Result<CustomerHistory> {
        let (visits, messages, answers, contacts, alerts) = with_db!(self, p => {
            let visits: Vec<CustomerVisit> = sqlx::query_as(
                "SELECT id, site_id, service_id, employee_id, arrived_at, started_at, ended_at FROM visits \
                 WHERE org_id = $1 AND customer_key = $2 ORDER BY started_at DESC")
                .bind(org).bind(key).fetch_all(p).await?;
            let messages: Vec<HistoryMessage> = sqlx::query_as(
                "SELECT id, visit_id, kind, channel, status, created_at, sent_at, answered_at FROM survey_messages \
                 WHERE org_id = $1 AND customer_key = $2 ORDER BY created_at DESC")
                .bind(org).bind(key).fetch_all(p).await?;
            let answers: Vec<CustomerAnswer> = sqlx::query_as(
                "SELECT id, answered_at, site_id, employee_id, channel, question_id, score, choice, answer_text, visit_id FROM ratings \
                 WHERE org_id = $1 AND customer_key = $2 ORDER BY answered_at DESC")
                .bind(org).bind(key).fetch_all(p).await?;
            let contacts: Vec<VisitContact> = sqlx::query_as(&format!(
                "SELECT visit_id, phone_enc, email_enc, lang, survey, skip_reason FROM visit_contacts \
                 WHERE org_id = $1 AND visit_id IN ({THEIR_VISITS}) ORDER BY created_at DESC"))
                .bind(org).bind(key).fetch_all(p).await?;
            let alerts: Vec<HistoryAlert> = sqlx::query_as(&format!(
                "SELECT a.id, r.name AS rule_name, r.names AS rule_names, a.site_id, a.visit_id, a.status, a.value, a.raised_at, c.called_at AS called_back_at \
                 FROM alerts a JOIN alert_rules r ON r.id = a.rule_id \
                 LEFT JOIN alert_call_backs c ON c.alert_id = a.id AND c.customer_key = $2 \
                 WHERE a.org_id = $1 AND (a.visit_id IN ({THEIR_VISITS}) OR a.id IN ( \
                   SELECT g.alert_id FROM alert_answers g JOIN ratings x ON x.id = g.rating_id \
                   WHERE x.org_id = $1 AND x.customer_key = $2)) \
                 ORDER BY a.raised_at DESC"))
                .bind(org).bind(key).fetch_all(p).await?;
            Ok::<_, sqlx::Error>((visits, messages, answers, contacts, alerts))
        })?;
        let history = CustomerHistory {
            visits,
            messages,
            answers,
            contacts,
            opted_out: self.opted_out(org, key).await?,
            consent: self.consent_history(org, key).await?,
            alerts,
        };
        let short: String = key.chars().take(10).collect();
        with_db!(self, p => {
            let mut tx = crate::BeginWrite::begin_write(p).await?;
            audit!(tx, by, org, "view", "customer", None::<Uuid>, &format!("{short}… · {} visits", history.visits.len()));
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(history)
    }

    /// The call backs an alert asks for: each named customer of its visit (or of a visit
    /// whose answer it gathered) who answered "yes" to a question among `questions` ("may
    /// we contact you?"), the latest to ask first, with whether they were called back.
    pub async fn alert_call_backs(
        &self,
        org: Uuid,
        alert: Uuid,
        questions: &[Uuid],
    ) -> Result<Vec<CallBack>> {
        if questions.is_empty() {
            return Ok(Vec::new());
        }
        let list = crate::ratings::in_list(3, questions.len());
        let sql = format!(
            "SELECT x.customer_key, MAX(x.received_at) AS asked_at, MAX(c.called_at) AS called_back_at, MAX(u.display_name) AS called_back_by \
             FROM alerts a JOIN ratings x ON {ASKED} \
             LEFT JOIN alert_call_backs c ON c.alert_id = a.id AND c.customer_key = x.customer_key \
             LEFT JOIN users u ON u.id = c.called_by \
             WHERE a.org_id = $1 AND a.id = $2 AND x.customer_key IS NOT NULL AND x.score = 1 \
             AND x.question_id IN ({list}) GROUP BY x.customer_key ORDER BY MAX(x.seq) DESC"
        );
        Ok(with_db!(self, p => {
            let mut q = sqlx::query_as(&sql).bind(org).bind(alert);
            for id in questions { q = q.bind(*id); }
            q.fetch_all(p).await
        })?)
    }

    /// The questions that ask "may we contact you?" (of any version of the surveys).
    pub async fn call_back_questions(&self, org: Uuid) -> Result<Vec<Uuid>> {
        Ok(self
            .latest_questions(org)
            .await?
            .into_iter()
            .filter(|q| q.callback)
            .map(|q| q.id)
            .collect())
    }

    /// Which of `alerts` wait for a call back: a named customer of theirs answered "yes"
    /// to one of `questions`, and nobody has called them back yet.
    pub async fn alerts_awaiting_call_back(
        &self,
        org: Uuid,
        alerts: &[Uuid],
        questions: &[Uuid],
    ) -> Result<std::collections::HashSet<Uuid>> {
        if alerts.is_empty() || questions.is_empty() {
            return Ok(Default::default());
        }
        let ids = crate::ratings::in_list(2 + questions.len(), alerts.len());
        let sql = format!(
            "SELECT a.id FROM alerts a WHERE a.org_id = $1 AND {} AND a.id IN ({ids})",
            waiting(2, questions.len())
        );
        let rows: Vec<Uuid> = with_db!(self, p => {
            let mut q = sqlx::query_scalar(&sql).bind(org);
            for id in questions { q = q.bind(*id); }
            for id in alerts { q = q.bind(*id); }
            q.fetch_all(p).await
        })?;
        Ok(rows.into_iter().collect())
    }

    /// The alerts at `sites` (`None`: anywhere) that wait for a call back (see
    /// [`Store::alerts_awaiting_call_back`]), open or closed, the newest first: the
    /// worklist of calls to make, however old.
    pub async fn call_back_worklist(
        &self,
        org: Uuid,
        questions: &[Uuid],
        sites: Option<&[Uuid]>,
        limit: i64,
    ) -> Result<Vec<crate::Alert>> {
        if questions.is_empty() || sites.is_some_and(|s| s.is_empty()) {
            return Ok(Vec::new());
        }
        let within = match sites {
            Some(s) => format!(
                " AND a.site_id IN ({})",
                crate::ratings::in_list(3 + questions.len(), s.len())
            ),
            None => String::new(),
        };
        let sql = format!(
            "{} WHERE a.org_id = $1 AND {}{within} ORDER BY a.raised_at DESC, a.id LIMIT $2",
            crate::alerts::ALERT_SELECT,
            waiting(3, questions.len())
        );
        Ok(with_db!(self, p => {
            let mut q = sqlx::query_as(&sql).bind(org).bind(limit);
            for id in questions { q = q.bind(*id); }
            for id in sites.unwrap_or(&[]) { q = q.bind(*id); }
            q.fetch_all(p).await
        })?)
    }

    /// Records that a customer of an alert was called back, with a note on the alert;
    /// `false` when they were already.
    pub async fn call_back_done(
        &self,
        org: Uuid,
        (alert, customer): (Uuid, &str),
        note: &str,
        by: &By,
        now: i64,
    ) -> Result<bool> {
        with_db!(self, p => {
            let mut tx = crate::BeginWrite::begin_write(p).await?;
            let done = sqlx::query(
                "INSERT INTO alert_call_backs (org_id, alert_id, customer_key, called_at, called_by) \
                 SELECT $1, id, $3, $4, $5 FROM alerts WHERE org_id = $1 AND id = $2 \
                 ON CONFLICT (alert_id, customer_key) DO NOTHING")
                .bind(org).bind(alert).bind(customer).bind(now).bind(by.user_id)
                .execute(&mut *tx).await?.rows_affected() == 1;
            if !done {
                return Ok(false);
            }
            if let Some(user) = by.user_id {
                sqlx::query("INSERT INTO alert_notes (id, alert_id, user_id, body, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(rida_domain::new_id()).bind(alert).bind(user).bind(note).bind(now)
                    .execute(&mut *tx).await?;
            }
            audit!(tx, by, org, "call_back", "alert", Some(alert), note);
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }
}
