//! The lexicons: plain text files shipped in the binary (`lexicon/*.txt`), one line a
//! cue, read once; an organisation's own theme words are added to them the same way.
//!
//! A line is `TAG: pattern | pattern | …`. A pattern is one or more words; a word ending
//! in `*` matches every word it begins ("wait*" matches "waiting", "waited"), any other
//! word matches itself only. Patterns are normalised like comments (see `normalize`), so
//! "ļoti" and "loti", "أسرع" and "اسرع" are one pattern. Tags:
//!
//! | tag | meaning |
//! |---|---|
//! | `+2`, `-1`, `+0.5` … | a sentiment cue of that weight |
//! | `not` | negates the next cue within three words of the same clause |
//! | `very` | strengthens the next cue (× 1.5) |
//! | `little` | weakens the next cue (× 0.5) |
//! | `but` | what came before counts half ("friendly, but slow") |
//! | `lack` | a theme's word right after it is missing ("no parking": −1; "no queue": +1) |
//! | `wish` | praise after it in the same clause counts nothing ("it would be nice to…") |
//! | `min`, `hour` | a unit after a number: "40 min", "2 hours" |
//! | `=N` | a number written as a word ("forty" = 40) |
//! | `time N` | a word that is a duration of N minutes by itself ("ساعتين") |
//! | `word` | a common word of the language (tells the language, counts for nothing else) |
//! | `@theme` | a word about that theme |

use std::collections::HashMap;

use super::Lang;
use super::normalize::{Script, tokenize};

/// What a lexicon entry says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cue {
    Sentiment(f32),
    Negator,
    Intensifier,
    Diminisher,
    Contrast,
    Minutes,
    Hours,
    Number(u32),
    Duration(u32),
    Common,
    /// "no", "without", "ما في": what follows is missing ("no ramp", "nav tualetes").
    Lack,
    /// "would be nice", "lūdzu", "ياريت": praise after it is a wish, not praise.
    Wish,
    /// Index into the analyser's themes.
    Theme(u16),
}

impl Cue {
    /// Function words apply only where the comment's language is theirs (an Arabizi "ma"
    /// is not an English word).
    pub fn is_function(self) -> bool {
        !matches!(self, Cue::Sentiment(_) | Cue::Theme(_))
    }
}

/// One word of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Word {
    Exact(String),
    Prefix(String),
}

impl Word {
    pub fn matches(&self, form: &str) -> bool {
        match self {
            Word::Exact(w) => w == form,
            Word::Prefix(p) => form.starts_with(p.as_str()),
        }
    }
}

/// Who wrote an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Rida's lexicon.
    Builtin,
    /// The organisation's own words for a theme.
    Organisation,
}

/// One line's pattern with its cue.
#[derive(Debug, Clone)]
pub struct Entry {
    pub words: Vec<Word>,
    pub cue: Cue,
    pub lang: Lang,
    /// Arabic-script or Latin-script pattern.
    pub script: Script,
    pub source: Source,
    /// The pattern as written, for the explanation.
    pub text: String,
}

/// A malformed lexicon line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct LexiconError {
    pub line: usize,
    pub reason: String,
}

/// Entries with their lookup tables.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    exact: HashMap<String, Vec<u32>>,
    prefix: HashMap<String, Vec<u32>>,
    /// The longest prefix pattern, in characters (bounds the lookups per word).
    longest_prefix: usize,
}

/// A pattern's words, normalised, or `None` when nothing is left of it.
pub fn pattern_words(pattern: &str) -> Option<(Vec<Word>, Script)> {
    let mut words = Vec::new();
    let mut script = None;
    for raw in pattern.split_whitespace() {
        let (body, prefix) = match raw.strip_suffix('*') {
            Some(b) => (b, true),
            None => (raw, false),
        };
        let toks = tokenize(body);
        // "n't" and the like normalise to one token; a word that splits (a hyphen) is
        // matched as the words it splits into.
        let n = toks.len();
        for (k, t) in toks.into_iter().enumerate() {
            script.get_or_insert(t.script);
            words.push(if prefix && k + 1 == n {
                Word::Prefix(t.norm)
            } else {
                Word::Exact(t.norm)
            });
        }
    }
    (!words.is_empty()).then(|| (words, script.unwrap_or(Script::Latin)))
}

