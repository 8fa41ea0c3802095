//! What tests set up or read back beyond the test organisation: free ports for servers
//! and processes started later, alert rules and alerts, PDFs read back with poppler.

use uuid::Uuid;

/// `n` free consecutive loopback ports for a server or a process started later. They
/// come from below the range the system hands out for outgoing connections and
/// `bind(0)` (32768 and up on Linux), so that no other test's connection takes them
/// between this check and the start; each call in this process gets its own block.
pub fn free_ports(n: u16) -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let first = std::process::id() % 1_000 * 12;
    loop {
        let at = NEXT.fetch_add(u32::from(n), Ordering::Relaxed);
        let base = (20_000 + (first + at) % 12_000) as u16;
        let held: Vec<_> = (0..n)
            .filter_map(|i| std::net::TcpListener::bind(("127.0.0.1", base + i)).ok())
            .collect();
        if held.len() == usize::from(n) {
            return base;
        }
    }
}

/// One free loopback port (see [`free_ports`]).
pub fn free_port() -> u16 {
    free_ports(1)
}

/// The text of a PDF as poppler reads it, and whether its first page draws to an image.
pub fn read_pdf(bytes: &[u8]) -> String {
    let dir = tempfile_dir();
    let file = dir.join("report.pdf");
    std::fs::write(&file, bytes).unwrap();
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let drawn = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg(dir.join("page"))
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(drawn.success());
    let png = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().ends_with(".png"))
        .expect("page one drawn");
    assert!(std::fs::metadata(png.path()).unwrap().len() > 5_000);
    std::fs::remove_dir_all(&dir).ok();
    String::from_utf8(text.stdout).unwrap()
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rida-pdf-{}", Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A rule raising an alert for any low score at a site (roles, deadline and the rest
/// changed by the caller with `..low_score_rule(name)`).
pub fn low_score_rule(name: &str) -> rida_store::AlertRuleInput {
    rida_store::AlertRuleInput {
        name: name.into(),
        names: Default::default(),
        kind: "low_score".into(),
        site_id: None,
        service_id: None,
        metric: None,
        threshold: None,
        min_answers: 10,
        notify_roles: vec![],
        scope: "site".into(),
        region_id: None,
        window_minutes: 60,
        notify_user: None,
        deadline_hours: None,
    }
}

/// An open alert of `rule` at `site`, raised at `raised_at` (ms), as a rule would raise it.
pub fn alert_at(rule: Uuid, site: Uuid, key: String, raised_at: i64) -> rida_store::NewAlert {
    rida_store::NewAlert {
        id: Uuid::now_v7(),
        rule_id: rule,
        key,
        site_id: Some(site),
        service_id: None,
        employee_id: None,
        visit_id: None,
        value: 1.0,
        n: 1,
        raised_at,
        day: None,
    }
}

/// A test service started by `scripts/NAME/start.sh` (the OpenID provider, the LDAP
/// directory), which prints `KEY='value'` lines; stopped by the same folder's `stop.sh`
/// when dropped, its run folder (logs) removed unless the test failed.
pub struct Scripted {
    name: &'static str,
    pub run: std::path::PathBuf,
    printed: String,
}

fn script(name: &str, file: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts")
        .join(name)
        .join(file)
}

impl Scripted {
    /// Starts `scripts/NAME/start.sh` with `env`; `run_key` names the printed run folder.
    pub async fn start(
        name: &'static str,
        env: Vec<(&'static str, String)>,
        run_key: &str,
    ) -> Scripted {
        let out = tokio::task::spawn_blocking(move || {
            std::process::Command::new("sh")
                .arg(script(name, "start.sh"))
                .envs(env)
                .output()
                .expect("start.sh")
        })
        .await
        .unwrap();
        assert!(
            out.status.success(),
            "scripts/{name}/start.sh failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut s = Scripted {
            name,
            run: std::path::PathBuf::new(),
            printed: String::from_utf8(out.stdout).unwrap(),
        };
        s.run = s.value(run_key).into();
        s
    }

    /// A value the script printed.
    pub fn value(&self, key: &str) -> String {
        self.printed
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}='")))
            .map(|v| v.trim_end_matches('\'').to_string())
            .unwrap_or_else(|| panic!("{key} in {}", self.printed))
    }
}

impl Drop for Scripted {
    fn drop(&mut self) {
        let _ = std::process::Command::new("sh")
            .arg(script(self.name, "stop.sh"))
            .arg(&self.run)
            .output();
        if std::thread::panicking() {
            eprintln!("{}'s logs are kept in {}", self.name, self.run.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.run);
        }
    }
}

/// The audit log's entries of `action`, newest first, as "actor: detail".
pub async fn audited(app: &crate::helpers::TestApp, action: &str) -> Vec<String> {
    audit_log(app)
        .await
        .into_iter()
        .filter(|e| e.action == action)
        .map(|e| format!("{}: {}", e.actor, e.detail))
        .collect()
}

/// The organisation's whole audit log, newest first.
pub async fn audit_log(app: &crate::helpers::TestApp) -> Vec<rida_store::AuditEntry> {
    app.store
        .list_audit(
            app.w.org,
            &rida_store::ListQuery::all(),
            &Default::default(),
        )
        .await
        .unwrap()
        .items
}
