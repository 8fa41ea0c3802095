//! One storage story, run on SQLite and on PostgreSQL.

mod common;

use common::{all, by, rating, world};
use rida_domain::{Answer, Role, Scale, terminal::BurstRule};
use rida_store::{
    Backend, By, ConnectOptions, EmployeeInput, InsertOutcome, ListQuery, NewRating, OrgSettings,
    SiteInput, Store, StoreError, UserInput, both_backends, testing::fresh_store,
};
use uuid::Uuid;

both_backends! {
    organisation_structure_round_trips;
    ratings_are_idempotent_and_conflicts_are_detected;
    users_sessions_and_tokens;
    a_failed_write_changes_nothing;
    concurrent_batches_share_commits_and_keep_their_outcomes;
    names_kept_by_one_instance_follow_changes_made_through_another;
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
            .create_region(
                w.org,
                rida_domain::new_id(),
                "Kurzeme",
                &Default::default(),
                &by()
            )
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
                require_second_factor: false,
                burst: BurstRule {
                    taps: 3,
                    seconds: 10,
                },
                thresholds: Default::default(),
                retention_days: 90,
                phone_region: Some("SA".into()),
                contact_days: 14,
                audit_days: 0,
                help_contact: Some("+966 11 000 0000".into()),
                offline_notice_minutes: 25,
            },
            &by(),
        )
        .await
        .unwrap();
    let org = store.organisation(w.org).await.unwrap();
    assert_eq!(org.name, "بنك البلطيق");
    assert_eq!(org.phone_region.as_deref(), Some("SA"));
    assert_eq!(org.contact_days, 14);
    assert_eq!(org.help_contact.as_deref(), Some("+966 11 000 0000"));
    assert_eq!((org.burst_taps, org.burst_seconds), (3, 10));
    assert_eq!(org.offline_notice_minutes, 25);
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
    let audit = store
        .list_audit(w.org, &all(), &Default::default())
        .await
        .unwrap();
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
        names: Default::default(),
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
        email: None,
        monthly_report: false,
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
            false,
        )
        .await
        .unwrap();
    store
        .create_session(
            w.org,
            &By::user(uid, "manager"),
            b"token-b",
            rida_store::now_ms() + 60_000,
            false,
        )
        .await
        .unwrap();
    store
        .create_session(
            w.org,
            &By::user(uid, "manager"),
            b"token-old",
            rida_store::now_ms() - 1,
            false,
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
    store.clear_login_failures(&["manager"], 0).await.unwrap();
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
        names: Default::default(),
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
        statement_timeout: None,
    })
    .await
    .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    let err = Store::connect(&ConnectOptions {
        url: "mysql://localhost/rida".into(),
        create_if_missing: false,
        max_connections: 1,
        statement_timeout: None,
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

/// An instance keeps the names it read while none changes, and sees at its next read
/// every change another instance made: a region renamed, a site moved and renamed, a
/// service and an employee added, an employee renamed, a site deactivated.
async fn names_kept_by_one_instance_follow_changes_made_through_another(backend: Backend) {
    let (a, db) = fresh_store(backend).await;
    let w = world(&a).await;
    let b = common::other_instance(&db.url).await;
    let names = || async { a.org_names(w.org).await.unwrap() };
    let first = names().await;
    assert_eq!(first.sites[0].name, "Liepāja");
    // Nothing changed: the same names, not read again.
    assert!(std::sync::Arc::ptr_eq(&first, &names().await));
    // Answers and sessions are not names: they leave the names as they were.
    a.insert_ratings(w.org, &[rating(&w, 4)]).await.unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &names().await));

    b.update_region(
        w.org,
        w.region,
        "Kurzeme-Zemgale",
        &Default::default(),
        &by(),
    )
    .await
    .unwrap();
    assert_eq!(names().await.sites[0].region_name, "Kurzeme-Zemgale");
    // The regions' chooser: every region, as the list page of all of them has it.
    let regions = names().await.active_regions();
    assert_eq!(regions.len(), 1);
    assert_eq!(
        (regions[0].name.as_str(), regions[0].site_count),
        ("Kurzeme-Zemgale", 1)
    );
    let listed = a
        .list_regions(w.org, &rida_store::ListQuery::all())
        .await
        .unwrap();
    assert_eq!(listed.items.len(), 1, "a list of all regions is not empty");
    let mut site = SiteInput {
        names: Default::default(),
        region_id: w.region,
        name: "Liepāja Centrs".into(),
        address: None,
        time_zone: None,
        opening_hours: None,
        service_ids: vec![w.service],
    };
    b.update_site(w.org, w.site, &site, &by()).await.unwrap();
    assert_eq!(names().await.sites[0].name, "Liepāja Centrs");
    let service = b
        .create_service(
            w.org,
            rida_domain::new_id(),
            &rida_store::ServiceInput::named("Cards"),
            &by(),
        )
        .await
        .unwrap();
    assert!(
        names()
            .await
            .services
            .iter()
            .any(|s| s.id == service && s.name == "Cards")
    );
    let mut anna = EmployeeInput {
        name: "Anna Kalniņa".into(),
        desk: None,
        external_id: Some("Q-17".into()),
        site_ids: vec![w.site],
    };
    b.update_employee(w.org, w.employee, &anna, &by())
        .await
        .unwrap();
    assert!(
        names()
            .await
            .staff
            .iter()
            .any(|e| e.id == w.employee && e.name == "Anna Kalniņa")
    );
    anna.name = "Jānis Ozols".into();
    anna.external_id = None;
    let janis = b
        .create_employee(w.org, rida_domain::new_id(), &anna, &by())
        .await
        .unwrap();
    assert!(
        names()
            .await
            .staff
            .iter()
            .any(|e| e.id == janis && e.name == "Jānis Ozols")
    );
    let kept = names().await;
    assert_eq!(kept.active_staff(Some(&[w.site])).len(), 2);
    // Where they work, changed by no path of Rida: seen at once all the same.
    common::behind_their_backs(backend, &db.url, "DELETE FROM employee_sites").await;
    let now = names().await;
    assert!(!std::sync::Arc::ptr_eq(&kept, &now));
    assert!(now.active_staff(Some(&[w.site])).is_empty());
    assert_eq!(now.active_staff(None).len(), 2);
    b.set_active(rida_store::Deactivatable::Site, w.org, w.site, false, &by())
        .await
        .unwrap();
    assert!(!names().await.sites[0].active);
    // Renamed back through the first instance itself.
    site.name = "Liepāja".into();
    a.update_site(w.org, w.site, &site, &by()).await.unwrap();
    assert_eq!(names().await.sites[0].name, "Liepāja");
    b.close().await;
}
