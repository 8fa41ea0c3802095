//! One customer's history, for the call back (`/admin/customers`): looked up by a phone
//! number in any usual format or an e-mail address (posted, so that it stays out of
//! addresses and logs), then shown by the customer's key. The head sees all of it; a
//! manager only what happened at their sites, and nothing of a customer who never came
//! to one. Every opening is audited.

use std::collections::HashMap;

use axum::{
    Router,
    extract::Path,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use minijinja::{Value, context};
use rida_domain::Action;
use rida_store::CustomerHistory;
use serde::Deserialize;
use uuid::Uuid;

use super::{Web, forms::FormErrors};
use crate::{analytics::names::Names, auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/customers", get(search).post(look_up))
        .route("/admin/customers/{key}", get(history))
}

fn search_page(number: &str, errors: &FormErrors) -> Value {
    context! { number => number, errors => errors.value() }
}

async fn search(w: Web) -> Result<Response> {
    w.user.require(Action::ViewCustomer { site: None })?;
    Ok(w.render(
        "customers.html",
        search_page("", &FormErrors::new(w.locale())),
    ))
}

#[derive(Deserialize)]
struct LookUp {
    #[serde(default)]
    number: String,
}

async fn look_up(w: Web, CsrfForm(f): CsrfForm<LookUp>) -> Result<Response> {
    w.user.require(Action::ViewCustomer { site: None })?;
    let mut errors = FormErrors::new(w.locale());
    let org = &w.user.org;
    match w
        .state
        .contact_key
        .customer_of(org.id, org.phone_region.as_deref(), &f.number)
    {
        Ok((_, key)) => Ok(Redirect::to(&format!("/admin/customers/{key}")).into_response()),
        Err(code) => {
            errors.key("number", &format!("customer-error-{code}"));
            Ok(w.render_invalid("customers.html", search_page(&f.number, &errors)))
        }
    }
}

/// Whether a text is a customer key (`p-` or `e-` and 32 hex digits).
fn is_key(s: &str) -> bool {
    let (kind, hex) = s.split_at(s.len().min(2));
    matches!(kind, "p-" | "e-") && hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The history as `w`'s user may see it: a manager's only at their sites (messages by
/// their visit's site), `None` when nothing of it is at one.
fn within_reach(w: &Web, mut h: CustomerHistory) -> Option<CustomerHistory> {
    if w.user.actor.scope == rida_domain::Scope::All {
        return Some(h);
    }
    let at = |site: Option<Uuid>| w.user.may(Action::ViewCustomer { site });
    h.visits.retain(|v| v.site_id.is_some() && at(v.site_id));
    if h.visits.is_empty() {
        return None;
    }
    let visits: Vec<Uuid> = h.visits.iter().map(|v| v.id).collect();
    h.messages
        .retain(|m| m.visit_id.is_some_and(|v| visits.contains(&v)));
    h.answers.retain(|a| at(Some(a.site_id)));
    h.contacts.retain(|c| visits.contains(&c.visit_id));
    h.alerts.retain(|a| a.site_id.is_some() && at(a.site_id));
    Some(h)
}

async fn history(w: Web, Path(key): Path<String>) -> Result<Response> {
    w.user.require(Action::ViewCustomer { site: None })?;
    if !is_key(&key) {
        return Err(crate::Error::NotFound);
    }
    let org = w.user.org.id;
    let store = &w.state.store;
    let h = store.customer_history(org, &key, &w.user.by()).await?;
    if h.is_empty() {
        return Err(crate::Error::NotFound);
    }
    let h = within_reach(&w, h).ok_or(crate::Error::NotFound)?;
    let locale = w.locale();
    let names = Names::load(store, org, locale).await?;
    let questions: HashMap<Uuid, (String, String)> = store
        .list_questions(org)
        .await?
        .into_iter()
        .map(|q| (q.id, (q.label(locale), q.scale)))
        .collect();
    let name = |m: &HashMap<Uuid, String>, id: Option<Uuid>| id.and_then(|i| m.get(&i).cloned());
    // The number to call back: the latest one given, opened for this page only.
    let contact = h.contacts.iter().find_map(|c| {
        let open = |b: &Option<Vec<u8>>| b.as_deref().and_then(|b| w.state.contact_key.open(b));
        let phone = open(&c.phone_enc);
        let email = open(&c.email_enc);
        (phone.is_some() || email.is_some()).then(|| context! { phone => phone, email => email })
    });
    let visits: Vec<Value> = h
        .visits
        .iter()
        .map(|v| {
            let see = w.user.may(Action::ViewEmployeeResults { site: v.site_id });
            context! {
                at => v.started_at,
                site => name(&names.sites, v.site_id),
                service => name(&names.services, v.service_id),
                employee => if see { name(&names.employees, v.employee_id) } else { None },
            }
        })
        .collect();
    let answers: Vec<Value> = h
        .answers
        .iter()
        .map(|a| {
            let (question, scale) = questions.get(&a.question_id).cloned().unzip();
            // Words about an employee are that employee's result.
            let words = a.employee_id.is_none()
                || w.user.may(Action::ViewEmployeeResults {
                    site: Some(a.site_id),
                });
            context! {
                at => a.answered_at,
                site => names.sites.get(&a.site_id).cloned(),
                channel => a.channel,
                question => question,
                yes_no => scale.as_deref() == Some(rida_domain::Scale::YesNo.as_str()),
                score => a.score,
                choice => a.choice,
                text => if words { a.answer_text.clone() } else { None },
                withheld => !words && a.answer_text.is_some(),
            }
        })
        .collect();
    let alerts: Vec<Value> = h
        .alerts
        .iter()
        .map(|a| {
            context! {
                id => a.id, rule => a.rule_names.pick(&a.rule_name, w.locale()), site => name(&names.sites, a.site_id),
                status => a.status, at => a.raised_at, called_back_at => a.called_back_at,
            }
        })
        .collect();
    Ok(w.render(
        "customer.html",
        context! {
            contact => contact,
            opted_out => h.opted_out,
            consent => h.consent,
            visits => visits,
            messages => h.messages,
            answers => answers,
            alerts => alerts,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::is_key;

    #[test]
    fn only_customer_keys_are_looked_up() {
        assert!(is_key("p-0123456789abcdef0123456789abcdef"));
        assert!(is_key("e-0123456789ABCDEF0123456789abcdef"));
        assert!(!is_key("x-0123456789abcdef0123456789abcdef"));
        assert!(!is_key("p-0123"));
        assert!(!is_key("+37120000000"));
        assert!(!is_key(""));
    }
}
