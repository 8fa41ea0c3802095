//! Visit figures (response rate, waiting time, time with customer, retention) read from
//! the visit rollup equal the same figures recomputed from the raw visits, after visits
//! arrive in any order, end later, are answered late and are resent; on SQLite and
//! PostgreSQL.

mod common;

use std::collections::BTreeMap;

use common::{by, rating, world};
use rida_domain::metrics::operations::{Retention, VisitTotals, retention_of};
use rida_store::{
    Backend, CubeQuery, Dim, Filter, GroupKey, NewVisit, ServiceInput, Store, both_backends,
    testing::{RawVisit, all_visits, fresh_store},
};
use uuid::Uuid;

both_backends! {
    visit_figures_equal_a_recomputation_from_the_raw_visits;
    retention_follows_each_customer_to_their_next_visit;
    a_customer_is_exported_opted_out_and_erased;
    the_record_of_replies_goes_with_the_contacts;
}

const DAY: i64 = 86_400_000;
/// 2026-10-01 00:00 UTC (Riga is 3 hours ahead in October).
const OCT_1: i64 = 1_790_812_800_000;

async fn recomputed(store: &Store, org: Uuid, q: &CubeQuery) -> BTreeMap<GroupKey, VisitTotals> {
    let within = |list: &Option<Vec<Uuid>>, v: Option<Uuid>| {
        list.as_ref()
            .is_none_or(|l| l.contains(&v.unwrap_or_default()))
    };
    let mut out: BTreeMap<GroupKey, VisitTotals> = BTreeMap::new();
    for v in all_visits(store, org).await {
        let f = &q.filter;
        if v.local_day < q.from_day
            || v.local_day > q.to_day
            || !within(&f.sites, v.site_id)
            || !within(&f.services, v.service_id)
            || !within(&f.employees, v.employee_id)
        {
            continue;
        }
        let has = |d| q.group.contains(&d);
        let key = GroupKey {
            site: has(Dim::Site).then_some(v.site_id.unwrap_or_default()),
            service: has(Dim::Service).then_some(v.service_id.unwrap_or_default()),
            employee: has(Dim::Employee).then_some(v.employee_id.unwrap_or_default()),
            period: if has(Dim::Day) {
                Some(v.local_day)
            } else if has(Dim::Month) {
                Some(v.local_day / 100)
            } else {
                None
            },
            ..GroupKey::default()
        };
        out.entry(key).or_default().add(&v.totals());
    }
    out
}

