//! One storage story, run on SQLite and on PostgreSQL.

use rida_domain::{
    Answer, Channel, Locale, Role, Scale,
    terminal::{BurstRule, Mode, State},
};
use rida_store::{
    Backend, By, ConnectOptions, EmployeeInput, Heartbeat, InsertOutcome, ListQuery, NewRating,
    OrgSettings, Saved, SiteInput, Store, StoreError, TerminalInput, UserInput, both_backends,
    testing::fresh_store,
};
use uuid::Uuid;

both_backends! {
    organisation_structure_round_trips;
    ratings_are_idempotent_and_conflicts_are_detected;
    users_sessions_and_tokens;
    a_failed_write_changes_nothing;
    concurrent_batches_share_commits_and_keep_their_outcomes;
    an_answered_survey_changes_by_new_version;
    a_terminal_pairs_once_beats_from_one_tab_and_flags_bursts;
    the_rollup_always_equals_a_count_of_the_raw_answers;
}

fn by() -> By {
    By::system("test")
}

fn all() -> ListQuery {
    ListQuery {
        limit: 100,
        ..ListQuery::default()
    }
}

struct World {
    org: Uuid,
    region: Uuid,
    site: Uuid,
    service: Uuid,
    employee: Uuid,
    question: Uuid,
}

async fn world(store: &Store) -> World {
    let org = store
        .create_organisation("Baltic Bank", "en", "Europe/Riga")
        .await
        .unwrap();
    let region = store
        .create_region(org, rida_domain::new_id(), "Kurzeme", &by())
        .await
        .unwrap();
    let service = store
        .create_service(org, rida_domain::new_id(), "Loans", Some("LN"), &by())
        .await
        .unwrap();
    let site = store
        .create_site(
            org,
            rida_domain::new_id(),
            &SiteInput {
                region_id: region,
                name: "Liepāja".into(),
                address: Some("Lielā iela 1".into()),
                time_zone: None,
                opening_hours: None,
                service_ids: vec![service],
            },
            &by(),
        )
        .await
        .unwrap();
    let employee = store
        .create_employee(
            org,
            rida_domain::new_id(),
            &EmployeeInput {
                name: "Anna Bērziņa".into(),
                desk: Some("3".into()),
                external_id: Some("Q-17".into()),
                site_ids: vec![site],
            },
            &by(),
        )
        .await
        .unwrap();
    let question = store
        .create_question(
            org,
            "csat",
            Scale::Csat5,
            "site",
            ["How was it?", "كيف كانت؟", "Kā bija?"],
            &by(),
        )
        .await
        .unwrap();
    World {
        org,
        region,
        site,
        service,
        employee,
        question,
    }
}

fn rating(w: &World, score: i16) -> NewRating {
    NewRating {
        id: Uuid::now_v7(),
        answered_at: 1_790_000_000_000,
        received_at: 1_790_000_000_500,
        local_day: 20260921,
        site_id: w.site,
        service_id: Some(w.service),
        employee_id: Some(w.employee),
        channel: Channel::Kiosk,
        question_id: w.question,
        answer: Answer::Score(score),
        visit_id: None,
        customer_key: None,
        terminal_id: None,
        flags: 0,
    }
}

