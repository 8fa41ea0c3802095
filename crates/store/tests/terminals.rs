//! Surveys, terminals and the rollups behind results, run on SQLite and on PostgreSQL.

mod common;

use common::{all, by, rating, world};
use rida_domain::{
    Answer, Channel, Locale, Scale,
    terminal::{BurstRule, State},
};
use rida_store::{
    Backend, Counts, Heartbeat, InsertOutcome, Saved, Store, StoreError, TerminalInput,
    both_backends,
    testing::{fresh_store, terminal_input},
};
use uuid::Uuid;

both_backends! {
    an_answered_survey_changes_by_new_version;
    a_terminal_pairs_once_beats_from_one_tab_and_flags_bursts;
    the_rollup_always_equals_a_count_of_the_raw_answers;
    taps_of_many_terminals_committed_together_count_as_one_by_one;
}

async fn an_answered_survey_changes_by_new_version(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let id = store
        .create_survey(
            w.org,
            rida_domain::new_id(),
            "Counter",
            &Default::default(),
            &rida_store::testing::sample_survey(),
            &by(),
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .create_survey(
                w.org,
                rida_domain::new_id(),
                "Counter",
                &Default::default(),
                &rida_store::testing::sample_survey(),
                &by()
            )
            .await,
        Err(StoreError::Conflict)
    ));
    let first = store.survey(w.org, id).await.unwrap();
    assert_eq!(first.version, 1);
    assert!(first.def.questions.iter().all(|q| !q.id.is_nil()));

    // Nobody answered yet: a new wording changes version 1 itself.
    let mut def = first.def.clone();
    def.questions[0].prompt.en = "How was your visit?".into();
    assert_eq!(
        store
            .save_survey(w.org, id, "Counter", &Default::default(), &def, &by())
            .await
            .unwrap(),
        Saved::InPlace
    );
    let second = store.survey(w.org, id).await.unwrap();
    assert_eq!(second.version, 1);
    assert_ne!(second.def.questions[0].id, first.def.questions[0].id);
    assert_eq!(second.def.questions[1].id, first.def.questions[1].id);

    // Once answered, the next change is version 2 and the answer keeps its wording.
    let asked = second.def.questions[0].id;
    let mut r = rating(&w, 2);
    r.question_id = asked;
    store.insert_ratings(w.org, &[r]).await.unwrap();
    let mut def = second.def.clone();
    def.questions[0].prompt.en = "How satisfied are you?".into();
    assert_eq!(
        store
            .save_survey(w.org, id, "Counter desk", &Default::default(), &def, &by())
            .await
            .unwrap(),
        Saved::NewVersion(2)
    );
    let third = store.survey(w.org, id).await.unwrap();
    assert_eq!((third.version, third.name.as_str()), (2, "Counter desk"));
    assert_eq!(third.def.questions[0].prompt.en, "How satisfied are you?");
    let old = store.survey_version(w.org, id, 1).await.unwrap();
    assert_eq!(old.questions[0].id, asked);
    let rows = store.list_questions(w.org).await.unwrap();
    let answered = rows.iter().find(|q| q.id == asked).unwrap();
    assert_eq!(answered.prompt_en, "How was your visit?");

    // The ingest path knows the survey and the offered choices of each question.
    let reasons = third.def.questions[1].id;
    let refs = store
        .rating_refs(w.org, &[], &[], &[], &[reasons])
        .await
        .unwrap();
    let q = &refs.questions[&reasons];
    assert_eq!((q.scale, q.survey_id), (Scale::MultiChoice, Some(id)));
    assert!(q.check_choice("wait,staff").is_ok());
    assert!(q.check_choice("parking").is_err());

    let list = store.list_surveys(w.org, &all()).await.unwrap();
    assert_eq!(list.total, 1);
    assert_eq!((list.items[0].version, list.items[0].questions), (2, 3));
    // Another organisation sees none of it.
    assert!(matches!(
        store.survey(Uuid::now_v7(), id).await,
        Err(StoreError::NotFound)
    ));
}

