//! A real Kannel (bearerbox, smsbox and the fake SMSC from Debian's kannel-extras) on
//! loopback ports of its own, started by `scripts/kannel/start.sh` and stopped when
//! dropped, and a Rida server whose SMS go through it.

use std::{path::PathBuf, process::Command, time::Duration};

use rida_server::{AppState, Application, Settings};
use rida_store::{Backend, Store};

use crate::helpers::{TestApp, prepared, start_with};

pub const TOKEN: &str = "kannel-test-token";

/// Four free consecutive loopback ports (admin, box, sendsms, fake SMSC).
pub fn free_ports() -> u16 {
    crate::fixtures::free_ports(4)
}

fn script(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../scripts/kannel")
        .join(name)
}

pub struct Kannel {
    pub run: PathBuf,
}

impl Kannel {
    /// Starts Kannel calling Rida at `rida_url` (retrying a failed call every second).
    pub async fn start(rida_url: &str, base: u16) -> Kannel {
        let (url, script) = (rida_url.to_string(), script("start.sh"));
        let out = tokio::task::spawn_blocking(move || {
            Command::new("sh")
                .arg(script)
                .env("RIDA_URL", url)
                .env("TOKEN", TOKEN)
                .env("PORT_BASE", base.to_string())
                .env("HTTP_RETRY", "20")
                .env("HTTP_DELAY", "1")
                .output()
                .expect("sh scripts/kannel/start.sh")
        })
        .await
        .unwrap();
        assert!(
            out.status.success(),
            "Kannel did not start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let run = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
        Kannel { run }
    }

    pub fn sendsms_url(base: u16) -> String {
        format!("http://127.0.0.1:{}/cgi-bin/sendsms", base + 2)
    }

    /// A customer's SMS into the fake SMSC (UCS-2 when not ASCII, as phones send it).
    pub fn mo(&self, from: &str, text: &str) {
        let ok = Command::new("sh")
            .arg(script("mo.sh"))
            .arg(&self.run)
            .args([from, "RIDA", text])
            .status()
            .unwrap()
            .success();
        assert!(ok, "mo.sh failed");
    }

    /// Every SMS the fake SMSC received so far, as (to, text), long ones joined.
    pub fn sent(&self) -> Vec<(String, String)> {
        let log = std::fs::read_to_string(self.run.join("fakesmsc.log")).unwrap_or_default();
        let mut out: Vec<(String, String)> = Vec::new();
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        for line in log.lines() {
            let Some(i) = line.find("Got message") else {
                continue;
            };
            let Some(body) = line[i..]
                .split_once(": <")
                .map(|(_, b)| b.trim_end_matches('>'))
            else {
                continue;
            };
            let mut words = body.splitn(4, ' ');
            let (_from, to, kind, rest) = (
                words.next().unwrap_or(""),
                words.next().unwrap_or("").to_string(),
                words.next().unwrap_or(""),
                words.next().unwrap_or(""),
            );
            match kind {
                "text" => out.push((to, rest.to_string())),
                "ucs-2" => out.push((to, utf16(&unescape(rest)))),
                "udh" => {
                    // udh %05%00%03<ref><total><n> data <UTF-16BE>
                    let (udh, data) = rest.split_once(" data ").unwrap_or((rest, ""));
                    let udh = unescape(udh);
                    parts.push((to.clone(), unescape(data)));
                    if udh.len() >= 6 && udh[5] == udh[4] {
                        let whole: Vec<u8> = parts.drain(..).flat_map(|(_, b)| b).collect();
                        out.push((to, utf16(&whole)));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Waits until the fake SMSC has received `n` messages.
    pub async fn wait_sent(&self, n: usize) -> Vec<(String, String)> {
        for _ in 0..100 {
            let sent = self.sent();
            if sent.len() >= n {
                return sent;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the fake SMSC received {:?}, not {n} messages", self.sent());
    }
}

impl Drop for Kannel {
    fn drop(&mut self) {
        let _ = Command::new("sh")
            .arg(script("stop.sh"))
            .arg(&self.run)
            .status();
        // The logs stay for a test that failed; otherwise nothing is left behind.
        if std::thread::panicking() {
            eprintln!("Kannel's logs kept in {}", self.run.display());
        } else {
            let _ = std::fs::remove_dir_all(&self.run);
        }
    }
}

/// `%XX` escapes and `+` (a space) to bytes; other characters as they are.
fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 3 <= b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

fn utf16(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// A test organisation's server whose SMS go through Kannel at `base` (which may be
/// started later), listening on a port known before it starts.
pub struct SmsApp {
    pub app: TestApp,
    pub state: AppState,
    pub port: u16,
    pub base: u16,
}

pub async fn settings(port: u16, base: u16) -> Settings {
    Settings {
        listen: format!("127.0.0.1:{port}").parse().unwrap(),
        public_url: format!("http://127.0.0.1:{port}"),
        jobs: false,
        sms_gateway: "kannel".into(),
        kannel_url: Kannel::sendsms_url(base),
        kannel_username: "rida".into(),
        kannel_password: "rida-secret".into(),
        sms_from: "RIDA".into(),
        kannel_hook_token: TOKEN.into(),
        ..Settings::default()
    }
}

/// Serves `store` with the gateway settings on `port`.
pub async fn serve(
    store: Store,
    port: u16,
    base: u16,
) -> (AppState, (String, tokio::sync::oneshot::Sender<()>)) {
    let app = Application::build(settings(port, base).await, store)
        .await
        .expect("build app");
    let state = app.state().clone();
    (state, start_with(app).await)
}

pub async fn spawn_sms_app(backend: Backend) -> SmsApp {
    let (store, w, db) = prepared(backend).await;
    let port = crate::fixtures::free_port();
    let base = free_ports();
    let (state, server) = serve(store.clone(), port, base).await;
    SmsApp {
        app: TestApp::new(server, store, w, db),
        state,
        port,
        base,
    }
}
