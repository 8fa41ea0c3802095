//! The comment figures of a report: what share of a place's comments are about a theme or
//! of a feeling, how many of them are negative, and the CSAT of the visits they come
//! from. They come from the theme rollups, kept per site, service, employee, theme and
//! day or month; themes and feelings group and filter them only.

use rida_domain::{
    metrics::{Estimate, operations::share},
    text::Sentiment,
};
use rida_store::ThemeFigure;

use super::{GroupBy, ReportMetric, ReportSpec};
use crate::Error;
use crate::analytics::Reach;

/// The code of the error for answer, visit or alert figures asked per theme or feeling.
pub const THEMES_COMMENTS_ONLY: &str = "themes-comments-only";

/// The code of the error for comment figures asked per channel, question, area, language
/// or alert handler.
pub const COMMENTS_NOT_PER: &str = "comments-not-per";

/// The code of the error for the CSAT of commented visits asked per feeling.
pub const COMMENT_CSAT_NOT_PER_FEELING: &str = "comment-csat-not-per-feeling";

/// Refuses what the comment figures cannot say, and what other figures cannot say per
/// theme or feeling: each with a sentence naming the field.
pub fn check(spec: &ReportSpec, reach: &Reach) -> Result<(), Error> {
    let narrowed = reach.theme.is_some() || reach.sentiment.is_some();
    let comments = spec.metrics.iter().any(|m| m.from_comments());
    let others = spec.metrics.iter().any(|m| !m.from_comments());
    let by_comments = spec.group.iter().any(|g| g.of_comments());
    if others && (by_comments || narrowed) {
        return Err(Error::BadRequest {
            code: THEMES_COMMENTS_ONLY,
            detail: "group: themes and feelings group and filter the comment figures only \
                     (share of comments, negative comments, CSAT of the commented visits)"
                .into(),
        });
    }
    if !comments {
        return Ok(());
    }
    let not_kept = spec
        .group
        .iter()
        .find(|g| {
            matches!(
                g,
                GroupBy::Channel
                    | GroupBy::Question
                    | GroupBy::Area
                    | GroupBy::Language
                    | GroupBy::Handler
            )
        })
        .map(|g| g.as_str())
        .or(spec.channel.map(|_| "channel"))
        .or(spec.question.map(|_| "question"))
        .or(spec.language.as_ref().map(|_| "language"));
    if let Some(what) = not_kept {
        return Err(Error::BadRequest {
            code: COMMENTS_NOT_PER,
            detail: format!(
                "metrics: the comment figures are kept per site, service, employee, theme \
                 and feeling, not per {what}"
            ),
        });
    }
    let per_feeling = spec.group.contains(&GroupBy::Sentiment) || reach.sentiment.is_some();
    if per_feeling && spec.metrics.contains(&ReportMetric::CommentCsat) {
        return Err(Error::BadRequest {
            code: COMMENT_CSAT_NOT_PER_FEELING,
            detail: "metrics: the CSAT of commented visits is kept per theme, not per feeling"
                .into(),
        });
    }
    Ok(())
}

/// The part of a theme's comments of one feeling (`None`: all of them).
pub fn of_feeling(f: &ThemeFigure, s: Option<Sentiment>) -> ThemeFigure {
    let Some(s) = s else {
        return f.clone();
    };
    let n = f.of(s);
    let only = |x: Sentiment| if x == s { n } else { 0 };
    ThemeFigure {
        theme: f.theme.clone(),
        n,
        negative: only(Sentiment::Negative),
        neutral: only(Sentiment::Neutral),
        positive: only(Sentiment::Positive),
        // The visits' scores are not kept per feeling (refused by `check`).
        csat_n: 0,
        csat_satisfied: 0,
    }
}

/// A comment figure of a group: its sample size and estimate. `all` is the number of
/// every comment at the group's place and time, what its share is of.
pub fn figure(m: ReportMetric, c: &ThemeFigure, all: i64) -> (u64, Option<Estimate>) {
    let n = c.n.max(0) as u64;
    match m {
        ReportMetric::CommentShare => (n, share(c.n, all)),
        ReportMetric::NegativeComments => (n, share(c.negative, c.n)),
        ReportMetric::CommentCsat => (c.csat_n.max(0) as u64, share(c.csat_satisfied, c.csat_n)),
        _ => (0, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(n: i64, negative: i64, neutral: i64, csat_n: i64, csat_satisfied: i64) -> ThemeFigure {
        ThemeFigure {
            theme: "waiting".into(),
            n,
            negative,
            neutral,
            positive: n - negative - neutral,
            csat_n,
            csat_satisfied,
        }
    }

    #[test]
    fn a_feeling_keeps_its_own_comments() {
        let f = fig(10, 6, 1, 8, 2);
        let neg = of_feeling(&f, Some(Sentiment::Negative));
        assert_eq!((neg.n, neg.negative, neg.positive), (6, 6, 0));
        let pos = of_feeling(&f, Some(Sentiment::Positive));
        assert_eq!((pos.n, pos.negative, pos.positive), (3, 0, 3));
        assert_eq!(of_feeling(&f, None), f);
    }

    #[test]
    fn shares_are_of_the_place_the_theme_and_the_scored_visits() {
        let f = fig(10, 6, 1, 8, 2);
        let (n, e) = figure(ReportMetric::CommentShare, &f, 40);
        assert_eq!(n, 10);
        assert_eq!(e.map(|e| e.value), Some(25.0));
        let (n, e) = figure(ReportMetric::NegativeComments, &f, 40);
        assert_eq!((n, e.map(|e| e.value)), (10, Some(60.0)));
        let (n, e) = figure(ReportMetric::CommentCsat, &f, 40);
        assert_eq!((n, e.map(|e| e.value)), (8, Some(25.0)));
        assert_eq!(
            figure(ReportMetric::CommentCsat, &fig(3, 0, 3, 0, 0), 3).1,
            None
        );
    }
}