async fn visit_figures_equal_a_recomputation_from_the_raw_visits(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    // A service with targets (4 min waiting, 10 min with the customer), one without.
    let timed = store
        .create_service(
            w.org,
            rida_domain::new_id(),
            &ServiceInput {
                names: Default::default(),
                target_wait_s: Some(240),
                target_handle_s: Some(600),
                ..ServiceInput::named("Cards")
            },
            &by(),
        )
        .await
        .unwrap();
    let mut seed = 7u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let mut visits = Vec::new();
    for i in 0..600 {
        let start = OCT_1 + next(92) as i64 * DAY + next(DAY as u64) as i64;
        let handle = next(1500) as i64 * 1000;
        visits.push(NewVisit {
            id: rida_domain::new_id(),
            site_id: [Some(w.site), None][(next(5) == 0) as usize],
            service_id: [None, Some(w.service), Some(timed)][next(3) as usize],
            employee_id: [None, Some(w.employee)][next(2) as usize],
            customer_key: (next(3) > 0).then(|| format!("c{}", next(60))),
            arrived_at: (next(4) > 0).then(|| start - next(900) as i64 * 1000),
            started_at: start,
            // Some still open; the odd one never ended properly (two days).
            ended_at: match i % 10 {
                0 => None,
                1 => Some(start + 2 * DAY),
                _ => Some(start + handle),
            },
        });
    }
    // Half at once, a quarter one by one, the rest at once with resends among them.
    let (batch, rest) = visits.split_at(300);
    assert_eq!(store.insert_visits(w.org, batch).await.unwrap(), 300);
    for v in &rest[..150] {
        store.record_visit(w.org, v).await.unwrap();
    }
    let mut last: Vec<NewVisit> = rest[150..].to_vec();
    last.extend_from_slice(&batch[..20]);
    assert_eq!(store.insert_visits(w.org, &last).await.unwrap(), 150);
    // Open visits end later; a resend of a whole visit changes nothing.
    for v in visits.iter().filter(|v| v.ended_at.is_none()).take(30) {
        let ended = NewVisit {
            ended_at: Some(v.started_at + 300_000),
            ..v.clone()
        };
        store.record_visit(w.org, &ended).await.unwrap();
        store.record_visit(w.org, &ended).await.unwrap();
    }
    // Answers about a third of the visits, some days later (late SMS replies), each
    // visit counted once however many answers it gets.
    let mut answers = Vec::new();
    let rated: Vec<&NewVisit> = visits.iter().filter(|_| next(3) == 0).collect();
    for v in rated {
        for _ in 0..=next(2) {
            let mut r = rating(&w, 1 + next(5) as i16);
            r.visit_id = Some(v.id);
            r.received_at = v.started_at + next(4) as i64 * DAY;
            answers.push(r);
        }
    }
    store.insert_ratings(w.org, &answers).await.unwrap();
    // An answer that came before its visit was reported.
    let early = rida_domain::new_id();
    let mut r = rating(&w, 5);
    r.visit_id = Some(early);
    store.insert_ratings(w.org, &[r]).await.unwrap();
    store
        .record_visit(
            w.org,
            &NewVisit {
                id: early,
                site_id: Some(w.site),
                started_at: OCT_1 + 3 * DAY,
                ..NewVisit::default()
            },
        )
        .await
        .unwrap();

    let raw = all_visits(&store, w.org).await;
    assert_eq!(raw.len(), 601);
    assert!(
        raw.iter()
            .find(|v| v.id == early)
            .unwrap()
            .answered_at
            .is_some()
    );
    // The service's targets travel with each of its visits.
    assert!(
        raw.iter()
            .filter(|v| v.service_id == Some(timed))
            .all(|v| v.target_wait_s == Some(240) && v.target_handle_s == Some(600))
    );

    let periods = [
        (20261001, 20261031),
        (20261001, 20261231),
        (20261015, 20261124), // each month less the days outside the period
        (20261003, 20261228), // a month less two days, a month, a month less three days
        (20261102, 20261102),
        (20270101, 20270131),
    ];
    let groupings: [&[Dim]; 5] = [
        &[],
        &[Dim::Site],
        &[Dim::Service, Dim::Employee],
        &[Dim::Month],
        &[Dim::Day],
    ];
    let filters = [
        Filter::default(),
        Filter {
            services: Some(vec![timed]),
            ..Default::default()
        },
        Filter {
            sites: Some(vec![w.site]),
            employees: Some(vec![Uuid::nil()]),
            ..Default::default()
        },
    ];
    // Compared as kept up to date, then rebuilt from the visits.
    for round in 0..2 {
        if round == 1 {
            assert_eq!(store.rebuild_visit_rollups(Some(w.org)).await.unwrap(), 601);
        }
        let mut compared = 0;
        for (from_day, to_day) in periods {
            for group in groupings {
                for filter in &filters {
                    let q = CubeQuery {
                        from_day,
                        to_day,
                        filter: filter.clone(),
                        group: group.to_vec(),
                    };
                    let got: BTreeMap<GroupKey, VisitTotals> = store
                        .visit_cube(w.org, &q)
                        .await
                        .unwrap()
                        .into_iter()
                        .map(|r| (r.key, r.totals))
                        .collect();
                    let want = recomputed(&store, w.org, &q).await;
                    assert_eq!(got, want, "{q:?}");
                    compared += want.len();
                }
            }
        }
        assert!(compared > 100, "the queries found figures to compare");
    }

    // The figures themselves: the response rate counts visits, not answers.
    let all = store
        .visit_cube(
            w.org,
            &CubeQuery {
                from_day: 20261001,
                to_day: 20261231,
                filter: Filter::default(),
                group: vec![],
            },
        )
        .await
        .unwrap();
    let t = all[0].totals;
    let in_period: Vec<&RawVisit> = raw.iter().filter(|v| v.local_day <= 20261231).collect();
    let answered = in_period.iter().filter(|v| v.answered_at.is_some()).count() as f64;
    let rate = t.response_rate().unwrap();
    assert!((rate.value - 100.0 * answered / in_period.len() as f64).abs() < 1e-9);
    assert_eq!(rate.n as usize, in_period.len());
    assert!(answered > 100.0 && answered < 300.0, "{answered}");
}

