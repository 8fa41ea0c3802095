//! The Monday e-mail: from 06:00 on Monday, everyone who asked for it receives the week
//! just ended as their home page shows it (their sites only; see `analytics::week`), in
//! their language. Once per organisation and week, however many instances run the jobs.

use jiff::{Timestamp, civil::Date};
use minijinja::context;
use rida_domain::Locale;
use rida_store::NewMail;
use uuid::Uuid;

use super::{link, local, render, week_due};
use crate::{
    analytics::week::{self, Week},
    auth::CurrentUser,
    mail::{self, Draft, File},
    state::AppState,
};

/// The number of a week as its reader writes numbers.
fn week_number(l: Locale, w: &Week) -> String {
    l.localise_digits(&w.number.to_string())
}

/// The week as a PDF, in the reader's language.
pub async fn pdf(state: &AppState, user: &CurrentUser, w: &Week) -> anyhow::Result<Vec<u8>> {
    let l = user.locale;
    let title = crate::i18n::t_args(
        l,
        "week-title",
        &[
            ("week", week_number(l, w).into()),
            ("year", l.localise_digits(&w.year.to_string()).into()),
        ],
    );
    let subtitle = format!(
        "{} – {} · {}",
        l.localise_digits(&w.from),
        l.localise_digits(&w.to),
        crate::i18n::t(l, "week-compared")
    );
    let page = context! { week => w, title => title, subtitle => subtitle };
    crate::pdf::report(state, &user.org, "report_week.typ", l, page).await
}

/// Composes one person's Monday e-mail of the week starting `monday`; `None` when no
/// part of the week is for them. Also returns the week's answers.
pub async fn compose(
    state: &AppState,
    user: &CurrentUser,
    to: &str,
    monday: Date,
    now: Timestamp,
) -> anyhow::Result<Option<(Draft, u64)>> {
    if !week::is_for(user) {
        return Ok(None);
    }
    let w = week::build(state, user, monday, now.as_millisecond()).await?;
    let answers = w
        .results
        .as_ref()
        .and_then(|r| r.tiles.first())
        .map(|t| t.n)
        .unwrap_or(0);
    let l = user.locale;
    let page = context! {
        org => user.org.name.clone(),
        name => user.user.display_name.clone(),
        week => w.clone(),
        base => state.public_base(),
        link => link(state, &format!("/admin?week={monday}")),
    };
    let subject = crate::i18n::t_args(
        l,
        "mail-monday-subject",
        &[
            ("org", user.org.name.clone().into()),
            ("week", week_number(l, &w).into()),
        ],
    );
    Ok(Some((
        Draft {
            to: to.to_string(),
            subject,
            html: render(state, "mail_monday.html", l, page.clone())?,
            text: render(state, "mail_monday.txt", l, page)?,
            files: vec![File {
                name: format!("rida-week-{}.pdf", w.from),
                mime: crate::pdf::PDF_MIME,
                bytes: pdf(state, user, &w).await?,
            }],
        },
        answers,
    )))
}

/// Queues the Monday e-mail of the week just ended for everyone of `org` who asked for
/// it, once. Returns how many messages were queued (`None`: not due, or done already).
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<Option<usize>> {
    let o = state.store.organisation(org).await?;
    let Some(monday) = week_due(&local(now, &o.time_zone)) else {
        return Ok(None);
    };
    let job = format!("monday:{monday}");
    if state.store.job_ran(org, &job).await? {
        return Ok(None);
    }
    let mut mails = Vec::new();
    let mut answers = 0;
    for r in state.store.monday_recipients(org).await? {
        let Some(user) = CurrentUser::load(state, r.user_id).await? else {
            continue;
        };
        if let Some((draft, n)) = compose(state, &user, &r.email, monday, now).await? {
            answers += n;
            mails.push(NewMail {
                id: rida_domain::new_id(),
                kind: "monday",
                user_id: Some(r.user_id),
                to_addr: r.email,
                subject: draft.subject.clone(),
                message: mail::compose(&state.settings.mail_from, &draft)?,
            });
        }
    }
    let after = monday
        .checked_add(jiff::Span::new().days(7))
        .unwrap_or(monday);
    super::finish_period(state, &o, &job, mails, answers, after, now).await
}
