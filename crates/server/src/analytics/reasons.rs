//! "Why": the answers to choice questions of a period (the reasons given with a low
//! score, the purpose of the visit), each choice with its share of the answers, its change
//! from the previous period, and the satisfaction (CSAT) of the customers who made it,
//! from the choice rollup. Not per employee: the rollup keeps no employee, so that a
//! reason cannot point at a person.

use rida_domain::{
    Scale, SurveyQuestion, Texts,
    metrics::{Change, Estimate, ScoreCounts, Thresholds, csat, share_change},
    period::Period,
};
use rida_store::{ChoiceRow, Store};
use serde::Serialize;
use uuid::Uuid;

use super::{
    Reach,
    dashboard::{filter, query},
};
use crate::Error;

/// One choice of a question.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceLine {
    pub key: String,
    pub label: Texts,
    pub n: u64,
    /// Of the answers to the question, in %.
    pub share: Option<Estimate>,
    pub change: Option<Change>,
    /// CSAT of the customers who made this choice (same visit); `None` when they gave
    /// fewer CSAT answers than the anonymity minimum.
    pub csat: Option<Estimate>,
    pub csat_n: u64,
}

/// One choice question of the period.
#[derive(Debug, Clone, Serialize)]
pub struct ChoicePanel {
    pub question_id: Uuid,
    pub scale: Scale,
    pub prompt: Texts,
    /// Answers to the question in the period and in the previous one.
    pub answers: u64,
    pub previous_answers: u64,
    pub lines: Vec<ChoiceLine>,
}

/// Made or not made, as yes/no counts: what a share and its change are computed from.
pub(super) fn made(n: u64, of: u64) -> ScoreCounts {
    ScoreCounts::from_pairs(Scale::YesNo, [(1, n), (0, of.saturating_sub(n))])
}

fn panel(
    q: &SurveyQuestion,
    now: &[ChoiceRow],
    before: &[ChoiceRow],
    thresholds: Thresholds,
) -> Option<ChoicePanel> {
    let total = |rows: &[ChoiceRow]| rows.iter().find(|r| r.choice.is_empty()).map_or(0, |r| r.n);
    let (answers, previous_answers) = (total(now), total(before));
    if answers < thresholds.min_shown {
        return None;
    }
    let mut lines: Vec<ChoiceLine> = q
        .choices
        .iter()
        .map(|c| {
            let row = now.iter().find(|r| r.choice == c.key);
            let n = row.map_or(0, |r| r.n);
            let earlier = before.iter().find(|r| r.choice == c.key).map_or(0, |r| r.n);
            let scores = row
                .and_then(|r| r.scores.iter().find(|s| s.scale == Scale::Csat5))
                .cloned()
                .unwrap_or_else(|| ScoreCounts::new(Scale::Csat5));
            ChoiceLine {
                key: c.key.clone(),
                label: c.label.clone(),
                n,
                share: made(n, answers).share(1, 1),
                change: share_change(&made(earlier, previous_answers), &made(n, answers), 1, 1),
                csat: csat(&scores).filter(|e| e.n >= thresholds.min_shown),
                csat_n: scores.n(),
            }
        })
        .collect();
    lines.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.key.cmp(&b.key)));
    Some(ChoicePanel {
        question_id: q.id,
        scale: q.scale,
        prompt: q.prompt.clone(),
        answers,
        previous_answers,
        lines,
    })
}

/// The choice questions (of `questions`, the surveys' latest) answered in the period,
/// within the reach (none when the reach is one employee).
pub async fn build(
    store: &Store,
    org: Uuid,
    thresholds: Thresholds,
    reach: &Reach,
    questions: &[SurveyQuestion],
) -> Result<Vec<ChoicePanel>, Error> {
    if reach.employee.is_some() {
        return Ok(vec![]);
    }
    let query = |p: &Period| query(p, filter(reach, None), vec![]);
    let (now, before) = (query(&reach.period), query(&reach.period.previous()));
    let mut out = Vec::new();
    for q in questions.iter().filter(|q| !q.choices.is_empty()) {
        let (a, b) = tokio::try_join!(
            store.choice_cube(org, q.id, &now),
            store.choice_cube(org, q.id, &before)
        )?;
        out.extend(panel(q, &a, &b, thresholds));
    }
    // Visit reasons first, then the rest by how often they were answered.
    out.sort_by(|a, b| {
        (b.scale == Scale::Intent)
            .cmp(&(a.scale == Scale::Intent))
            .then_with(|| b.answers.cmp(&a.answers))
    });
    Ok(out)
}