async fn organisation_structure_round_trips(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;

    let sites = store.list_sites(w.org, &all(), None).await.unwrap();
    assert_eq!(sites.total, 1);
    assert_eq!(sites.items[0].region_name, "Kurzeme");
    assert_eq!(
        store.site_service_ids(w.site).await.unwrap(),
        vec![w.service]
    );

    // Search is case-insensitive and matches the region too.
    let q = ListQuery {
        search: Some("KURZ".into()),
        ..all()
    };
    assert_eq!(store.list_sites(w.org, &q, None).await.unwrap().total, 1);
    let q = ListQuery {
        search: Some("zz%".into()),
        ..all()
    };
    assert_eq!(store.list_sites(w.org, &q, None).await.unwrap().total, 0);

    // Deactivated sites leave the default list but are kept.
    store
        .set_active(rida_store::Deactivatable::Site, w.org, w.site, false, &by())
        .await
        .unwrap();
    assert_eq!(
        store.list_sites(w.org, &all(), None).await.unwrap().total,
        0
    );
    let with_inactive = ListQuery {
        include_inactive: true,
        ..all()
    };
    assert_eq!(
        store
            .list_sites(w.org, &with_inactive, None)
            .await
            .unwrap()
            .total,
        1
    );

    // Duplicate names and external ids are conflicts.
    assert!(matches!(
        store
            .create_region(w.org, rida_domain::new_id(), "Kurzeme", &by())
            .await,
        Err(StoreError::Conflict)
    ));
    let dup = EmployeeInput {
        name: "Other".into(),
        desk: None,
        external_id: Some("Q-17".into()),
        site_ids: vec![],
    };
    assert!(matches!(
        store
            .create_employee(w.org, rida_domain::new_id(), &dup, &by())
            .await,
        Err(StoreError::Conflict)
    ));

    let e = store.employee(w.org, w.employee).await.unwrap();
    assert_eq!(e.site_ids, vec![w.site]);
    assert_eq!(
        store.sites_in(&[w.region], &[]).await.unwrap(),
        vec![w.site]
    );

    store
        .update_organisation(
            w.org,
            &OrgSettings {
                name: "بنك البلطيق".into(),
                default_locale: "ar".into(),
                time_zone: "Asia/Riyadh".into(),
                managers_see_employees: true,
                analysts_see_employees: false,
                burst: BurstRule {
                    taps: 3,
                    seconds: 10,
                },
            },
            &by(),
        )
        .await
        .unwrap();
    let org = store.organisation(w.org).await.unwrap();
    assert_eq!(org.name, "بنك البلطيق");
    assert_eq!((org.burst_taps, org.burst_seconds), (3, 10));
    assert!(org.policy().managers_see_employees);

    store
        .set_logo(w.org, Some((b"\x89PNG....", "image/png")), &by())
        .await
        .unwrap();
    let (bytes, mime) = store.logo(w.org).await.unwrap().unwrap();
    assert_eq!(
        (bytes.as_slice(), mime.as_str()),
        (&b"\x89PNG...."[..], "image/png")
    );

    // Every change above left an audit entry.
    let audit = store.list_audit(w.org, &all()).await.unwrap();
    assert!(audit.total >= 8, "{}", audit.total);
    assert!(
        audit
            .items
            .iter()
            .any(|a| a.entity == "site" && a.action == "deactivate")
    );
}

