//! `rida`: the one binary. Parses the command line, loads settings and calls the library.

mod commands;
mod customer;
mod demo;
mod export;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// mimalloc: many small short-lived allocations per request (JSON items, rows); the
/// system allocator spent about an eighth of the ingest profile in malloc/free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Rida: customer-satisfaction terminals, surveys and analytics.
#[derive(Parser)]
#[command(name = "rida", version, propagate_version = true)]
struct Cli {
    /// Settings file (default: ./rida.toml if it exists).
    #[arg(long, global = true, env = "RIDA_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

/// Where Rida listens and keeps its data; each overrides rida.toml and RIDA_* variables.
#[derive(Args, Clone, Default)]
pub struct ServeOpts {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "RIDA_LISTEN")]
    listen: Option<std::net::SocketAddr>,
    #[command(flatten)]
    db: DbOpts,
}

/// Which database to use.
#[derive(Args, Clone, Default)]
pub struct DbOpts {
    /// Folder for the embedded database [default: ./rida-data].
    #[arg(long, env = "RIDA_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// sqlite://FILE or postgres://USER:PASSWORD@HOST/DB [default: DATA_DIR/rida.db].
    #[arg(long, env = "RIDA_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve Rida (the default when no command is given).
    Serve(ServeOpts),
    /// Create the demo organisation if the database is empty, then serve.
    Demo {
        #[command(flatten)]
        serve: ServeOpts,
        /// How many answers to create.
        #[arg(long, default_value_t = demo::DEFAULT_ANSWERS)]
        answers: usize,
    },
    /// Apply database migrations and exit.
    Migrate(DbOpts),
    /// Manage user accounts.
    #[command(subcommand)]
    User(commands::UserCmd),
    /// Manage API tokens for integrations.
    #[command(subcommand)]
    Token(commands::TokenCmd),
    /// Rebuild the result rollups from the raw answers.
    #[command(subcommand)]
    Rollup(commands::RollupCmd),
    /// One customer's data on request: export it, or erase it.
    #[command(subcommand)]
    Customer(customer::CustomerCmd),
    /// Export data: every answer of a period as CSV or Excel.
    #[command(subcommand)]
    Export(export::ExportCmd),
    /// Print a commented example rida.toml.
    Config,
    /// Copy the SQLite database to FILE while Rida runs (PostgreSQL: use pg_dump).
    Backup {
        /// The new file to write.
        file: PathBuf,
        #[command(flatten)]
        db: DbOpts,
    },
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    if let Err(e) = commands::run(
        cli.config,
        cli.command.unwrap_or(Command::Serve(ServeOpts::default())),
    )
    .await
    {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
