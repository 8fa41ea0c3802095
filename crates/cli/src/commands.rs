//! What each subcommand does.

use std::{io::Read, path::PathBuf};

use anyhow::{Context, bail};
use clap::Subcommand;
use rida_domain::{Role, names};
use rida_server::{Application, Settings, auth};
use rida_store::{By, ConnectOptions, ListQuery, Store, UserInput};

use crate::{Command, DbOpts, demo};

#[derive(Subcommand)]
pub enum UserCmd {
    /// Add a user. The password is read from standard input with --password-stdin,
    /// otherwise a strong one is generated and printed once.
    Add {
        username: String,
        /// head, manager, supervisor, analyst or employee.
        #[arg(long, default_value = "head")]
        role: Role,
        /// Full name (default: the username).
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        db: DbOpts,
    },
    /// Set a new password (read from standard input with --password-stdin, else generated).
    Passwd {
        username: String,
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        db: DbOpts,
    },
    /// List user accounts.
    List {
        #[command(flatten)]
        db: DbOpts,
    },
}

#[derive(Subcommand)]
pub enum RollupCmd {
    /// Compute the daily rollups again from the raw answers (in one transaction; results
    /// keep being served meanwhile).
    Rebuild {
        #[command(flatten)]
        db: DbOpts,
    },
}

#[derive(Subcommand)]
pub enum TokenCmd {
    /// Create a token; it is printed once and stored only as a hash.
    Create {
        /// Who uses it, e.g. "queue system".
        name: String,
        #[command(flatten)]
        db: DbOpts,
    },
    /// List tokens.
    List {
        #[command(flatten)]
        db: DbOpts,
    },
    /// Revoke a token by id.
    Revoke {
        id: uuid::Uuid,
        #[command(flatten)]
        db: DbOpts,
    },
}

pub(crate) fn settings(
    config: Option<&PathBuf>,
    db: &DbOpts,
    listen: Option<std::net::SocketAddr>,
) -> anyhow::Result<Settings> {
    let mut s = Settings::load(config.map(PathBuf::as_path))
        .map_err(|e| anyhow::anyhow!("settings: {e}"))?;
    if let Some(d) = &db.data_dir {
        s.data_dir = d.clone();
    }
    if let Some(u) = &db.database_url {
        s.database_url = u.clone();
    }
    if let Some(l) = listen {
        s.listen = l;
    }
    Ok(s)
}

fn init_logging(s: &Settings) {
    use tracing_subscriber::{EnvFilter, fmt};
    let filter = EnvFilter::try_from_env("RIDA_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    if s.log_json {
        let _ = fmt().json().with_env_filter(filter).try_init();
    } else {
        let _ = fmt().with_env_filter(filter).try_init();
    }
}

/// Opens (and migrates) the database the settings name, for a command-line tool: no
/// statement timeout (a rebuild or an export may run long). Only the default SQLite file
/// in the data folder is created when missing.
pub(crate) async fn open(s: &Settings) -> anyhow::Result<Store> {
    open_with(s, None).await
}

/// Opens (and migrates) the database; statements longer than `statement_timeout` are
/// cancelled by PostgreSQL.
async fn open_with(
    s: &Settings,
    statement_timeout: Option<std::time::Duration>,
) -> anyhow::Result<Store> {
    let (url, default_location) = s.effective_database_url();
    if default_location {
        std::fs::create_dir_all(&s.data_dir)
            .with_context(|| format!("creating {}", s.data_dir.display()))?;
    }
    let store = Store::connect(&ConnectOptions {
        url,
        create_if_missing: default_location,
        max_connections: s.max_connections,
        statement_timeout,
    })
    .await?;
    store.migrate().await?;
    Ok(store)
}

/// Opens the database for `serve` and `demo`: a PostgreSQL server that does not answer
/// yet (still starting, restarting with the machine, the network not up) is waited for,
/// trying again with growing pauses up to 30 s, each try said on standard error, instead
/// of exiting into a service manager's restart loop; any other problem (a wrong
/// password, no such database, a bad URL) ends at once with its message.
async fn open_waiting(s: &Settings) -> anyhow::Result<Store> {
    let mut pause = std::time::Duration::from_secs(1);
    // Requests wait for no statement longer than this.
    let limit =
        (s.statement_timeout_s > 0).then(|| std::time::Duration::from_secs(s.statement_timeout_s));
    loop {
        match open_with(s, limit).await {
            Err(e)
                if e.downcast_ref::<rida_store::StoreError>()
                    .is_some_and(rida_store::StoreError::is_unavailable) =>
            {
                eprintln!(
                    "  {e}; trying again in {} s (Ctrl-C stops)",
                    pause.as_secs()
                );
                tokio::select! {
                    _ = tokio::time::sleep(pause) => {}
                    _ = shutdown_signal() => bail!("stopped while waiting for the database"),
                }
                pause = (pause * 2).min(std::time::Duration::from_secs(30));
            }
            r => return r,
        }
    }
}