async fn ratings_are_idempotent_and_conflicts_are_detected(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let batch: Vec<NewRating> = (0..1200).map(|i| rating(&w, (i % 5 + 1) as i16)).collect();

    let first = store.insert_ratings(w.org, &batch).await.unwrap();
    assert!(first.iter().all(|o| *o == InsertOutcome::Stored));
    assert_eq!(store.count_ratings(w.org).await.unwrap(), 1200);

    // The same batch again stores nothing twice and reports the same result.
    let again = store.insert_ratings(w.org, &batch).await.unwrap();
    assert_eq!(first, again);
    assert_eq!(store.count_ratings(w.org).await.unwrap(), 1200);

    // The same id with another answer is a conflict; the stored answer stays.
    let mut changed = batch[0].clone();
    changed.answer = Answer::Score(5);
    let fresh = rating(&w, 4);
    let out = store
        .insert_ratings(w.org, &[changed, fresh.clone()])
        .await
        .unwrap();
    assert_eq!(out, vec![InsertOutcome::Conflict, InsertOutcome::Stored]);
    let kept = store.ratings_by_id(w.org, &[batch[0].id]).await.unwrap();
    assert_eq!(kept[0].score, batch[0].answer.score());
    assert_eq!(store.count_ratings(w.org).await.unwrap(), 1201);

    // Text answers keep their text exactly.
    let mut text = rating(&w, 1);
    text.answer = Answer::Text("الانتظار طويل <script>".into());
    store.insert_ratings(w.org, &[text.clone()]).await.unwrap();
    let back = store.ratings_by_id(w.org, &[text.id]).await.unwrap();
    assert_eq!(
        back[0].answer_text.as_deref(),
        Some("الانتظار طويل <script>")
    );

    let refs = store
        .rating_refs(
            w.org,
            &[w.site, Uuid::now_v7()],
            &[w.service],
            &[w.employee],
            &[w.question],
        )
        .await
        .unwrap();
    assert_eq!(refs.sites.len(), 1);
    assert_eq!(refs.sites.get(&w.site), Some(&None));
    assert_eq!(
        refs.questions.get(&w.question).map(|q| q.scale),
        Some(Scale::Csat5)
    );

    // The references are remembered for a moment, but a site's new time zone is
    // seen by the very next ingest.
    let moved = SiteInput {
        region_id: w.region,
        name: "Liepāja".into(),
        address: None,
        time_zone: Some("Asia/Riyadh".into()),
        opening_hours: None,
        service_ids: vec![w.service],
    };
    store
        .update_site(w.org, w.site, &moved, &by())
        .await
        .unwrap();
    let refs = store
        .rating_refs(w.org, &[w.site], &[], &[], &[])
        .await
        .unwrap();
    assert_eq!(
        refs.sites.get(&w.site),
        Some(&Some("Asia/Riyadh".to_string()))
    );
    // Another organisation never sees these ids, cached or not.
    let other = store
        .rating_refs(Uuid::now_v7(), &[w.site], &[w.service], &[], &[w.question])
        .await
        .unwrap();
    assert!(other.sites.is_empty() && other.services.is_empty() && other.questions.is_empty());

    // 1,201 scores (the text answer is not one); 2 in 5 of the batch plus the fresh 4 are positive.
    assert_eq!(
        store.csat_summary(w.org, 20260101, None).await.unwrap(),
        (1201, 481)
    );
    assert_eq!(
        store
            .csat_summary(w.org, 20260101, Some(&[Uuid::now_v7()]))
            .await
            .unwrap(),
        (0, 0)
    );
    assert_eq!(
        store.csat_summary(w.org, 20261001, None).await.unwrap(),
        (0, 0)
    );
}

