//! The monthly report: on the first of each month every user who asked for it receives
//! the month just ended as they may see it (their sites; employees only if allowed), in
//! their language: the key figures and charts in the message, the Excel file and the same
//! report as a PDF laid out for A4 attached.

use jiff::{Timestamp, civil::Date};
use minijinja::context;
use rida_domain::{
    Action,
    metrics::{Estimate, Unit},
};
use rida_store::NewMail;
use serde::Serialize;
use uuid::Uuid;

use super::{link, local, month_due, month_name, render};
use crate::{
    analytics::{
        Selection,
        dashboard::{self, Dashboard, RankRow},
        export,
    },
    auth::CurrentUser,
    mail::{self, Draft, File},
    state::AppState,
};

/// Rows of a ranking shown in the message (the Excel file has them all).
const RANKED_SHOWN: usize = 8;

/// A bar of an e-mail chart: drawn as a table cell, which every mail program shows.
#[derive(Debug, Serialize)]
struct Bar {
    label: String,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    n: u64,
    /// The bar's length, 0–100 % of the chart's width, and its interval's ends.
    width: f64,
    low_width: f64,
    high_width: f64,
    note: &'static str,
}

/// Where a figure falls between the ends of its unit, in % (NPS runs from −100).
fn width(unit: Unit, value: f64, scale_max: f64) -> f64 {
    let w = match unit {
        Unit::Percent => value,
        Unit::Score => (value + 100.0) / 2.0,
        Unit::Mean => 100.0 * (value - 1.0) / (scale_max - 1.0),
    };
    w.clamp(0.0, 100.0)
}

impl Bar {
    fn of(d: &Dashboard, label: String, e: Option<Estimate>, n: u64, note: &'static str) -> Bar {
        let max = d
            .metric
            .scale()
            .score_range()
            .map(|r| r.1 as f64)
            .unwrap_or(5.0);
        Bar {
            label,
            value: e.map(|e| e.value),
            low: e.map(|e| e.low),
            high: e.map(|e| e.high),
            n,
            width: e.map(|e| width(d.unit, e.value, max)).unwrap_or(0.0),
            low_width: e.map(|e| width(d.unit, e.low, max)).unwrap_or(0.0),
            high_width: e.map(|e| width(d.unit, e.high, max)).unwrap_or(0.0),
            note,
        }
    }
}

fn bars(d: &Dashboard, rows: &[RankRow]) -> Vec<Bar> {
    rows.iter()
        .take(RANKED_SHOWN)
        .map(|r| Bar::of(d, r.name.clone(), r.estimate, r.n, r.status))
        .collect()
}

fn trend(d: &Dashboard, l: rida_domain::Locale) -> Vec<Bar> {
    d.trend
        .iter()
        .map(|p| {
            let first: Option<Date> = format!("{}-01", p.month).parse().ok();
            let label = first
                .map(|f| month_name(l, f))
                .unwrap_or_else(|| p.month.clone());
            Bar::of(d, label, p.estimate, p.n, "")
        })
        .collect()
}

/// The month starting `first` as `user` may see it: the page a message or a PDF is
/// written from, the dashboard (for its Excel file) and its answers; `None` when the
/// policy gives them no results to see.
pub async fn month_page(
    state: &AppState,
    user: &CurrentUser,
    first: Date,
) -> anyhow::Result<Option<(minijinja::Value, Dashboard)>> {
    if !user.may(Action::ViewResults { site: None }) {
        return Ok(None);
    }
    let sel = Selection {
        period: Some("month".into()),
        at: Some(first.to_string()),
        ..Selection::default()
    };
    let reach = sel.resolve(state, user).await?;
    let d = dashboard::build(&state.store, user.org.id, user.org.thresholds(), &reach).await?;
    let l = user.locale;
    let sites = match &reach.sites {
        Some(ids) => {
            let names = dashboard::Names::load(&state.store, user.org.id, l).await?;
            let mut v: Vec<String> = ids
                .iter()
                .filter_map(|s| names.sites.get(s).cloned())
                .collect();
            v.sort();
            Some(v)
        }
        None => None,
    };
    let month = month_name(l, first);
    let scope = match &sites {
        Some(names) => format!(
            "{} {}",
            crate::i18n::t(l, "mail-scope-sites"),
            names.join(", ")
        ),
        None => crate::i18n::t(l, "mail-scope-all"),
    };
    let page = context! {
        subtitle => scope,
        org => user.org.name.clone(),
        name => user.user.display_name.clone(),
        title => crate::i18n::t_args(l, "mail-monthly-title", &[("month", month.clone().into())]),
        month => month,
        d => d.clone(),
        sites => sites,
        trend => trend(&d, l),
        services => bars(&d, &d.services),
        site_bars => d.sites.as_ref().map(|s| bars(&d, s)),
        employee_bars => d.employees.as_ref().map(|s| bars(&d, s)),
        link => link(state, &format!("/admin/results?period=month&at={first}")),
        account => link(state, "/admin/users"),
    };
    Ok(Some((page, d)))
}

