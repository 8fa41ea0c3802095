//! Designing surveys in the admin pages: starting points, questions with wording in
//! three languages, choices, follow-up rules, order, and versions once answered.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, both_backends};
use serde_json::json;

use crate::helpers::spawn_app;

both_backends! {
    a_survey_is_designed_question_by_question;
    an_answered_survey_gets_a_new_version_and_old_answers_keep_their_wording;
}

async fn a_survey_is_designed_question_by_question(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let r = head
        .submit(
            "/admin/surveys/new",
            "/admin/surveys",
            &[("name", "Branch survey"), ("start", "smiley")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let editor = r.headers()["location"].to_str().unwrap().to_string();
    let html = head.get(&editor).await.text().await.unwrap();
    assert!(html.contains("How satisfied are you with your visit today?"));
    assert!(
        html.contains("only if question 1 scored 2 or less"),
        "{html}"
    );
    assert!(html.contains("Long wait") && html.contains("انتظار طويل"));

    // A choice question with one choice and no wording: both errors at their fields,
    // what was typed kept, nothing saved.
    let new_q = format!("{editor}/questions/new");
    let action = format!("{editor}/questions");
    let r = head
        .submit(
            &new_q,
            &action,
            &[
                ("scale", "choice"),
                ("subject", "service"),
                ("choice_key", "only"),
                ("choice_en", "Only one"),
                ("choice_ar", ""),
                ("choice_lv", ""),
                ("prompt_ar", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"id="e-prompt_en""#), "{html}");
    assert!(html.contains(r#"id="e-choices""#));
    assert!(html.contains("give at least two answers"));
    assert!(
        html.contains(r#"name="choice_en" value="Only one""#),
        "what was typed is kept"
    );

    // A rule on a choice the smiley does not have.
    let r = head
        .submit(
            &new_q,
            &action,
            &[
                ("scale", "yes_no"),
                ("subject", "site"),
                ("prompt_en", "Was it quick?"),
                ("rule_question", "q1"),
                ("rule_op", "chose"),
                ("rule_value", "wait"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(r#"id="e-rule_value""#));

    // A good one, with markup in its wording: saved and shown escaped.
    let r = head
        .submit(
            &new_q,
            &action,
            &[
                ("scale", "nps11"),
                ("subject", "site"),
                ("prompt_en", "Recommend <b>us</b>?"),
                ("prompt_lv", "Vai ieteiktu?"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = head.get(&editor).await.text().await.unwrap();
    assert!(
        html.contains("Recommend &lt;b&gt;us&lt;&#x2f;b&gt;?")
            || html.contains("Recommend &lt;b&gt;us&lt;/b&gt;?"),
        "{html}"
    );
    assert!(!html.contains("<b>us</b>"));

    // Move it to the top; remove the reasons.
    let r = head
        .submit(
            &editor,
            &format!("{editor}/questions/q4/move"),
            &[("direction", "up")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    head.submit(
        &editor,
        &format!("{editor}/questions/q4/move"),
        &[("direction", "up")],
    )
    .await;
    head.submit(
        &editor,
        &format!("{editor}/questions/q4/move"),
        &[("direction", "up")],
    )
    .await;
    head.submit(&editor, &format!("{editor}/questions/q2/remove"), &[])
        .await;
    let id = editor.rsplit('/').next().unwrap().parse().unwrap();
    let s = app.store.survey(app.w.org, id).await.unwrap();
    let keys: Vec<&str> = s.def.questions.iter().map(|q| q.key.as_str()).collect();
    assert_eq!(keys, ["q4", "q1", "q3"]);

    // Removing the smiley would leave the comment's rule pointing at nothing: refused.
    let r = head
        .submit(&editor, &format!("{editor}/questions/q1/remove"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("must refer to a question before it")
    );
    assert_eq!(app.store.survey(app.w.org, id).await.unwrap().def, s.def);

    // Another survey's name is taken.
    let r = head.submit(&editor, &editor, &[("name", "Counter")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(r#"id="e-name""#));
    // Answers typed in their own fields per language: each kept in its language, a key
    // made from the English words where none is given, a bad key refused at its row.
    let choice_question = |second_key: &'static str| {
        let fields: Vec<(&str, &str)> = vec![
            ("scale", "choice"),
            ("subject", "site"),
            ("prompt_en", "What brought you?"),
            ("choice_key", ""),
            ("choice_en", "Open an account"),
            ("choice_ar", "فتح حساب"),
            ("choice_lv", "Atvērt kontu"),
            ("choice_key", second_key),
            ("choice_en", "A card"),
            ("choice_ar", "بطاقة"),
            ("choice_lv", "Karte"),
            // An empty row, as the form sends its spare ones.
            ("choice_key", ""),
            ("choice_en", ""),
            ("choice_ar", ""),
            ("choice_lv", ""),
        ];
        let (head, new_q, action) = (&head, &new_q, &action);
        async move { head.submit(new_q, action, &fields).await }
    };
    let r = choice_question("Card!").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Answer 2: a key is lower-case"), "{html}");
    let r = choice_question("card").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let id: uuid::Uuid = editor.rsplit('/').next().unwrap().parse().unwrap();
    let saved = app.store.survey(app.w.org, id).await.unwrap();
    let q = saved.def.questions.last().unwrap();
    let got: Vec<(&str, &str, &str, &str)> = q
        .choices
        .iter()
        .map(|c| {
            (
                c.key.as_str(),
                c.label.en.as_str(),
                c.label.ar.as_str(),
                c.label.lv.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "open_an_account",
                "Open an account",
                "فتح حساب",
                "Atvērt kontu"
            ),
            ("card", "A card", "بطاقة", "Karte")
        ]
    );
    // The preview: the phone's page in each language, its answers in their words,
    // nothing to send, framed only by Rida's own pages.
    let r = head.get(&format!("{editor}/preview?lang=ar")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'self'")
    );
    let page = r.text().await.unwrap();
    assert!(
        page.contains(r#"lang="ar""#) && page.contains("فتح حساب"),
        "{page}"
    );
    assert!(!page.contains("a-send") && page.contains("معاينة"));
    let editor_page = head.get(&editor).await.text().await.unwrap();
    assert!(editor_page.contains(&format!("{editor}/preview?lang=")));
    // …and as a terminal shows it: the terminal's own page, given this survey's
    // settings by the editor (the chosen language first), neither paired nor storing.
    let lv = head
        .get(&format!("{editor}?preview=lv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(lv.contains(&format!("{editor}/kiosk?lang=lv")), "{lv}");
    assert!(lv.contains(&format!("{editor}/preview?lang=lv")), "{lv}");
    let r = head.get(&format!("{editor}/kiosk?lang=lv")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'self'")
    );
    let kiosk = r.text().await.unwrap();
    assert!(
        kiosk.contains(
            &format!("data-preview=\"{editor}/kiosk-config?lang=lv\"").replace('/', "&#x2f;")
        ) && kiosk.contains("/static/kiosk/app.js"),
        "{kiosk}"
    );
    let config: serde_json::Value = head
        .get(&format!("{editor}/kiosk-config?lang=lv"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(config["terminal"]["locales"], json!(["lv", "en", "ar"]));
    let sid: uuid::Uuid = editor.rsplit('/').next().unwrap().parse().unwrap();
    let shown = app.store.survey(app.w.org, sid).await.unwrap();
    assert_eq!(config["survey"]["id"], json!(shown.id));
    assert_eq!(
        config["survey"]["questions"].as_array().unwrap().len(),
        shown.def.questions.len()
    );
    assert!(
        config["survey"]["questions"]
            .to_string()
            .contains("Atvērt kontu")
    );
    let employee = app.login_as(Role::Employee).await;
    assert_eq!(
        employee.get(&format!("{editor}/preview")).await.status(),
        StatusCode::FORBIDDEN
    );
}

async fn an_answered_survey_gets_a_new_version_and_old_answers_keep_their_wording(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let s = app.store.survey(app.w.org, app.w.survey).await.unwrap();
    let (csat, reasons) = (s.def.questions[0].id, s.def.questions[1].id);
    let token = app.token().await;
    let item = |q: uuid::Uuid, field: &str, value: serde_json::Value| {
        let mut v = json!({
            "id": uuid::Uuid::now_v7(), "answered_at": "2026-11-24T10:00:00Z",
            "site_id": app.w.site, "channel": "kiosk", "question_id": q,
        });
        v[field] = value;
        v
    };
    let r = app
        .post_ratings(
            Some(&token),
            &json!({ "ratings": [
                item(csat, "score", json!(2)),
                item(reasons, "choice", json!("wait,staff")),
                item(reasons, "choice", json!("staff,wait")),
                item(reasons, "choice", json!("parking")),
            ]}),
        )
        .await;
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["stored"], 2, "{body}");
    assert_eq!(body["results"][2]["errors"][0]["code"], "unknown_choice");
    assert_eq!(body["results"][3]["errors"][0]["code"], "unknown_choice");

    let head = app.login_as(Role::Head).await;
    let editor = format!("/admin/surveys/{}", app.w.survey);
    let r = head
        .submit(
            &format!("{editor}/questions/csat"),
            &format!("{editor}/questions/csat"),
            &[
                ("scale", "csat5"),
                ("subject", "employee"),
                ("prompt_en", "How did we do?"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = head.get(&editor).await.text().await.unwrap();
    assert!(html.contains("Saved as a new version"), "{html}");
    assert!(html.contains("Version 2"));
    let now = app.store.survey(app.w.org, app.w.survey).await.unwrap();
    assert_ne!(now.def.questions[0].id, csat);
    assert_eq!(
        now.def.questions[1].id, reasons,
        "unchanged questions keep counting together"
    );
    let old = app.store.list_questions(app.w.org).await.unwrap();
    assert_eq!(
        old.iter().find(|q| q.id == csat).unwrap().prompt_en,
        "How was it?"
    );
}