async fn users_sessions_and_tokens(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let input = UserInput {
        username: "manager".into(),
        display_name: "Māris".into(),
        role: Role::Manager,
        employee_id: None,
        region_ids: vec![w.region],
        site_ids: vec![],
    };
    let uid = store
        .create_user(w.org, rida_domain::new_id(), &input, "hash-1", &by())
        .await
        .unwrap();
    assert!(matches!(
        store
            .create_user(w.org, rida_domain::new_id(), &input, "h", &by())
            .await,
        Err(StoreError::Conflict)
    ));
    assert_eq!(
        store.user(w.org, uid).await.unwrap().region_ids,
        vec![w.region]
    );

    store
        .create_session(
            w.org,
            &By::user(uid, "manager"),
            b"token-a",
            rida_store::now_ms() + 60_000,
        )
        .await
        .unwrap();
    store
        .create_session(
            w.org,
            &By::user(uid, "manager"),
            b"token-b",
            rida_store::now_ms() + 60_000,
        )
        .await
        .unwrap();
    store
        .create_session(
            w.org,
            &By::user(uid, "manager"),
            b"token-old",
            rida_store::now_ms() - 1,
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .session_user(b"token-a")
            .await
            .unwrap()
            .unwrap()
            .username,
        "manager"
    );
    assert!(store.session_user(b"token-old").await.unwrap().is_none());

    // A password change ends the other sessions.
    store
        .set_password(w.org, uid, "hash-2", Some(b"token-a"), &by())
        .await
        .unwrap();
    assert!(store.session_user(b"token-a").await.unwrap().is_some());
    assert!(store.session_user(b"token-b").await.unwrap().is_none());
    assert_eq!(store.password_hash(uid).await.unwrap(), "hash-2");

    // Deactivation ends them all.
    store
        .set_user_active(w.org, uid, false, &by())
        .await
        .unwrap();
    assert!(store.session_user(b"token-a").await.unwrap().is_none());

    for _ in 0..3 {
        store
            .record_login_failure(&["manager"], None)
            .await
            .unwrap();
    }
    assert_eq!(store.login_failures_since("manager", 0).await.unwrap(), 3);
    store.clear_login_failures("manager", 0).await.unwrap();
    assert_eq!(store.login_failures_since("manager", 0).await.unwrap(), 0);

    let tid = store
        .create_api_token(w.org, "queue system", b"secret-hash", "rida_ab12", &by())
        .await
        .unwrap();
    assert_eq!(
        store.api_token_org(b"secret-hash").await.unwrap(),
        Some((tid, w.org, "Europe/Riga".to_string()))
    );
    store.revoke_api_token(w.org, tid, &by()).await.unwrap();
    assert_eq!(store.api_token_org(b"secret-hash").await.unwrap(), None);
    assert!(matches!(
        store.revoke_api_token(w.org, tid, &by()).await,
        Err(StoreError::NotFound)
    ));

    // Shared secrets are created once and then read back by every instance.
    let s1 = store.secret("csrf", vec![1, 2, 3]).await.unwrap();
    let s2 = store.secret("csrf", vec![9, 9, 9]).await.unwrap();
    assert_eq!(s1, s2);
}

