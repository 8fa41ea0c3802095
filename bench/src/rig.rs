//! What the terminal benchmarks share: a database with a survey and terminals waiting to
//! be paired, and `rida serve` as its own process, stopped however the bench ends.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use rida_store::{By, Store};
use uuid::Uuid;

/// `rida serve` on `dir`, killed when dropped.
pub struct Server(pub std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The release binary (the bench measures what users run).
pub fn rida_binary() -> anyhow::Result<PathBuf> {
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/rida");
    anyhow::ensure!(
        bin.exists(),
        "build it first: cargo build --release -p rida"
    );
    Ok(bin)
}

/// Starts `rida serve` on `dir` at `addr` and waits until it is ready; its log goes to
/// `dir/server.log`.
pub async fn serve(dir: &Path, addr: &str) -> anyhow::Result<Server> {
    let server = Server(
        Command::new(rida_binary()?)
            .args(["serve", "--listen", addr, "--data-dir"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.join("server.log"))?)
            .spawn()?,
    );
    crate::wait_ready(addr).await?;
    Ok(server)
}

/// A fresh database in `dir` with the sample survey; returns the store, organisation,
/// site and survey.
pub async fn with_survey(dir: &Path) -> anyhow::Result<(Store, Uuid, Uuid, Uuid)> {
    let (store, w) = crate::fresh(dir).await?;
    let survey = survey(&store, w.org).await?;
    Ok((store, w.org, w.site, survey))
}

/// The sample survey in `org`; its id.
pub async fn survey(store: &Store, org: Uuid) -> anyhow::Result<Uuid> {
    Ok(store
        .create_survey(
            org,
            rida_domain::new_id(),
            "Counter",
            &Default::default(),
            &rida_store::testing::sample_survey(),
            &By::system("bench"),
        )
        .await?)
}

/// Registers a rating terminal showing `survey` and gives it the pairing `code`.
pub async fn terminal(
    store: &Store,
    (org, site, survey): (Uuid, Uuid, Uuid),
    name: &str,
    code: &str,
) -> anyhow::Result<Uuid> {
    let by = By::system("bench");
    let id = store
        .create_terminal(
            org,
            rida_domain::new_id(),
            &rida_store::testing::terminal_input(name, site, Some(survey)),
            &by,
        )
        .await?;
    store
        .set_pairing_code(org, id, code, rida_store::now_ms() + 3_600_000, &by)
        .await?;
    Ok(id)
}

/// A site named `name` in `region` offering `services`, with `employees` employees
/// named after it; the site's id and theirs.
pub async fn branch(
    store: &Store,
    (org, region): (Uuid, Uuid),
    name: &str,
    services: &[Uuid],
    employees: usize,
) -> anyhow::Result<(Uuid, Vec<Uuid>)> {
    let by = By::system("bench");
    let site = store
        .create_site(
            org,
            rida_domain::new_id(),
            &rida_store::SiteInput {
                names: Default::default(),
                region_id: region,
                name: name.into(),
                address: None,
                time_zone: None,
                opening_hours: None,
                service_ids: services.to_vec(),
            },
            &by,
        )
        .await?;
    let mut staff = Vec::new();
    for e in 0..employees {
        let input = rida_store::EmployeeInput {
            name: format!("Employee {name}-{e}"),
            desk: None,
            external_id: None,
            site_ids: vec![site],
        };
        staff.push(
            store
                .create_employee(org, rida_domain::new_id(), &input, &by)
                .await?,
        );
    }
    Ok((site, staff))
}

/// A browser signed in to the Rida at `base` (cookies kept), as a person would.
pub async fn sign_in(
    base: &str,
    username: &str,
    password: &str,
) -> anyhow::Result<reqwest::Client> {
    let c = reqwest::Client::builder().cookie_store(true).build()?;
    let login = c.get(format!("{base}/login")).send().await?.text().await?;
    let csrf = login
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_default()
        .to_string();
    let r = c
        .post(format!("{base}/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("username", username),
            ("password", password),
        ])
        .send()
        .await?;
    anyhow::ensure!(r.status().is_success(), "sign-in: {}", r.status());
    Ok(c)
}
