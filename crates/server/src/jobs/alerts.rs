//! Alert rules, evaluated every round. Low answers (per their scale) are gathered per
//! rule, scope (a site, a service at a site, an employee) and day into one open alert: a
//! `low_score` rule raises it at the first low answer, a `low_rate` rule when enough come
//! within its window; later ones join it instead of raising more. A metric of the current
//! week under its threshold raises one alert for the week; a terminal collecting lowest
//! scores, one a day; negative comments about a theme, as low answers (`theme_alerts`).
//! Each alert is raised once with its e-mail queued in the same
//! transaction, to the roles the rule names, each recipient only for what they reach.

use std::collections::HashMap;

use jiff::Timestamp;
use rida_domain::{
    Scale,
    metrics::Metric,
    period::{Period, PeriodKind},
    policy::may_see_alert,
};
use rida_store::{AlertRule, CubeQuery, Filter, Gathered, ListQuery, NewAlert, ScoredAnswer};
use uuid::Uuid;

use super::local;
use crate::{auth::CurrentUser, state::AppState};

/// Answers looked at again behind the cursor: on PostgreSQL a transaction may commit
/// after a later one, so its answers appear behind answers already looked at.
const LOOKBACK: i64 = 2_000;
/// Answers read at a time.
const BATCH: i64 = 5_000;

/// What raised an alert, for its message.
pub(super) struct Raised<'a> {
    pub(super) rule: &'a AlertRule,
    pub(super) alert: NewAlert,
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
    let mut routing = Routing::default();
    let mut n = 0;
    let low: Vec<&AlertRule> = rules
        .iter()
        .filter(|r| matches!(r.kind.as_str(), "low_score" | "low_rate"))
        .collect();
    if !low.is_empty() {
        n += low_scores(state, org, &low, now, &mut routing).await?;
    }
    let mut raised = Vec::new();
    let weekly: Vec<&AlertRule> = rules.iter().filter(|r| r.kind == "metric_below").collect();
    if !weekly.is_empty() {
        let regions = site_regions(state, org).await?;
        for rule in weekly {
            if let Some(a) = metric_below(state, org, rule, &regions, now).await? {
                raised.push(Raised { rule, alert: a });
            }
        }
    }
    let jumps: Vec<&AlertRule> = rules.iter().filter(|r| r.kind == "terminal_jump").collect();
    if !jumps.is_empty() {
        terminal_jumps(state, org, &jumps, now, &mut raised).await?;
    }
    let themes: Vec<&AlertRule> = rules.iter().filter(|r| r.kind == "theme").collect();
    if !themes.is_empty() {
        n += super::theme_alerts::run(state, org, &themes, now, &mut routing).await?;
    }
    let shares: Vec<&AlertRule> = rules.iter().filter(|r| r.kind == "low_share").collect();
    if !shares.is_empty() {
        super::low_shares::run(state, org, &shares, now, &mut raised).await?;
    }
    for r in raised {
        let to = routing.recipients(state, org, &r).await?;
        if state.store.raise_alert(org, &r.alert, &to).await? {
            n += 1;
        }
    }
    Ok(n)
}

/// The organisation's active accounts, each with its reach, read once a round when an
/// alert is raised (however many it raises).
#[derive(Default)]
pub(super) struct Routing {
    users: Option<Vec<CurrentUser>>,
}

impl Routing {
    /// Whom an alert goes to: the users of the rule's roles and the person it names, each
    /// only when they may see the alert (a manager: alerts of the sites they reach).
    /// Those without an e-mail address hear when they have one; the head hears of them.
    pub(super) async fn recipients(
        &mut self,
        state: &AppState,
        org: Uuid,
        r: &Raised<'_>,
    ) -> anyhow::Result<Vec<Uuid>> {
        if self.users.is_none() {
            let mut loaded = Vec::new();
            for u in state.store.list_users(org, &ListQuery::all()).await?.items {
                if u.active
                    && let Some(cu) = CurrentUser::load(state, u.id).await?
                {
                    loaded.push(cu);
                }
            }
            self.users = Some(loaded);
        }
        let roles = r.rule.roles();
        Ok(self
            .users
            .iter()
            .flatten()
            .filter(|u| {
                roles.contains(&u.actor.role.as_str()) || r.rule.notify_user == Some(u.user.user_id)
            })
            .filter(|u| may_see_alert(&u.actor, &u.org.policy(), r.alert.site_id))
            .map(|u| u.user.user_id)
            .collect())
    }
}

/// Whether a rule watches an answer's place (`regions`: each site's region).
pub(super) fn watches(rule: &AlertRule, regions: &HashMap<Uuid, Uuid>, site: Uuid) -> bool {
    rule.site_id.is_none_or(|s| s == site)
        && rule
            .region_id
            .is_none_or(|r| regions.get(&site) == Some(&r))
}