async fn retention_follows_each_customer_to_their_next_visit(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let visit = |key: &str, day: i64| NewVisit {
        id: rida_domain::new_id(),
        site_id: Some(w.site),
        customer_key: Some(key.into()),
        started_at: OCT_1 + day * DAY + 10 * 3_600_000,
        ..NewVisit::default()
    };
    // October's customers: a came back after 20 days (and again), b after 120, c never;
    // d visited twice in October (counted once, at the last), then after 30 days.
    // Stored out of order: a later visit first.
    let visits = [
        visit("a", 40),
        visit("a", 5),
        visit("a", 25),
        visit("b", 10),
        visit("b", 130),
        visit("c", 12),
        visit("d", 2),
        visit("d", 20),
        visit("d", 50),
    ];
    for v in &visits {
        store.record_visit(w.org, v).await.unwrap();
    }
    let raw = all_visits(&store, w.org).await;
    let at = |key: &str, day: i64| {
        raw.iter()
            .find(|v| {
                v.customer_key.as_deref() == Some(key)
                    && v.started_at == OCT_1 + day * DAY + 10 * 3_600_000
            })
            .unwrap()
            .clone()
    };
    assert_eq!(at("a", 5).next_visit_at, Some(at("a", 25).started_at));
    assert_eq!(at("a", 25).next_visit_at, Some(at("a", 40).started_at));
    assert_eq!(at("a", 40).next_visit_at, None);

    let now = OCT_1 + 200 * DAY;
    let october = store
        .retention(w.org, 20261001, 20261031, &Filter::default(), 90, now)
        .await
        .unwrap();
    let r = october[&w.site];
    // a (day 25 → 40), d (day 20 → 50): retained; b (10 → 130): churned; c: churned.
    assert_eq!(
        r,
        Retention {
            retained: 2,
            churned: 2,
            pending: 0
        }
    );
    // The same from the domain rule, customer by customer.
    let mut want = Retention::default();
    for key in ["a", "b", "c", "d"] {
        let last = raw
            .iter()
            .filter(|v| v.customer_key.as_deref() == Some(key) && v.local_day <= 20261031)
            .max_by_key(|v| v.started_at)
            .unwrap();
        want.count(retention_of(last.started_at, last.next_visit_at, 90, now));
    }
    assert_eq!(r, want);
    // Seen soon after October, those who have not come back yet are pending.
    let soon = store
        .retention(
            w.org,
            20261001,
            20261031,
            &Filter::default(),
            90,
            OCT_1 + 45 * DAY,
        )
        .await
        .unwrap();
    assert_eq!(soon[&w.site].pending, 1, "c is still within the window");
    // A shorter window turns a's return after 15 days into churn as well.
    let short = store
        .retention(w.org, 20261001, 20261031, &Filter::default(), 14, now)
        .await
        .unwrap();
    assert_eq!(short[&w.site].retained, 0);
}

