//! The Overview's themes panel: what the period's comments were about, each theme with its
//! share of the comments, the change of that share since the period before, how its
//! comments felt and the CSAT of their visits. From the theme rollup; hidden voting holds
//! as for the comments themselves (a person's themes are withheld under the minimum).

use rida_domain::metrics::Thresholds;
use rida_domain::text::Sentiment;
use rida_store::{Store, ThemeFigure, ThemeQuery};
use serde::Serialize;
use uuid::Uuid;

use super::Reach;
use crate::error::Error;

/// A rise of a theme's share by this much (percentage points) is marked.
const RISING_PP: f64 = 5.0;

#[derive(Debug, Clone, Serialize)]
pub struct ThemeRow {
    pub key: String,
    /// The organisation's own name for it in the reader's language (else the
    /// translation `theme-KEY`).
    pub name: Option<String>,
    pub n: i64,
    /// Share of the period's comments, %.
    pub share: f64,
    /// Change of the share since the period before, percentage points (`None`: no
    /// comments then).
    pub change: Option<f64>,
    pub rising: bool,
    /// Of the theme's comments, % negative, neutral, positive.
    pub negative: f64,
    pub neutral: f64,
    pub positive: f64,
    /// CSAT (% satisfied) of the visits of its comments that gave a score, and how many.
    pub csat: Option<f64>,
    pub csat_n: i64,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct ThemesPanel {
    pub rows: Vec<ThemeRow>,
    /// Comments of the period that were read.
    pub comments: i64,
    /// The whole panel withheld (one person's comments under the minimum).
    pub withheld: bool,
    /// Themes left out for one person: fewer comments than the minimum.
    pub hidden: usize,
    /// Comments are being read again with changed themes (how many: on the themes page,
    /// as counting them reads every reading).
    pub reading_again: bool,
    pub theme: Option<String>,
    pub sentiment: Option<Sentiment>,
    /// The names the organisation gave its themes in the reader's language.
    pub names: std::collections::HashMap<String, String>,
}

/// A theme's name in `locale`: the organisation's own, else Rida's.
pub fn theme_name(set: &rida_store::ThemeSet, key: &str, locale: rida_domain::Locale) -> String {
    set.themes
        .iter()
        .find(|t| t.key == key)
        .and_then(|t| t.own_name(locale.tag()).map(String::from))
        .unwrap_or_else(|| crate::i18n::t(locale, &format!("theme-{key}")))
}

fn pct(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

pub async fn build(
    store: &Store,
    org: Uuid,
    thresholds: Thresholds,
    reach: &Reach,
) -> Result<ThemesPanel, Error> {
    let (from_day, to_day) = reach.period.day_keys();
    let (prev_from, prev_to) = reach.period.previous().day_keys();
    let q = |from_day, to_day| ThemeQuery {
        from_day,
        to_day,
        sites: reach.sites.clone(),
        service: reach.service,
        employee: reach.employee,
    };
    let (q_now, q_before) = (q(from_day, to_day), q(prev_from, prev_to));
    let (now, before, set, pending) = tokio::try_join!(
        store.theme_figures(org, &q_now),
        store.theme_figures(org, &q_before),
        store.themes(org),
        store.reading_pending(org),
    )?;
    let total = |f: &[ThemeFigure]| f.iter().find(|x| x.theme.is_empty()).map_or(0, |x| x.n);
    let (comments, comments_before) = (total(&now), total(&before));
    let one_employee = reach.employee.is_some();
    let mut panel = ThemesPanel {
        comments,
        reading_again: pending,
        theme: reach.theme.clone(),
        sentiment: reach.sentiment,
        ..Default::default()
    };
    panel.names = set
        .themes
        .iter()
        .filter_map(|t| {
            t.own_name(reach.lang.tag())
                .map(|n| (t.key.clone(), n.to_string()))
        })
        .collect();
    if one_employee && (comments as u64) < thresholds.min_shown {
        panel.withheld = true;
        return Ok(panel);
    }
    for t in set.themes.iter().filter(|t| t.enabled) {
        let Some(f) = now.iter().find(|f| f.theme == t.key) else {
            continue;
        };
        if one_employee && (f.n as u64) < thresholds.min_shown {
            panel.hidden += 1;
            continue;
        }
        let share = pct(f.n, comments);
        let change = (comments_before > 0).then(|| {
            let was = before.iter().find(|b| b.theme == t.key).map_or(0, |b| b.n);
            ((share - pct(was, comments_before)) * 10.0).round() / 10.0
        });
        panel.rows.push(ThemeRow {
            key: t.key.clone(),
            name: t.own_name(reach.lang.tag()).map(String::from),
            n: f.n,
            share,
            rising: change.is_some_and(|c| c >= RISING_PP),
            change,
            negative: pct(f.negative, f.n),
            neutral: pct(f.neutral, f.n),
            positive: pct(f.positive, f.n),
            csat: (f.csat_n as u64 >= thresholds.min_shown)
                .then(|| pct(f.csat_satisfied, f.csat_n)),
            csat_n: f.csat_n,
        });
    }
    panel
        .rows
        .sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.key.cmp(&b.key)));
    Ok(panel)
}