async fn a_terminal_pairs_once_beats_from_one_tab_and_flags_bursts(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let survey = store
        .create_survey(
            w.org,
            rida_domain::new_id(),
            "Counter",
            &Default::default(),
            &rida_store::testing::sample_survey(),
            &by(),
        )
        .await
        .unwrap();
    let input = TerminalInput {
        locales: vec![Locale::Lv, Locale::En],
        ..terminal_input("Entrance", w.site, Some(survey))
    };
    let id = store
        .create_terminal(w.org, rida_domain::new_id(), &input, &by())
        .await
        .unwrap();
    // A survey of another organisation cannot be assigned.
    let foreign = TerminalInput {
        survey_id: Some(Uuid::now_v7()),
        ..input.clone()
    };
    assert!(matches!(
        store.update_terminal(w.org, id, &foreign, &by()).await,
        Err(StoreError::NotFound)
    ));
    let t = store.terminal(w.org, id).await.unwrap();
    assert_eq!(
        (t.paired, t.locale_list()),
        (false, vec![Locale::Lv, Locale::En])
    );
    let v0 = t.config_version;

    // Pairing: an unknown or expired code pairs nothing; a good one pairs once.
    assert!(matches!(
        store.pair_terminal("ABCDEFGH", b"token-1").await,
        Err(StoreError::NotFound)
    ));
    store
        .set_pairing_code(w.org, id, "ABCDEFGH", rida_store::now_ms() - 1, &by())
        .await
        .unwrap();
    assert!(store.pair_terminal("ABCDEFGH", b"token-1").await.is_err());
    store
        .set_pairing_code(w.org, id, "ABCDEFGH", rida_store::now_ms() + 60_000, &by())
        .await
        .unwrap();
    assert_eq!(
        store.pair_terminal("ABCDEFGH", b"token-1").await.unwrap(),
        (w.org, id)
    );
    assert!(
        store.pair_terminal("ABCDEFGH", b"token-2").await.is_err(),
        "a code is used once"
    );
    let t = store.terminal_for_token(b"token-1").await.unwrap().unwrap();
    assert!(t.paired && t.config_version > v0);

    // One tab beats; a second tab of the same device is refused while the first lives.
    let beat = |tab: &str| Heartbeat {
        app_version: "1".into(),
        queued: 3,
        battery: Some(0.5),
        tab: tab.into(),
    };
    let v = store.terminal_heartbeat(id, &beat("tab-a")).await.unwrap();
    assert_eq!(v.config_version, t.config_version);
    assert!(matches!(
        store.terminal_heartbeat(id, &beat("tab-b")).await,
        Err(StoreError::Conflict)
    ));
    store.terminal_heartbeat(id, &beat("tab-a")).await.unwrap();
    let t = store.terminal(w.org, id).await.unwrap();
    assert_eq!((t.queued, t.battery), (Some(3), Some(0.5)));
    assert!(t.online(rida_store::now_ms()));

    // Remote actions move the versions every instance waits on.
    store
        .set_terminal_state(w.org, id, State::Maintenance, &by())
        .await
        .unwrap();
    store.reload_terminal(w.org, id, &by()).await.unwrap();
    let versions = store.terminal_versions(&[id]).await.unwrap();
    assert_eq!(versions[&id].config_version, t.config_version + 2);
    assert_eq!(versions[&id].reload_seq, 1);
    assert_eq!(
        store.terminal(w.org, id).await.unwrap().state(),
        State::Maintenance
    );

    // Bursts: 3 customers within 20 s pass; 4 more within seconds make all 7 a burst,
    // the earlier 3 included; a calm customer a minute later is not flagged.
    let rule = BurstRule {
        taps: 6,
        seconds: 20,
    };
    let tap = |at: i64| {
        let mut r = rating(&w, 1);
        r.answered_at = at;
        r.visit_id = Some(Uuid::now_v7());
        r.terminal_id = Some(id);
        r
    };
    let t0 = 1_790_000_000_000;
    let first: Vec<_> = (0..3).map(|i| tap(t0 + i * 1000)).collect();
    store
        .insert_terminal_ratings(w.org, id, &first, rule)
        .await
        .unwrap();
    let flags = |ids: Vec<Uuid>| {
        let store = store.clone();
        async move {
            store
                .ratings_by_id(w.org, &ids)
                .await
                .unwrap()
                .iter()
                .map(|r| r.flags)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(flags(first.iter().map(|r| r.id).collect()).await, [0, 0, 0]);
    let more: Vec<_> = (3..7).map(|i| tap(t0 + i * 1000)).collect();
    let out = store
        .insert_terminal_ratings(w.org, id, &more, rule)
        .await
        .unwrap();
    assert!(out.iter().all(|o| *o == InsertOutcome::Stored));
    let all: Vec<Uuid> = first.iter().chain(&more).map(|r| r.id).collect();
    assert_eq!(flags(all).await, [1; 7]);
    let calm = tap(t0 + 90_000);
    store
        .insert_terminal_ratings(w.org, id, std::slice::from_ref(&calm), rule)
        .await
        .unwrap();
    assert_eq!(flags(vec![calm.id]).await, [0]);
    // A resend of the burst is stored once, and the same answer again counts as stored.
    let out = store
        .insert_terminal_ratings(w.org, id, &more, rule)
        .await
        .unwrap();
    assert!(out.iter().all(|o| *o == InsertOutcome::Stored));
    assert_eq!(store.count_ratings(w.org).await.unwrap(), 8);
    // Results leave the burst out and say how many they left out.
    assert_eq!(store.csat_counts(w.org, 0, None).await.unwrap(), (1, 0, 7));
    assert!(store.terminal(w.org, id).await.unwrap().last_answer_at == Some(t0 + 90_000));

    // Unpairing takes the token away.
    store.unpair_terminal(w.org, id, &by()).await.unwrap();
    assert!(
        store
            .terminal_for_token(b"token-1")
            .await
            .unwrap()
            .is_none()
    );
}

/// The rollup recomputed independently from the raw answers: every grain's cells.
async fn raw_cells(store: &Store, org: Uuid) -> Vec<(rida_store::RollupKey, Counts)> {
    let mut cells: std::collections::BTreeMap<rida_store::RollupKey, Counts> = Default::default();
    let nil = Uuid::nil();
    for r in rida_store::testing::all_ratings(store, org).await {
        let Some(score) = r.score else { continue };
        // The first day of its block of the month: 1-7, 8-14, 15-21, 22-28, 29 on.
        let day = r.local_day % 100;
        let block = r.local_day - day + [1, 8, 15, 22, 29][((day - 1) / 7).min(4) as usize];
        // The Monday of its week.
        let date = jiff::civil::date(
            (r.local_day / 10_000) as i16,
            (r.local_day / 100 % 100) as i8,
            (r.local_day % 100) as i8,
        );
        let monday = date
            .checked_sub(jiff::Span::new().days(date.weekday().to_monday_zero_offset()))
            .unwrap();
        let week = i32::from(monday.year()) * 10_000
            + i32::from(monday.month()) * 100
            + i32::from(monday.day());
        // (grain, period, keeps the site, the service, the employee, the channel, the
        // language, the question)
        for (grain, period, [site, service, employee, channel, lang, question]) in [
            (1, r.local_day, [true, false, false, false, false, false]),
            (
                2,
                r.local_day / 100,
                [true, false, false, false, false, false],
            ),
            (3, r.local_day, [true, true, true, true, false, true]),
            (4, r.local_day / 100, [true, true, true, false, false, true]),
            (5, r.local_day, [true, false, false, true, true, true]),
            (6, r.local_day / 100, [true, false, false, true, true, true]),
            (7, r.local_day, [true, true, true, false, false, false]),
            (8, block, [true, true, true, false, false, false]),
            (9, week, [true, false, false, false, false, false]),
            (10, week, [false, true, false, false, false, false]),
        ] {
            let key = rida_store::RollupKey {
                org_id: org,
                grain,
                period,
                // The world's one question is a CSAT question.
                scale: "csat5".into(),
                site_id: if site { r.site_id } else { nil },
                service_id: r.service_id.filter(|_| service).unwrap_or(nil),
                employee_id: r.employee_id.filter(|_| employee).unwrap_or(nil),
                question_id: if question { r.question_id } else { nil },
                channel: if channel {
                    r.channel.clone()
                } else {
                    String::new()
                },
                lang: r.lang.clone().filter(|_| lang).unwrap_or_default(),
            };
            let c = cells.entry(key).or_default();
            if r.flags == 0 {
                c.scores[score as usize] += 1;
            } else {
                c.bursts += 1;
            }
        }
    }
    cells.into_iter().collect()
}

async fn the_rollup_always_equals_a_count_of_the_raw_answers(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    // A pseudo-random mix: days, services or none, employees or none, channels, scores,
    // text answers (not counted), resends and an id twice in one batch.
    let mut seed = 7u64;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let mut sent = Vec::new();
    for batch in 0..6 {
        let mut rows = Vec::new();
        for _ in 0..200 {
            let mut r = rating(&w, (next(5) + 1) as i16);
            r.local_day = [
                20260830, 20260831, 20260901, 20260915, 20260930, 20261001, 20261102,
            ][next(7) as usize];
            r.service_id = (next(2) == 0).then_some(w.service);
            r.employee_id = (next(3) == 0).then_some(w.employee);
            r.channel = [Channel::Kiosk, Channel::Sms, Channel::Web][next(3) as usize];
            r.lang = [None, Some("ar"), Some("lv"), Some("en")][next(4) as usize].map(Into::into);
            if next(10) == 0 {
                r.answer = Answer::Text("slow".into());
            }
            rows.push(r);
        }
        // A resend of earlier rows, and one id twice in the same batch.
        if batch > 0 {
            rows.extend(sent.iter().take(20).cloned());
            let twice = rows[0].clone();
            rows.push(twice);
        }
        sent.extend(rows.iter().cloned());
        store.insert_ratings(w.org, &rows).await.unwrap();
        assert_eq!(
            store.rollup_cells(w.org).await.unwrap(),
            raw_cells(&store, w.org).await,
            "batch {batch}"
        );
    }
    // Taps on a terminal: calm ones, then a burst that flags earlier taps too.
    let terminal = store
        .create_terminal(
            w.org,
            rida_domain::new_id(),
            &terminal_input("Door", w.site, None),
            &by(),
        )
        .await
        .unwrap();
    let rule = BurstRule {
        taps: 3,
        seconds: 10,
    };
    let tap = |i: i64| {
        let mut r = rating(&w, 1 + (i % 5) as i16);
        r.answered_at = 1_790_000_000_000 + i * 1000;
        r.visit_id = Some(Uuid::now_v7());
        r.terminal_id = Some(terminal);
        r.lang = Some(["ar", "en"][(i % 2) as usize].into());
        r
    };
    let calm: Vec<_> = (0..3).map(tap).collect();
    store
        .insert_terminal_ratings(w.org, terminal, &calm, rule)
        .await
        .unwrap();
    let burst: Vec<_> = (3..8).map(tap).collect();
    store
        .insert_terminal_ratings(w.org, terminal, &burst, rule)
        .await
        .unwrap();
    let cells = store.rollup_cells(w.org).await.unwrap();
    assert_eq!(cells, raw_cells(&store, w.org).await);
    assert!(
        cells
            .iter()
            .filter(|c| c.0.grain == 1)
            .map(|c| c.1.bursts)
            .sum::<i64>()
            == 8,
        "all eight taps are a burst"
    );

    // Rebuilding from the raw answers gives the very same cells.
    store.rebuild_rollups(Some(w.org)).await.unwrap();
    assert_eq!(store.rollup_cells(w.org).await.unwrap(), cells);

    // The views for the customer's own reports tell the same story as the raw answers.
    let raw = rida_store::testing::all_ratings(&store, w.org).await;
    let (answers, scored, bursts) = rida_store::testing::bi_view_totals(&store, w.org).await;
    assert_eq!(answers, raw.len() as i64);
    let counted: i64 = cells
        .iter()
        .filter(|c| c.0.grain == 1)
        .map(|c| c.1.scores.iter().sum::<i64>())
        .sum();
    assert_eq!((scored, bursts), (counted, 8));
    assert_eq!(
        counted,
        raw.iter()
            .filter(|r| r.score.is_some() && r.flags == 0)
            .count() as i64
    );
}

/// The group commit takes taps of many terminals, and API batches, into one transaction:
/// each terminal's bursts are judged over all its waiting requests, exactly as if they had
/// come one after the other, and the rollups equal a count of the raw answers.
async fn taps_of_many_terminals_committed_together_count_as_one_by_one(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let terminal = |name: &'static str| {
        let store = store.clone();
        async move {
            store
                .create_terminal(
                    w.org,
                    rida_domain::new_id(),
                    &terminal_input(name, w.site, None),
                    &by(),
                )
                .await
                .unwrap()
        }
    };
    let (busy, calm) = (terminal("Busy door").await, terminal("Calm desk").await);
    let rule = BurstRule {
        taps: 3,
        seconds: 10,
    };
    let tap = |terminal: Uuid, i: i64| {
        let mut r = rating(&w, 1 + (i % 5) as i16);
        r.answered_at = 1_790_000_000_000 + i * 1000;
        r.visit_id = Some(Uuid::now_v7());
        r.terminal_id = Some(terminal);
        r
    };
    // One customer per request: six on the busy terminal within seconds (a burst, all
    // six), two on the calm one a minute apart, and an API batch.
    let writer = rida_store::RatingWriter::spawn(store.clone());
    let taps: Vec<(Uuid, rida_store::NewRating)> = (0..6)
        .map(|i| (busy, i))
        .chain([(calm, 0), (calm, 60)])
        .map(|(t, i)| (t, tap(t, i)))
        .collect();
    let mut requests = Vec::new();
    for (t, row) in taps.clone() {
        let writer = writer.clone();
        requests.push(tokio::spawn(async move {
            writer
                .write_terminal(rida_store::TerminalBatch {
                    org: w.org,
                    terminal: t,
                    rows: vec![row],
                    rule,
                })
                .await
        }));
    }
    let api: Vec<_> = (0..5).map(|i| rating(&w, 1 + i)).collect();
    let plain = {
        let (writer, api) = (writer.clone(), api.clone());
        tokio::spawn(async move { writer.write(w.org, api).await })
    };
    for r in requests {
        let outcomes = r.await.unwrap().unwrap();
        assert_eq!(outcomes, vec![rida_store::InsertOutcome::Stored]);
    }
    assert!(
        plain
            .await
            .unwrap()
            .unwrap()
            .iter()
            .all(|o| *o == rida_store::InsertOutcome::Stored)
    );
    let raw = rida_store::testing::all_ratings(&store, w.org).await;
    assert_eq!(raw.len(), 6 + 2 + 5);
    let flagged = |t: Uuid| {
        raw.iter()
            .filter(|r| r.terminal_id == Some(t) && r.flags != 0)
            .count()
    };
    assert_eq!((flagged(busy), flagged(calm)), (6, 0));
    assert_eq!(
        store.rollup_cells(w.org).await.unwrap(),
        raw_cells(&store, w.org).await
    );
    // Sent again together (terminals that did not hear back): stored once, as before.
    let cells = store.rollup_cells(w.org).await.unwrap();
    let again = store
        .insert_group(
            &[(w.org, api.as_slice())],
            &[rida_store::TerminalBatch {
                org: w.org,
                terminal: busy,
                rows: taps.iter().take(6).map(|(_, r)| r.clone()).collect(),
                rule,
            }],
        )
        .await
        .unwrap();
    assert!(
        again
            .0
            .iter()
            .chain(&again.1)
            .flatten()
            .all(|o| *o == rida_store::InsertOutcome::Stored)
    );
    assert_eq!(
        rida_store::testing::all_ratings(&store, w.org).await.len(),
        13
    );
    assert_eq!(store.rollup_cells(w.org).await.unwrap(), cells);
}