/// The month starting `first` as a PDF, in the reader's language; `None` when the
/// policy gives them no results to see.
pub async fn pdf(
    state: &AppState,
    user: &CurrentUser,
    first: Date,
) -> anyhow::Result<Option<Vec<u8>>> {
    match month_page(state, user, first).await? {
        Some((page, _)) => Ok(Some(pdf_of(state, user, page).await?)),
        None => Ok(None),
    }
}

async fn pdf_of(
    state: &AppState,
    user: &CurrentUser,
    page: minijinja::Value,
) -> anyhow::Result<Vec<u8>> {
    crate::pdf::report(state, &user.org, "report_month.typ", user.locale, page).await
}

/// Composes one recipient's report of the month starting `first`, the Excel file and
/// the PDF attached; `None` when the policy gives them no results to see.
pub async fn compose(
    state: &AppState,
    user: &CurrentUser,
    to: &str,
    first: Date,
) -> anyhow::Result<Option<(Draft, u64)>> {
    let Some((page, d)) = month_page(state, user, first).await? else {
        return Ok(None);
    };
    let l = user.locale;
    let answers = d.tiles.first().map(|t| t.n).unwrap_or(0);
    let subject = crate::i18n::t_args(
        l,
        "mail-monthly-subject",
        &[
            ("org", user.org.name.clone().into()),
            ("month", page.get_attr("month")?.to_string().into()),
        ],
    );
    let xlsx = export::xlsx(&d, l).map_err(|e| anyhow::anyhow!("{e}"))?;
    let name = format!("rida-{}-{}", d.period.from, d.period.to);
    let pdf = pdf_of(state, user, page.clone()).await?;
    Ok(Some((
        Draft {
            to: to.to_string(),
            subject,
            html: render(state, "mail_monthly.html", l, page.clone())?,
            text: render(state, "mail_monthly.txt", l, page)?,
            files: vec![
                File {
                    name: format!("{name}.xlsx"),
                    mime: export::XLSX_MIME,
                    bytes: xlsx,
                },
                File {
                    name: format!("{name}.pdf"),
                    mime: crate::pdf::PDF_MIME,
                    bytes: pdf,
                },
            ],
        },
        answers,
    )))
}

/// Queues the monthly report of the month just ended for every recipient of `org`,
/// once. Returns how many messages were queued (`None`: not due, or done already).
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<Option<usize>> {
    let o = state.store.organisation(org).await?;
    let Some(first) = month_due(&local(now, &o.time_zone)) else {
        return Ok(None);
    };
    let job = format!("monthly:{}", &first.to_string()[..7]);
    if state.store.job_ran(org, &job).await? {
        return Ok(None);
    }
    let mut mails = Vec::new();
    let mut answers = 0;
    for r in state.store.monthly_report_recipients(org).await? {
        let Some(user) = CurrentUser::load(state, r.user_id).await? else {
            continue;
        };
        if let Some((draft, n)) = compose(state, &user, &r.email, first).await? {
            answers += n;
            mails.push(NewMail {
                id: rida_domain::new_id(),
                kind: "monthly",
                user_id: Some(r.user_id),
                to_addr: r.email,
                subject: draft.subject.clone(),
                message: mail::compose(&state.settings.mail_from, &draft)?,
            });
        }
    }
    let after = first
        .checked_add(jiff::Span::new().months(1))
        .unwrap_or(first);
    super::finish_period(state, &o, &job, mails, answers, after, now).await
}
