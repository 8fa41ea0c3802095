//! Saved reports on a schedule: every Monday (the week just ended) or on the 1st (the
//! month just ended) the author receives the report by e-mail, as they may see it then,
//! with the Excel file and the PDF attached.

use jiff::{Timestamp, civil::Date};
use minijinja::context;
use rida_domain::policy::may_open_report;
use rida_store::{NewMail, SavedReport};
use uuid::Uuid;

use super::{link, local, month_due, render, week_due};
use crate::{
    analytics::{export, report, report::Report},
    auth::CurrentUser,
    mail::{self, Draft, File},
    state::AppState,
};

/// Rows of a report shown in the message (the Excel file has them all).
const ROWS_SHOWN: usize = 30;

/// The saved query with its period replaced by the one the schedule covers.
pub fn query_for(saved: &str, kind: &str, first: Date) -> String {
    let mut pairs: Vec<(String, String)> = serde_html_form::from_str(saved).unwrap_or_default();
    pairs.retain(|(k, _)| !matches!(k.as_str(), "period" | "at" | "from" | "to"));
    pairs.push(("period".into(), kind.into()));
    pairs.push(("at".into(), first.to_string()));
    serde_html_form::to_string(&pairs).unwrap_or_default()
}

/// A report's result as a PDF laid out for A4, in the reader's language: its table with
/// each figure's interval, the first figure as bars.
pub async fn pdf(
    state: &AppState,
    user: &CurrentUser,
    result: &Report,
    name: &str,
) -> anyhow::Result<Vec<u8>> {
    let l = user.locale;
    let t = |key: &str| crate::i18n::t(l, key);
    let dims: Vec<String> = result
        .spec
        .group
        .iter()
        .map(|g| t(&format!("dim-{}", g.as_str())))
        .collect();
    let metrics: Vec<_> = result
        .spec
        .metrics
        .iter()
        .map(|m| {
            (
                m.as_str(),
                m.unit(),
                t(&format!("metric-{}", m.as_str())),
                t(m.n_key()),
            )
        })
        .collect();
    let page = context! {
        title => name,
        subtitle => format!("{} – {}", l.localise_digits(&result.from), l.localise_digits(&result.to)),
        dims => dims,
        metrics => metrics,
        rows => &result.rows,
    };
    crate::pdf::report(state, &user.org, "report_saved.typ", l, page).await
}

async fn compose(
    state: &AppState,
    r: &SavedReport,
    user: &CurrentUser,
    to: &str,
    kind: &str,
    first: Date,
) -> anyhow::Result<Draft> {
    let l = user.locale;
    let result = report::run_query(state, user, &query_for(&r.query, kind, first)).await?;
    let xlsx = export::report_xlsx(&result, &r.name, l).map_err(|e| anyhow::anyhow!("{e}"))?;
    let table = export::report_table(&result, l);
    let page = context! {
        org => user.org.name.clone(),
        name => user.user.display_name.clone(),
        report => r.name.clone(),
        from => result.from.clone(),
        to => result.to.clone(),
        header => table.header.clone(),
        rows => result.rows.iter().take(ROWS_SHOWN).collect::<Vec<_>>(),
        more => result.rows.len().saturating_sub(ROWS_SHOWN),
        metrics => result.spec.metrics.iter().map(|m| (m.as_str(), m.unit())).collect::<Vec<_>>(),
        link => link(state, &format!("/admin/reports/{}", r.id)),
    };
    Ok(Draft {
        to: to.to_string(),
        subject: crate::i18n::t_args(
            l,
            "mail-report-subject",
            &[
                ("report", r.name.clone().into()),
                ("from", result.from.clone().into()),
                ("to", result.to.clone().into()),
            ],
        ),
        html: render(state, "mail_report.html", l, page.clone())?,
        text: render(state, "mail_report.txt", l, page)?,
        files: vec![
            File {
                name: format!("rida-report-{}-{}.xlsx", result.from, result.to),
                mime: export::XLSX_MIME,
                bytes: xlsx,
            },
            File {
                name: format!("rida-report-{}-{}.pdf", result.from, result.to),
                mime: crate::pdf::PDF_MIME,
                bytes: pdf(state, user, &result, &r.name).await?,
            },
        ],
    })
}

/// Queues every scheduled report of `org` that is due, once each. Returns how many
/// messages were queued.
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<usize> {
    let o = state.store.organisation(org).await?;
    let here = local(now, &o.time_zone);
    let mut queued = 0;
    for r in state.store.list_reports(org).await? {
        let (kind, first) = match r.schedule.as_str() {
            "weekly" => ("week", week_due(&here)),
            "monthly" => ("month", month_due(&here)),
            _ => continue,
        };
        let Some(first) = first else { continue };
        let job = format!("report:{}:{kind}:{first}", r.id);
        if state.store.job_ran(org, &job).await? {
            continue;
        }
        // The author receives it while they may still open it and have an address.
        let author = CurrentUser::load(state, r.created_by).await?;
        let to = state.store.user_email(org, r.created_by).await?;
        let mut mails = Vec::new();
        if let (Some(user), Some(to)) = (author, to)
            && may_open_report(&user.actor, &user.org.policy(), r.created_by, &r.roles())
        {
            let draft = compose(state, &r, &user, &to, kind, first).await?;
            mails.push(NewMail {
                id: rida_domain::new_id(),
                kind: "report",
                user_id: Some(r.created_by),
                to_addr: to,
                subject: draft.subject.clone(),
                message: mail::compose(&state.settings.mail_from, &draft)?,
            });
        }
        if state
            .store
            .finish_job(org, &job, &mails, now.as_millisecond())
            .await?
        {
            queued += mails.len();
        }
    }
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_replaces_the_saved_period() {
        let q = query_for(
            "metrics=csat&period=custom&from=2026-01-01&to=2026-01-31&group=site&site=x",
            "month",
            "2026-10-01".parse().unwrap(),
        );
        assert_eq!(
            q,
            "metrics=csat&group=site&site=x&period=month&at=2026-10-01"
        );
    }
}
