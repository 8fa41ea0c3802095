//! Headless Chromium (Debian's package, driven over WebDriver by chromedriver) loads the
//! admin pages in English and Arabic; screenshots are kept in target/screenshots.

use std::{path::PathBuf, process::Stdio, time::Duration};

use rida_domain::Role;
use rida_store::Backend;
use serde_json::json;

use crate::helpers::{password_of, spawn_app};

pub struct Driver {
    child: std::process::Child,
    pub url: String,
    /// Where chromedriver and Chromium keep their profiles and scratch files (their
    /// TMPDIR), removed when the driver stops.
    scratch: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

pub async fn start_chromedriver() -> Driver {
    let port = crate::fixtures::free_port();
    let scratch = std::env::temp_dir().join(format!("rida-chromium-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&scratch).unwrap();
    let child = std::process::Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .env("TMPDIR", &scratch)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver is installed by the README's test command (apt-get install chromium chromium-driver)");
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
        scratch,
    };
    for _ in 0..100 {
        if reqwest::get(format!("{}/status", driver.url)).await.is_ok() {
            return driver;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start");
}

pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A headless Chromium of this window size, driven through `driver`.
pub async fn browser(driver: &Driver, width: u32, height: u32) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     format!("--window-size={width},{height}")]
        }),
    );
    fantoccini::ClientBuilder::native()
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("connect to chromedriver")
}

#[tokio::test]
async fn the_admin_pages_render_in_english_and_in_right_to_left_arabic() {
    let app = spawn_app(Backend::Sqlite).await;
    let driver = start_chromedriver().await;
    let b = browser(&driver, 1280, 860).await;
    let dir = screenshot_dir();

    b.goto(&format!("{}/login", app.addr)).await.unwrap();
    std::fs::write(dir.join("login-en.png"), b.screenshot().await.unwrap()).unwrap();
    b.find(fantoccini::Locator::Css("#f-username"))
        .await
        .unwrap()
        .send_keys("head")
        .await
        .unwrap();
    b.find(fantoccini::Locator::Css("#f-password"))
        .await
        .unwrap()
        .send_keys(&password_of(Role::Head))
        .await
        .unwrap();
    b.find(fantoccini::Locator::Css("button.primary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait()
        .for_element(fantoccini::Locator::Css(".sidenav"))
        .await
        .unwrap();
    assert_eq!(b.current_url().await.unwrap().path(), "/admin");

    check_pages(&b, &app.addr, &dir, "en", "ltr", &app.w).await;

    // Switch to Arabic with the language buttons, as a user would.
    b.goto(&format!("{}/admin/sites", app.addr)).await.unwrap();
    b.find(fantoccini::Locator::Css("button[value=ar]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait()
        .for_element(fantoccini::Locator::Css("html[dir=rtl]"))
        .await
        .unwrap();
    check_pages(&b, &app.addr, &dir, "ar", "rtl", &app.w).await;
    b.close().await.unwrap();
}

/// Visits the main pages: each has the expected writing direction, with the navigation on
/// the reading side (left in LTR, right in RTL), and is saved as `NAME-LANG.png`.
async fn check_pages(
    b: &fantoccini::Client,
    addr: &str,
    dir: &std::path::Path,
    lang: &str,
    expected: &str,
    w: &crate::helpers::World,
) {
    let survey = w.survey;
    for (path, name) in [
        ("/admin".to_string(), "overview"),
        ("/admin/sites".into(), "sites"),
        ("/admin/sites/new".into(), "site-form"),
        ("/admin/users/new".into(), "user-form"),
        (format!("/admin/surveys/{survey}"), "survey-editor"),
        (
            format!("/admin/surveys/{survey}/questions/reasons"),
            "question-form",
        ),
        ("/admin/supervision".into(), "supervision"),
        (format!("/admin/terminals/{}", w.terminal), "terminal"),
        ("/admin/voice".into(), "voice"),
        ("/admin/organisation".into(), "organisation"),
        ("/help/metrics".into(), "help-metrics"),
        ("/admin/pulse".into(), "pulse"),
        ("/admin/pulse/plan".into(), "pulse-plan"),
        ("/admin/customers".into(), "customers"),
        (
            "/admin/reports/new?metrics=comment_share&group=theme".into(),
            "report-themes",
        ),
    ] {
        b.goto(&format!("{addr}{path}")).await.unwrap();
        let dir_attr = b
            .execute("return document.documentElement.dir", vec![])
            .await
            .unwrap();
        assert_eq!(dir_attr, json!(expected), "{path}");
        let nav_left = b
            .execute(
                "return document.querySelector('.sidenav').getBoundingClientRect().left",
                vec![],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        let on_the_right = nav_left > 600.0;
        assert_eq!(
            on_the_right,
            expected == "rtl",
            "{path}: navigation at {nav_left}"
        );
        std::fs::write(
            dir.join(format!("{name}-{lang}.png")),
            b.screenshot().await.unwrap(),
        )
        .unwrap();
    }
}