impl Lexicon {
    /// Adds a lexicon file's lines; `theme` turns a theme's key into its index.
    pub fn add_file(
        &mut self,
        text: &str,
        lang: Lang,
        theme: &mut dyn FnMut(&str) -> Option<u16>,
    ) -> Result<(), LexiconError> {
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |reason: &str| LexiconError {
                line: n + 1,
                reason: reason.into(),
            };
            let (tag, rest) = line
                .split_once(':')
                .ok_or_else(|| err("no ':' after the tag"))?;
            let cue = parse_tag(tag.trim(), theme).ok_or_else(|| err("unknown tag"))?;
            for pattern in rest.split('|') {
                let pattern = pattern.trim();
                if !pattern.is_empty() {
                    self.add(pattern, cue, lang, Source::Builtin);
                }
            }
        }
        Ok(())
    }

    /// Adds one pattern (nothing when it normalises to nothing).
    pub fn add(&mut self, pattern: &str, cue: Cue, lang: Lang, source: Source) {
        let Some((words, script)) = pattern_words(pattern) else {
            return;
        };
        let id = self.entries.len() as u32;
        match &words[0] {
            Word::Exact(w) => self.exact.entry(w.clone()).or_default().push(id),
            Word::Prefix(p) => {
                self.longest_prefix = self.longest_prefix.max(p.chars().count());
                self.prefix.entry(p.clone()).or_default().push(id)
            }
        }
        self.entries.push(Entry {
            words,
            cue,
            lang,
            script,
            source,
            text: pattern.to_string(),
        });
    }

    /// Entries whose first word matches `form`.
    pub fn starting_with(&self, form: &str, out: &mut Vec<u32>) {
        if let Some(ids) = self.exact.get(form) {
            out.extend_from_slice(ids);
        }
        for (k, (i, c)) in form.char_indices().enumerate() {
            if k >= self.longest_prefix {
                break;
            }
            if let Some(ids) = self.prefix.get(&form[..i + c.len_utf8()]) {
                out.extend_from_slice(ids);
            }
        }
    }
}

fn parse_tag(tag: &str, theme: &mut dyn FnMut(&str) -> Option<u16>) -> Option<Cue> {
    Some(match tag {
        "not" => Cue::Negator,
        "very" => Cue::Intensifier,
        "little" => Cue::Diminisher,
        "but" => Cue::Contrast,
        "min" => Cue::Minutes,
        "hour" => Cue::Hours,
        "word" => Cue::Common,
        "lack" => Cue::Lack,
        "wish" => Cue::Wish,
        _ => {
            if let Some(key) = tag.strip_prefix('@') {
                Cue::Theme(theme(key)?)
            } else if let Some(n) = tag.strip_prefix('=') {
                Cue::Number(n.parse().ok()?)
            } else if let Some(n) = tag.strip_prefix("time ") {
                Cue::Duration(n.trim().parse().ok()?)
            } else if tag.starts_with('+') || tag.starts_with('-') {
                let w: f32 = tag.parse().ok()?;
                Cue::Sentiment(w)
            } else {
                return None;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_entries_and_are_found_by_their_first_word() {
        let mut lx = Lexicon::default();
        let mut themes = |k: &str| (k == "waiting").then_some(0);
        lx.add_file(
            "# c\n-1: slow* | took forever\n@waiting: wait* | queue\nnot: not\n",
            Lang::En,
            &mut themes,
        )
        .unwrap();
        assert_eq!(lx.entries.len(), 5);
        let mut found = vec![];
        lx.starting_with("slowly", &mut found);
        assert_eq!(found, [0]);
        found.clear();
        lx.starting_with("took", &mut found);
        assert_eq!(lx.entries[found[0] as usize].words.len(), 2);
        found.clear();
        lx.starting_with("queues", &mut found);
        assert!(found.is_empty(), "queue is an exact word");
    }

    #[test]
    fn a_bad_line_is_named() {
        let mut lx = Lexicon::default();
        let e = lx
            .add_file("+1: good\n@nope: x\n", Lang::En, &mut |_| None)
            .unwrap_err();
        assert_eq!(e.line, 2);
        let e = lx.add_file("good\n", Lang::En, &mut |_| None).unwrap_err();
        assert_eq!(e.line, 1);
    }
}
