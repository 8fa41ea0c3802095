//! Alert rules, evaluated every round: a low answer (per its scale) raises an alert about
//! that answer; a metric of the current week under its threshold raises one alert for the
//! week. Each alert is raised once (unique per rule and key) with its e-mail queued in the
//! same transaction, to the roles the rule names, each recipient only for what they reach.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use minijinja::context;
use rida_domain::{
    Action, Locale, Scale,
    metrics::Metric,
    period::{Period, PeriodKind},
    policy::may_see_alert,
};
use rida_store::{AlertRule, CubeQuery, Filter, ListQuery, NewAlert, NewMail, ScoredAnswer, User};
use uuid::Uuid;

use super::{link, local, render};
use crate::{
    analytics::dashboard::Names,
    auth::CurrentUser,
    mail::{self, Draft},
    state::AppState,
};

/// Answers looked at again behind the cursor: on PostgreSQL a transaction may commit
/// after a later one, so its answers appear behind answers already looked at.
const LOOKBACK: i64 = 2_000;
/// Answers read at a time.
const BATCH: i64 = 5_000;

/// What raised an alert, for its message.
struct Raised<'a> {
    rule: &'a AlertRule,
    alert: NewAlert,
}

/// Evaluates the active rules of `org`; returns how many alerts were raised.
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<usize> {
    let rules: Vec<AlertRule> = state
        .store
        .alert_rules(org)
        .await?
        .into_iter()
        .filter(|r| r.active)
        .collect();
    if rules.is_empty() {
        return Ok(0);
    }
    let mut raised = Vec::new();
    let low: Vec<&AlertRule> = rules.iter().filter(|r| r.kind == "low_score").collect();
    if !low.is_empty() {
        low_scores(state, org, &low, now, &mut raised).await?;
    }
    for rule in rules.iter().filter(|r| r.kind == "metric_below") {
        if let Some(a) = metric_below(state, org, rule, now).await? {
            raised.push(Raised { rule, alert: a });
        }
    }
    let jumps: Vec<&AlertRule> = rules.iter().filter(|r| r.kind == "terminal_jump").collect();
    if !jumps.is_empty() {
        terminal_jumps(state, org, &jumps, now, &mut raised).await?;
    }
    if raised.is_empty() {
        return Ok(0);
    }
    // Names and accounts once per round, however many alerts it raised.
    let names = Names::load_every_language(&state.store, org).await?;
    let users = state.store.list_users(org, &ListQuery::all()).await?.items;
    let mut n = 0;
    for r in raised {
        let mails = messages(state, &names, &users, &r).await?;
        if state.store.raise_alert(org, &r.alert, &mails).await? {
            n += 1;
        }
    }
    Ok(n)
}

fn applies(rule: &AlertRule, a: &ScoredAnswer) -> bool {
    rule.site_id.is_none_or(|s| s == a.site_id)
        && rule.service_id.is_none_or(|s| Some(s) == a.service_id)
        && a.received_at >= rule.created_at
        && Scale::parse(&a.scale).is_some_and(|s| s.is_low(a.score))
}

async fn low_scores<'a>(
    state: &AppState,
    org: Uuid,
    rules: &[&'a AlertRule],
    now: Timestamp,
    out: &mut Vec<Raised<'a>>,
) -> anyhow::Result<()> {
    let store = &state.store;
    let (cursor, newest) = store.alert_cursor(org).await?;
    let mut from = cursor.unwrap_or(newest).saturating_sub(LOOKBACK).max(0);
    let mut seen: HashSet<(Uuid, String)> = HashSet::new();
    let mut last = cursor.unwrap_or(newest);
    loop {
        let rows = store.scored_after(org, from, BATCH).await?;
        for a in &rows {
            for rule in rules.iter().filter(|r| applies(r, a)) {
                let key = a.id.to_string();
                // Behind the cursor an answer may have raised its alert already.
                let again = cursor.is_none_or(|c| a.seq <= c);
                if !seen.insert((rule.id, key.clone()))
                    || (again && store.alert_raised(rule.id, &key).await?)
                {
                    continue;
                }
                out.push(Raised {
                    rule,
                    alert: NewAlert {
                        id: rida_domain::new_id(),
                        rule_id: rule.id,
                        key,
                        site_id: Some(a.site_id),
                        service_id: a.service_id,
                        employee_id: a.employee_id,
                        visit_id: a.visit_id,
                        value: f64::from(a.score),
                        n: 1,
                        raised_at: now.as_millisecond(),
                    },
                });
            }
        }
        if let Some(r) = rows.last() {
            from = r.seq;
            last = last.max(r.seq);
        }
        if (rows.len() as i64) < BATCH {
            break;
        }
    }
    store.set_alert_cursor(org, last).await?;
    Ok(())
}

/// The rule's metric over the current week (Monday to today, in the organisation's
/// zone): an alert for the week when it is under the threshold with enough answers.
async fn metric_below(
    state: &AppState,
    org: Uuid,
    rule: &AlertRule,
    now: Timestamp,
) -> anyhow::Result<Option<NewAlert>> {
    let (Some(metric), Some(threshold)) = (
        rule.metric.as_deref().and_then(Metric::parse),
        rule.threshold,
    ) else {
        return Ok(None);
    };
    let o = state.store.organisation(org).await?;
    let today = local(now, &o.time_zone).date();
    let week = Period::containing(PeriodKind::Week, today);
    let key = format!("week:{}", week.from);
    if state.store.alert_raised(rule.id, &key).await? {
        return Ok(None);
    }
    let (from_day, to_day) = week.day_keys();
    let rows = state
        .store
        .cube(
            org,
            &CubeQuery {
                from_day,
                to_day,
                filter: Filter {
                    scale: Some(metric.scale()),
                    sites: rule.site_id.map(|s| vec![s]),
                    services: rule.service_id.map(|s| vec![s]),
                    ..Filter::default()
                },
                group: vec![],
            },
        )
        .await?;
    let Some(e) = rows.first().and_then(|r| metric.estimate(&r.counts)) else {
        return Ok(None);
    };
    if e.n < rule.min_answers.max(1) as u64 || e.value >= threshold {
        return Ok(None);
    }
    Ok(Some(NewAlert {
        id: rida_domain::new_id(),
        rule_id: rule.id,
        key,
        site_id: rule.site_id,
        service_id: rule.service_id,
        employee_id: None,
        visit_id: None,
        value: e.value,
        n: e.n as i32,
        raised_at: now.as_millisecond(),
    }))
}

