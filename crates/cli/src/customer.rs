//! `rida customer export|erase`: one customer's data on request — everything kept about
//! them as JSON, or their personal data erased (the answers stay, anonymous). The phone
//! number (or, for a customer known by e-mail only, the address) is read from standard
//! input, so that it stays out of the shell's history and the process list.

use std::{io::BufRead, path::PathBuf};

use anyhow::{Context, bail};
use clap::Subcommand;
use rida_server::contact::ContactKey;
use rida_store::By;
use serde_json::{Value, json};

use crate::{
    DbOpts,
    commands::{open, settings},
};

#[derive(Subcommand)]
pub enum CustomerCmd {
    /// Everything kept about the customer whose phone number (or e-mail address, for a
    /// customer known by it only) is on standard input, as JSON (their right of access).
    Export {
        /// The file to write [default: standard output].
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: DbOpts,
    },
    /// Erase the personal data of the customer whose phone number (or e-mail address) is
    /// on standard input:
    /// the contacts given with their visits and the key linking them. Their answers stay,
    /// anonymous; an opt-out stays, so that they are never surveyed again.
    Erase {
        /// Confirm the erasure (it cannot be undone).
        #[arg(long)]
        yes: bool,
        #[command(flatten)]
        db: DbOpts,
    },
}

fn iso(ms: i64) -> Value {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| Value::String(t.to_string()))
        .unwrap_or(Value::Null)
}

pub async fn run(config: Option<&PathBuf>, cmd: CustomerCmd) -> anyhow::Result<()> {
    let db = match &cmd {
        CustomerCmd::Export { db, .. } | CustomerCmd::Erase { db, .. } => db,
    };
    let settings = settings(config, db, None)?;
    let store = open(&settings).await?;
    let org = store
        .first_organisation()
        .await?
        .context("the database has no organisation yet")?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let key = ContactKey::load(&settings, &store).await?;
    // A customer is keyed by their number, or by their address when no number was given.
    let (known_as, customer) = key
        .customer_of(org.id, org.phone_region.as_deref(), &line)
        .map_err(|code| {
            anyhow::anyhow!("the phone number or e-mail address on standard input: {code}")
        })?;
    let who = if known_as.contains('@') {
        json!({ "email": known_as })
    } else {
        json!({ "phone": known_as })
    };
    match cmd {
        CustomerCmd::Export { out, .. } => {
            let d = store.customer_data(org.id, &customer).await?;
            // What the history page shows besides: the messages sent and the alerts.
            let h = store
                .customer_history(org.id, &customer, &By::system("cli"))
                .await?;
            let open_sealed = |b: &Option<Vec<u8>>| b.as_deref().and_then(|b| key.open(b));
            let mut doc = json!({
                "organisation": org.name,
                "opted_out": d.opted_out,
                "consent": d.consent.iter().map(|e| json!({
                    "opted_out": e.opted_out, "source": e.source, "note": e.note, "at": iso(e.at),
                })).collect::<Vec<_>>(),
                "visits": d.visits.iter().map(|v| json!({
                    "id": v.id, "site_id": v.site_id, "service_id": v.service_id,
                    "arrived_at": v.arrived_at.map(iso), "started_at": iso(v.started_at),
                    "ended_at": v.ended_at.map(iso),
                })).collect::<Vec<_>>(),
                "contacts": d.contacts.iter().map(|c| json!({
                    "visit_id": c.visit_id, "phone": open_sealed(&c.phone_enc),
                    "email": open_sealed(&c.email_enc), "lang": c.lang,
                    "survey": c.survey, "skip_reason": c.skip_reason,
                })).collect::<Vec<_>>(),
                "survey_messages": h.messages.iter().map(|m| json!({
                    "id": m.id, "visit_id": m.visit_id, "kind": m.kind, "channel": m.channel,
                    "status": m.status, "created_at": iso(m.created_at),
                    "sent_at": m.sent_at.map(iso), "answered_at": m.answered_at.map(iso),
                })).collect::<Vec<_>>(),
                "alerts": h.alerts.iter().map(|a| json!({
                    "id": a.id, "rule": a.rule_name, "site_id": a.site_id, "visit_id": a.visit_id,
                    "status": a.status, "raised_at": iso(a.raised_at),
                    "called_back_at": a.called_back_at.map(iso),
                })).collect::<Vec<_>>(),
                "answers": d.answers.iter().map(|a| json!({
                    "id": a.id, "answered_at": iso(a.answered_at), "site_id": a.site_id,
                    "channel": a.channel, "question_id": a.question_id, "score": a.score,
                    "choice": a.choice, "text": a.answer_text, "visit_id": a.visit_id,
                })).collect::<Vec<_>>(),
            });
            if let (Some(doc), Some(who)) = (doc.as_object_mut(), who.as_object()) {
                doc.extend(who.clone());
            }
            let text = serde_json::to_string_pretty(&doc)?;
            match out {
                Some(path) => {
                    std::fs::write(&path, text)
                        .with_context(|| format!("writing {}", path.display()))?;
                    eprintln!(
                        "  {} visits and {} answers written to {}",
                        d.visits.len(),
                        d.answers.len(),
                        path.display()
                    );
                }
                None => println!("{text}"),
            }
        }
        CustomerCmd::Erase { yes, .. } => {
            if !yes {
                bail!("erasing cannot be undone: add --yes to confirm");
            }
            let n = store
                .erase_customer(org.id, &customer, &By::system("cli"))
                .await?;
            println!("  {n} visits unlinked from the customer; their contacts are erased");
        }
    }
    Ok(())
}