async fn org_id(store: &Store) -> anyhow::Result<uuid::Uuid> {
    match store.first_organisation().await? {
        Some(o) => Ok(o.id),
        None => {
            bail!("the database has no organisation yet: run `rida serve` once, or `rida demo`")
        }
    }
}

fn read_password(stdin: bool) -> anyhow::Result<(String, bool)> {
    if stdin {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        let pw = s.trim_end_matches(['\r', '\n']).to_string();
        names::new_password(&pw).map_err(|e| anyhow::anyhow!("password: {e}"))?;
        Ok((pw, false))
    } else {
        Ok((generate_password(), true))
    }
}

/// A strong password that is easy to type: four groups of five letters and digits.
pub fn generate_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..4)
        .map(|_| {
            (0..5)
                .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("-")
}

async fn serve(s: Settings, store: Store) -> anyhow::Result<()> {
    init_logging(&s);
    let started = std::time::Instant::now();
    let app = Application::build(s.clone(), store).await?;
    tracing::info!(
        address = %app.local_addr(),
        database = %rida_server::settings::redact_url(&s.effective_database_url().0),
        ready_ms = started.elapsed().as_millis() as u64,
        "Rida is serving"
    );
    eprintln!("\n  Rida is running at http://{}/\n", app.local_addr());
    app.run_until(shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// A fresh installation gets an organisation and a head account whose password is
/// shown once on the terminal.
async fn first_run(store: &Store) -> anyhow::Result<()> {
    if store.first_organisation().await?.is_some() {
        return Ok(());
    }
    let org = store
        .create_organisation("My organisation", "en", "UTC")
        .await?;
    let password = generate_password();
    let hash = auth::hash_password(password.clone()).await?;
    let input = UserInput {
        username: "admin".into(),
        display_name: "Administrator".into(),
        role: Role::Head,
        employee_id: None,
        region_ids: vec![],
        site_ids: vec![],
        email: None,
        monthly_report: false,
    };
    store
        .create_user(
            org,
            rida_domain::new_id(),
            &input,
            &hash,
            &By::system("setup"),
        )
        .await?;
    eprintln!(
        "\n  First start: created the organisation and its head account.\n  Sign in as  admin  with password  {password}\n  (shown only now; change it under My account)\n"
    );
    Ok(())
}

pub async fn run(config: Option<PathBuf>, command: Command) -> anyhow::Result<()> {
    let config = config.as_ref();
    match command {
        Command::Serve(o) => {
            let s = settings(config, &o.db, o.listen)?;
            let store = open_waiting(&s).await?;
            first_run(&store).await?;
            serve(s, store).await
        }
        Command::Demo { serve: o, answers } => {
            let s = settings(config, &o.db, o.listen)?;
            let store = open_waiting(&s).await?;
            // Serves at once; the demo's history is written meanwhile.
            if let Some(fill) = demo::ensure(&store, answers).await? {
                // Written through connections of its own, closed when done: those that
                // wrote a year of answers give their memory back instead of serving on
                // with it (an idle demo held 143 MB, most of it there).
                let writer = Settings {
                    max_connections: 2,
                    ..s.clone()
                };
                let writer = open(&writer).await?;
                let key = rida_server::contact::ContactKey::load(&s, &store).await?;
                tokio::spawn(async move {
                    if let Err(e) = fill.run(&writer, &key).await {
                        eprintln!("  demo: writing the history failed: {e:#}");
                    }
                    writer.close().await;
                    crate::give_back_freed_memory();
                });
            }
            demo::terminals::spawn(store.clone());
            serve(s, store).await
        }
        Command::Migrate(db) => {
            let s = settings(config, &db, None)?;
            let store = open(&s).await?;
            let v = store.applied_migrations().await?;
            println!(
                "database is at migration {}",
                v.last().copied().unwrap_or(0)
            );
            Ok(())
        }
        Command::Config => {
            print!("{}", Settings::example_toml());
            Ok(())
        }
        Command::Backup { file, db } => {
            let s = settings(config, &db, None)?;
            let store = open(&s).await?;
            store.backup_to(&file).await?;
            println!("backed up to {}", file.display());
            Ok(())
        }
        Command::Rollup(RollupCmd::Rebuild { db }) => {
            let store = open(&settings(config, &db, None)?).await?;
            let bar = indicatif::ProgressBar::new(0);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "  rebuilding rollups {bar:40.cyan/blue} {pos}/{len} months, eta {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let cells = store
                .rebuild_rollups_with(None, |done, total| {
                    bar.set_length(total);
                    bar.set_position(done);
                })
                .await?;
            bar.finish();
            let visits = store.rebuild_visit_rollups(None).await?;
            let choices = store.rebuild_choice_rollups(None).await?;
            println!(
                "rollups rebuilt: {cells} cells; {visits} visits counted again; {choices} cells of choices"
            );
            Ok(())
        }
        Command::Export(cmd) => crate::export::run(config, cmd).await,
        Command::Customer(cmd) => crate::customer::run(config, cmd).await,
        Command::User(cmd) => user(config, cmd).await,
        Command::Token(cmd) => token(config, cmd).await,
    }
}

async fn user(config: Option<&PathBuf>, cmd: UserCmd) -> anyhow::Result<()> {
    match cmd {
        UserCmd::Add {
            username,
            role,
            name,
            password_stdin,
            db,
        } => {
            let store = open(&settings(config, &db, None)?).await?;
            let org = org_id(&store).await?;
            let username =
                names::username(&username).map_err(|e| anyhow::anyhow!("username: {e}"))?;
            if role == Role::Employee || role.is_scoped() {
                bail!("{role} accounts need an employee or sites: create them on the Users page");
            }
            let (password, generated) = read_password(password_stdin)?;
            let hash = auth::hash_password(password.clone()).await?;
            let input = UserInput {
                display_name: name.unwrap_or_else(|| username.clone()),
                username: username.clone(),
                role,
                employee_id: None,
                region_ids: vec![],
                site_ids: vec![],
                email: None,
                monthly_report: false,
            };
            match store
                .create_user(
                    org,
                    rida_domain::new_id(),
                    &input,
                    &hash,
                    &By::system("cli"),
                )
                .await
            {
                Err(rida_store::StoreError::Conflict) => bail!("user {username} already exists"),
                r => r?,
            };
            println!("added {role} {username}");
            if generated {
                println!("password: {password}");
            }
            Ok(())
        }
        UserCmd::Passwd {
            username,
            password_stdin,
            db,
        } => {
            let store = open(&settings(config, &db, None)?).await?;
            let username = username.trim().to_lowercase();
            let (org, id) = store
                .user_id_by_username(&username)
                .await
                .map_err(|_| anyhow::anyhow!("no user {username}"))?;
            let (password, generated) = read_password(password_stdin)?;
            let hash = auth::hash_password(password.clone()).await?;
            store
                .set_password(org, id, &hash, None, &By::system("cli"))
                .await?;
            println!("password of {username} changed; their sessions were ended");
            if generated {
                println!("password: {password}");
            }
            Ok(())
        }
        UserCmd::List { db } => {
            let store = open(&settings(config, &db, None)?).await?;
            let org = org_id(&store).await?;
            let users = store
                .list_users(
                    org,
                    &ListQuery {
                        limit: 100_000,
                        include_inactive: true,
                        ..Default::default()
                    },
                )
                .await?;
            println!("{:<24} {:<11} {:<8} NAME", "USERNAME", "ROLE", "ACTIVE");
            for u in users.items {
                println!(
                    "{:<24} {:<11} {:<8} {}",
                    u.username,
                    u.role,
                    if u.active { "yes" } else { "no" },
                    u.display_name
                );
            }
            Ok(())
        }
    }
}

async fn token(config: Option<&PathBuf>, cmd: TokenCmd) -> anyhow::Result<()> {
    match cmd {
        TokenCmd::Create { name, db } => {
            let store = open(&settings(config, &db, None)?).await?;
            let org = org_id(&store).await?;
            let name = names::display_name(&name, 80).map_err(|e| anyhow::anyhow!("name: {e}"))?;
            let secret =
                rida_server::web::issue_token(&store, org, &name, &By::system("cli")).await?;
            println!("{secret}");
            eprintln!("(shown only now: store it in the integration's settings)");
            Ok(())
        }
        TokenCmd::List { db } => {
            let store = open(&settings(config, &db, None)?).await?;
            let org = org_id(&store).await?;
            println!("{:<36}  {:<10} {:<8} NAME", "ID", "PREFIX", "STATUS");
            for t in store.list_api_tokens(org).await? {
                println!(
                    "{}  {:<10} {:<8} {}",
                    t.id,
                    t.prefix,
                    if t.revoked_at.is_some() {
                        "revoked"
                    } else {
                        "active"
                    },
                    t.name
                );
            }
            Ok(())
        }
        TokenCmd::Revoke { id, db } => {
            let store = open(&settings(config, &db, None)?).await?;
            let org = org_id(&store).await?;
            store
                .revoke_api_token(org, id, &By::system("cli"))
                .await
                .map_err(|_| anyhow::anyhow!("no active token {id}"))?;
            println!(
                "revoked {id}; running servers refuse it within {} seconds",
                rida_store::CACHE_TTL.as_secs()
            );
            Ok(())
        }
    }
}