async fn a_customer_is_exported_opted_out_and_erased(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let visit = |key: &str, hour: i64| NewVisit {
        id: Uuid::now_v7(),
        site_id: Some(w.site),
        service_id: None,
        employee_id: Some(w.employee),
        customer_key: Some(key.into()),
        arrived_at: None,
        started_at: 1_790_000_000_000 + hour * 3_600_000,
        ended_at: None,
    };
    let (a, b, other) = (visit("p-anna", 1), visit("p-anna", 30), visit("p-other", 2));
    store
        .insert_visits(w.org, &[a.clone(), b.clone(), other.clone()])
        .await
        .unwrap();
    let contact = |v: &NewVisit| rida_store::VisitContact {
        visit_id: v.id,
        phone_enc: Some(vec![1, 2, 3]),
        email_enc: None,
        lang: Some("lv".into()),
        survey: true,
        skip_reason: None,
    };
    store.save_visit_contact(w.org, &contact(&a)).await.unwrap();
    store
        .save_visit_contact(w.org, &contact(&other))
        .await
        .unwrap();
    let mut answer = rating(&w, 4);
    answer.visit_id = Some(b.id);
    store
        .insert_ratings(w.org, &[answer.clone()])
        .await
        .unwrap();
    // The register: out, out again (nothing new), back in, out.
    for (out, changed) in [(true, true), (true, false), (false, true), (true, true)] {
        assert_eq!(
            store
                .set_consent(w.org, "p-anna", out, "admin", None, &by())
                .await
                .unwrap(),
            changed
        );
    }
    assert!(store.opted_out(w.org, "p-anna").await.unwrap());
    assert!(!store.opted_out(w.org, "p-other").await.unwrap());
    // Opting in someone never opted out records nothing.
    assert!(
        !store
            .set_consent(w.org, "p-new", false, "api", None, &by())
            .await
            .unwrap()
    );

    let d = store.customer_data(w.org, "p-anna").await.unwrap();
    assert_eq!(
        d.visits.iter().map(|v| v.id).collect::<Vec<_>>(),
        vec![a.id, b.id]
    );
    assert_eq!(d.contacts.len(), 1);
    assert_eq!(
        d.answers.iter().map(|x| x.id).collect::<Vec<_>>(),
        vec![answer.id]
    );
    assert_eq!(d.consent.len(), 3);

    assert_eq!(
        store.erase_customer(w.org, "p-anna", &by()).await.unwrap(),
        2
    );
    let d = store.customer_data(w.org, "p-anna").await.unwrap();
    assert!(d.visits.is_empty() && d.contacts.is_empty() && d.answers.is_empty());
    assert!(d.opted_out, "the opt-out stays");
    // Nobody else is touched; the visits and the answer stay, anonymous.
    assert!(
        store
            .visit_contact(w.org, other.id)
            .await
            .unwrap()
            .is_some()
    );
    let visits = rida_store::testing::all_visits(&store, w.org).await;
    assert_eq!(visits.len(), 3);
    assert_eq!(
        visits.iter().filter(|v| v.customer_key.is_some()).count(),
        1
    );
    assert_eq!(
        rida_store::testing::all_ratings(&store, w.org).await.len(),
        1
    );
}

async fn the_record_of_replies_goes_with_the_contacts(backend: Backend) {
    use rida_store::{Inbound, Received, ReplyEffect};
    let (store, _g) = fresh_store(backend).await;
    let w = common::world(&store).await;
    let reply = |id: &str, at: i64| Inbound {
        provider: "kannel".into(),
        provider_id: id.into(),
        recipient_key: "r-0123".into(),
        received_at: at,
    };
    let nothing = |org| ReplyEffect::Nothing {
        org,
        message: None,
        outcome: "unmatched",
    };
    let t = 100 * DAY;
    for (id, at, org) in [
        ("a", t, Some(w.org)),
        ("b", t, None),
        ("c", t + 2 * DAY, Some(w.org)),
    ] {
        let got = store
            .receive_reply(&reply(id, at), &nothing(org))
            .await
            .unwrap();
        assert_eq!(got, Received::Done("unmatched"));
    }
    assert_eq!(store.replies_since("r-0123", 0).await.unwrap(), 3);
    store.erase_contacts_before(w.org, t + DAY).await.unwrap();
    // The old ones are gone (the organisation's and the unmatched one), the newer stays.
    assert_eq!(store.replies_since("r-0123", 0).await.unwrap(), 1);
    assert_eq!(
        store.erase_contacts_before(w.org, t + DAY).await.unwrap(),
        0
    );
}
