//! The Overview at a network's scale: the open alerts counted however many there are,
//! and long rankings and the employee × service matrix cut to what a head reads, with
//! the rest a click away.

use rida_domain::{Answer, Role};
use rida_store::{Backend, By, EmployeeInput, both_backends};
use uuid::Uuid;

use crate::{fixtures::low_score_rule, helpers::spawn_app, results::answer};

both_backends! {
    the_open_alerts_are_counted_however_many;
    long_lists_show_their_ends_and_the_rest_on_a_click;
}

async fn the_open_alerts_are_counted_however_many(backend: Backend) {
    let app = spawn_app(backend).await;
    let by = By::system("test");
    let rule = app
        .store
        .create_alert_rule(
            app.w.org,
            Uuid::now_v7(),
            &rida_store::AlertRuleInput {
                min_answers: 1,
                ..low_score_rule("Low scores")
            },
            &by,
        )
        .await
        .unwrap();
    // 520 open at the manager's site, 7 at the other one.
    for i in 0..527 {
        let site = if i < 520 {
            app.w.site
        } else {
            app.w.other_site
        };
        let alert =
            crate::fixtures::alert_at(rule, site, format!("answer-{i}"), 1_790_000_000_000 + i);
        app.store.raise_alert(app.w.org, &alert, &[]).await.unwrap();
    }
    let page = |c: crate::helpers::Client| async move {
        c.get("/admin/results").await.text().await.unwrap()
    };
    assert!(
        page(app.login_as(Role::Head).await)
            .await
            .contains("527 open alerts")
    );
    // The manager reaches the first site only.
    assert!(
        page(app.login_as(Role::Manager).await)
            .await
            .contains("520 open alerts")
    );
}

/// A network's Overview does not list every employee: a ranking of 45 shows its best and
/// its worst ten ranked with the 25 others a click away, and the employee × service matrix
/// waits for a click; asked for, each comes whole.
async fn long_lists_show_their_ends_and_the_rest_on_a_click(backend: Backend) {
    let app = spawn_app(backend).await;
    let by = By::system("test");
    let mut staff = Vec::new();
    let mut rows = Vec::new();
    for i in 0..45 {
        let e = app
            .store
            .create_employee(
                app.w.org,
                rida_domain::new_id(),
                &EmployeeInput {
                    name: format!("Staff {i:02}"),
                    desk: None,
                    external_id: None,
                    site_ids: vec![app.w.site],
                },
                &by,
            )
            .await
            .unwrap();
        // Forty ranked, each worse than the one before (Staff 00 the best); five with one
        // answer, too few to rank, listed after them: not among "the worst".
        let scores: Vec<i16> = if i < 40 {
            (0..30).map(|k| if k < i * 3 / 4 { 1 } else { 5 }).collect()
        } else {
            vec![1]
        };
        for s in scores {
            rows.push(answer(
                &app,
                app.w.site,
                Some(e),
                app.w.question,
                Answer::Score(s),
            ));
        }
        staff.push(e);
    }
    app.store.insert_ratings(app.w.org, &rows).await.unwrap();
    let head = app.login_as(Role::Head).await;
    let listed = |page: &str| {
        staff
            .iter()
            .filter(|e| page.contains(&format!("employee={e}\"")))
            .count()
    };
    let page = head.get("/admin/results").await.text().await.unwrap();
    assert_eq!(listed(&page), 20, "the ten best and the ten worst");
    let shown = |i: usize| page.contains(&format!("employee={}\"", staff[i]));
    assert!(
        (0..10).chain(30..40).all(shown),
        "the best and the worst ranked"
    );
    assert!(!(10..30).chain(40..45).any(shown));
    assert!(page.contains("25 more not shown here"));
    assert!(page.contains("all=employee#employees"));
    assert!(page.contains("45 employees are too many to read at once"));
    assert!(!page.contains("class=\"matrix\""));
    let page = head
        .get("/admin/results?all=employee")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(listed(&page), 45);
    assert!(!page.contains("more not shown here"));
    let page = head
        .get("/admin/results?all=matrix")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("class=\"matrix\""));
    assert_eq!(page.matches("<th scope=\"row\">").count(), 45);
    assert_eq!(listed(&page), 20);
}
