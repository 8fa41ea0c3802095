//! Group commit for ratings: concurrent requests hand their batches to one writer task,
//! which stores everything waiting in a single transaction and then answers each.
//! SQLite allows one writer at a time, so this replaces lock contention (and its
//! busy-wait back-off) with a queue; on PostgreSQL it saves a commit per request.
//! Each instance has its own writer; nothing in it outlives a transaction.

use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::{InsertOutcome, NewRating, Result, Store, StoreError};

/// Rows one group commit takes at most before it commits.
const MAX_ROWS_PER_COMMIT: usize = 5_000;

type Job = (
    Uuid,
    Vec<NewRating>,
    oneshot::Sender<Result<Vec<InsertOutcome>>>,
);

/// A handle to the writer task; cheap to clone.
#[derive(Clone, Debug)]
pub struct RatingWriter {
    tx: mpsc::Sender<Job>,
}

impl RatingWriter {
    /// Starts the writer task on the current runtime.
    pub fn spawn(store: Store) -> RatingWriter {
        let (tx, rx) = mpsc::channel::<Job>(1024);
        tokio::spawn(run(store, rx));
        RatingWriter { tx }
    }

    /// Stores one batch (validated ratings of one organisation), sharing the
    /// transaction with whatever else is waiting.
    pub async fn write(&self, org: Uuid, rows: Vec<NewRating>) -> Result<Vec<InsertOutcome>> {
        let (reply, answer) = oneshot::channel();
        self.tx
            .send((org, rows, reply))
            .await
            .map_err(|_| StoreError::Config("the rating writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Config("the rating writer has stopped".into()))?
    }
}

async fn run(store: Store, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        let mut rows = jobs[0].1.len();
        while rows < MAX_ROWS_PER_COMMIT {
            match rx.try_recv() {
                Ok(job) => {
                    rows += job.1.len();
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        let batches: Vec<(Uuid, &[NewRating])> = jobs
            .iter()
            .map(|(org, r, _)| (*org, r.as_slice()))
            .collect();
        match store.insert_rating_batches(&batches).await {
            Ok(outcomes) => {
                for ((_, _, reply), outcome) in jobs.into_iter().zip(outcomes) {
                    let _ = reply.send(Ok(outcome));
                }
            }
            // The database cannot take writes just now (lost, restarting, a statement
            // timeout): every waiting request is told so at once, to send again later,
            // rather than each waiting its own turn for the same outcome.
            Err(e) if e.is_unavailable() => {
                let why = e.to_string();
                for (_, _, reply) in jobs {
                    let _ = reply.send(Err(StoreError::Unreachable(why.clone())));
                }
            }
            // One bad batch must not fail its neighbours: retry each on its own.
            Err(_) if jobs.len() > 1 => {
                for (org, r, reply) in jobs {
                    let _ = reply.send(store.insert_ratings(org, &r).await);
                }
            }
            // A batch alone: its own error, as it is.
            Err(e) => {
                if let Some((_, _, reply)) = jobs.into_iter().next() {
                    let _ = reply.send(Err(e));
                }
            }
        }
    }
}
