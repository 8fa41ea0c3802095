//! A visit's contact: the customer's phone and e-mail as sent (kept out of `Debug`),
//! normalised, sealed and checked against the opt-out register, and whether a survey
//! follows.

use rida_domain::contact::parse_phone;
use rida_store::{NewVisit, VisitContact};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{VisitItem, VisitResult};
use crate::{error::Result, state::AppState};

/// A contact detail as sent: kept out of `Debug`, so that it cannot reach a log.
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Private(String);

impl Private {
    /// The detail itself, for parsing; never for a log.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Private {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Private(…)")
    }
}

/// Whether a survey will follow the visit.
#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyState {
    /// `pending` (it will go when its channel's rules allow) or `skipped`.
    pub status: &'static str,
    /// Why it is skipped: `phone_unparseable`, `phone_invalid`, `phone_needs_country`,
    /// `email_invalid`, `no_contact`, `not_requested`, `opted_out`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The contact to keep for a visit's survey, if any; a phone number without a customer
/// key gives the visit one. A detail that cannot be used skips the survey, with the
/// reason, and the visit is kept all the same.
pub(super) fn contact_of(
    state: &AppState,
    org: Uuid,
    region: Option<&str>,
    item: &VisitItem,
    visit: &mut NewVisit,
) -> Option<(VisitContact, SurveyState, Option<String>)> {
    let wanted = item.survey.unwrap_or(true);
    if item.phone.is_none() && item.email.is_none() && item.survey.is_none() {
        return None;
    }
    let key = &state.contact_key;
    let mut reason: Option<&str> = None;
    let mut phone_key = None;
    let phone = match item.phone.as_ref().map(|p| parse_phone(&p.0, region)) {
        Some(Ok(p)) => {
            let k = key.customer_key(org, &p);
            if visit.customer_key.is_none() {
                visit.customer_key = Some(k.clone());
            }
            phone_key = Some(k);
            Some(p)
        }
        Some(Err(e)) => {
            reason = Some(e.code());
            None
        }
        None => None,
    };
    let email = match item.email.as_ref().map(|e| rida_domain::names::email(&e.0)) {
        Some(Ok(Some(e))) => Some(e),
        Some(_) => {
            reason = reason.or(Some("email_invalid"));
            None
        }
        None => None,
    };
    // Without a number, the address keys the customer (frequency cap, opt-out).
    if phone_key.is_none()
        && let Some(e) = &email
    {
        let k = key.email_customer_key(org, e);
        if visit.customer_key.is_none() {
            visit.customer_key = Some(k.clone());
        }
        phone_key = Some(k);
    }
    let skip = if !wanted {
        Some("not_requested")
    } else if phone.is_none() && email.is_none() {
        Some(reason.unwrap_or("no_contact"))
    } else {
        None
    };
    // Nothing personal is kept for a visit that will not be surveyed.
    let keep = skip.is_none();
    let contact = VisitContact {
        visit_id: visit.id,
        phone_enc: phone.filter(|_| keep).map(|p| key.seal(p.e164())),
        email_enc: email.filter(|_| keep).map(|e| key.seal(&e)),
        lang: item
            .lang
            .as_deref()
            .and_then(rida_domain::locale::answer_language),
        survey: keep,
        skip_reason: skip.map(str::to_string),
    };
    let state = SurveyState {
        status: if keep { "pending" } else { "skipped" },
        reason: skip.map(str::to_string),
    };
    Some((contact, state, phone_key))
}

/// Records one checked visit under its claimed id, with its contact.
pub(super) async fn store_visit(
    state: &AppState,
    org: Uuid,
    region: Option<&str>,
    item: &VisitItem,
    mut visit: NewVisit,
) -> Result<VisitResult> {
    let mut contact = contact_of(state, org, region, item, &mut visit);
    // A customer in the opt-out register is not surveyed, and nothing of theirs is kept.
    if let Some((c, s, Some(phone_key))) = contact.as_mut()
        && c.survey
        && state.store.opted_out(org, phone_key).await?
    {
        *c = VisitContact {
            phone_enc: None,
            email_enc: None,
            survey: false,
            skip_reason: Some("opted_out".into()),
            ..c.clone()
        };
        *s = SurveyState {
            status: "skipped",
            reason: Some("opted_out".into()),
        };
    }
    state.store.record_visit(org, &visit).await?;
    if let Some((c, _, _)) = &contact {
        state.store.save_visit_contact(org, c).await?;
    }
    Ok(VisitResult {
        index: 0,
        external_id: Some(item.external_id.clone()),
        id: Some(visit.id),
        status: "stored",
        errors: vec![],
        survey: contact.map(|(_, s, _)| s),
    })
}
