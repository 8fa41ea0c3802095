//! Web surveys in Chromium: a customer's phone answering in Arabic (follow-up questions
//! appear after a low score), and a visitor of a shop's website answering through the
//! widget's frame.

use rida_store::{Backend, By};
use uuid::Uuid;

use crate::helpers::spawn_app;
use crate::web_survey::web_answers;

/// A customer's phone in Chromium: the Arabic page, a low score that brings its
/// follow-up questions, the answers sent; then a shop's own website (another origin)
/// with the widget's one tag, answered inside its frame.
#[tokio::test]
async fn a_phone_answers_in_arabic_and_a_website_visitor_through_the_widget() {
    use fantoccini::Locator::Css;
    let app = spawn_app(Backend::Sqlite).await;
    let (poster, widget) = ("Poster01", "Widget01");
    for code in [poster, widget] {
        let input = rida_store::WebSurveyInput {
            name: code.into(),
            site_id: app.w.site,
            service_id: Some(app.w.service),
            employee_id: None,
            survey_id: Some(app.w.survey),
            active: true,
        };
        app.store
            .save_web_survey(app.w.org, Uuid::now_v7(), code, &input, &By::system("test"))
            .await
            .unwrap();
    }
    let driver = crate::browser::start_chromedriver().await;
    let b = crate::browser::browser(&driver, 400, 900).await;
    let dir = crate::browser::screenshot_dir();
    b.goto(&format!("{}/q/{poster}?lang=ar", app.addr))
        .await
        .unwrap();
    b.wait().for_element(Css("html[dir=rtl]")).await.unwrap();
    // The follow-ups show only after a low score.
    let reasons = b.find(Css("#q-reasons")).await.unwrap();
    assert!(!reasons.is_displayed().await.unwrap());
    b.find(Css(".a-face:has(input[value='1'])"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(reasons.is_displayed().await.unwrap());
    b.find(Css("#q-reasons label:has(input[value='staff'])"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.find(Css("#q-comment textarea"))
        .await
        .unwrap()
        .send_keys("الانتظار طويل")
        .await
        .unwrap();
    std::fs::write(dir.join("web-survey-ar.png"), b.screenshot().await.unwrap()).unwrap();
    b.find(Css(".a-send")).await.unwrap().click().await.unwrap();
    b.wait().for_element(Css(".a-state-thanks")).await.unwrap();
    let got = web_answers(&app).await;
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(
        got.iter()
            .any(|a| a.score == Some(1) && a.lang.as_deref() == Some("ar"))
    );
    assert!(got.iter().any(|a| a.choice.as_deref() == Some("staff")));
    assert!(
        got.iter()
            .any(|a| a.answer_text.as_deref() == Some("الانتظار طويل"))
    );

    // A shop's page on another origin, in Latvian, with the widget's tag.
    let shop = axum::Router::new().route(
        "/",
        axum::routing::get({
            let src = format!("{}/w/{widget}.js", app.addr);
            move || async move {
                axum::response::Html(format!(
                    "<!doctype html><html lang=\"lv\"><body><h1>Veikals</h1><script src=\"{src}\" async></script></body></html>"
                ))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let shop_url = format!(
        "http://localhost:{}/",
        listener.local_addr().unwrap().port()
    );
    tokio::spawn(async move { axum::serve(listener, shop).await.unwrap() });
    b.goto(&shop_url).await.unwrap();
    let button = b
        .wait()
        .for_element(Css("button[aria-expanded]"))
        .await
        .unwrap();
    assert_eq!(button.text().await.unwrap(), "Atsauksmes");
    button.click().await.unwrap();
    let frame = b.wait().for_element(Css("iframe")).await.unwrap();
    frame.enter_frame().await.unwrap();
    b.wait().for_element(Css("html[lang=lv]")).await.unwrap();
    b.find(Css(".a-face:has(input[value='5'])"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.find(Css(".a-send")).await.unwrap().click().await.unwrap();
    b.wait().for_element(Css(".a-state-thanks")).await.unwrap();
    b.enter_parent_frame().await.unwrap();
    std::fs::write(
        dir.join("web-survey-widget.png"),
        b.screenshot().await.unwrap(),
    )
    .unwrap();
    let got = web_answers(&app).await;
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(
        got.iter()
            .any(|a| a.score == Some(5) && a.lang.as_deref() == Some("lv"))
    );
    b.close().await.unwrap();
}
