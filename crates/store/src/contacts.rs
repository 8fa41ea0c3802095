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
