//! One comment's reading (`/admin/comments/{id}`): the text with the words that counted
//! marked, what each did to the sentiment and why (negated by, strengthened by, before a
//! "but", a waiting time, a misspelling read), and the words behind each theme. Read
//! again with the organisation's themes as they are now; whoever may read the results of
//! the comment's site may read it, the employee named only to who may see employees.

use axum::{Router, extract::Path, response::Response, routing::get};
use fluent_templates::fluent_bundle::FluentValue;
use minijinja::context;
use rida_domain::{
    Action,
    text::{Analysis, Evidence, Modifier},
};
use serde::Serialize;

use super::{Web, parse_id};
use crate::{analytics::dashboard::Names, error::Result, i18n, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/comments/{id}", get(show))
}

/// A piece of the comment's text, marked (`class`) with what it did (`note`) or plain.
#[derive(Debug, Serialize, PartialEq)]
struct Piece {
    text: String,
    class: Option<&'static str>,
    note: Option<String>,
}

/// One row of the cues' table.
#[derive(Debug, Serialize)]
struct CueRow {
    word: String,
    entry: String,
    /// Rounded to hundredths.
    weight: f64,
    how: Vec<String>,
    own: bool,
}

/// A weight as pages show it (an `f32` printed as it is carries its binary tail).
fn hundredths(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

fn word(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or_default().to_string()
}

/// What a modifier did, in the reader's language.
fn explain(locale: rida_domain::Locale, text: &str, m: &Modifier) -> String {
    let with = |key: &str, start: usize, end: usize| {
        i18n::t_args(
            locale,
            key,
            &[("word", FluentValue::from(word(text, start, end)))],
        )
    };
    match m {
        Modifier::Negated { start, end } => with("reading-negated", *start, *end),
        Modifier::Intensified { start, end } => with("reading-intensified", *start, *end),
        Modifier::Weakened { start, end } => with("reading-weakened", *start, *end),
        Modifier::BeforeContrast { start, end } => with("reading-before-contrast", *start, *end),
        Modifier::AfterContrast { start, end } => with("reading-after-contrast", *start, *end),
        Modifier::Wished { start, end } => with("reading-wished", *start, *end),
        Modifier::Lacking { start, end } => with("reading-lacking", *start, *end),
        Modifier::Stretched => i18n::t(locale, "reading-stretched"),
        Modifier::Spelling => i18n::t(locale, "reading-spelling"),
        Modifier::Duration { minutes } => i18n::t_args(
            locale,
            "reading-duration",
            &[("minutes", FluentValue::from(*minutes))],
        ),
    }
}

/// The text cut into plain and marked pieces: the sentiment's cues (and the words that
/// changed them) before the themes' words; a span inside one already marked stays in it.
fn pieces(text: &str, a: &Analysis, theme_name: &dyn Fn(&str) -> String) -> Vec<Piece> {
    let mut marks: Vec<(usize, usize, &'static str, String)> = Vec::new();
    for e in &a.evidence {
        let class = if e.weight > 0.0 {
            "pos"
        } else if e.weight < 0.0 {
            "neg"
        } else {
            "mod"
        };
        marks.push((e.start, e.end, class, format!("{:+.2}", e.weight)));
        for m in &e.modifiers {
            if let Modifier::Negated { start, end }
            | Modifier::Intensified { start, end }
            | Modifier::Weakened { start, end }
            | Modifier::BeforeContrast { start, end }
            | Modifier::AfterContrast { start, end }
            | Modifier::Wished { start, end }
            | Modifier::Lacking { start, end } = m
                && (*start, *end) != (e.start, e.end)
            {
                marks.push((*start, *end, "mod", String::new()));
            }
        }
    }
    for t in &a.themes {
        for e in &t.evidence {
            marks.push((e.start, e.end, "theme", theme_name(&t.theme)));
        }
    }
    // First come, first kept: sentiment before theme, and no overlaps.
    let mut kept: Vec<(usize, usize, &'static str, String)> = Vec::new();
    for m in marks {
        if !kept.iter().any(|k| m.0 < k.1 && k.0 < m.1) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.0);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, class, note) in kept {
        if start > at {
            out.push(Piece {
                text: word(text, at, start),
                class: None,
                note: None,
            });
        }
        out.push(Piece {
            text: word(text, start, end),
            class: Some(class),
            note: Some(note).filter(|n| !n.is_empty()),
        });
        at = end;
    }
    if at < text.len() {
        out.push(Piece {
            text: text[at..].to_string(),
            class: None,
            note: None,
        });
    }
    out
}

async fn show(w: Web, Path(id): Path<String>) -> Result<Response> {
    let org = w.user.org.id;
    let store = &w.state.store;
    let c = store.comment(org, parse_id(&id)?).await?;
    w.user.require(Action::ViewResults {
        site: Some(c.site_id),
    })?;
    let see_employee = w.user.may(Action::ViewEmployeeResults {
        site: Some(c.site_id),
    });
    let (version, reader) = store.reader(org).await?;
    let set = store.themes(org).await?;
    let names = Names::load(store, org, w.locale()).await?;
    let locale = w.locale();
    let theme_name = |key: &str| crate::analytics::themes::theme_name(&set, key, locale);
    let a = reader.analyse(&c.text);
    let cue = |e: &Evidence| CueRow {
        word: word(&c.text, e.start, e.end),
        entry: e.entry.clone(),
        weight: hundredths(e.weight),
        how: e
            .modifiers
            .iter()
            .map(|m| explain(locale, &c.text, m))
            .collect(),
        own: e.own,
    };
    let cues: Vec<CueRow> = a.evidence.iter().map(cue).collect();
    let themes: Vec<minijinja::Value> = a
        .themes
        .iter()
        .map(|t| {
            context! {
                key => t.theme, name => theme_name(&t.theme),
                words => t.evidence.iter().map(cue).collect::<Vec<_>>(),
            }
        })
        .collect();
    // The stored reading counts in the figures; it differs while comments are read again.
    let stored_differs = c.reading.as_ref().is_some_and(|r| {
        r.sentiment != a.sentiment
            || r.themes != a.themes.iter().map(|t| t.theme.clone()).collect::<Vec<_>>()
    });
    let day = crate::analytics::comments::iso_day(c.local_day);
    Ok(w.render(
        "comment_reading.html",
        context! {
            c => context! {
                text => c.text, day => day, channel => c.channel, scores => c.scores,
                site => Names::of(&names.sites, c.site_id),
                service => c.service_id.map(|s| Names::of(&names.services, s)),
                employee => c.employee_id.filter(|_| see_employee).map(|e| Names::of(&names.employees, e)),
            },
            pieces => pieces(&c.text, &a, &theme_name),
            a => context! {
                language => a.language.as_str(), sentiment => a.sentiment.as_str(),
                confidence => (a.confidence * 100.0).round(), score => hundredths(a.score),
            },
            cues => cues,
            themes => themes,
            stored_differs => stored_differs,
            version => version,
            cut => c.text.chars().count() > rida_domain::text::normalize::MAX_CHARS,
            max_chars => rida_domain::text::normalize::MAX_CHARS,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rida_domain::text::Analyser;

    #[test]
    fn the_text_is_cut_into_its_marked_words_and_nothing_is_lost() {
        let text = "Not friendly, and the queue was long";
        let a = Analyser::default().analyse(text);
        let p = pieces(text, &a, &|k| k.to_string());
        let joined: String = p.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(joined, text);
        let marked: Vec<(&str, &str)> = p
            .iter()
            .filter_map(|x| x.class.map(|c| (x.text.as_str(), c)))
            .collect();
        assert!(marked.contains(&("friendly", "neg")), "{marked:?}");
        assert!(marked.contains(&("Not", "mod")), "{marked:?}");
        assert!(marked.contains(&("queue", "theme")), "{marked:?}");
    }
}
