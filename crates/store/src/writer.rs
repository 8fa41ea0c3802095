//! Group commit for ratings: concurrent requests hand their batches to one writer task,
//! which stores everything waiting in a single transaction and then answers each.
//! SQLite allows one writer at a time, so this replaces lock contention (and its
//! busy-wait back-off) with a queue; on PostgreSQL it saves a commit per request.
//! Each instance has its own writer; nothing in it outlives a transaction.

use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use crate::{InsertOutcome, NewRating, Result, Store, StoreError, TerminalBatch};

/// Rows one group commit takes at most before it commits.
const MAX_ROWS_PER_COMMIT: usize = 5_000;

/// What a request hands over: answers from the API of one organisation, or answers
/// tapped on one terminal; and where its outcomes go.
enum Job {
    Plain(
        Uuid,
        Vec<NewRating>,
        oneshot::Sender<Result<Vec<InsertOutcome>>>,
    ),
    Terminal(TerminalBatch, oneshot::Sender<Result<Vec<InsertOutcome>>>),
}

impl Job {
    fn rows(&self) -> usize {
        match self {
            Job::Plain(_, rows, _) => rows.len(),
            Job::Terminal(t, _) => t.rows.len(),
        }
    }

    fn reply(self, outcome: Result<Vec<InsertOutcome>>) {
        let _ = match self {
            Job::Plain(_, _, reply) | Job::Terminal(_, reply) => reply.send(outcome),
        };
    }

    /// Stores the job on its own.
    async fn alone(self, store: &Store) {
        match self {
            Job::Plain(org, rows, reply) => {
                let _ = reply.send(store.insert_ratings(org, &rows).await);
            }
            Job::Terminal(t, reply) => {
                let outcome = store
                    .insert_group(&[], std::slice::from_ref(&t))
                    .await
                    .map(|(_, mut out)| out.pop().unwrap_or_default());
                let _ = reply.send(outcome);
            }
        }
    }
}

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
        self.hand_over(Job::Plain(org, rows, reply), answer).await
    }

    /// Stores answers tapped on a terminal (see [`Store::insert_terminal_ratings`]),
    /// sharing the transaction with whatever else is waiting.
    pub async fn write_terminal(&self, batch: TerminalBatch) -> Result<Vec<InsertOutcome>> {
        let (reply, answer) = oneshot::channel();
        self.hand_over(Job::Terminal(batch, reply), answer).await
    }

    async fn hand_over(
        &self,
        job: Job,
        answer: oneshot::Receiver<Result<Vec<InsertOutcome>>>,
    ) -> Result<Vec<InsertOutcome>> {
        self.tx
            .send(job)
            .await
            .map_err(|_| StoreError::Config("the rating writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Config("the rating writer has stopped".into()))?
    }
}

async fn run(store: Store, mut rx: mpsc::Receiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut rows = first.rows();
        let mut jobs = vec![first];
        while rows < MAX_ROWS_PER_COMMIT {
            match rx.try_recv() {
                Ok(job) => {
                    rows += job.rows();
                    jobs.push(job);
                }
                Err(_) => break,
            }
        }
        let plain: Vec<(Uuid, &[NewRating])> = jobs
            .iter()
            .filter_map(|j| match j {
                Job::Plain(org, r, _) => Some((*org, r.as_slice())),
                Job::Terminal(..) => None,
            })
            .collect();
        let terminals: Vec<TerminalBatch> = jobs
            .iter()
            .filter_map(|j| match j {
                Job::Terminal(t, _) => Some(t.clone()),
                Job::Plain(..) => None,
            })
            .collect();
        match store.insert_group(&plain, &terminals).await {
            Ok((ours, theirs)) => {
                let (mut ours, mut theirs) = (ours.into_iter(), theirs.into_iter());
                for job in jobs {
                    let outcome = match job {
                        Job::Plain(..) => ours.next(),
                        Job::Terminal(..) => theirs.next(),
                    };
                    job.reply(Ok(outcome.unwrap_or_default()));
                }
            }
            // The database cannot take writes just now (lost, restarting, a statement
            // timeout): every waiting request is told so at once, to send again later,
            // rather than each waiting its own turn for the same outcome.
            Err(e) if e.is_unavailable() => {
                let why = e.to_string();
                for job in jobs {
                    job.reply(Err(StoreError::Unreachable(why.clone())));
                }
            }
            // One bad batch must not fail its neighbours: retry each on its own.
            Err(_) if jobs.len() > 1 => {
                for job in jobs {
                    job.alone(&store).await;
                }
            }
            // A batch alone: its own error, as it is.
            Err(e) => {
                if let Some(job) = jobs.into_iter().next() {
                    job.reply(Err(e));
                }
            }
        }
    }
}