/// Days of history a terminal's share of lowest scores today is compared with.
const BASELINE_DAYS: i64 = 28;
/// Answers the history needs for a comparison to mean something.
const BASELINE_MIN: i64 = 20;

/// A terminal whose share of lowest scores today is at least the rule's threshold (in
/// points) above its share over the previous four weeks, with at least the rule's number
/// of answers today: one alert per terminal and day. Evaluated once an hour (the first
/// instance to claim the hour), as it reads the answers of those days.
async fn terminal_jumps<'a>(
    state: &AppState,
    org: Uuid,
    rules: &[&'a AlertRule],
    now: Timestamp,
    out: &mut Vec<Raised<'a>>,
) -> anyhow::Result<()> {
    let store = &state.store;
    let o = store.organisation(org).await?;
    let local_now = local(now, &o.time_zone);
    let hour = format!(
        "terminal-jumps:{}T{:02}",
        local_now.date(),
        local_now.hour()
    );
    if store.job_ran(org, &hour).await?
        || !store
            .finish_job(org, &hour, &[], now.as_millisecond())
            .await?
    {
        return Ok(());
    }
    let today = local_now.date();
    let day = rida_domain::period::day_key(today);
    let first = today.checked_sub(jiff::Span::new().days(BASELINE_DAYS))?;
    let yesterday = today.yesterday()?;
    for rule in rules {
        let (Some(threshold), min) = (rule.threshold, i64::from(rule.min_answers.max(1))) else {
            continue;
        };
        let now_rows = store.terminal_lows(org, rule.site_id, day, day).await?;
        let before = store
            .terminal_lows(
                org,
                rule.site_id,
                rida_domain::period::day_key(first),
                rida_domain::period::day_key(yesterday),
            )
            .await?;
        for t in now_rows.iter().filter(|t| t.n >= min) {
            let Some(b) = before.iter().find(|b| b.terminal_id == t.terminal_id) else {
                continue;
            };
            if b.n < BASELINE_MIN {
                continue;
            }
            let share = 100.0 * t.lows as f64 / t.n as f64;
            let usual = 100.0 * b.lows as f64 / b.n as f64;
            let key = format!("terminal:{}:{day}", t.terminal_id);
            if share - usual < threshold || store.alert_raised(rule.id, &key).await? {
                continue;
            }
            out.push(Raised {
                rule,
                alert: NewAlert {
                    id: rida_domain::new_id(),
                    rule_id: rule.id,
                    key,
                    site_id: Some(t.site_id),
                    service_id: None,
                    employee_id: None,
                    visit_id: None,
                    value: share,
                    n: t.n as i32,
                    raised_at: now.as_millisecond(),
                },
            });
        }
    }
    Ok(())
}

/// The alert's e-mail to each user of the rule's roles who may see it and has an address.
async fn messages(
    state: &AppState,
    names: &HashMap<Locale, Names>,
    users: &[User],
    r: &Raised<'_>,
) -> anyhow::Result<Vec<NewMail>> {
    let roles = r.rule.roles();
    let mut out = Vec::new();
    for u in users {
        let Some(to) = u.email.clone() else { continue };
        if !roles.contains(&u.role.as_str()) {
            continue;
        }
        let Some(user) = CurrentUser::load(state, u.id).await? else {
            continue;
        };
        if !may_see_alert(&user.actor, &user.org.policy(), r.alert.site_id) {
            continue;
        }
        let a = &r.alert;
        let see_employee = user.may(Action::ViewEmployeeResults { site: a.site_id });
        let name = |m: &std::collections::HashMap<Uuid, String>, id: Option<Uuid>| {
            id.and_then(|i| m.get(&i).cloned())
        };
        let l = user.locale;
        let Some(names) = names.get(&l) else { continue };
        let rule_name = r.rule.names.pick(&r.rule.name, l).to_string();
        let page = context! {
            org => user.org.name.clone(),
            rule => rule_name.clone(),
            kind => r.rule.kind.clone(),
            metric => r.rule.metric.clone(),
            threshold => r.rule.threshold,
            value => a.value,
            n => a.n,
            site => name(&names.sites, a.site_id),
            service => name(&names.services, a.service_id),
            employee => if see_employee { name(&names.employees, a.employee_id) } else { None },
            terminal => names.terminal_of_alert(&a.key),
            link => link(state, &format!("/admin/alerts/{}", a.id)),
        };
        let subject = crate::i18n::t_args(l, "mail-alert-subject", &[("rule", rule_name.into())]);
        let draft = Draft {
            to: to.clone(),
            subject: subject.clone(),
            html: render(state, "mail_alert.html", l, page.clone())?,
            text: render(state, "mail_alert.txt", l, page)?,
            files: vec![],
        };
        out.push(NewMail {
            id: rida_domain::new_id(),
            kind: "alert",
            user_id: Some(u.id),
            to_addr: to,
            subject,
            message: mail::compose(&state.settings.mail_from, &draft)?,
        });
    }
    Ok(out)
}
