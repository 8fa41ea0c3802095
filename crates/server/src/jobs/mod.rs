//! Scheduled work: alert rules and digests, the terminals' notices, the Monday e-mail, the
//! monthly report, scheduled saved reports, erasing old contact details, asking the
//! directory again about the people signed in through it, and sending the outbox.
//! Every instance with `jobs` on runs the loop; each job of an organisation still runs
//! once (its messages are queued in the same transaction that records it, see
//! `rida_store::Store::finish_job`), and each message is taken by one instance at a time.

pub mod alerts;
pub mod digest;
pub mod directory;
pub mod fleet;
mod low_shares;
pub mod monday;
pub mod monthly;
pub mod privacy;
pub mod pulse;
pub mod readings;
pub mod scheduled;
mod theme_alerts;

use std::time::Duration;

use jiff::{Timestamp, Zoned, civil::Date, tz::TimeZone};
use minijinja::Value;
use rida_domain::Locale;

use crate::{mail, state::AppState};

/// How often an instance looks for due work.
const EVERY: Duration = Duration::from_secs(30);

/// Runs the jobs every [`EVERY`] until the process ends.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = run_once(&state, Timestamp::now()).await {
                tracing::warn!(error = %e, "scheduled jobs");
            }
        }
    })
}

/// One round at `now`: compose what is due in every organisation, then send the outbox.
/// A job that fails is logged and tried again next round; the others go on.
pub async fn run_once(state: &AppState, now: Timestamp) -> anyhow::Result<mail::Delivery> {
    for org in state.store.organisation_ids().await? {
        if let Err(e) = alerts::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "alert rules");
        }
        if let Err(e) = digest::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "alert digests");
        }
        if let Err(e) = fleet::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "terminals' notices");
        }
        if let Err(e) = monday::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "Monday e-mail");
        }
        if let Err(e) = monthly::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "monthly report");
        }
        if let Err(e) = scheduled::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "scheduled reports");
        }
        if let Err(e) = privacy::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "erasing old contacts");
        }
        if let Err(e) = pulse::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "employees' pulse");
        }
        if let Err(e) = directory::run(state, org, now).await {
            tracing::warn!(org = %org, error = %e, "checking directory accounts");
        }
    }
    // The web survey guard's salts and counts of past days, even when no one answers.
    let today = rida_store::guard_day(now.as_millisecond());
    if let Err(e) = state.store.forget_guard(today).await {
        tracing::warn!(error = %e, "forgetting the web survey guard");
    }
    mail::deliver_due(state, now.as_millisecond()).await
}

/// `now` in an organisation's time zone.
fn local(now: Timestamp, time_zone: &str) -> Zoned {
    now.to_zoned(TimeZone::get(time_zone).unwrap_or(TimeZone::UTC))
}

/// The local hour from which a period's report goes out on its first day after.
const SEND_FROM_HOUR: i8 = 6;

/// The last whole month at `local` (from 06:00 on the 1st: the month just ended), as
/// its first day. Before 06:00 on the 1st, `None`: the month before was sent already.
pub fn month_due(local: &Zoned) -> Option<Date> {
    if local.day() == 1 && local.hour() < SEND_FROM_HOUR {
        return None;
    }
    local
        .date()
        .first_of_month()
        .checked_sub(jiff::Span::new().months(1))
        .ok()
}

/// The last whole week (Monday to Sunday) at `local`, as its Monday, from 06:00 on Monday.
pub fn week_due(local: &Zoned) -> Option<Date> {
    let d = local.date();
    let monday = d
        .checked_sub(jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset())))
        .ok()?;
    if d == monday && local.hour() < SEND_FROM_HOUR {
        return None;
    }
    monday.checked_sub(jiff::Span::new().days(7)).ok()
}

/// The last step of a period's e-mail (the monthly report, the Monday e-mail): queues
/// `mails` once for the organisation, recorded as `job` in the same transaction. An
/// organisation set up after the period (which ended before `after`), with no answers in
/// it, gets nothing of it. Returns how many were queued (`None`: done already).
async fn finish_period(
    state: &AppState,
    o: &rida_store::Organisation,
    job: &str,
    mut mails: Vec<rida_store::NewMail>,
    answers: u64,
    after: Date,
    now: Timestamp,
) -> anyhow::Result<Option<usize>> {
    let tz = TimeZone::get(&o.time_zone).unwrap_or(TimeZone::UTC);
    let end = after
        .to_zoned(tz)
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(i64::MAX);
    if answers == 0 && o.created_at > end {
        mails.clear();
    }
    let n = mails.len();
    Ok(state
        .store
        .finish_job(o.id, job, &mails, now.as_millisecond())
        .await?
        .then_some(n))
}

/// A month as words in a language ("October 2026", "2026. gada oktobris").
pub fn month_name(l: Locale, first: Date) -> String {
    let month = crate::i18n::t(l, &format!("month-long-{}", first.month()));
    crate::i18n::t_args(
        l,
        "month-year",
        &[
            ("month", month.into()),
            ("year", l.localise_digits(&first.year().to_string()).into()),
        ],
    )
}

/// Renders an e-mail template (HTML or text) in a language.
fn render(state: &AppState, template: &str, l: Locale, page: Value) -> anyhow::Result<String> {
    let ctx = minijinja::context! { locale => l.tag(), dir => l.dir(), ..page };
    Ok(state.templates.get_template(template)?.render(ctx)?)
}

/// A link into Rida for an e-mail.
fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.public_base())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Zoned {
        s.parse().unwrap()
    }

    #[test]
    fn the_month_is_due_from_six_on_the_first() {
        let d = |s| month_due(&at(s)).map(|d| d.to_string());
        assert_eq!(d("2026-11-01T05:59[Europe/Riga]"), None);
        assert_eq!(
            d("2026-11-01T06:00[Europe/Riga]").as_deref(),
            Some("2026-10-01")
        );
        assert_eq!(
            d("2026-11-24T12:00[Europe/Riga]").as_deref(),
            Some("2026-10-01")
        );
        assert_eq!(
            d("2027-01-03T00:00[Asia/Riyadh]").as_deref(),
            Some("2026-12-01")
        );
    }

    #[test]
    fn the_week_is_due_from_six_on_monday() {
        let d = |s| week_due(&at(s)).map(|d| d.to_string());
        // 2026-11-23 is a Monday.
        assert_eq!(d("2026-11-23T05:00[UTC]"), None);
        assert_eq!(d("2026-11-23T06:00[UTC]").as_deref(), Some("2026-11-16"));
        assert_eq!(d("2026-11-29T23:00[UTC]").as_deref(), Some("2026-11-16"));
        assert_eq!(d("2026-11-30T07:00[UTC]").as_deref(), Some("2026-11-23"));
    }
}
