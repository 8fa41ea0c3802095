//! The choice rollup (how often each reason was given, and the scores given in the same
//! visit) equals a recomputation from the raw answers, whichever order and batches a
//! visit's answers arrive in, and after a rebuild; on SQLite and PostgreSQL.

mod common;

use std::collections::BTreeMap;

use common::{by, rating, world};
use rida_domain::{Answer, Scale};
use rida_store::{Backend, CubeQuery, Filter, Store, both_backends, testing::all_ratings};
use uuid::Uuid;

both_backends! {
    choices_and_the_scores_beside_them_equal_a_recount;
}

type Recount = BTreeMap<String, (u64, BTreeMap<String, Vec<u64>>)>;

async fn recount(
    store: &Store,
    org: Uuid,
    question: Uuid,
    scales: &BTreeMap<Uuid, Scale>,
    q: &CubeQuery,
) -> Recount {
    let all = all_ratings(store, org).await;
    let within = |list: &Option<Vec<Uuid>>, v: Uuid| list.as_ref().is_none_or(|l| l.contains(&v));
    let mut out: Recount = BTreeMap::new();
    for c in all
        .iter()
        .filter(|r| r.question_id == question && r.flags == 0)
    {
        let Some(choice) = c.choice.as_deref() else {
            continue;
        };
        if c.local_day < q.from_day
            || c.local_day > q.to_day
            || !within(&q.filter.sites, c.site_id)
            || !within(&q.filter.services, c.service_id.unwrap_or_default())
        {
            continue;
        }
        out.entry(String::new()).or_default().0 += 1;
        for key in choice.split(',') {
            out.entry(key.into()).or_default().0 += 1;
            let Some(visit) = c.visit_id else { continue };
            for s in all
                .iter()
                .filter(|s| s.visit_id == Some(visit) && s.flags == 0)
            {
                let Some(score) = s.score else { continue };
                let scale = scales[&s.question_id];
                let counts = out
                    .entry(key.into())
                    .or_default()
                    .1
                    .entry(scale.as_str().into())
                    .or_insert_with(|| vec![0; 11]);
                counts[score as usize] += 1;
            }
        }
    }
    out
}

async fn read(store: &Store, org: Uuid, question: Uuid, q: &CubeQuery) -> Recount {
    let mut out: Recount = BTreeMap::new();
    for r in store.choice_cube(org, question, q).await.unwrap() {
        let e = out.entry(r.choice).or_default();
        e.0 = r.n;
        for c in r.scores {
            e.1.insert(
                c.scale.as_str().into(),
                (0..=10).map(|s| c.count(s)).collect(),
            );
        }
    }
    out
}

async fn choices_and_the_scores_beside_them_equal_a_recount(backend: Backend) {
    let (store, _g) = rida_store::testing::fresh_store(backend).await;
    let w = world(&store).await;
    let question = |code: &'static str, scale| {
        let store = store.clone();
        async move {
            store
                .create_question(w.org, code, scale, "site", ["?", "؟", "?"], &by())
                .await
                .unwrap()
        }
    };
    let reasons = question("reasons", Scale::MultiChoice).await;
    let intent = question("intent", Scale::Intent).await;
    let nps = question("nps", Scale::Nps11).await;
    let scales = BTreeMap::from([
        (w.question, Scale::Csat5),
        (nps, Scale::Nps11),
        (reasons, Scale::MultiChoice),
        (intent, Scale::Intent),
    ]);
    let mut seed = 5u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let days = [20261030, 20261101, 20261115, 20261130, 20261201];
    let keys = ["wait", "staff", "unresolved"];
    let intents = ["loan", "card", "cash"];
    // Each visit: a CSAT score, sometimes NPS, often an intent, reasons when low; some
    // answers of a visit arrive in a later batch (an SMS reply days later).
    let (mut first, mut later) = (Vec::new(), Vec::new());
    for _ in 0..300 {
        let visit = (next(6) > 0).then(rida_domain::new_id);
        let day = days[next(days.len() as u64) as usize];
        let site = w.site;
        let service = [None, Some(w.service)][next(2) as usize];
        let make = |question, answer| {
            let mut r = rating(&w, 1);
            r.question_id = question;
            r.answer = answer;
            r.visit_id = visit;
            r.local_day = day;
            r.site_id = site;
            r.service_id = service;
            r
        };
        let score = 1 + next(5) as i16;
        let mut answers = vec![make(w.question, Answer::Score(score))];
        if next(3) == 0 {
            answers.push(make(nps, Answer::Score(next(11) as i16)));
        }
        if next(4) > 0 {
            answers.push(make(
                intent,
                Answer::Choice(intents[next(3) as usize].into()),
            ));
        }
        if score <= 2 {
            let picked: Vec<&str> = keys.iter().copied().filter(|_| next(2) == 0).collect();
            let picked = if picked.is_empty() {
                vec!["wait"]
            } else {
                picked
            };
            answers.push(make(reasons, Answer::Choice(picked.join(","))));
        }
        for mut a in answers {
            a.flags = i16::from(next(15) == 0);
            if next(3) == 0 {
                later.push(a);
            } else {
                first.push(a);
            }
        }
    }
    for chunk in first.chunks(37) {
        store.insert_ratings(w.org, chunk).await.unwrap();
    }
    for chunk in later.chunks(11) {
        store.insert_ratings(w.org, chunk).await.unwrap();
    }
    // A resend counts nothing twice.
    store.insert_ratings(w.org, &first[..40]).await.unwrap();

    let queries = [
        (20261101, 20261130, Filter::default()),
        (20261030, 20261201, Filter::default()),
        // Each month less the days outside the period.
        (20261002, 20261129, Filter::default()),
        (
            20261030,
            20261115,
            Filter {
                services: Some(vec![w.service]),
                ..Default::default()
            },
        ),
        (
            20261102,
            20261130,
            Filter {
                sites: Some(vec![w.site]),
                services: Some(vec![Uuid::nil()]),
                ..Default::default()
            },
        ),
    ];
    for round in 0..2 {
        if round == 1 {
            assert!(store.rebuild_choice_rollups(Some(w.org)).await.unwrap() > 0);
        }
        let mut compared = 0;
        for question in [reasons, intent] {
            for (from_day, to_day, filter) in &queries {
                let q = CubeQuery {
                    from_day: *from_day,
                    to_day: *to_day,
                    filter: filter.clone(),
                    group: vec![],
                };
                let want = recount(&store, w.org, question, &scales, &q).await;
                assert_eq!(read(&store, w.org, question, &q).await, want, "{q:?}");
                compared += want.len();
            }
        }
        assert!(compared > 20, "the queries found choices to compare");
    }
    // Satisfaction per reason: those who named "wait" gave CSAT scores of 1–2 only.
    let month = CubeQuery {
        from_day: 20261101,
        to_day: 20261130,
        filter: Filter::default(),
        group: vec![],
    };
    let rows = store.choice_cube(w.org, reasons, &month).await.unwrap();
    let wait = rows.iter().find(|r| r.choice == "wait").unwrap();
    let csat = wait
        .scores
        .iter()
        .find(|c| c.scale == Scale::Csat5)
        .unwrap();
    assert!(csat.n() > 0 && csat.between(3, 5) == 0);
}
