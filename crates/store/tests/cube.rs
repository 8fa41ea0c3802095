//! Figures read from the rollups equal the same figures counted from the raw answers, for
//! periods that cut months, every grouping and every filter; on SQLite and PostgreSQL.

mod common;

use std::collections::BTreeMap;

use common::{by, rating, world};
use rida_domain::{Channel, Scale, metrics::ScoreCounts};
use rida_store::{
    Backend, CubeQuery, Dim, EmployeeInput, Filter, GroupKey, Store, both_backends,
    testing::fresh_store,
};
use uuid::Uuid;

both_backends! {
    every_figure_equals_a_count_of_the_raw_answers;
}

/// The same figures counted from the raw answers, one by one.
async fn counted(
    store: &Store,
    org: Uuid,
    scales: &BTreeMap<Uuid, Scale>,
    q: &CubeQuery,
) -> Vec<(GroupKey, Scale, Vec<u64>, u64)> {
    let mut out: BTreeMap<(GroupKey, &str), (Scale, ScoreCounts, u64)> = BTreeMap::new();
    let f = &q.filter;
    let within = |list: &Option<Vec<Uuid>>, v: Uuid| list.as_ref().is_none_or(|l| l.contains(&v));
    for r in rida_store::testing::all_ratings(store, org).await {
        let Some(score) = r.score else { continue };
        let scale = scales[&r.question_id];
        let service = r.service_id.unwrap_or(Uuid::nil());
        let employee = r.employee_id.unwrap_or(Uuid::nil());
        let lang = r.lang.clone().unwrap_or_default();
        if r.local_day < q.from_day
            || r.local_day > q.to_day
            || f.scale.is_some_and(|s| s != scale)
            || !within(&f.sites, r.site_id)
            || !within(&f.services, service)
            || !within(&f.employees, employee)
            || !within(&f.questions, r.question_id)
            || f.channels.as_ref().is_some_and(|c| !c.contains(&r.channel))
            || f.langs.as_ref().is_some_and(|l| !l.contains(&lang))
        {
            continue;
        }
        let has = |d| q.group.contains(&d);
        let key = GroupKey {
            site: has(Dim::Site).then_some(r.site_id),
            service: has(Dim::Service).then_some(service),
            employee: has(Dim::Employee).then_some(employee),
            question: has(Dim::Question).then_some(r.question_id),
            channel: has(Dim::Channel).then(|| r.channel.clone()),
            lang: has(Dim::Lang).then(|| lang.clone()),
            period: if has(Dim::Day) {
                Some(r.local_day)
            } else if has(Dim::Month) {
                Some(r.local_day / 100)
            } else {
                None
            },
            handler: None,
            theme: None,
        };
        let e = out
            .entry((key, scale.as_str()))
            .or_insert_with(|| (scale, ScoreCounts::new(scale), 0));
        if r.flags == 0 {
            e.1.add(score, 1);
        } else {
            e.2 += 1;
        }
    }
    out.into_iter()
        .map(|((k, _), (s, c, b))| (k, s, all_counts(&c), b))
        .collect()
}

fn all_counts(c: &ScoreCounts) -> Vec<u64> {
    (0..=10).map(|s| c.count(s)).collect()
}

