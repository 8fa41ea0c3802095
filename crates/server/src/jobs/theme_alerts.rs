//! Rules on a theme ("rudeness at a site"): at least `min_answers` negative comments
//! about the rule's theme within `window_minutes` at one place raise an alert, which
//! gathers those comments and the later ones of that place and day. Evaluated every
//! round; each comment is gathered once (see `rida_store::Store::gather_alert`).

use std::collections::HashMap;

use jiff::Timestamp;
use rida_store::{AlertRule, Gathered, NewAlert, ThemeComment};
use uuid::Uuid;

use super::alerts::{Raised, Routing, gather, scope_at, site_regions, watches};
use crate::state::AppState;

/// Comments read per rule and round at most.
const READ: i64 = 5_000;

/// The place a comment falls in under a rule (as for low answers).
fn scope_of(rule: &AlertRule, c: &ThemeComment) -> (String, Option<Uuid>, Option<Uuid>) {
    scope_at(rule, c.site_id, c.service_id, c.employee_id)
}

pub(super) async fn run(
    state: &AppState,
    org: Uuid,
    rules: &[&AlertRule],
    now: Timestamp,
    routing: &mut Routing,
) -> anyhow::Result<usize> {
    let regions = site_regions(state, org).await?;
    let tz = jiff::tz::TimeZone::get(&state.store.organisation(org).await?.time_zone)
        .unwrap_or(jiff::tz::TimeZone::UTC);
    let mut raised = 0;
    for rule in rules {
        let Some(theme) = rule.metric.as_deref() else {
            continue;
        };
        let window_ms = i64::from(rule.window_minutes.max(1)) * 60_000;
        let since = (now.as_millisecond() - window_ms).max(rule.created_at);
        let from_day = Timestamp::from_millisecond(since)
            .map(|t| rida_domain::period::day_key(t.to_zoned(tz.clone()).date()) - 1)
            .unwrap_or(0);
        let comments = state
            .store
            .negative_comments(org, theme, (from_day, since), READ)
            .await?;
        let mut groups: HashMap<String, Vec<&ThemeComment>> = HashMap::new();
        for c in comments.iter().filter(|c| {
            watches(rule, &regions, c.site_id)
                && rule.service_id.is_none_or(|s| Some(s) == c.service_id)
        }) {
            groups.entry(scope_of(rule, c).0).or_default().push(c);
        }
        for (scope, list) in groups {
            let last = list[list.len() - 1];
            let (_, service, employee) = scope_of(rule, last);
            let ids: Vec<(Uuid, i16)> = list.iter().map(|c| (c.id, c.csat.unwrap_or(0))).collect();
            let alert = NewAlert {
                id: rida_domain::new_id(),
                rule_id: rule.id,
                key: format!("theme:{scope}:{}", last.local_day),
                site_id: Some(last.site_id),
                service_id: service,
                employee_id: employee,
                visit_id: None,
                value: list.len() as f64,
                n: list.len() as i32,
                raised_at: now.as_millisecond(),
                day: Some(last.local_day),
            };
            // Into the place's open alert of the day, when there is one.
            if gather(state, org, &alert, &ids, last.received_at, false, &[]).await?
                != Gathered::NoneOpen
            {
                continue;
            }
            if (list.len() as i64) < i64::from(rule.min_answers.max(1)) {
                continue;
            }
            let r = Raised { rule, alert };
            let to = routing.recipients(state, org, &r).await?;
            if matches!(
                gather(state, org, &r.alert, &ids, last.received_at, true, &to).await?,
                Gathered::Raised(_)
            ) {
                raised += 1;
            }
        }
    }
    Ok(raised)
}
