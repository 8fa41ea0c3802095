//! What the demo adds around its answers: the visits behind them, alert rules and a few
//! alerts followed up, a year of figures from outside Rida, and the rule for surveys
//! after visits.

use jiff::{Timestamp, ToSpan, tz::TimeZone};
use rand::{SeedableRng, rngs::StdRng};
use rida_store::{By, Store};
use uuid::Uuid;

use rand::Rng;
use rida_store::NewVisit;

use super::{SERVICES, World, history::normal};

/// The default rule for surveys after visits: an SMS a minute after the visit, at most
/// one a month per customer, with the counter survey (no quiet hours, so that the
/// README's walk-through works at any hour; a real organisation sets them).
pub async fn survey_rule(
    store: &Store,
    org: Uuid,
    survey: Uuid,
    site: Uuid,
    by: &By,
) -> anyhow::Result<()> {
    use rida_domain::dispatch::{Rule, SurveyChannel};
    let rule = Rule {
        id: rida_domain::new_id(),
        site_id: None,
        service_id: None,
        channel: SurveyChannel::Sms,
        delay_minutes: 1,
        quiet: None,
        cap_days: 30,
        sample_percent: 100,
        survey_id: Some(survey),
        lang: None,
        expiry_hours: 24,
        with_link: false,
    };
    store.save_survey_rule(org, &rule, by).await?;
    // A QR poster at the first site's counter, for the anonymous web survey.
    let poster = rida_store::WebSurveyInput {
        name: "Counter poster".into(),
        site_id: site,
        service_id: None,
        employee_id: None,
        survey_id: Some(survey),
        active: true,
    };
    let code = rida_server::web::new_public_code();
    store
        .save_web_survey(org, rida_domain::new_id(), &code, &poster, by)
        .await?;
    Ok(())
}

/// Alert rules, so that the alerts page shows what they do from the first minutes;
/// returns the low-score rule.
pub async fn alert_rules(store: &Store, org: Uuid, by: &By) -> anyhow::Result<Option<Uuid>> {
    let mut low_rule = None;
    for ((name, kind, metric, threshold, min_answers), (ar, lv)) in [
        ("Very low score", "low_score", None, None, 10),
        (
            "Satisfaction under 75 % this week",
            "metric_below",
            Some("csat"),
            Some(75.0),
            30,
        ),
        (
            "A terminal collects lowest scores",
            "terminal_jump",
            None,
            Some(20.0),
            10,
        ),
    ]
    .into_iter()
    .zip([
        ("درجة منخفضة جدًا", "Ļoti zems vērtējums"),
        (
            "الرضا أقل من 75 % هذا الأسبوع",
            "Apmierinātība zem 75 % šonedēļ",
        ),
        (
            "جهاز يجمع أدنى الدرجات",
            "Terminālis vāc zemākos vērtējumus",
        ),
    ]) {
        let rule = rida_store::AlertRuleInput {
            name: name.into(),
            names: super::ar_lv(ar, lv),
            kind: kind.into(),
            site_id: None,
            service_id: None,
            metric: metric.map(str::to_string),
            threshold,
            min_answers,
            notify_roles: vec!["manager".into()],
            scope: "site".into(),
            region_id: None,
            window_minutes: 60,
            notify_user: None,
            deadline_hours: None,
        };
        let id = store
            .create_alert_rule(org, rida_domain::new_id(), &rule, by)
            .await?;
        if kind == "low_score" {
            low_rule = Some(id);
        }
    }
    Ok(low_rule)
}

