//! A place whose share of low answers today is above its usual share beyond chance: the
//! lower end of today's 95 % interval above the share of its previous four weeks, and at
//! least the rule's threshold in points above it, with the rule's number of answers
//! today. One alert per site and day, evaluated once an hour (the first instance to claim
//! the hour), as it reads five weeks of rollups.

use std::collections::HashMap;

use jiff::Timestamp;
use rida_domain::{period::day_key, stats::wilson_95};
use rida_store::{CubeQuery, Dim, Filter, NewAlert};
use uuid::Uuid;

use super::alerts::{BASELINE_DAYS, BASELINE_MIN, Raised, claim_hour, site_regions, watches};
use crate::state::AppState;

/// Low answers and answers per site over days `from` to `to` (keys), every scale.
async fn lows_per_site(
    state: &AppState,
    org: Uuid,
    services: Option<Vec<Uuid>>,
    (from, to): (i32, i32),
) -> anyhow::Result<HashMap<Uuid, (u64, u64)>> {
    let rows = state
        .store
        .cube(
            org,
            &CubeQuery {
                from_day: from,
                to_day: to,
                filter: Filter {
                    services,
                    ..Filter::default()
                },
                group: vec![Dim::Site],
            },
        )
        .await?;
    let mut out: HashMap<Uuid, (u64, u64)> = HashMap::new();
    for r in rows {
        let Some(site) = r.key.site else { continue };
        let e = out.entry(site).or_default();
        e.0 += (0..=10)
            .filter(|s| r.counts.scale.is_low(*s))
            .map(|s| r.counts.count(s))
            .sum::<u64>();
        e.1 += r.counts.n();
    }
    Ok(out)
}

pub(super) async fn run<'a>(
    state: &AppState,
    org: Uuid,
    rules: &[&'a rida_store::AlertRule],
    now: Timestamp,
    out: &mut Vec<Raised<'a>>,
) -> anyhow::Result<()> {
    let store = &state.store;
    let Some(local_now) = claim_hour(state, org, "low-shares", now).await? else {
        return Ok(());
    };
    let today = local_now.date();
    let day = day_key(today);
    let first = day_key(today.checked_sub(jiff::Span::new().days(BASELINE_DAYS))?);
    let yesterday = day_key(today.yesterday()?);
    let regions = site_regions(state, org).await?;
    for rule in rules {
        let Some(threshold) = rule.threshold else {
            continue;
        };
        let services = rule.service_id.map(|s| vec![s]);
        let now_rows = lows_per_site(state, org, services.clone(), (day, day)).await?;
        let before = lows_per_site(state, org, services, (first, yesterday)).await?;
        for (site, (lows, n)) in now_rows {
            if n < rule.min_answers.max(1) as u64 || !watches(rule, &regions, site) {
                continue;
            }
            let Some(&(usual_lows, usual_n)) = before.get(&site) else {
                continue;
            };
            if (usual_n as i64) < BASELINE_MIN {
                continue;
            }
            let usual = usual_lows as f64 / usual_n as f64;
            let share = lows as f64 / n as f64;
            let beyond_chance = wilson_95(lows, n).is_some_and(|(low, _)| low > usual);
            let key = format!("share:{site}:{day}");
            if !beyond_chance
                || 100.0 * (share - usual) < threshold
                || store.alert_raised(rule.id, &key).await?
            {
                continue;
            }
            out.push(Raised {
                rule,
                alert: NewAlert {
                    id: rida_domain::new_id(),
                    rule_id: rule.id,
                    key,
                    site_id: Some(site),
                    service_id: rule.service_id,
                    employee_id: None,
                    visit_id: None,
                    value: 100.0 * share,
                    n: n as i32,
                    raised_at: now.as_millisecond(),
                    day: Some(day),
                },
            });
        }
    }
    Ok(())
}