async fn a_failed_write_changes_nothing(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    // A site naming a service of no organisation is refused as a whole.
    let bad = SiteInput {
        region_id: w.region,
        name: "Ventspils".into(),
        address: None,
        time_zone: None,
        opening_hours: None,
        service_ids: vec![w.service, Uuid::now_v7()],
    };
    assert!(matches!(
        store
            .create_site(w.org, rida_domain::new_id(), &bad, &by())
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        store.list_sites(w.org, &all(), None).await.unwrap().total,
        1
    );
    // An update that fails half-way leaves the old services in place.
    assert!(store.update_site(w.org, w.site, &bad, &by()).await.is_err());
    assert_eq!(
        store.site_service_ids(w.site).await.unwrap(),
        vec![w.service]
    );
}

#[tokio::test]
async fn a_mistyped_sqlite_path_is_an_error_not_a_new_database() {
    let err = Store::connect(&ConnectOptions {
        url: "sqlite:///tmp/no-such-dir-rida/rida.db".into(),
        create_if_missing: false,
        max_connections: 1,
    })
    .await
    .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    let err = Store::connect(&ConnectOptions {
        url: "mysql://localhost/rida".into(),
        create_if_missing: false,
        max_connections: 1,
    })
    .await
    .unwrap_err();
    assert!(err.to_string().contains("not supported"), "{err}");
}

async fn concurrent_batches_share_commits_and_keep_their_outcomes(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let writer = rida_store::RatingWriter::spawn(store.clone());
    let first: Vec<NewRating> = (0..20).map(|i| rating(&w, (i % 5 + 1) as i16)).collect();
    writer.write(w.org, first.clone()).await.unwrap();
    // 40 requests at once, each with fresh ratings plus one resend and one conflict.
    let mut tasks = Vec::new();
    for t in 0..40 {
        let writer = writer.clone();
        let mut rows: Vec<NewRating> = (0..10)
            .map(|i| rating(&w, ((t + i) % 5 + 1) as i16))
            .collect();
        rows.push(first[t % 20].clone());
        let mut changed = first[(t + 1) % 20].clone();
        changed.answer = Answer::Text("changed".into());
        rows.push(changed);
        let org = w.org;
        tasks.push(tokio::spawn(async move {
            writer.write(org, rows).await.unwrap()
        }));
    }
    for t in tasks {
        let out = t.await.unwrap();
        assert_eq!(out.len(), 12);
        assert!(out[..11].iter().all(|o| *o == InsertOutcome::Stored));
        assert_eq!(out[11], InsertOutcome::Conflict);
    }
    assert_eq!(store.count_ratings(w.org).await.unwrap(), 20 + 40 * 10);
}

async fn an_answered_survey_changes_by_new_version(backend: Backend) {
    let (store, _g) = fresh_store(backend).await;
    let w = world(&store).await;
    let id = store
        .create_survey(
            w.org,
            rida_domain::new_id(),
            "Counter",
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
            .save_survey(w.org, id, "Counter", &def, &by())
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
            .save_survey(w.org, id, "Counter desk", &def, &by())
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
            &rida_store::testing::sample_survey(),
            &by(),
        )
        .await
        .unwrap();
    let input = TerminalInput {
        name: "Entrance".into(),
        site_id: w.site,
        mode: Mode::Single,
        kind: rida_domain::terminal::Kind::Kiosk,
        service_id: None,
        employee_id: None,
        survey_id: Some(survey),
        locales: vec![Locale::Lv, Locale::En],
        show_staff: false,
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

/// The rollup recomputed independently from the raw answers: (cell, counted, bursts).
async fn raw_cells(store: &Store, org: Uuid) -> Vec<(rida_store::RollupKey, i64, i64)> {
    let mut cells: std::collections::BTreeMap<rida_store::RollupKey, (i64, i64)> =
        Default::default();
    for r in rida_store::testing::all_ratings(store, org).await {
        let Some(score) = r.score else { continue };
        let key = rida_store::RollupKey {
            org_id: org,
            local_day: r.local_day,
            site_id: r.site_id,
            service_id: r.service_id.unwrap_or(Uuid::nil()),
            employee_id: r.employee_id.unwrap_or(Uuid::nil()),
            question_id: r.question_id,
            channel: r.channel.clone(),
            score,
        };
        let c = cells.entry(key).or_default();
        if r.flags == 0 {
            c.0 += 1;
        } else {
            c.1 += 1;
        }
    }
    cells.into_iter().map(|(k, (n, b))| (k, n, b)).collect()
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
            r.local_day = 20260901 + next(20) as i32;
            r.service_id = (next(2) == 0).then_some(w.service);
            r.employee_id = (next(3) == 0).then_some(w.employee);
            r.channel = [Channel::Kiosk, Channel::Sms, Channel::Web][next(3) as usize];
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
            &TerminalInput {
                name: "Door".into(),
                site_id: w.site,
                mode: Mode::Single,
                kind: rida_domain::terminal::Kind::Kiosk,
                service_id: None,
                employee_id: None,
                survey_id: None,
                locales: vec![Locale::En],
                show_staff: false,
            },
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
        cells.iter().map(|c| c.2).sum::<i64>() == 8,
        "all eight taps are a burst"
    );

    // Rebuilding from the raw answers gives the very same cells.
    store.rebuild_rollups(Some(w.org)).await.unwrap();
    assert_eq!(store.rollup_cells(w.org).await.unwrap(), cells);

    // The views for the customer's own reports tell the same story as the raw answers.
    let raw = rida_store::testing::all_ratings(&store, w.org).await;
    let (answers, scored, bursts) = rida_store::testing::bi_view_totals(&store, w.org).await;
    assert_eq!(answers, raw.len() as i64);
    let counted: i64 = cells.iter().map(|c| c.1).sum();
    assert_eq!((scored, bursts), (counted, 8));
    assert_eq!(
        counted,
        raw.iter()
            .filter(|r| r.score.is_some() && r.flags == 0)
            .count() as i64
    );
}
