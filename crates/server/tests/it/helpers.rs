//! `spawn_app`: a fresh database with a small organisation, a user for every role,
//! and the real server listening on a free port.

use std::collections::HashMap;

use reqwest::{Response, StatusCode, redirect::Policy};
use rida_domain::{Role, Scale};
use rida_server::{Application, Settings, auth};
use rida_store::{
    Backend, By, EmployeeInput, SiteInput, Store, TerminalInput, UserInput,
    testing::{TempDb, fresh_store},
};
use uuid::Uuid;

/// The organisation every test starts with.
pub struct World {
    pub org: Uuid,
    pub region: Uuid,
    pub other_region: Uuid,
    pub site: Uuid,
    pub other_site: Uuid,
    pub service: Uuid,
    pub employee: Uuid,
    pub question: Uuid,
    pub nps_question: Uuid,
    pub text_question: Uuid,
    /// `rida_store::testing::sample_survey()`, saved.
    pub survey: Uuid,
    /// A terminal at `site` (in the manager's and supervisor's region) and one at `other_site`.
    pub terminal: Uuid,
    pub other_terminal: Uuid,
}

pub struct TestApp {
    pub addr: String,
    pub store: Store,
    pub w: World,
    pub db: TempDb,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

/// Every role's test account: username = role name, password below.
pub fn password_of(role: Role) -> String {
    format!("password-{role}-123")
}

/// A fresh database with the test organisation, no server yet.
pub async fn prepared(backend: Backend) -> (Store, World, TempDb) {
    let (store, db) = fresh_store(backend).await;
    let w = world(&store).await;
    (store, w, db)
}

/// Serves on `listen` until the returned task is aborted (a crash, not a graceful stop).
pub async fn serve_at(store: Store, listen: std::net::SocketAddr) -> tokio::task::JoinHandle<()> {
    let settings = Settings {
        listen,
        jobs: false,
        ..Settings::default()
    };
    let app = Application::build(settings, store)
        .await
        .expect("build app");
    tokio::spawn(async move {
        let _ = app.run_until(std::future::pending()).await;
    })
}

/// A server on a free port of loopback: (the serving task, its port, its base URL).
pub async fn serve_free(
    store: Store,
) -> (tokio::task::JoinHandle<()>, std::net::SocketAddr, String) {
    let port = std::net::SocketAddr::from(([127, 0, 0, 1], crate::fixtures::free_port()));
    let server = serve_at(store, port).await;
    (server, port, format!("http://{port}"))
}

impl TestApp {
    /// Stops the server (gracefully) and keeps its database.
    pub fn stop(self) -> (Store, World, TempDb) {
        drop(self._shutdown);
        (self.store, self.w, self.db)
    }

    /// A test application around a server already started.
    pub fn new(
        (addr, shutdown): (String, tokio::sync::oneshot::Sender<()>),
        store: Store,
        w: World,
        db: TempDb,
    ) -> TestApp {
        TestApp {
            addr,
            store,
            w,
            db,
            _shutdown: shutdown,
        }
    }
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    let (store, w, db) = prepared(backend).await;
    let app = start(store.clone()).await;
    TestApp {
        addr: app.0,
        store,
        w,
        db,
        _shutdown: app.1,
    }
}

/// Starts one more server on the same database (as a second instance would).
pub async fn start(store: Store) -> (String, tokio::sync::oneshot::Sender<()>) {
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        ..Settings::default()
    };
    let app = Application::build(settings, store)
        .await
        .expect("build app");
    start_with(app).await
}

/// Serves a built application until the returned sender is dropped.
pub async fn start_with(app: Application) -> (String, tokio::sync::oneshot::Sender<()>) {
    let addr = format!("http://{}", app.local_addr());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async {
        let _ = rx.await;
    }));
    (addr, tx)
}

