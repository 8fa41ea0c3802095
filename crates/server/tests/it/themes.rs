//! Comment themes and sentiment over HTTP: the Overview's themes panel equals a recount
//! with the reader, a click narrows the comments, a comment's reading page marks its
//! words and is shown only to who may read its site, the head's themes page with bad
//! input and a save over another's, the comments read again afterwards, and a person's
//! themes withheld under the minimum.

use reqwest::StatusCode;
use rida_domain::{Answer, Role, text::Analyser};
use rida_server::jobs;
use rida_store::{Backend, NewRating, both_backends};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{TestApp, spawn_app};
use crate::results::answer;

both_backends! {
    the_overview_counts_each_theme_and_a_click_narrows_the_comments;
    a_comment_s_reading_marks_its_words_and_only_for_who_may_read_its_site;
    the_head_changes_the_themes_and_the_comments_are_read_again;
}

pub const COMMENTS: [(i16, &str); 9] = [
    (1, "Waited 40 minutes, nobody at the desk"),
    (2, "Gaidīju rindā stundu, darbiniece bija nelaipna"),
    (1, "انتظرت ساعتين والموظف مو محترم"),
    (5, "Ļoti laipna darbiniece, paldies!"),
    (4, "Quick and friendly, thank you"),
    (2, "the queue was long and the app kept crashing"),
    (3, "Mājaslapa nestrādāja"),
    (5, "ممتاز 👍"),
    (1, "<script>alert('x')</script> too slow"),
];

/// Stores the comments, each with the visit's CSAT score: the first six at the main site
/// (Anna's), the rest at the other site.
pub async fn fill(app: &TestApp) -> Vec<(Uuid, Uuid)> {
    let mut rows: Vec<NewRating> = Vec::new();
    let mut ids = Vec::new();
    for (i, (score, text)) in COMMENTS.iter().enumerate() {
        let (site, employee) = if i < 6 {
            (app.w.site, Some(app.w.employee))
        } else {
            (app.w.other_site, None)
        };
        let visit = Uuid::now_v7();
        let mut s = answer(app, site, employee, app.w.question, Answer::Score(*score));
        s.visit_id = Some(visit);
        let mut c = answer(
            app,
            site,
            employee,
            app.w.text_question,
            Answer::Text(text.to_string()),
        );
        c.visit_id = Some(visit);
        ids.push((c.id, site));
        rows.push(s);
        rows.push(c);
    }
    app.store.insert_ratings(app.w.org, &rows).await.unwrap();
    ids
}

async fn json(c: &crate::helpers::Client, path: &str) -> Value {
    let r = c.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.json().await.unwrap()
}

async fn the_overview_counts_each_theme_and_a_click_narrows_the_comments(backend: Backend) {
    let app = spawn_app(backend).await;
    fill(&app).await;
    let head = app.login_as(Role::Head).await;
    let d = json(&head, "/api/v1/results?low=0").await;
    let themes = &d["themes"];
    assert_eq!(themes["comments"], COMMENTS.len() as i64);
    // Each theme's count equals a recount with the organisation's reader.
    let (_, reader) = app.store.reader(app.w.org).await.unwrap();
    let set = app.store.themes(app.w.org).await.unwrap();
    let on: Vec<&str> = set
        .themes
        .iter()
        .filter(|t| t.enabled)
        .map(|t| t.key.as_str())
        .collect();
    for row in themes["rows"].as_array().unwrap() {
        let key = row["key"].as_str().unwrap();
        let want = COMMENTS
            .iter()
            .filter(|(_, t)| reader.analyse(t).themes.iter().any(|x| x.theme == key))
            .count();
        assert_eq!(row["n"], want as i64, "{key}");
        assert!(on.contains(&key));
    }
    let waiting = themes["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "waiting")
        .unwrap();
    assert!(
        waiting["negative"].as_f64().unwrap() > 50.0,
        "waiting comments are mostly negative: {waiting}"
    );
    assert!(waiting["csat_n"].as_i64().unwrap() >= 4);

    // The click: only the waiting comments, whatever their score.
    let narrowed = json(&head, "/api/v1/results?theme=waiting").await;
    let items = narrowed["comments"]["items"].as_array().unwrap();
    assert_eq!(items.len() as i64, waiting["n"].as_i64().unwrap());
    assert!(items.iter().all(|c| {
        c["themes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t[0] == "waiting")
    }));
    let negative = json(&head, "/api/v1/results?sentiment=negative").await;
    assert!(
        negative["comments"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["sentiment"] == "negative")
    );
    // The page: the panel links to the narrowed comments, and escapes them.
    let page = head
        .get("/admin/results?theme=waiting")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("theme=waiting#comments"));
    assert!(page.contains("&lt;script&gt;") && !page.contains("<script>alert"));
    // Bad input: a theme that is not the organisation's, a feeling that is none.
    for bad in [
        "/api/v1/results?theme=nope",
        "/api/v1/results?sentiment=angry",
        "/api/v1/results?theme=care",
    ] {
        let r = head.get(bad).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/problem+json")
        );
    }

    // Hidden voting: one person's themes under the minimum are withheld.
    let one = json(
        &head,
        &format!("/api/v1/results?employee={}&low=0", app.w.employee),
    )
    .await;
    assert_eq!(
        one["themes"]["withheld"], false,
        "six comments of Anna: at the minimum of five"
    );
    let few = json(
        &head,
        &format!(
            "/api/v1/results?employee={}&site={}",
            app.w.employee, app.w.site
        ),
    )
    .await;
    assert!(
        few["themes"]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["n"].as_i64().unwrap() >= 5)
    );
}