fn applies(rule: &AlertRule, regions: &HashMap<Uuid, Uuid>, a: &ScoredAnswer) -> bool {
    watches(rule, regions, a.site_id)
        && rule.service_id.is_none_or(|s| Some(s) == a.service_id)
        && a.received_at >= rule.created_at
        && Scale::parse(&a.scale).is_some_and(|s| s.is_low(a.score))
}

/// The scope an answer falls in under a rule: its key, and the service and employee
/// the alert is about. An answer without an employee, under a rule per employee, is
/// gathered with its site's.
fn scope_of(rule: &AlertRule, a: &ScoredAnswer) -> (String, Option<Uuid>, Option<Uuid>) {
    scope_at(rule, a.site_id, a.service_id, a.employee_id)
}

/// The scope of an answer or a comment at (site, service, employee) under a rule.
pub(super) fn scope_at(
    rule: &AlertRule,
    site: Uuid,
    service: Option<Uuid>,
    employee: Option<Uuid>,
) -> (String, Option<Uuid>, Option<Uuid>) {
    match (rule.scope.as_str(), employee) {
        ("service", _) => {
            let s = service.map_or("-".to_string(), |s| s.to_string());
            (format!("service:{site}:{s}"), service, None)
        }
        ("employee", Some(e)) => (format!("employee:{site}:{e}"), None, Some(e)),
        _ => (format!("site:{site}"), None, None),
    }
}

/// Low answers of one rule, one scope and one day, gathered this round.
struct Group<'a> {
    rule: &'a AlertRule,
    key: String,
    service: Option<Uuid>,
    employee: Option<Uuid>,
    answers: Vec<&'a ScoredAnswer>,
}

/// Each site's region.
pub(super) async fn site_regions(
    state: &AppState,
    org: Uuid,
) -> anyhow::Result<HashMap<Uuid, Uuid>> {
    Ok(state
        .store
        .list_sites(org, &ListQuery::all(), None)
        .await?
        .items
        .into_iter()
        .map(|s| (s.id, s.region_id))
        .collect())
}

