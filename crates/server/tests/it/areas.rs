//! Satisfaction by area and the SERVQUAL gaps over HTTP on both databases: the SERVQUAL
//! template, areas set on the question form (and refused where they cannot count), and
//! the figures on the results API equal to a recount of the answers.

use reqwest::StatusCode;
use rida_domain::{
    Answer, Channel, Role, Scale,
    metrics::{ScoreCounts, gap},
    survey::{Area, ServqualSide},
};
use rida_store::{Backend, NewRating, both_backends};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::spawn_app;

both_backends! {
    areas_and_servqual_gaps_come_from_tagged_questions;
}

async fn areas_and_servqual_gaps_come_from_tagged_questions(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = &app.w;
    let head = app.login_as(Role::Head).await;

    // The SERVQUAL template: five dimensions, each as an expectation and a perception.
    let r = head
        .submit(
            "/admin/surveys/new",
            "/admin/surveys",
            &[("name", "Service quality"), ("start", "servqual")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let editor = r.headers()["location"].to_str().unwrap().to_string();
    let survey: Uuid = editor.rsplit('/').next().unwrap().parse().unwrap();
    let def = app.store.survey(w.org, survey).await.unwrap().def;
    assert_eq!(def.questions.len(), 10);
    assert!(def.questions.iter().all(|q| q.scale == Scale::Agree7));
    for dim in Area::ALL.into_iter().filter(|a| a.is_servqual()) {
        for side in [ServqualSide::Expectation, ServqualSide::Perception] {
            let n = def
                .questions
                .iter()
                .filter(|q| q.area == Some(dim) && q.servqual == Some(side))
                .count();
            assert_eq!(n, 1, "{dim:?} {side:?}");
        }
    }
    let html = head.get(&editor).await.text().await.unwrap();
    assert!(html.contains("This office did what it promised"), "{html}");

    // Areas on the sample survey's questions: the smiley counts for waiting time; a
    // free-text question cannot count toward an area, a perception needs a dimension.
    let sample = format!("/admin/surveys/{}", w.survey);
    let csat_form = format!("{sample}/questions/csat");
    let fields = |scale: &'static str, area: &'static str, servqual: &'static str| {
        vec![
            ("scale", scale),
            ("subject", "site"),
            ("prompt_en", "How was it?"),
            ("area", area),
            ("servqual", servqual),
        ]
    };
    let r = head
        .submit(&csat_form, &csat_form, &fields("text", "waiting_time", ""))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains(r#"id="e-area""#));
    let r = head
        .submit(
            &csat_form,
            &csat_form,
            &fields("csat5", "speed", "perception"),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = head
        .submit(&csat_form, &csat_form, &fields("csat5", "waiting_time", ""))
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let def_sample = app.store.survey(w.org, w.survey).await.unwrap().def;
    let csat = def_sample.question("csat").unwrap();
    assert_eq!(csat.area, Some(Area::WaitingTime));

    // Answers today: 20 smileys (14 of 4–5), and SERVQUAL answers for reliability.
    let today = rida_server::analytics::org_today("Europe/Riga");
    let answer = |question, score| NewRating {
        id: Uuid::now_v7(),
        answered_at: 1_790_000_000_000,
        received_at: 1_790_000_000_000,
        local_day: rida_domain::period::day_key(today),
        site_id: w.site,
        service_id: None,
        employee_id: None,
        channel: Channel::Web,
        question_id: question,
        answer: Answer::Score(score),
        visit_id: None,
        customer_key: None,
        terminal_id: None,
        lang: None,
        flags: 0,
    };
    let mut rows: Vec<NewRating> = (0..20)
        .map(|i| answer(csat.id, if i < 14 { 4 + i % 2 } else { 2 }))
        .collect();
    let side = |s| {
        def.questions
            .iter()
            .find(|q| q.area == Some(Area::Reliability) && q.servqual == Some(s))
            .unwrap()
            .id
    };
    let expect = [7, 7, 6, 6, 6, 7, 5, 7];
    let perceive = [5, 4, 6, 5, 3, 5, 4, 6];
    rows.extend(expect.map(|s| answer(side(ServqualSide::Expectation), s)));
    rows.extend(perceive.map(|s| answer(side(ServqualSide::Perception), s)));
    app.store.insert_ratings(w.org, &rows).await.unwrap();

    let d: Value = head.get("/api/v1/results").await.json().await.unwrap();
    let line = &d["areas"]["lines"][0];
    assert_eq!(line["area"], "waiting_time");
    assert_eq!(line["n"], 20);
    assert!((line["good"]["value"].as_f64().unwrap() - 70.0).abs() < 1e-9);
    let servqual = d["areas"]["servqual"].as_array().unwrap();
    assert_eq!(servqual.len(), 1, "only the dimension with answers");
    let g = &servqual[0];
    assert_eq!(g["dimension"], "reliability");
    let counts = |v: [i16; 8]| ScoreCounts::from_pairs(Scale::Agree7, v.map(|s| (s, 1)));
    let want = gap(&counts(expect), &counts(perceive)).unwrap();
    assert!((g["gap"]["value"].as_f64().unwrap() - want.value).abs() < 1e-9);
    assert!((g["gap"]["value"].as_f64().unwrap() - (-1.625)).abs() < 1e-9);
    assert!((g["gap"]["low"].as_f64().unwrap() - want.low).abs() < 1e-9);
    let html = head.get("/admin/results").await.text().await.unwrap();
    assert!(html.contains("Satisfaction by area") && html.contains("SERVQUAL"));
    assert!(html.contains("Reliability (SERVQUAL)"));

    // The report builder groups by area: the good answers of each area's questions, on
    // any scale; a SERVQUAL dimension counts its perceptions (5–7 of 7), not what
    // customers expected.
    let r: Value = head
        .get("/api/v1/reports/run?metrics=good,csat&group=area&period=day")
        .await
        .json()
        .await
        .unwrap();
    let rows: Vec<(String, u64, f64, u64)> = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            let f = &row["figures"];
            (
                row["labels"][0].as_str().unwrap().to_string(),
                f[0]["n"].as_u64().unwrap(),
                f[0]["estimate"]["value"].as_f64().unwrap_or(-1.0),
                f[1]["n"].as_u64().unwrap(),
            )
        })
        .collect();
    let good_perceptions = perceive.iter().filter(|s| **s >= 5).count() as f64;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, "Reliability (SERVQUAL)");
    assert_eq!((rows[0].1, rows[0].3), (8, 0), "perceptions only, no CSAT");
    assert!((rows[0].2 - 100.0 * good_perceptions / 8.0).abs() < 1e-9);
    assert_eq!(rows[1].0, "Waiting time");
    assert_eq!((rows[1].1, rows[1].3), (20, 20));
    assert!((rows[1].2 - 70.0).abs() < 1e-9);
    let html = head
        .get("/admin/reports/new?metrics=good&group=area&period=day")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Area of service") && html.contains("Waiting time"));
}