async fn a_comment_s_reading_marks_its_words_and_only_for_who_may_read_its_site(backend: Backend) {
    let app = spawn_app(backend).await;
    let ids = fill(&app).await;
    let head = app.login_as(Role::Head).await;
    let (main, _) = ids[0];
    let page = head.get(&format!("/admin/comments/{main}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("<mark class=\"neg\""),
        "the wait is marked as counting against"
    );
    assert!(
        html.contains(">minutes</mark>") || html.contains(">40 minutes</mark>"),
        "{html}"
    );
    assert!(html.contains("Anna"), "the head sees the employee");
    // Untrusted text stays text.
    let (script, _) = ids[8];
    let html = head
        .get(&format!("/admin/comments/{script}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>alert"));
    // The manager reaches the main site only, and does not see employees here.
    let manager = app.login_as(Role::Manager).await;
    let r = manager.get(&format!("/admin/comments/{main}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        !r.text().await.unwrap().contains("Anna"),
        "employees hidden from managers"
    );
    assert_eq!(
        manager
            .get(&format!("/admin/comments/{script}"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    for role in [Role::Supervisor, Role::Employee] {
        let c = app.login_as(role).await;
        assert_eq!(
            c.get(&format!("/admin/comments/{main}")).await.status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    // An answer that is not a comment, or of nothing: not found.
    assert_eq!(
        head.get(&format!("/admin/comments/{}", Uuid::now_v7()))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        head.get("/admin/comments/not-an-id").await.status(),
        StatusCode::NOT_FOUND
    );
}

async fn the_head_changes_the_themes_and_the_comments_are_read_again(backend: Backend) {
    let app = spawn_app(backend).await;
    fill(&app).await;
    let head = app.login_as(Role::Head).await;
    assert_eq!(head.get("/admin/themes").await.status(), StatusCode::OK);
    let set = app.store.themes(app.w.org).await.unwrap();
    let version = set.version.to_string();
    let mut fields: Vec<(String, String)> = vec![
        ("kind".into(), "other".into()),
        ("version".into(), version.clone()),
    ];
    for (i, t) in set.themes.iter().enumerate() {
        fields.push((format!("key_{i}"), t.key.clone()));
        // Waiting off; courtesy renamed in Latvian with a word of the organisation's.
        if t.enabled && t.key != "waiting" {
            fields.push((format!("on_{i}"), "1".into()));
        }
        fields.push((format!("rida_{i}"), "1".into()));
        if t.key == "courtesy" {
            fields.push((format!("name_lv_{i}"), "Attieksme".into()));
            fields.push((format!("words_{i}"), "nobody at the desk".into()));
        }
    }
    fields.push(("new_name_en".into(), "Website".into()));
    fields.push(("new_words".into(), "mājaslap*\nwebsite".into()));
    // Bad input first: a word that is no word, beside the new theme; nothing saved.
    let mut bad = fields.clone();
    bad.retain(|(k, _)| k != "new_words");
    bad.push(("new_words".into(), "*".into()));
    let as_refs = |f: &[(String, String)]| {
        f.iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<Vec<_>>()
    };
    let post = |f: Vec<(String, String)>| {
        let head = &head;
        async move {
            let refs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            head.submit("/admin/themes", "/admin/themes", &refs).await
        }
    };
    let r = post(as_refs(&bad)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("cannot be a word of a theme")
    );
    assert_eq!(
        app.store.themes(app.w.org).await.unwrap().version,
        set.version
    );
    // Saved; a second save from the same page (an older version) is refused clearly.
    let r = post(as_refs(&fields)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = post(as_refs(&fields)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("changed the themes meanwhile")
    );
    // Read again in the background: the figures follow the new themes.
    while app.store.reading_pending(app.w.org).await.unwrap() {
        app.store.read_again(app.w.org, 2).await.unwrap();
    }
    let d = json(&head, "/api/v1/results").await;
    let rows = d["themes"]["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["key"] != "waiting"));
    let own = rows
        .iter()
        .find(|r| r["name"] == "Website")
        .expect("the organisation's own theme");
    assert_eq!(own["n"], 1);
    let courtesy = rows.iter().find(|r| r["key"] == "courtesy").unwrap();
    let reader = Analyser::new(&rida_store::theme_specs(
        &app.store.themes(app.w.org).await.unwrap().themes,
    ));
    let want = COMMENTS
        .iter()
        .filter(|(_, t)| {
            reader
                .analyse(t)
                .themes
                .iter()
                .any(|x| x.theme == "courtesy")
        })
        .count();
    assert_eq!(courtesy["n"], want as i64);
    let page = head.get("/admin/themes").await.text().await.unwrap();
    assert!(page.contains("Attieksme"), "the Latvian name is kept");
    // Another kind of organisation starts its own themes: a clinic has medical care.
    let now = app.store.themes(app.w.org).await.unwrap();
    let mut fields: Vec<(String, String)> = vec![
        ("kind".into(), "clinic".into()),
        ("version".into(), now.version.to_string()),
    ];
    for (i, t) in now.themes.iter().enumerate() {
        fields.push((format!("key_{i}"), t.key.clone()));
        fields.push((format!("words_{i}"), t.own_words.join("\n")));
        fields.push((
            format!("name_en_{i}"),
            t.name_en.clone().unwrap_or_default(),
        ));
    }
    assert_eq!(post(fields).await.status(), StatusCode::SEE_OTHER);
    let after = app.store.themes(app.w.org).await.unwrap();
    assert!(after.themes.iter().any(|t| t.key == "care" && t.enabled));
    assert!(after.themes.iter().any(|t| t.key == "waiting" && t.enabled));
    assert!(
        after
            .themes
            .iter()
            .any(|t| t.name_en.as_deref() == Some("Website")),
        "own themes stay"
    );
}

both_backends! {
    negative_comments_about_a_theme_raise_one_alert_that_gathers_them;
}

fn comment_now(app: &TestApp, site: Uuid, text: &str) -> NewRating {
    let now = jiff::Timestamp::now().as_millisecond();
    let mut c = answer(
        app,
        site,
        None,
        app.w.text_question,
        Answer::Text(text.to_string()),
    );
    c.answered_at = now;
    c.received_at = now;
    c
}

async fn negative_comments_about_a_theme_raise_one_alert_that_gathers_them(backend: Backend) {
    use crate::helpers::prepared;
    use crate::mail::{SmtpSink, free_port, instance};
    let (store, w, db) = prepared(backend).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, running) = instance(&store, &smtp.url()).await;
    let app = TestApp::new(running, store.clone(), w, db);
    let head = app.login_as(Role::Head).await;
    // Bad input: no theme, no count; refused beside the fields.
    let r = head
        .submit(
            "/admin/alert-rules/new",
            "/admin/alert-rules",
            &[
                ("name", "Rudeness"),
                ("kind", "theme"),
                ("min_answers", "0"),
                ("window_minutes", "1440"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Choose the theme") && html.contains("A number of comments"));
    // Two negative comments about courtesy within a day at one place.
    let r = head
        .submit(
            "/admin/alert-rules/new",
            "/admin/alert-rules",
            &[
                ("name", "Rudeness"),
                ("kind", "theme"),
                ("theme", "courtesy"),
                ("min_answers", "2"),
                ("window_minutes", "1440"),
                ("notify", "manager"),
            ],
        )
        .await;
    assert!(r.status().is_redirection(), "{}", r.status());
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let (org, site, other) = (app.w.org, app.w.site, app.w.other_site);
    let theme_alerts = || async {
        store
            .list_alerts(org, None, 10)
            .await
            .unwrap()
            .into_iter()
            .filter(|a| a.kind == "theme")
            .collect::<Vec<_>>()
    };
    // One rude comment, a kind one, and a rude one elsewhere: not enough at any place.
    let rows = vec![
        comment_now(&app, site, "The lady at the desk was very rude"),
        comment_now(&app, site, "Ļoti laipna darbiniece, paldies!"),
        comment_now(&app, other, "الموظف وقح"),
    ];
    store.insert_ratings(org, &rows).await.unwrap();
    jobs::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    assert!(theme_alerts().await.is_empty());
    // A second rude comment at the same place: one alert holding both.
    store
        .insert_ratings(
            org,
            &[comment_now(
                &app,
                site,
                "Darbinieks bija rupjš un nepieklājīgs",
            )],
        )
        .await
        .unwrap();
    jobs::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    jobs::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    let alerts = theme_alerts().await;
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!((alerts[0].site_id, alerts[0].n), (Some(site), 2));
    // A third joins it; no second alert.
    store
        .insert_ratings(
            org,
            &[comment_now(&app, site, "unfriendly and arrogant staff")],
        )
        .await
        .unwrap();
    jobs::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    let alerts = theme_alerts().await;
    assert_eq!((alerts.len(), alerts[0].n), (1, 3));
    // Its page says what raised it and shows the comments.
    let page = head
        .get(&format!("/admin/alerts/{}", alerts[0].id))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("negative comments about Courtesy"), "{page}");
    assert!(page.contains("very rude") && page.contains("arrogant"));
    assert!(!page.contains("Ļoti laipna"));
    // The manager's e-mail says it in both its parts.
    let mails: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.html.contains("Rudeness"))
        .collect();
    assert!(!mails.is_empty(), "the manager is told");
    assert!(
        mails
            .iter()
            .all(|m| m.text.contains("negative comments about Courtesy")
                && m.html.contains("negative comments about Courtesy")),
        "{mails:?}"
    );

    // A theme of the organisation's own: a rule on it, named as the head named it.
    let set = store.themes(org).await.unwrap();
    let mut themes = set.themes.clone();
    themes.push(rida_store::OrgTheme {
        key: "own-cards".into(),
        enabled: true,
        builtin_words: true,
        own_words: vec!["card".into(), "pin".into()],
        name_ar: None,
        name_en: Some("Bank cards".into()),
        name_lv: Some("Bankas kartes".into()),
    });
    store
        .save_themes(
            org,
            set.version,
            set.kind,
            &themes,
            &rida_store::By::system("test"),
        )
        .await
        .unwrap();
    for (theme, ok) in [("nope", false), ("own-cards", true)] {
        let r = head
            .submit(
                "/admin/alert-rules/new",
                "/admin/alert-rules",
                &[
                    ("name", "Cards"),
                    ("kind", "theme"),
                    ("theme", theme),
                    ("min_answers", "2"),
                    ("window_minutes", "1440"),
                ],
            )
            .await;
        assert_eq!(r.status().is_redirection(), ok, "{theme}: {}", r.status());
    }
    store
        .insert_ratings(
            org,
            &[
                comment_now(&app, other, "My card was blocked again, terrible service"),
                comment_now(&app, other, "The new PIN never came, awful"),
            ],
        )
        .await
        .unwrap();
    jobs::run_once(&state, jiff::Timestamp::now())
        .await
        .unwrap();
    let cards: Vec<_> = theme_alerts()
        .await
        .into_iter()
        .filter(|a| a.metric.as_deref() == Some("own-cards"))
        .collect();
    assert_eq!(cards.len(), 1, "{cards:?}");
    let page = head
        .get(&format!("/admin/alerts/{}", cards[0].id))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("negative comments about Bank cards"),
        "{page}"
    );
}