async fn world(store: &Store) -> World {
    let by = By::system("test");
    let org = store
        .create_organisation("Test Bank", "en", "Europe/Riga")
        .await
        .unwrap();
    let region = store
        .create_region(
            org,
            rida_domain::new_id(),
            "North",
            &Default::default(),
            &by,
        )
        .await
        .unwrap();
    let service = store
        .create_service(
            org,
            rida_domain::new_id(),
            &rida_store::ServiceInput::named("Loans"),
            &by,
        )
        .await
        .unwrap();
    let site_input = |name: &str| SiteInput {
        names: Default::default(),
        region_id: region,
        name: name.into(),
        address: None,
        time_zone: None,
        opening_hours: None,
        service_ids: vec![service],
    };
    let site = store
        .create_site(org, rida_domain::new_id(), &site_input("Main"), &by)
        .await
        .unwrap();
    let other_region = store
        .create_region(
            org,
            rida_domain::new_id(),
            "South",
            &Default::default(),
            &by,
        )
        .await
        .unwrap();
    let other_site = store
        .create_site(
            org,
            rida_domain::new_id(),
            &SiteInput {
                names: Default::default(),
                region_id: other_region,
                ..site_input("Harbour")
            },
            &by,
        )
        .await
        .unwrap();
    let employee = store
        .create_employee(
            org,
            rida_domain::new_id(),
            &EmployeeInput {
                name: "Anna".into(),
                desk: Some("1".into()),
                external_id: Some("E1".into()),
                site_ids: vec![site],
            },
            &by,
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
            &by,
        )
        .await
        .unwrap();
    let nps_question = store
        .create_question(
            org,
            "nps",
            Scale::Nps11,
            "site",
            ["Recommend?", "توصي؟", "Ieteiktu?"],
            &by,
        )
        .await
        .unwrap();
    let text_question = store
        .create_question(
            org,
            "comment",
            Scale::Text,
            "site",
            ["Why?", "لماذا؟", "Kāpēc?"],
            &by,
        )
        .await
        .unwrap();
    let survey = store
        .create_survey(
            org,
            rida_domain::new_id(),
            "Counter",
            &Default::default(),
            &rida_store::testing::sample_survey(),
            &by,
        )
        .await
        .unwrap();
    let terminal_at = |name: &str, site| TerminalInput {
        locales: vec![rida_domain::Locale::En, rida_domain::Locale::Ar],
        ..rida_store::testing::terminal_input(name, site, Some(survey))
    };
    let terminal = store
        .create_terminal(
            org,
            rida_domain::new_id(),
            &terminal_at("Entrance", site),
            &by,
        )
        .await
        .unwrap();
    let other_terminal = store
        .create_terminal(
            org,
            rida_domain::new_id(),
            &terminal_at("Harbour door", other_site),
            &by,
        )
        .await
        .unwrap();
    for role in Role::ALL {
        let input = UserInput {
            username: role.as_str().into(),
            display_name: format!("The {role}"),
            role,
            employee_id: (role == Role::Employee).then_some(employee),
            region_ids: if role.is_scoped() {
                vec![region]
            } else {
                vec![]
            },
            site_ids: vec![],
            // Every account asks for the monthly report: the policy decides who gets one.
            email: Some(format!("{role}@test.rida.example")),
            monthly_report: true,
        };
        let hash = auth::hash_password(password_of(role)).await.unwrap();
        store
            .create_user(org, rida_domain::new_id(), &input, &hash, &by)
            .await
            .unwrap();
    }
    World {
        org,
        region,
        other_region,
        site,
        other_site,
        service,
        employee,
        question,
        nps_question,
        text_question,
        survey,
        terminal,
        other_terminal,
    }
}

impl TestApp {
    /// A browser-like client with its own cookie jar that does not follow redirects.
    pub fn client(&self) -> Client {
        Client {
            base: self.addr.clone(),
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(Policy::none())
                .build()
                .unwrap(),
        }
    }

    /// A client logged in as the given role's test account.
    pub async fn login_as(&self, role: Role) -> Client {
        let c = self.client();
        let r = c.login(role.as_str(), &password_of(role)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "login as {role}");
        // Employees have no admin area and land on their station.
        let landing = if role == Role::Employee {
            "/station"
        } else {
            "/admin"
        };
        assert_eq!(
            r.headers()["location"],
            landing,
            "{role} lands on {landing}"
        );
        c
    }

    /// A new API token of the organisation.
    pub async fn token(&self) -> String {
        rida_server::web::issue_token(&self.store, self.w.org, "test", &By::system("test"))
            .await
            .unwrap()
    }

