//! Themes and feelings in the report builder over HTTP: each theme's share, negative
//! share and CSAT per site equal a recount with the organisation's reader; feelings add
//! up to every comment; a theme and a feeling narrow the counts; what cannot be said per
//! theme or feeling is refused beside the field (problem details over the API); hidden
//! voting holds.

use std::collections::HashMap;

use calamine::{Data, Reader, Xlsx};
use reqwest::StatusCode;
use rida_domain::{Locale, Role, text::Sentiment};
use rida_store::{Backend, both_backends};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{problem, spawn_app};
use crate::themes::{COMMENTS, fill};

both_backends! {
    reports_count_comments_per_theme_and_feeling_like_the_reader;
}

/// A figure's value and sample size.
fn fig(row: &Value, i: usize) -> (Option<f64>, u64) {
    let f = &row["figures"][i];
    (
        f["estimate"]["value"].as_f64(),
        f["n"].as_u64().unwrap_or(0),
    )
}

async fn reports_count_comments_per_theme_and_feeling_like_the_reader(backend: Backend) {
    let app = spawn_app(backend).await;
    let ids = fill(&app).await;
    let site_of: Vec<Uuid> = ids.iter().map(|(_, s)| *s).collect();
    let head = app.login_as(Role::Head).await;
    let (_, reader) = app.store.reader(app.w.org).await.unwrap();
    let set = app.store.themes(app.w.org).await.unwrap();
    let readings: Vec<_> = COMMENTS.iter().map(|(_, t)| reader.analyse(t)).collect();
    let site_name: HashMap<Uuid, String> = app
        .store
        .list_sites(app.w.org, &rida_store::ListQuery::all(), None)
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();

    // Per theme and site: the theme's share of the site's comments, its negative share,
    // the CSAT of its visits.
    let r = head
        .get("/api/v1/reports/run?metrics=comment_share,negative_comments,comment_csat&group=theme,site")
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let report: Value = r.json().await.unwrap();
    let rows = report["rows"].as_array().unwrap();
    let mut seen = 0;
    for t in set.themes.iter().filter(|t| t.enabled) {
        let name = rida_server::i18n::t(Locale::En, &format!("theme-{}", t.key));
        for (site, sname) in &site_name {
            let at: Vec<usize> = (0..COMMENTS.len())
                .filter(|i| site_of[*i] == *site)
                .collect();
            let about: Vec<usize> = at
                .iter()
                .copied()
                .filter(|i| readings[*i].themes.iter().any(|h| h.theme == t.key))
                .collect();
            let row = rows
                .iter()
                .find(|r| r["labels"][0] == name.as_str() && r["labels"][1] == sname.as_str());
            let Some(row) = row else {
                assert!(about.is_empty(), "{} at {sname}: no row", t.key);
                continue;
            };
            seen += 1;
            let n = about.len() as f64;
            let negative = about
                .iter()
                .filter(|i| readings[**i].sentiment == Sentiment::Negative)
                .count() as f64;
            let satisfied = about.iter().filter(|i| COMMENTS[**i].0 >= 4).count() as f64;
            let (share, count) = fig(row, 0);
            assert_eq!(count, about.len() as u64, "{} at {sname}", t.key);
            assert!((share.unwrap() - 100.0 * n / at.len() as f64).abs() < 0.01);
            assert!((fig(row, 1).0.unwrap() - 100.0 * negative / n).abs() < 0.01);
            let (csat, scored) = fig(row, 2);
            assert_eq!(scored, about.len() as u64, "every visit gave a score");
            assert!((csat.unwrap() - 100.0 * satisfied / n).abs() < 0.01);
        }
    }
    assert_eq!(seen, rows.len(), "no row of a theme turned off: {rows:?}");
    assert!(seen >= 3);

    // Per feeling: the counts are the reader's, and the shares of a place add up to 100.
    let report: Value = head
        .get("/api/v1/reports/run?metrics=comment_share,negative_comments&group=sentiment")
        .await
        .json()
        .await
        .unwrap();
    let rows = report["rows"].as_array().unwrap();
    let mut total = 0.0;
    for s in Sentiment::ALL {
        let name = rida_server::i18n::t(Locale::En, &format!("sentiment-{}", s.as_str()));
        let want = readings.iter().filter(|a| a.sentiment == s).count() as u64;
        let row = rows.iter().find(|r| r["labels"][0] == name.as_str());
        match row {
            Some(row) => {
                assert_eq!(fig(row, 0).1, want, "{name}");
                total += fig(row, 0).0.unwrap();
                let negative = if s == Sentiment::Negative { 100.0 } else { 0.0 };
                assert_eq!(fig(row, 1).0, Some(negative));
            }
            None => assert_eq!(want, 0, "{name}"),
        }
    }
    assert!((total - 100.0).abs() < 0.01, "{total}");

    // Narrowed to a theme and a feeling: the negative comments about waiting, per site.
    let report: Value = head
        .get(
            "/api/v1/reports/run?metrics=comment_share&group=site&theme=waiting&sentiment=negative",
        )
        .await
        .json()
        .await
        .unwrap();
    let counted: u64 = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| fig(r, 0).1)
        .sum();
    let want = readings
        .iter()
        .filter(|a| {
            a.sentiment == Sentiment::Negative && a.themes.iter().any(|h| h.theme == "waiting")
        })
        .count() as u64;
    assert!(want > 0);
    assert_eq!(counted, want);

    // What cannot be said: each refused with its reason, beside the field on the page.
    for (query, code) in [
        ("metrics=csat&group=theme", "themes-comments-only"),
        ("metrics=csat&sentiment=negative", "themes-comments-only"),
        ("metrics=comment_share&group=channel", "comments-not-per"),
        ("metrics=comment_share&language=ar", "comments-not-per"),
        (
            "metrics=comment_csat&group=sentiment",
            "comment-csat-not-per-feeling",
        ),
        ("metrics=comment_share&group=handler", "comments-not-per"),
        ("metrics=comment_share&theme=nope", "invalid-parameter"),
    ] {
        let r = head.get(&format!("/api/v1/reports/run?{query}")).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{query}");
        let p = problem(r).await;
        assert_eq!(
            p["type"],
            format!("urn:rida:problem:{code}"),
            "{query}: {p:?}"
        );
    }
    let page = head
        .get("/admin/reports/new?metrics=csat&group=theme")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&rida_server::i18n::t(
        Locale::En,
        "report-themes-comments-only"
    )));
    // The page names the themes in the reader's language, in the table and the filter.
    let page = head
        .get("/admin/reports/new?metrics=comment_share&group=theme&chart=table")
        .await
        .text()
        .await
        .unwrap();
    let waiting = rida_server::i18n::t(Locale::En, "theme-waiting");
    assert!(
        page.matches(&waiting).count() >= 2,
        "{waiting} in the table and the filter"
    );
    // The workbook, read back with a spreadsheet reader: the metric's name and the theme.
    let bytes = crate::exports::download(
        &head,
        "/admin/reports/export.xlsx?metrics=comment_share&group=theme",
    )
    .await;
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let cells: Vec<Data> = book
        .worksheet_range(&sheet)
        .unwrap()
        .rows()
        .flat_map(|r| r.to_vec())
        .collect();
    for want in [
        waiting.clone(),
        rida_server::i18n::t(Locale::En, "metric-comment_share"),
    ] {
        assert!(
            cells.contains(&Data::String(want.clone())),
            "{want}: {cells:?}"
        );
    }

    // Hidden voting: per employee only for who may see employees, and a person's theme
    // with fewer comments than the minimum withheld.
    let analyst = app.login_as(Role::Analyst).await;
    let r = analyst
        .get("/api/v1/reports/run?metrics=comment_share&group=employee")
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let employee = app.login_as(Role::Employee).await;
    let r = employee
        .get("/api/v1/reports/run?metrics=comment_share&group=theme")
        .await;
    assert!(r.status() == StatusCode::FORBIDDEN || r.status() == StatusCode::NOT_FOUND);
    let report: Value = head
        .get("/api/v1/reports/run?metrics=comment_share,negative_comments&group=employee,theme")
        .await
        .json()
        .await
        .unwrap();
    let min = app.store.organisation(app.w.org).await.unwrap().min_shown as u64;
    for row in report["rows"].as_array().unwrap() {
        for i in 0..2 {
            let f = &row["figures"][i];
            let small = f["n"].as_u64().unwrap() < min;
            assert_eq!(f["withheld"], small, "{row}");
            if small {
                assert!(f["estimate"].is_null(), "{row}");
            }
        }
    }
}