/// Low answers since the cursor, gathered per rule, scope and day: into the scope's
/// open alert, or a new one (a single low answer is enough for a `low_score` rule; a
/// `low_rate` rule needs `min_answers` low answers within `window_minutes`).
async fn low_scores(
    state: &AppState,
    org: Uuid,
    rules: &[&AlertRule],
    now: Timestamp,
    routing: &mut Routing,
) -> anyhow::Result<usize> {
    let store = &state.store;
    let regions = site_regions(state, org).await?;
    let (cursor, newest) = store.alert_cursor(org).await?;
    let mut from = cursor.unwrap_or(newest).saturating_sub(LOOKBACK).max(0);
    let mut last = cursor.unwrap_or(newest);
    let mut rows = Vec::new();
    loop {
        let batch = store.scored_after(org, from, BATCH).await?;
        if let Some(r) = batch.last() {
            from = r.seq;
            last = last.max(r.seq);
        }
        let done = (batch.len() as i64) < BATCH;
        rows.extend(
            batch
                .into_iter()
                .filter(|a| rules.iter().any(|r| applies(r, &regions, a))),
        );
        if done {
            break;
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut at: HashMap<(Uuid, String), usize> = HashMap::new();
    for a in &rows {
        for rule in rules.iter().filter(|r| applies(r, &regions, a)) {
            let (scope, service, employee) = scope_of(rule, a);
            let key = format!("low:{scope}:{}", a.local_day);
            let i = *at.entry((rule.id, key.clone())).or_insert_with(|| {
                groups.push(Group {
                    rule,
                    key,
                    service,
                    employee,
                    answers: Vec::new(),
                });
                groups.len() - 1
            });
            groups[i].answers.push(a);
        }
    }
    let mut raised = 0;
    for g in groups {
        let first = g.answers[0];
        let alert = NewAlert {
            id: rida_domain::new_id(),
            rule_id: g.rule.id,
            key: g.key.clone(),
            site_id: Some(first.site_id),
            service_id: g.service,
            employee_id: g.employee,
            visit_id: (g.answers.len() == 1).then_some(first.visit_id).flatten(),
            value: f64::from(first.score),
            n: 1,
            raised_at: now.as_millisecond(),
            day: Some(first.local_day),
        };
        let ids: Vec<(Uuid, i16)> = g.answers.iter().map(|a| (a.id, a.score)).collect();
        let newest = g.answers.iter().map(|a| a.received_at).max().unwrap_or(0);
        // Into the open alert of the scope and day, when there is one.
        if gather(state, org, &alert, &ids, newest, false, &[]).await? != Gathered::NoneOpen {
            continue;
        }
        // A rate rule raises when enough came within its window; its alert then holds
        // them and the other low answers of the scope and day seen this round.
        let ids = if g.rule.kind == "low_rate" {
            let mut within = rate_window(state, org, &regions, &g, newest).await?;
            if (within.len() as i64) < i64::from(g.rule.min_answers.max(1)) {
                continue;
            }
            within.extend(ids);
            within.sort();
            within.dedup();
            within
        } else {
            ids
        };
        let r = Raised {
            rule: g.rule,
            alert: NewAlert {
                n: ids.len() as i32,
                value: f64::from(ids.iter().map(|(_, s)| *s).min().unwrap_or(first.score)),
                ..alert
            },
        };
        let to = routing.recipients(state, org, &r).await?;
        if matches!(
            gather(state, org, &r.alert, &ids, newest, true, &to).await?,
            Gathered::Raised(_)
        ) {
            raised += 1;
        }
    }
    store.set_alert_cursor(org, last).await?;
    Ok(raised)
}

/// Gathers answers in as many calls as the store takes them: the first that raises or
/// joins an alert decides; the rest join it.
pub(super) async fn gather(
    state: &AppState,
    org: Uuid,
    alert: &NewAlert,
    ids: &[(Uuid, i16)],
    newest: i64,
    may_raise: bool,
    notify: &[Uuid],
) -> anyhow::Result<Gathered> {
    let mut out = Gathered::Nothing;
    for chunk in ids.chunks(rida_store::GATHER_AT_ONCE) {
        let first = matches!(out, Gathered::Nothing | Gathered::NoneOpen);
        let raise = may_raise && first;
        let g = state
            .store
            .gather_alert(
                org,
                alert,
                chunk,
                newest,
                raise,
                if raise { notify } else { &[] },
            )
            .await?;
        out = match (out, g) {
            (
                Gathered::Nothing | Gathered::NoneOpen,
                g @ (Gathered::Raised(_) | Gathered::Joined(..)),
            ) => g,
            (Gathered::Nothing, Gathered::NoneOpen) => Gathered::NoneOpen,
            (o, _) => o,
        };
    }
    Ok(out)
}

/// The low answers of a group's scope within its rule's window before `newest`.
async fn rate_window(
    state: &AppState,
    org: Uuid,
    regions: &HashMap<Uuid, Uuid>,
    g: &Group<'_>,
    newest: i64,
) -> anyhow::Result<Vec<(Uuid, i16)>> {
    let first = g.answers[0];
    let since = newest - i64::from(g.rule.window_minutes.max(1)) * 60_000;
    let day = rida_domain::period::from_day_key(first.local_day);
    let before = day
        .and_then(|d| d.yesterday().ok())
        .map_or(first.local_day, rida_domain::period::day_key);
    let next = day
        .and_then(|d| d.tomorrow().ok())
        .map_or(first.local_day, rida_domain::period::day_key);
    Ok(state
        .store
        .scored_between(org, first.site_id, (before, next), since, newest)
        .await?
        .iter()
        .filter(|a| {
            applies(g.rule, regions, a) && scope_of(g.rule, a).0 == scope_of(g.rule, first).0
        })
        .map(|a| (a.id, a.score))
        .collect())
}

/// The rule's metric over the current week (Monday to today, in the organisation's
/// zone): an alert for the week when it is under the threshold with enough answers.
async fn metric_below(
    state: &AppState,
    org: Uuid,
    rule: &AlertRule,
    regions: &HashMap<Uuid, Uuid>,
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
                    sites: match (rule.site_id, rule.region_id) {
                        (Some(s), _) => Some(vec![s]),
                        (None, Some(_)) => Some(
                            regions
                                .keys()
                                .filter(|s| watches(rule, regions, **s))
                                .copied()
                                .collect(),
                        ),
                        (None, None) => None,
                    },
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
        day: Some(rida_domain::period::day_key(week.from)),
    }))
}

/// Claims this hour of an hourly job for this instance (`None`: another instance has,
/// or this one did already); the local time of `now` in the organisation's zone.
pub(super) async fn claim_hour(
    state: &AppState,
    org: Uuid,
    job: &str,
    now: Timestamp,
) -> anyhow::Result<Option<jiff::Zoned>> {
    let store = &state.store;
    let o = store.organisation(org).await?;
    let local_now = local(now, &o.time_zone);
    let hour = format!("{job}:{}T{:02}", local_now.date(), local_now.hour());
    if store.job_ran(org, &hour).await?
        || !store
            .finish_job(org, &hour, &[], now.as_millisecond())
            .await?
    {
        return Ok(None);
    }
    Ok(Some(local_now))
}

/// Days of history a terminal's share of lowest scores today is compared with.
pub(super) const BASELINE_DAYS: i64 = 28;
/// Answers the history needs for a comparison to mean something.
pub(super) const BASELINE_MIN: i64 = 20;

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
    let Some(local_now) = claim_hour(state, org, "terminal-jumps", now).await? else {
        return Ok(());
    };
    let today = local_now.date();
    let day = rida_domain::period::day_key(today);
    let regions = site_regions(state, org).await?;
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
        for t in now_rows
            .iter()
            .filter(|t| t.n >= min && watches(rule, &regions, t.site_id))
        {
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
                    day: Some(day),
                },
            });
        }
    }
    Ok(())
}