/// The latest very low smileys gathered into alerts of the low-score rule (the rule
/// itself only looks at answers that arrive after it exists): one closed by the Rīga
/// manager with a note and a resolution, one assigned to them, the rest open.
pub async fn seed_alerts(store: &Store, org: Uuid, rule: Uuid, by: &By) -> anyhow::Result<()> {
    // The demo stores its answers in shuffled order: the newest are found by time.
    let mut low = Vec::new();
    let mut after = 0;
    loop {
        let page = store.scored_after(org, after, 5_000).await?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        low.extend(
            page.into_iter()
                .filter(|a| a.scale == "csat5" && a.score == 1),
        );
        low.sort_by_key(|a| std::cmp::Reverse(a.received_at));
        low.truncate(12);
    }
    let manager = store
        .list_users(org, &rida_store::ListQuery::all())
        .await?
        .items
        .into_iter()
        .find(|u| u.username == "manager")
        .map(|u| u.id);
    // Gathered as the alert job gathers them: one alert per site and day.
    let mut alerts = Vec::new();
    for a in &low {
        let alert = rida_store::NewAlert {
            id: rida_domain::new_id(),
            rule_id: rule,
            key: format!("low:site:{}:{}", a.site_id, a.local_day),
            site_id: Some(a.site_id),
            service_id: None,
            employee_id: None,
            visit_id: None,
            value: f64::from(a.score),
            n: 1,
            raised_at: a.received_at + 60_000,
            day: Some(a.local_day),
        };
        let gathered = store
            .gather_alert(org, &alert, &[(a.id, a.score)], a.received_at, true, &[])
            .await?;
        if let rida_store::Gathered::Raised(id) = gathered {
            alerts.push(id);
        }
    }
    let Some(manager) = manager else {
        return Ok(());
    };
    // The oldest two followed up: one assigned, one closed with a note.
    for (i, id) in alerts.iter().rev().take(2).enumerate() {
        let note = (i == 0).then_some((
            rida_domain::new_id(),
            "Called the customer back: the queue screen had been off all morning.",
        ));
        let close = (i == 0).then_some(Some(
            "Queue screen repaired; the customer was offered an appointment.",
        ));
        store
            .follow_up_alert(org, *id, manager, Some(Some(manager)), note, close, by)
            .await?;
    }
    Ok(())
}

/// A year of figures from outside Rida, as a website's analytics and a review site would
/// export them: daily sessions (fewer at weekends) and a monthly average rating.
pub async fn insert_external(store: &Store, org: Uuid, by: &By) -> anyhow::Result<()> {
    use rida_domain::external::ExternalFigure;
    let mut rng = StdRng::seed_from_u64(7);
    let today = Timestamp::now().to_zoned(TimeZone::UTC).date();
    let mut rows = Vec::new();
    for back in 0..365 {
        let day = today.checked_sub(back.days())?;
        let weekend = day.weekday().to_monday_zero_offset() >= 5;
        let base = if weekend { 1800.0 } else { 4200.0 };
        rows.push(ExternalFigure {
            day: rida_domain::period::day_key(day),
            source: "Website".into(),
            metric: "Sessions".into(),
            value: (base * (1.0 + 0.12 * normal(&mut rng))).round(),
        });
        if day.day() == 1 {
            rows.push(ExternalFigure {
                day: rida_domain::period::day_key(day),
                source: "Google reviews".into(),
                metric: "Average rating".into(),
                value: ((4.3 + 0.15 * normal(&mut rng)) * 100.0).round() / 100.0,
            });
        }
    }
    store.import_external(org, &rows, by).await?;
    Ok(())
}

/// A visit at (site, service, employee) ending at `ends` (ms): its time with the customer
/// around the service's target (longer for the weak employee), the wait before it around
/// a few minutes (longer at the busiest branch), and a returning customer.
pub(super) fn demo_visit(
    rng: &mut StdRng,
    w: &World,
    id: Uuid,
    (site_ix, service_ix, emp_ix): (usize, usize, usize),
    ends: i64,
    customers: usize,
) -> NewVisit {
    let (_, _, target_wait, target_handle) = SERVICES[service_ix];
    let slow = if emp_ix == 5 { 1.35 } else { 1.0 };
    let handle_s =
        (f64::from(target_handle) * 60.0 * slow * (0.85 + 0.3 * normal(rng)).max(0.2)) as i64;
    let busy = if site_ix == 0 { 1.6 } else { 1.0 };
    let wait_s =
        (f64::from(target_wait) * 60.0 * busy * (0.7 + 0.45 * normal(rng)).max(0.05)) as i64;
    let started = ends - handle_s * 1000;
    NewVisit {
        id,
        site_id: Some(w.sites[site_ix].0),
        service_id: Some(w.services[service_ix].0),
        employee_id: Some(w.employees[emp_ix].0),
        customer_key: Some(format!("demo-customer-{}", rng.random_range(0..customers))),
        // Four in five customers take a ticket; the others walk straight in.
        arrived_at: (rng.random::<f64>() < 0.8).then_some(started - wait_s * 1000),
        started_at: started,
        ended_at: Some(ends),
    }
}
