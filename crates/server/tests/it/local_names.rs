//! Names typed per language: a site, service, region, alert rule or survey may have a
//! spelling in Arabic, English and Latvian; each reader sees the one of their language
//! (the main name where there is none) on pages, exports, the terminal, the customer's
//! page and the survey text; forms keep the main name and show each spelling to edit.

use jiff::{Span, Timestamp};
use reqwest::StatusCode;
use rida_domain::Role;
use rida_server::{AppState, Settings, messaging::dispatch};
use rida_store::{Backend, By, WebSurveyInput, both_backends};
use serde_json::json;

use crate::helpers::{Client, TestApp, spawn_app};

both_backends! {
    each_reader_sees_the_names_typed_for_their_language;
    the_survey_text_names_the_site_in_the_customers_language;
}

const MAIN_AR: &str = "الفرع الرئيسي";
const MAIN_LV: &str = "Galvenā filiāle";
const LOANS_AR: &str = "القروض";
const NORTH_AR: &str = "المنطقة الشمالية";

async fn set_lang(c: &Client, lang: &str) {
    let r = c
        .submit(
            "/admin",
            "/language",
            &[("locale", lang), ("back", "/admin")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

/// Gives the world's site, service and region their Arabic (and the site a Latvian)
/// spelling through the forms.
async fn name_them(app: &TestApp, head: &Client) {
    let (site, service, region) = (app.w.site, app.w.service, app.w.region);
    let region_s = region.to_string();
    let service_s = service.to_string();
    let r = head
        .submit(
            &format!("/admin/sites/{site}"),
            &format!("/admin/sites/{site}"),
            &[
                ("name", "Main"),
                ("region_id", &region_s),
                ("services", &service_s),
                ("name_ar", MAIN_AR),
                ("name_lv", MAIN_LV),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    let r = head
        .submit(
            &format!("/admin/services/{service}"),
            &format!("/admin/services/{service}"),
            &[("name", "Loans"), ("name_ar", LOANS_AR)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = head
        .submit(
            &format!("/admin/regions/{region}"),
            &format!("/admin/regions/{region}"),
            &[("name", "North"), ("name_ar", NORTH_AR)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

async fn each_reader_sees_the_names_typed_for_their_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let site = app.w.site;
    // A spelling is checked like a name: the error stands next to its field, and
    // nothing is saved.
    let long = "Kredīti ".repeat(20);
    let r = head
        .submit(
            &format!("/admin/services/{}", app.w.service),
            &format!("/admin/services/{}", app.w.service),
            &[("name", "Loans"), ("name_lv", &long)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(page.contains("id=\"e-name_lv\""), "{page}");
    assert!(
        app.store
            .service(app.w.org, app.w.service)
            .await
            .unwrap()
            .names
            .is_empty()
    );
    name_them(&app, &head).await;

    // English has no spelling of its own: the main names.
    let sites = head.get("/admin/sites").await.text().await.unwrap();
    assert!(
        sites.contains(">Main<") && !sites.contains(MAIN_AR),
        "{sites}"
    );
    // In Arabic: the Arabic spellings on the lists, the filters and the results.
    set_lang(&head, "ar").await;
    let sites = head.get("/admin/sites").await.text().await.unwrap();
    assert!(
        sites.contains(MAIN_AR) && sites.contains(NORTH_AR),
        "{sites}"
    );
    assert!(!sites.contains(">Main<"), "{sites}");
    let services = head.get("/admin/services").await.text().await.unwrap();
    assert!(services.contains(LOANS_AR), "{services}");
    let results = head.get("/admin/results").await.text().await.unwrap();
    assert!(
        results.contains(MAIN_AR) && results.contains(LOANS_AR),
        "{results}"
    );
    // The form edits the main name, with each spelling in its own field.
    let form = head
        .get(&format!("/admin/sites/{site}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("value=\"Main\""), "{form}");
    assert!(form.contains(&format!("value=\"{MAIN_AR}\"")), "{form}");
    assert!(form.contains("name=\"name_ar\"") && form.contains("dir=\"rtl\""));
    // Exports in the reader's language.
    crate::exports::fill(&app).await;
    for path in [
        "/admin/results/export.csv?period=day&table=sites",
        "/admin/results/export.csv?period=day&table=services",
        "/admin/results/answers.csv?period=day",
    ] {
        let r = head.get(path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        let csv = r.text().await.unwrap();
        assert!(
            csv.contains(MAIN_AR) || csv.contains(LOANS_AR),
            "{path}: {csv}"
        );
    }
    // Latvian: the Latvian spelling of the site, the main name of the service.
    set_lang(&head, "lv").await;
    let sites = head.get("/admin/sites").await.text().await.unwrap();
    assert!(
        sites.contains(MAIN_LV) && !sites.contains(MAIN_AR),
        "{sites}"
    );
    let services = head.get("/admin/services").await.text().await.unwrap();
    assert!(
        services.contains(">Loans<") && !services.contains(LOANS_AR),
        "{services}"
    );

    // Alert rules and surveys too.
    let r = head
        .submit(
            "/admin/alert-rules/new",
            "/admin/alert-rules",
            &[
                ("form_id", &uuid::Uuid::now_v7().to_string()),
                ("name", "Very low score"),
                ("name_lv", "Ļoti zems vērtējums"),
                ("kind", "low_score"),
                ("notify", "manager"),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    let rules = head.get("/admin/alert-rules").await.text().await.unwrap();
    assert!(rules.contains("Ļoti zems vērtējums"), "{rules}");
    let survey = app.w.survey;
    let r = head
        .submit(
            &format!("/admin/surveys/{survey}"),
            &format!("/admin/surveys/{survey}"),
            &[("name", "Counter"), ("name_lv", "Aptauja pie letes")],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    let surveys = head.get("/admin/surveys").await.text().await.unwrap();
    assert!(surveys.contains("Aptauja pie letes"), "{surveys}");
    set_lang(&head, "en").await;
    let surveys = head.get("/admin/surveys").await.text().await.unwrap();
    assert!(
        surveys.contains("Counter") && !surveys.contains("Aptauja pie letes"),
        "{surveys}"
    );

    // The terminal gets every spelling and shows the customer's language's.
    let token = app.pair_device(app.w.terminal, "NAME2345").await;
    let config = app.device_config(&token).await;
    let loans = config["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Loans")
        .unwrap_or_else(|| panic!("{config}"));
    assert_eq!(loans["names"]["ar"], LOANS_AR, "{config}");
    assert_eq!(config["site"]["names"]["lv"], MAIN_LV, "{config}");

    // The customer's web page names the site in the page's language.
    app.store
        .save_web_survey(
            app.w.org,
            uuid::Uuid::now_v7(),
            "Names2026",
            &WebSurveyInput {
                name: "Counter poster".into(),
                site_id: site,
                service_id: Some(app.w.service),
                employee_id: None,
                survey_id: None,
                active: true,
            },
            &By::system("test"),
        )
        .await
        .unwrap();
    let page = |lang: &'static str| {
        let url = format!("{}/q/Names2026?lang={lang}", app.addr);
        async move { reqwest::get(url).await.unwrap().text().await.unwrap() }
    };
    let ar = page("ar").await;
    assert!(ar.contains(MAIN_AR) && ar.contains(LOANS_AR), "{ar}");
    let en = page("en").await;
    assert!(en.contains("Main") && !en.contains(MAIN_AR), "{en}");
}

async fn the_survey_text_names_the_site_in_the_customers_language(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    name_them(&app, &head).await;
    let r = head
        .submit(
            "/admin/survey-rules/new",
            "/admin/survey-rules",
            &[
                ("channel", "sms"),
                ("delay_minutes", "0"),
                ("cap_days", "0"),
                ("sample_percent", "100"),
                ("expiry_hours", "24"),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    let ended = Timestamp::now() - Span::new().minutes(2);
    for (id, phone, lang) in [
        ("V-ar", "+37120000011", "ar"),
        ("V-lv", "+37120000012", "lv"),
        ("V-en", "+37120000013", "en"),
    ] {
        let r = reqwest::Client::new()
            .post(format!("{}/api/v1/visits", app.addr))
            .bearer_auth(app.token().await)
            .json(&json!({
                "external_id": id, "site_id": app.w.site, "service_id": app.w.service,
                "started_at": (ended - Span::new().minutes(5)).to_string(),
                "ended_at": ended.to_string(), "phone": phone, "survey": true, "lang": lang,
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    }
    let state = AppState::new(
        Settings {
            jobs: false,
            ..Settings::default()
        },
        app.store.clone(),
    )
    .await
    .unwrap();
    let now = Timestamp::now();
    dispatch::run_once(&state, now).await.unwrap();
    let due = app
        .store
        .take_due_messages(now.as_millisecond() + 60_000, 60_000, 10, &["sms"])
        .await
        .unwrap();
    let body = |lang: &str| {
        due.iter()
            .find(|m| m.lang == lang)
            .map(|m| m.body.clone())
            .unwrap_or_else(|| panic!("no {lang} message in {due:#?}"))
    };
    assert!(body("ar").contains(MAIN_AR), "{}", body("ar"));
    assert!(body("lv").contains(MAIN_LV), "{}", body("lv"));
    let en = body("en");
    assert!(
        en.contains("Main") && !en.contains(MAIN_AR) && !en.contains(MAIN_LV),
        "{en}"
    );
}
