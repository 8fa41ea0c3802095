//! Help pages: how each figure is computed, in the reader's language.

use axum::{Router, response::Response, routing::get};
use minijinja::context;
use rida_domain::{Action, metrics::Thresholds};

use super::Web;
use crate::{error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/help/metrics", get(metrics))
        .route("/help/themes", get(themes))
}

/// The labelled comments the reader is measured on (`crates/domain/tests/comments/`),
/// built into the binary so that the help page states this build's own figures.
const LABELLED: [(&str, &str, &str); 6] = [
    (
        "ar",
        "lexicon",
        include_str!("../../../domain/tests/comments/ar.tsv"),
    ),
    (
        "en",
        "lexicon",
        include_str!("../../../domain/tests/comments/en.tsv"),
    ),
    (
        "lv",
        "lexicon",
        include_str!("../../../domain/tests/comments/lv.tsv"),
    ),
    (
        "ar",
        "heldout",
        include_str!("../../../domain/tests/comments/heldout/ar.tsv"),
    ),
    (
        "en",
        "heldout",
        include_str!("../../../domain/tests/comments/heldout/en.tsv"),
    ),
    (
        "lv",
        "heldout",
        include_str!("../../../domain/tests/comments/heldout/lv.tsv"),
    ),
];

/// One row of the measured figures: (language, set, comments, Rida's sentiment macro-F1
/// and accuracy, themes macro-F1, the score baseline's and the keywords baseline's
/// sentiment macro-F1), in percent.
#[derive(serde::Serialize, Clone)]
struct Measured {
    lang: &'static str,
    set: &'static str,
    n: usize,
    f1: f64,
    accuracy: f64,
    themes_f1: f64,
    score_f1: f64,
    keywords_f1: f64,
}

/// Measured once per process (a few milliseconds).
fn measured() -> &'static [Measured] {
    static M: std::sync::OnceLock<Vec<Measured>> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        let reader = rida_domain::text::Analyser::default();
        let pct = |x: f64| (x * 1000.0).round() / 10.0;
        LABELLED
            .iter()
            .filter_map(|(lang, set, tsv)| {
                let items = rida_domain::text::eval::parse(tsv).ok()?;
                let r = reader.evaluate(&items);
                Some(Measured {
                    lang,
                    set,
                    n: r.comments,
                    f1: pct(r.rida.sentiment_macro_f1),
                    accuracy: pct(r.rida.sentiment_accuracy),
                    themes_f1: pct(r.rida.themes_macro_f1.unwrap_or_default()),
                    score_f1: pct(r.score_baseline.sentiment_macro_f1),
                    keywords_f1: pct(r.keyword_baseline.sentiment_macro_f1),
                })
            })
            .collect()
    })
}

/// How comments are read: the method, what it understands in each language, its
/// measured figures, and what the organisation can change.
async fn themes(w: Web) -> Result<Response> {
    w.user.require(Action::OpenAdmin)?;
    Ok(w.render(
        "help_themes.html",
        context! { measured => measured(), themes => rida_domain::text::BUILTIN_THEMES, max_chars => rida_domain::text::normalize::MAX_CHARS },
    ))
}

/// The metrics, one section each: what it measures, its formula, the scale, what counts
/// as an answer, and how sure the figure is.
const METRICS: [&str; 15] = [
    "csat",
    "nps",
    "ces",
    "ranking",
    "anonymity",
    "response-rate",
    "wait",
    "handle",
    "retention",
    "reasons",
    "areas",
    "servqual",
    "ack",
    "close",
    "language",
];

async fn metrics(w: Web) -> Result<Response> {
    w.user.require(Action::OpenAdmin)?;
    let t = Thresholds::default();
    Ok(w.render(
        "help_metrics.html",
        context! {
            metrics => METRICS, min_ranked => t.min_ranked, min_shown => t.min_shown,
            days => w.user.org.retention_days,
        },
    ))
}
