//! The organisation's logo: only a real, small image is taken.

use reqwest::StatusCode;
use rida_domain::Role;
use rida_store::{Backend, both_backends};

use crate::helpers::spawn_app;

both_backends! {
    the_logo_must_be_a_real_small_image;
}

async fn the_logo_must_be_a_real_small_image(backend: Backend) {
    let app = spawn_app(backend).await;
    let head = app.login_as(Role::Head).await;
    let upload = |bytes: Vec<u8>, name: &'static str| {
        let head = &head;
        async move {
            let token = head.csrf("/admin/organisation").await;
            let form = reqwest::multipart::Form::new().text("csrf", token).part(
                "logo",
                reqwest::multipart::Part::bytes(bytes).file_name(name),
            );
            head.http
                .post(format!("{}/admin/organisation/logo", head.base))
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let r = upload(b"<svg onload=alert(1)></svg>".to_vec(), "logo.png").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("not a PNG, JPEG, WebP or GIF")
    );

    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(600 * 1024, 0);
    let r = upload(big, "big.png").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("too large"));
    assert!(app.store.logo(app.w.org).await.unwrap().is_none());

    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let r = upload(png.clone(), "logo.png").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let served = reqwest::get(format!("{}/logo", app.addr)).await.unwrap();
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.bytes().await.unwrap().to_vec(), png);
    assert!(
        head.get("/admin")
            .await
            .text()
            .await
            .unwrap()
            .contains("/logo?v=")
    );

    // Without the form token nothing changes.
    let form = reqwest::multipart::Form::new().part(
        "logo",
        reqwest::multipart::Part::bytes(b"GIF89a....".to_vec()),
    );
    let r = head
        .http
        .post(format!("{}/admin/organisation/logo", head.base))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.store.logo(app.w.org).await.unwrap().unwrap().1,
        "image/png"
    );
}