    /// Gives `terminal` the pairing `code` and pairs it through the API, as a device would
    /// (typing the code loosely); returns the device token.
    pub async fn pair_device(&self, terminal: Uuid, code: &str) -> String {
        self.store
            .set_pairing_code(
                self.w.org,
                terminal,
                code,
                rida_store::now_ms() + 60_000,
                &By::system("test"),
            )
            .await
            .unwrap();
        let typed = format!("{}-{}", &code[..4], &code[4..]).to_lowercase();
        let r = reqwest::Client::new()
            .post(format!("{}/api/v1/kiosk/pair", self.addr))
            .json(&serde_json::json!({ "code": typed }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        r.json::<serde_json::Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A paired device's settings, as `GET /api/v1/kiosk/config` gives them.
    pub async fn device_config(&self, token: &str) -> serde_json::Value {
        self.device(token, reqwest::Method::GET, "/api/v1/kiosk/config", None)
            .await
            .json()
            .await
            .unwrap()
    }

    /// A request of a paired device (its token as bearer), with an optional JSON body.
    pub async fn device(
        &self,
        token: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> Response {
        let mut r = reqwest::Client::new()
            .request(method, format!("{}{path}", self.addr))
            .bearer_auth(token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        r.send().await.unwrap()
    }

    /// `POST /api/v1/ratings` with a JSON body and a bearer token.
    pub async fn post_ratings(&self, token: Option<&str>, body: &serde_json::Value) -> Response {
        self.post_api("/api/v1/ratings", token, body).await
    }

    /// POSTs JSON to an API path, with the token if given.
    pub async fn post_api(
        &self,
        path: &str,
        token: Option<&str>,
        body: &serde_json::Value,
    ) -> Response {
        let mut req = reqwest::Client::new()
            .post(format!("{}{path}", self.addr))
            .json(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().await.unwrap()
    }
}

/// A test browser session.
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
}

impl Client {
    pub async fn get(&self, path: &str) -> Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }

    /// The CSRF token a page's forms carry.
    pub async fn csrf(&self, page: &str) -> String {
        let html = self.get(page).await.text().await.unwrap();
        csrf_in(&html).unwrap_or_else(|| panic!("no csrf token on {page}"))
    }

    /// Submits a form as a browser would: the token is taken from `page` first.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf(page).await;
        let mut form: Vec<(&str, &str)> = vec![("csrf", &token)];
        form.extend_from_slice(fields);
        self.post_raw(action, &form).await
    }

    /// Posts a form exactly as given (no token added).
    pub async fn post_raw(&self, action: &str, fields: &[(&str, &str)]) -> Response {
        let body = serde_html_form_encode(fields);
        self.http
            .post(format!("{}{action}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn login(&self, username: &str, password: &str) -> Response {
        self.submit(
            "/login",
            "/login",
            &[
                ("username", username),
                ("password", password),
                ("next", "/admin"),
            ],
        )
        .await
    }
}

fn serde_html_form_encode(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The first CSRF token in a page.
pub fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(html[at..].split('"').next()?.to_string())
}

/// The problem+json body of an error response, checked for its content type.
pub async fn problem(r: Response) -> HashMap<String, serde_json::Value> {
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert_eq!(ct, "application/problem+json", "content type");
    r.json().await.unwrap()
}

impl TestApp {
    /// The main site open round the clock (set on its page by the head), so that a test
    /// of terminals does not depend on the hour.
    pub async fn open_round_the_clock(&self) {
        let head = self.login_as(Role::Head).await;
        let page = format!("/admin/sites/{}", self.w.site);
        let region = self.w.region.to_string();
        let r = head
            .submit(
                &page,
                &page,
                &[
                    ("name", "Main"),
                    ("region_id", &region),
                    ("opening_hours", "mon-sun 00:00-24:00"),
                ],
            )
            .await;
        assert!(r.status().is_redirection(), "{}", r.status());
    }

    /// One heartbeat of a paired terminal, as its tablet sends it.
    pub async fn heartbeat(&self, token: &str) {
        let body = serde_json::json!({ "app_version": "0.1.0", "queued": 0, "battery": 0.9, "tab": "one" });
        self.device(
            token,
            reqwest::Method::POST,
            "/api/v1/kiosk/heartbeat",
            Some(body),
        )
        .await;
    }
}
