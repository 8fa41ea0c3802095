//! Opening the employees' pulse: at the head's rhythm (from the first day of each month
//! or quarter, in the organisation's time zone) or when the head opens a round. A round
//! asks the plan's statements of that moment; by e-mail, each employee with an address
//! gets a one-time link (its code only in the message, which is emptied once sent).
//! One round a period however many instances try at once (`Store::open_pulse_round`).

use jiff::Timestamp;
use minijinja::context;
use rida_domain::{Locale, pulse::Delivery, web};
use rida_store::{By, MailedLink, NewMail, PulseRound};
use uuid::Uuid;

use super::{link, local, render};
use crate::{mail, state::AppState};

/// Opens the round of `period_key` from the organisation's plan; `false` when one of
/// that period exists.
pub async fn open_round(
    state: &AppState,
    org: Uuid,
    period_key: &str,
    now: Timestamp,
    by: &By,
) -> anyhow::Result<bool> {
    let store = &state.store;
    let plan = store.pulse_plan(org).await?;
    let o = store.organisation(org).await?;
    let now_ms = now.as_millisecond();
    let round = PulseRound {
        id: rida_domain::new_id(),
        org_id: org,
        period_key: period_key.to_string(),
        delivery: plan.delivery,
        statements: plan.statements.clone(),
        opened_at: now_ms,
        closes_at: now_ms + plan.open_days * 86_400_000,
    };
    let mut links = Vec::new();
    if plan.delivery == Delivery::Email {
        let closes = local(Timestamp::from_millisecond(round.closes_at)?, &o.time_zone).date();
        for i in store.pulse_invitees(org).await? {
            let Some(email) = i.email.filter(|e| !e.trim().is_empty()) else {
                continue;
            };
            let code = web::code_from(&rand::random::<[u8; 16]>(), web::LINK_CODE_LEN);
            let l = i
                .locale
                .as_deref()
                .and_then(Locale::parse)
                .or_else(|| Locale::parse(&o.default_locale))
                .unwrap_or_default();
            let page = context! {
                org => o.name.clone(),
                link => link(state, &format!("/p/{code}")),
                closes => l.localise_digits(&closes.to_string()),
                statements => round.statements.len(),
            };
            let subject =
                crate::i18n::t_args(l, "mail-pulse-subject", &[("org", o.name.clone().into())]);
            let draft = mail::Draft {
                to: email.clone(),
                subject: subject.clone(),
                html: render(state, "mail_pulse.html", l, page.clone())?,
                text: render(state, "mail_pulse.txt", l, page)?,
                files: vec![],
            };
            links.push(MailedLink {
                user_id: i.user_id,
                site_id: i.site_id.unwrap_or_default(),
                key: state.contact_key.link_key(&code),
                mail: NewMail {
                    id: rida_domain::new_id(),
                    kind: "pulse",
                    user_id: None,
                    to_addr: email,
                    subject,
                    message: mail::compose(&state.settings.mail_from, &draft)?,
                },
            });
        }
    }
    Ok(store.open_pulse_round(org, &round, &links, by).await?)
}

/// Opens the round the organisation's rhythm owes at `now`, once: not when a round of
/// this period exists, nor when one opened by hand since the period began (or still open)
/// stands for it — nobody is asked twice in a period.
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<bool> {
    let plan = state.store.pulse_plan(org).await?;
    // Most organisations have no rhythm: one read every round of the jobs, no more.
    if plan.rhythm == rida_domain::pulse::Rhythm::Off {
        return Ok(false);
    }
    let o = state.store.organisation(org).await?;
    let today = local(now, &o.time_zone);
    let (Some(key), Some(start)) = (
        plan.rhythm.period_key(today.date()),
        plan.rhythm.period_start(today.date()),
    ) else {
        return Ok(false);
    };
    let since = start
        .to_zoned(today.time_zone().clone())?
        .timestamp()
        .as_millisecond();
    let now_ms = now.as_millisecond();
    if state
        .store
        .pulse_rounds(org)
        .await?
        .iter()
        .any(|r| r.period_key == key || r.opened_at >= since || r.is_open(now_ms))
    {
        return Ok(false);
    }
    open_round(state, org, &key, now, &By::system("pulse")).await
}
