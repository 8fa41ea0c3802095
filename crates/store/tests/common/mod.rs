//! What the storage tests share: a small organisation and a rating in it. Each test file
//! uses a part of it.
#![allow(dead_code)]

use rida_domain::{Answer, Channel, Scale};
use rida_store::{By, EmployeeInput, ListQuery, NewRating, SiteInput, Store};
use uuid::Uuid;

pub fn by() -> By {
    By::system("test")
}

pub fn all() -> ListQuery {
    ListQuery {
        limit: 100,
        ..ListQuery::default()
    }
}

#[derive(Clone)]
pub struct World {
    pub org: Uuid,
    pub region: Uuid,
    pub site: Uuid,
    pub service: Uuid,
    pub employee: Uuid,
    pub question: Uuid,
}

pub async fn world(store: &Store) -> World {
    let org = store
        .create_organisation("Baltic Bank", "en", "Europe/Riga")
        .await
        .unwrap();
    let region = store
        .create_region(
            org,
            rida_domain::new_id(),
            "Kurzeme",
            &Default::default(),
            &by(),
        )
        .await
        .unwrap();
    let service = store
        .create_service(
            org,
            rida_domain::new_id(),
            &rida_store::ServiceInput {
                names: Default::default(),
                code: Some("LN".into()),
                ..rida_store::ServiceInput::named("Loans")
            },
            &by(),
        )
        .await
        .unwrap();
    let site = store
        .create_site(
            org,
            rida_domain::new_id(),
            &SiteInput {
                names: Default::default(),
                region_id: region,
                name: "Liepāja".into(),
                address: Some("Lielā iela 1".into()),
                time_zone: None,
                opening_hours: None,
                service_ids: vec![service],
            },
            &by(),
        )
        .await
        .unwrap();
    let employee = store
        .create_employee(
            org,
            rida_domain::new_id(),
            &EmployeeInput {
                name: "Anna Bērziņa".into(),
                desk: Some("3".into()),
                external_id: Some("Q-17".into()),
                site_ids: vec![site],
            },
            &by(),
        )
        .await
        .unwrap();
    let question = store
        .create_question(
            org,
            "csat",
            Scale::Csat5,
            "site",
            ["How was it?", "كيف كانت؟", "Kā bija?"],
            &by(),
        )
        .await
        .unwrap();
    World {
        org,
        region,
        site,
        service,
        employee,
        question,
    }
}

pub fn rating(w: &World, score: i16) -> NewRating {
    NewRating {
        id: Uuid::now_v7(),
        answered_at: 1_790_000_000_000,
        received_at: 1_790_000_000_500,
        local_day: 20260921,
        site_id: w.site,
        service_id: Some(w.service),
        employee_id: Some(w.employee),
        channel: Channel::Kiosk,
        question_id: w.question,
        answer: Answer::Score(score),
        visit_id: None,
        customer_key: None,
        terminal_id: None,
        lang: None,
        flags: 0,
    }
}

/// A second instance's store on the same database: a pool of its own.
#[allow(dead_code)] // not every test file opens a second instance
pub async fn other_instance(url: &str) -> Store {
    Store::connect(&rida_store::ConnectOptions {
        url: url.to_string(),
        create_if_missing: false,
        max_connections: 4,
        statement_timeout: None,
    })
    .await
    .unwrap()
}

/// Runs one statement on the database behind the stores' backs (what no write path of
/// Rida does): shows whether a figure was read again or kept.
pub async fn behind_their_backs(backend: rida_store::Backend, url: &str, sql: &str) {
    match backend {
        rida_store::Backend::Sqlite => {
            let pool = sqlx::SqlitePool::connect(url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap();
            pool.close().await;
        }
        rida_store::Backend::Postgres => {
            let pool = sqlx::PgPool::connect(url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.unwrap();
            pool.close().await;
        }
    }
}
