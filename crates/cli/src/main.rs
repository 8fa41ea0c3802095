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

/// Has the allocator give freed memory back to the system at once, so that an idle
/// instance is small again after a burst of work (the demo's history, a year's report).
/// mimalloc purges freed pages only a second after they are freed, and only on its next
/// call, which an idle process never makes: measured on the demo database, 84 MB idle
/// after a few pages with its defaults, 62 MB with this and lazily committed arenas (set
/// where mimalloc is compiled, `.cargo/config.toml`: that one is read before `main`). An
/// operator's `MIMALLOC_PURGE_DELAY` still wins.
fn allocator_returns_memory() {
    // Its position in mimalloc's `mi_option_e` (include/mimalloc.h of the version in
    // Cargo.lock); libmimalloc-sys names only some of them.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: a plain setter of a process-wide option, called before any other
        // thread starts; mimalloc reads it on its next use.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    }
    // SQLite allocates through the C allocator, which gives each thread that allocates
    // an arena of its own: each connection's thread kept its own high-water mark (ten
    // arenas of ~2.3 MB in an idle demo). Two arenas shared by all reuse what one
    // connection freed for the next: the idle demo went from 58.8 to 47.8 MB. An
    // operator's `MALLOC_ARENA_MAX` still wins.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: a plain setter of the C allocator's options, called before any other
        // thread starts.
        unsafe { libc::mallopt(libc::M_ARENA_MAX, 2) };
    }
}

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

/// Returns to the system what the C allocator keeps of memory already freed. SQLite
/// allocates through it, one arena per connection's thread; after closing connections
/// that wrote a lot, their arenas are free but still mapped.
pub(crate) fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the C allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn main() {
    allocator_returns_memory();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts")
        .block_on(run());
}

async fn run() {
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
