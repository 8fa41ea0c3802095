//! E-mail end to end: the monthly report and scheduled reports are composed by the jobs,
//! sent to a real SMTP server on loopback (aiosmtpd writing a Maildir), and the received
//! messages parsed back: who got one (hidden voting), their figures against a count of
//! the raw answers, the Excel attachment, once only across instances, and an SMTP server
//! that is down (the message waits, is retried, and the admin sees why).

use std::{
    io::Cursor,
    path::PathBuf,
    process::{Child, Command, Stdio},
};

use calamine::{Data, Reader, Xlsx};
use jiff::Timestamp;
use mail_parser::{MessageParser, MimeHeaders};
use reqwest::StatusCode;
use rida_domain::{Answer, Channel, Role};
use rida_server::{AppState, Application, Settings, jobs};
use rida_store::{Backend, By, NewRating, ReportInput, both_backends};
use uuid::Uuid;

use crate::helpers::{TestApp, World, prepared, start_with};

both_backends! {
    the_monthly_report_reaches_each_reader_with_their_own_figures;
    a_down_smtp_server_delays_the_report_and_the_admin_sees_why;
    a_scheduled_report_reaches_its_author;
}

/// A real SMTP server (Debian's python3-aiosmtpd) on a loopback port, delivering into a
/// Maildir; stopped when dropped.
pub struct SmtpSink {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl SmtpSink {
    pub async fn start(port: u16) -> SmtpSink {
        let dir = std::env::temp_dir().join(format!("rida-smtp-{}", Uuid::now_v7()));
        let python =
            std::env::var("RIDA_TEST_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into());
        let mut child = Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3-aiosmtpd (apt-get install python3-aiosmtpd)");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return SmtpSink { child, dir, port };
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("aiosmtpd did not start on port {port}");
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, parsed.
    pub fn received(&self) -> Vec<Received> {
        let mut out = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(self.dir.join(sub)) else {
                continue;
            };
            for e in entries.flatten() {
                out.push(Received::parse(&std::fs::read(e.path()).unwrap()));
            }
        }
        out.sort_by(|a, b| a.to.cmp(&b.to));
        out
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// What a mail program would show of a message.
#[derive(Debug)]
pub struct Received {
    pub to: String,
    pub subject: String,
    pub html: String,
    pub text: String,
    attachments: Vec<(String, Vec<u8>)>,
}

impl Received {
    fn parse(raw: &[u8]) -> Received {
        let m = MessageParser::default()
            .parse(raw)
            .expect("a parsable message");
        Received {
            to: m
                .to()
                .and_then(|a| a.first())
                .and_then(|a| a.address())
                .unwrap_or_default()
                .to_string(),
            subject: m.subject().unwrap_or_default().to_string(),
            html: m.body_html(0).map(|s| s.into_owned()).unwrap_or_default(),
            text: m.body_text(0).map(|s| s.into_owned()).unwrap_or_default(),
            attachments: m
                .attachments()
                .map(|a| {
                    (
                        a.attachment_name().unwrap_or_default().to_string(),
                        a.contents().to_vec(),
                    )
                })
                .collect(),
        }
    }
}

pub use crate::fixtures::free_port;

pub type Running = (String, tokio::sync::oneshot::Sender<()>);

/// An instance with jobs run by hand, sending to `smtp_url`.
pub async fn instance(store: &rida_store::Store, smtp_url: &str) -> (AppState, Running) {
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        jobs: false,
        smtp_url: smtp_url.into(),
        mail_from: "Rida <rida@test.rida.example>".into(),
        public_url: "https://rida.test.example".into(),
        ..Settings::default()
    };
    let app = Application::build(settings, store.clone()).await.unwrap();
    let state = app.state().clone();
    (state, start_with(app).await)
}

/// 07:00 in Riga on a day of November 2026: October's report is due.
fn november(day: i8) -> Timestamp {
    jiff::civil::date(2026, 11, day)
        .at(7, 0, 0, 0)
        .in_tz("Europe/Riga")
        .unwrap()
        .timestamp()
}

/// October answers: at the main site (North) 8 of 10 satisfied, at the other site
/// (South) 3 of 10. Returns (CSAT of the main site, CSAT of both) in %.
async fn fill_october(store: &rida_store::Store, w: &World) -> (f64, f64) {
    let mut rows = Vec::new();
    for (site, scores, employee) in [
        (w.site, [5, 5, 4, 4, 5, 4, 5, 4, 2, 1], Some(w.employee)),
        (w.other_site, [5, 4, 4, 1, 2, 3, 2, 1, 3, 2], None),
    ] {
        for (i, s) in scores.into_iter().enumerate() {
            rows.push(NewRating {
                id: Uuid::now_v7(),
                answered_at: 1_791_000_000_000,
                received_at: 1_791_000_000_000,
                local_day: 20261010 + i as i32,
                site_id: site,
                service_id: Some(w.service),
                employee_id: employee,
                channel: Channel::Kiosk,
                question_id: w.question,
                answer: Answer::Score(s),
                visit_id: None,
                customer_key: None,
                terminal_id: None,
                lang: None,
                flags: 0,
            });
        }
    }
    store.insert_ratings(w.org, &rows).await.unwrap();
    let satisfied = |site: Uuid| {
        rows.iter()
            .filter(|r| r.site_id == site && matches!(r.answer, Answer::Score(s) if s >= 4))
            .count() as f64
    };
    (
        100.0 * satisfied(w.site) / 10.0,
        100.0 * (satisfied(w.site) + satisfied(w.other_site)) / 20.0,
    )
}

fn address(role: Role) -> String {
    format!("{role}@test.rida.example")
}

/// The figure in the first data row of a sheet's second column.
fn first_figure(xlsx: &[u8], sheet: &str) -> f64 {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(xlsx.to_vec())).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    match range.get((1, 1)) {
        Some(Data::Float(f)) => *f,
        other => panic!("no figure in {sheet}: {other:?}"),
    }
}

async fn the_monthly_report_reaches_each_reader_with_their_own_figures(backend: Backend) {
    let (store, w, _db) = prepared(backend).await;
    let (main_csat, all_csat) = fill_october(&store, &w).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (a, _s1) = instance(&store, &smtp.url()).await;
    let (b, _s2) = instance(&store, &smtp.url()).await;

    // Before 06:00 on the 1st nothing is due.
    let early = jiff::civil::date(2026, 11, 1)
        .at(5, 0, 0, 0)
        .in_tz("Europe/Riga")
        .unwrap()
        .timestamp();
    jobs::run_once(&a, early).await.unwrap();
    assert!(smtp.received().is_empty());

    // Two instances run the jobs at the same moment: each reader gets one message.
    let (ra, rb) = tokio::join!(
        jobs::run_once(&a, november(1)),
        jobs::run_once(&b, november(1))
    );
    assert_eq!(ra.unwrap().sent + rb.unwrap().sent, 3);
    jobs::run_once(&a, november(2)).await.unwrap();
    let got = smtp.received();
    let to: Vec<&str> = got.iter().map(|m| m.to.as_str()).collect();
    // Every account asked for it; the policy lets only those who read results have it.
    assert_eq!(
        to,
        [
            address(Role::Analyst),
            address(Role::Head),
            address(Role::Manager)
        ]
    );

    let head = &got[1];
    assert!(
        head.subject.contains("Test Bank") && head.subject.contains("October 2026"),
        "{}",
        head.subject
    );
    assert!(
        head.html.contains(&format!("{all_csat:.1}%")),
        "head sees both sites"
    );
    assert!(head.text.contains(&format!("{all_csat:.1}%")));
    let link = head.html.replace("&#x2f;", "/").replace("&amp;", "&");
    assert!(
        link.contains(
            "href=\"https://rida.test.example/admin/results?period=month&at=2026-10-01\""
        )
    );
    assert!(head.html.contains("Employees"), "the head sees employees");
    let (name, xlsx) = &head.attachments[0];
    assert_eq!(name, "rida-2026-10-01-2026-10-31.xlsx");
    assert!((first_figure(xlsx, "Summary") - all_csat).abs() < 0.05);
    // The same report as a PDF (typeset, read back by poppler).
    let (name, pdf) = &head.attachments[1];
    assert_eq!(name, "rida-2026-10-01-2026-10-31.pdf");
    let text = crate::fixtures::read_pdf(pdf);
    for expected in [
        "Monthly report · October 2026",
        &format!("{all_csat:.1}%"),
        "Sites, best first",
        "Employees, best first",
        "Harbour",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }

    // The manager runs the North region: only the main site, and no employees.
    let manager = &got[2];
    assert!(
        manager.html.contains(&format!("{main_csat:.1}%")),
        "{}",
        manager.html
    );
    assert!(!manager.html.contains(&format!("{all_csat:.1}%")));
    assert!(!manager.html.contains("Employees"));
    assert!((first_figure(&manager.attachments[0].1, "Summary") - main_csat).abs() < 0.05);
    let text = crate::fixtures::read_pdf(&manager.attachments[1].1);
    assert!(text.contains(&format!("{main_csat:.1}%")), "{text}");
    assert!(
        !text.contains("Harbour") && !text.contains("Employees"),
        "{text}"
    );
}

async fn a_down_smtp_server_delays_the_report_and_the_admin_sees_why(backend: Backend) {
    let (store, w, db) = prepared(backend).await;
    fill_october(&store, &w).await;
    let port = free_port();
    let (state, running) = instance(&store, &format!("smtp://127.0.0.1:{port}")).await;
    let org = w.org;

    // Nobody listens: the messages wait with the reason, none is lost.
    let round = jobs::run_once(&state, november(1)).await.unwrap();
    assert_eq!((round.sent, round.failed), (0, 3));
    let outbox = store.outbox(org, 10).await.unwrap();
    assert_eq!(outbox.len(), 3);
    assert!(
        outbox
            .iter()
            .all(|m| m.status == "pending" && m.attempts == 1 && m.last_error.is_some())
    );

    // The head sees it on the e-mail page; nobody else may open it.
    let app = TestApp::new(running, store.clone(), w, db);
    let head = app.login_as(Role::Head).await;
    let page = head.get("/admin/mail").await.text().await.unwrap();
    assert!(page.contains("trying again"), "{page}");
    for role in [Role::Manager, Role::Analyst, Role::Supervisor] {
        let c = app.login_as(role).await;
        assert_eq!(
            c.get("/admin/mail").await.status(),
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }

    // The server comes up; a round before the pause sends nothing, the next one all.
    let smtp = SmtpSink::start(port).await;
    let r = jobs::run_once(&state, november(1)).await.unwrap();
    assert_eq!(r.sent, 0);
    let later = november(1)
        .checked_add(jiff::SignedDuration::from_mins(2))
        .unwrap();
    let r = jobs::run_once(&state, later).await.unwrap();
    assert_eq!(r.sent, 3);
    assert_eq!(smtp.received().len(), 3);
    let outbox = store.outbox(org, 10).await.unwrap();
    assert!(outbox.iter().all(|m| m.status == "sent" && m.attempts == 2));
    // The month's job ran once: nothing more is composed.
    let r = jobs::run_once(&state, november(3)).await.unwrap();
    assert_eq!(r.sent, 0);
    assert_eq!(smtp.received().len(), 3);
}

async fn a_scheduled_report_reaches_its_author(backend: Backend) {
    let (store, w, _db) = prepared(backend).await;
    let (main_csat, _) = fill_october(&store, &w).await;
    let smtp = SmtpSink::start(free_port()).await;
    let (state, _running) = instance(&store, &smtp.url()).await;
    // The manager's own monthly report by site; the account no longer wants the
    // monthly overview, only this.
    let (_, manager) = store.user_id_by_username("manager").await.unwrap();
    for role in Role::ALL {
        let (_, id) = store.user_id_by_username(role.as_str()).await.unwrap();
        let u = store.user(w.org, id).await.unwrap();
        let input = rida_store::UserInput {
            username: u.username,
            display_name: u.display_name,
            role: u.role,
            employee_id: u.employee_id,
            region_ids: u.region_ids,
            site_ids: u.site_ids,
            email: u.email,
            monthly_report: false,
        };
        store
            .update_user(w.org, id, &input, &By::system("test"))
            .await
            .unwrap();
    }
    store
        .create_report(
            w.org,
            Uuid::now_v7(),
            &ReportInput {
                name: "CSAT by site <b>".into(),
                query:
                    "metrics=csat&group=site&chart=bar&period=custom&from=2025-01-01&to=2025-01-31"
                        .into(),
                shared_roles: vec![],
                schedule: "monthly".into(),
            },
            manager,
            &By::system("test"),
        )
        .await
        .unwrap();
    jobs::run_once(&state, november(5)).await.unwrap();
    jobs::run_once(&state, november(6)).await.unwrap();
    let got = smtp.received();
    assert_eq!(got.len(), 1, "{got:?}");
    let m = &got[0];
    assert_eq!(m.to, address(Role::Manager));
    assert!(
        m.subject.contains("2026-10-01") && m.subject.contains("2026-10-31"),
        "{}",
        m.subject
    );
    // The report's name is the author's words: escaped in the message.
    assert!(m.html.contains("CSAT by site &lt;b&gt;"));
    assert!(m.html.contains(&format!("{main_csat:.1}%")), "{}", m.html);
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(m.attachments[0].1.clone())).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    // Only the manager's site, with its figure from the raw answers.
    assert_eq!(range.height(), 2);
    assert_eq!(range.get((1, 0)), Some(&Data::String("Main".into())));
    assert!(matches!(range.get((1, 1)), Some(Data::Float(f)) if (f - main_csat).abs() < 0.05));
    // The same as a PDF: the author's words as words, the manager's site only.
    let (name, pdf) = &m.attachments[1];
    assert_eq!(name, "rida-report-2026-10-01-2026-10-31.pdf");
    let text = crate::fixtures::read_pdf(pdf);
    assert!(text.contains("CSAT by site <b>"), "{text}");
    assert!(
        text.contains("Main") && text.contains(&format!("{main_csat:.1}%")),
        "{text}"
    );
    assert!(!text.contains("Harbour"), "{text}");
}