async fn every_figure_equals_a_count_of_the_raw_answers(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    // A second site, service, employee and an NPS question.
    let site2 = store
        .create_site(
            w.org,
            rida_domain::new_id(),
            &rida_store::SiteInput {
                names: Default::default(),
                region_id: w.region,
                name: "Ventspils".into(),
                address: None,
                time_zone: None,
                opening_hours: None,
                service_ids: vec![w.service],
            },
            &by(),
        )
        .await
        .unwrap();
    let service2 = store
        .create_service(
            w.org,
            rida_domain::new_id(),
            &rida_store::ServiceInput::named("Cards"),
            &by(),
        )
        .await
        .unwrap();
    let employee2 = store
        .create_employee(
            w.org,
            rida_domain::new_id(),
            &EmployeeInput {
                name: "Jānis Kalniņš".into(),
                desk: None,
                external_id: None,
                site_ids: vec![site2],
            },
            &by(),
        )
        .await
        .unwrap();
    let nps = store
        .create_question(
            w.org,
            "nps",
            Scale::Nps11,
            "site",
            ["Recommend?", "توصي؟", "Ieteiktu?"],
            &by(),
        )
        .await
        .unwrap();
    let scales = BTreeMap::from([(w.question, Scale::Csat5), (nps, Scale::Nps11)]);

    let mut seed = 11u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let days = [
        20261001, 20261015, 20261031, 20261101, 20261102, 20261117, 20261130, 20261201, 20261224,
        20261231, 20270101, 20261005, 20261120, 20261121,
    ];
    let mut rows = Vec::new();
    for _ in 0..1500 {
        let mut r = rating(&w, 1);
        r.local_day = days[next(days.len() as u64) as usize];
        r.site_id = [w.site, site2][next(2) as usize];
        r.service_id = [None, Some(w.service), Some(service2)][next(3) as usize];
        r.employee_id = [None, Some(w.employee), Some(employee2)][next(3) as usize];
        r.channel = [Channel::Kiosk, Channel::Sms, Channel::Web][next(3) as usize];
        if next(2) == 0 {
            r.question_id = nps;
            r.answer = rida_domain::Answer::Score(next(11) as i16);
        } else {
            r.answer = rida_domain::Answer::Score(1 + next(5) as i16);
        }
        r.flags = i16::from(next(10) == 0);
        r.lang = [None, Some("ar"), Some("lv")][next(3) as usize].map(Into::into);
        rows.push(r);
    }
    // In several transactions: the network's week of services is spread over shards.
    for batch in rows.chunks(100) {
        store.insert_ratings(w.org, batch).await.unwrap();
    }

    let periods = [
        (20261101, 20261130), // a month
        (20261001, 20261231), // a quarter
        (20261015, 20261224), // days, a month, days
        (20261102, 20261102), // a day
        (20261117, 20270101), // across a year's end
        (20270102, 20270131), // nothing in it
        (20261102, 20261129), // a month less a day at either end
        (20261002, 20261230), // a month less a day, a month, a month less a day
        (20261015, 20261130), // a month less its first half, a month
        // With people: a month less a block given back two days; blocks less two days.
        (20261006, 20261031),
        (20261101, 20261119),
        (20261003, 20261119),
        // Whole weeks: one, one across a month's end, two, one across a year's end.
        (20261116, 20261122),
        (20261130, 20261206),
        (20261123, 20261206),
        (20261228, 20270103),
    ];
    let groupings: [&[Dim]; 11] = [
        &[],
        &[Dim::Site],
        &[Dim::Service],
        &[Dim::Employee, Dim::Service],
        &[Dim::Month],
        &[Dim::Day, Dim::Site],
        &[Dim::Month, Dim::Employee, Dim::Channel],
        &[Dim::Question, Dim::Channel],
        &[Dim::Lang],
        &[Dim::Site, Dim::Lang, Dim::Month],
        &[Dim::Lang, Dim::Day],
    ];
    let filters = [
        Filter::default(),
        Filter {
            scale: Some(Scale::Csat5),
            sites: Some(vec![site2]),
            ..Default::default()
        },
        Filter {
            services: Some(vec![w.service]),
            channels: Some(vec!["sms".into(), "web".into()]),
            ..Default::default()
        },
        Filter {
            employees: Some(vec![Uuid::nil(), employee2]),
            questions: Some(vec![nps]),
            ..Default::default()
        },
        Filter {
            sites: Some(vec![]),
            ..Default::default()
        },
        Filter {
            scale: Some(Scale::Nps11),
            services: Some(vec![Uuid::nil(), service2]),
            ..Default::default()
        },
        Filter {
            langs: Some(vec!["ar".into(), String::new()]),
            channels: Some(vec!["kiosk".into()]),
            ..Default::default()
        },
    ];
    let mut compared = 0;
    let mut refused = 0;
    for (from_day, to_day) in periods {
        for group in groupings {
            for filter in &filters {
                let q = CubeQuery {
                    from_day,
                    to_day,
                    filter: filter.clone(),
                    group: group.to_vec(),
                };
                if !q.answerable() {
                    // The language is not kept per service or employee: refused, not
                    // answered wrongly.
                    assert!(store.cube(w.org, &q).await.is_err(), "{q:?}");
                    refused += 1;
                    continue;
                }
                let got: Vec<_> = store
                    .cube(w.org, &q)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|r| (r.key, r.counts.scale, all_counts(&r.counts), r.bursts))
                    .collect();
                let mut want = counted(&store, w.org, &scales, &q).await;
                let mut got_sorted = got.clone();
                got_sorted.sort_by(|a, b| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str())));
                want.sort_by(|a, b| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str())));
                assert_eq!(got_sorted, want, "{q:?}");
                compared += want.len();
            }
        }
    }
    assert!(compared > 500, "the queries found figures to compare");
    assert!(refused > 0, "language with service or employee was tried");
}
