//! One comment read: its language, its sentiment and its themes, with the words behind each.

use serde::Serialize;

use super::fuzzy::Fuzzy;
use super::lexicon::{Cue, Entry, Lexicon, Source, Word, pattern_words};
use super::normalize::{Script, Token, is_latvian_letter, single_letters, tokenize};
use super::sentiment::{classify, round2};
use super::{Lang, Sentiment, ThemeSpec};

const AR: &str = include_str!("lexicon/ar.txt");
const EN: &str = include_str!("lexicon/en.txt");
const LV: &str = include_str!("lexicon/lv.txt");
/// Emoji: every language's.
const ANY: &str = include_str!("lexicon/any.txt");

/// Arabic clitics written onto the next word ("والموظف", "بالدور"), longest first.
const ARABIC_PREFIXES: [&str; 14] = [
    "وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س",
];

/// The lexicons with an organisation's themes, ready to read comments.
#[derive(Debug, Clone)]
pub struct Analyser {
    lexicon: Lexicon,
    fuzzy: Fuzzy,
    themes: Vec<String>,
}

/// Something in the text that counted, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// Byte span in the comment.
    pub start: usize,
    pub end: usize,
    /// The lexicon's pattern that matched.
    pub entry: String,
    pub lang: Lang,
    /// From the organisation's own words.
    pub own: bool,
    /// What it added to the sentiment score (0 for a theme's word).
    pub weight: f32,
    pub modifiers: Vec<Modifier>,
}

/// What changed a cue's weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Modifier {
    /// Negated by the word at this span (the word itself when the negation is attached:
    /// "nepatika", "ماعجبني").
    Negated {
        start: usize,
        end: usize,
    },
    Intensified {
        start: usize,
        end: usize,
    },
    Weakened {
        start: usize,
        end: usize,
    },
    /// Stretched letters ("sooo", "ممتاااز").
    Stretched,
    /// Misspelt: read as the word it is one letter away from.
    Spelling,
    /// After a wish ("would be nice"): counts nothing.
    Wished {
        start: usize,
        end: usize,
    },
    /// The theme's word after "no", "without": the thing is missing.
    Lacking {
        start: usize,
        end: usize,
    },
    /// Before a "but": counts half.
    BeforeContrast {
        start: usize,
        end: usize,
    },
    /// After a "but": counts half again more.
    AfterContrast {
        start: usize,
        end: usize,
    },
    /// A waiting time of so many minutes.
    Duration {
        minutes: u32,
    },
}

/// A theme and the words that gave it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeHit {
    pub theme: String,
    pub evidence: Vec<Evidence>,
}

/// What Rida read in one comment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub language: Lang,
    pub sentiment: Sentiment,
    /// 0–1: how sure the reading is (many cues of one sign: high; none or mixed: low).
    pub confidence: f32,
    /// The sum of the cues' weights.
    pub score: f32,
    pub themes: Vec<ThemeHit>,
    /// The sentiment's cues.
    pub evidence: Vec<Evidence>,
}

/// How a form of a token was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// The word as written (normalised), or its stretched letters made single.
    Whole,
    /// Without an Arabic clitic in front.
    Clitic,
    /// Without a negation written onto it ("ne-" in Latvian, "ما…ش" in Arabic dialects).
    Negated,
    /// Read as the lexicon word it is one letter away from ("frendly", "proffesional").
    Spelling,
}

/// A lexicon entry found at tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) entry: u32,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) form: Form,
}

impl Default for Analyser {
    fn default() -> Self {
        let themes: Vec<ThemeSpec> = super::BUILTIN_THEMES
            .iter()
            .map(|k| ThemeSpec::builtin(k))
            .collect();
        Analyser::new(&themes)
    }
}

impl Analyser {
    /// Rida's lexicons with these themes (builtin words for builtin keys that keep them,
    /// and each theme's own words).
    pub fn new(themes: &[ThemeSpec]) -> Analyser {
        let mut lexicon = Lexicon::default();
        let keys: Vec<String> = themes.iter().map(|t| t.key.clone()).collect();
        let mut index = |key: &str| {
            // A builtin theme the organisation turned off (or not in the list): its words
            // are read as nothing.
            match themes.iter().position(|t| t.key == key) {
                Some(i) if themes[i].builtin_words => Some(i as u16),
                _ => Some(u16::MAX),
            }
        };
        for (text, lang) in [
            (AR, Lang::Ar),
            (EN, Lang::En),
            (LV, Lang::Lv),
            (ANY, Lang::Unknown),
        ] {
            lexicon
                .add_file(text, lang, &mut index)
                .expect("Rida's own lexicons parse (a unit test reads them)");
        }
        for (i, t) in themes.iter().enumerate() {
            for w in &t.own_words {
                let lang = pattern_words(w)
                    .map(|(_, s)| {
                        if s == Script::Arabic {
                            Lang::Ar
                        } else {
                            Lang::Unknown
                        }
                    })
                    .unwrap_or(Lang::Unknown);
                lexicon.add(w, Cue::Theme(i as u16), lang, Source::Organisation);
            }
        }
        let fuzzy = Fuzzy::new(&lexicon);
        Analyser {
            lexicon,
            fuzzy,
            themes: keys,
        }
    }

    pub(super) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The theme keys, in the order given.
    pub fn themes(&self) -> &[String] {
        &self.themes
    }

    pub(super) fn entry(&self, id: u32) -> &Entry {
        &self.lexicon.entries[id as usize]
    }

    /// Reads one comment.
    pub fn analyse(&self, text: &str) -> Analysis {
        let tokens = tokenize(text);
        let mut hits = self.hits(&tokens);
        let language = self.language(text, &tokens, &hits);
        self.misspelt(&tokens, language, &mut hits);
        let letters = tokens
            .iter()
            .any(|t| matches!(t.script, Script::Latin | Script::Arabic | Script::Other));
        let usable = |h: &Hit| {
            let e = self.entry(h.entry);
            match e.cue {
                Cue::Theme(u16::MAX) => false,
                // Nothing to read but emoji and numbers ("👍", "10/10").
                _ if language == Lang::Unknown && !letters => {
                    e.source == Source::Builtin
                        && matches!(e.script, Script::Emoji | Script::Number)
                }
                _ if language == Lang::Unknown => {
                    e.lang == Lang::Unknown && e.source == Source::Builtin
                }
                c if c.is_function() => {
                    e.lang == Lang::Unknown
                        || e.lang == language
                        || (e.script == Script::Arabic && e.lang == Lang::Ar)
                }
                _ => true,
            }
        };
        let hits: Vec<Hit> = hits.into_iter().filter(usable).collect();
        let themes = self.theme_hits(text, &tokens, &hits);
        let (evidence, score) = self.sentiment(&tokens, &hits);
        let (sentiment, confidence) = classify(score, &evidence);
        Analysis {
            language,
            sentiment,
            confidence,
            score: round2(score),
            themes,
            evidence,
        }
    }

    /// Every entry matching at every token, longest first at each start.
    fn hits(&self, tokens: &[Token]) -> Vec<Hit> {
        let forms: Vec<Vec<(String, Form)>> = tokens.iter().map(forms_of).collect();
        let mut hits = Vec::new();
        let mut found = Vec::new();
        for i in 0..tokens.len() {
            // Each kind of cue is taken from the first form that gives one: the word as
            // written before the word without a clitic or a negation.
            let mut taken = [false; 3];
            for (form, how) in &forms[i] {
                found.clear();
                self.lexicon.starting_with(form, &mut found);
                let mut here = [false; 3];
                for &id in &found {
                    let e = self.entry(id);
                    let kind = kind_of(e.cue);
                    if taken[kind] {
                        continue;
                    }
                    if *how == Form::Negated && !matches!(e.cue, Cue::Sentiment(_)) {
                        continue;
                    }
                    // "الساعه ٢" is the time of day, not an hour's wait.
                    if *how == Form::Clitic
                        && matches!(
                            e.cue,
                            Cue::Duration(_) | Cue::Minutes | Cue::Hours | Cue::Number(_)
                        )
                    {
                        continue;
                    }
                    if !e.words[0].matches(form) {
                        continue;
                    }
                    if let Some(end) = rest_matches(&e.words[1..], &forms, i + 1) {
                        hits.push(Hit {
                            entry: id,
                            start: i,
                            end,
                            form: *how,
                        });
                        here[kind] = true;
                    }
                }
                for k in 0..3 {
                    taken[k] |= here[k];
                }
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        hits
    }

    /// Latin words that matched nothing, read as the lexicon word of the comment's
    /// language they are one letter from.
    fn misspelt(&self, tokens: &[Token], language: Lang, hits: &mut Vec<Hit>) {
        let mut found = Vec::new();
        let before = hits.len();
        for (i, t) in tokens.iter().enumerate() {
            if t.script != Script::Latin || hits[..before].iter().any(|h| h.start <= i && i < h.end)
            {
                continue;
            }
            found.clear();
            self.fuzzy.find(&self.lexicon, &t.norm, &mut found);
            for &id in &found {
                if self.entry(id).lang == language {
                    hits.push(Hit {
                        entry: id,
                        start: i,
                        end: i + 1,
                        form: Form::Spelling,
                    });
                }
            }
        }
        if hits.len() > before {
            hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        }
    }

    /// Arabic by its letters; among Latin-script comments, the language whose words it
    /// uses most (Latvian letters and Arabizi digits count double); none of the three when
    /// fewer than a quarter of its words are known.
    fn language(&self, text: &str, tokens: &[Token], hits: &[Hit]) -> Lang {
        let mut letters = [0usize; 3]; // Arabic, Latin, other
        for t in tokens {
            let n = t.norm.chars().count();
            match t.script {
                Script::Arabic => letters[0] += n,
                Script::Latin => letters[1] += n,
                Script::Other => letters[2] += n,
                Script::Number | Script::Emoji => {}
            }
        }
        let total: usize = letters.iter().sum();
        if total == 0 {
            return Lang::Unknown;
        }
        if letters[0] * 3 >= total {
            return Lang::Ar;
        }
        if letters[2] >= letters[1] {
            return Lang::Unknown;
        }
        let mut votes = [0usize; 3]; // ar (Arabizi), en, lv
        let mut words = 0;
        for (i, t) in tokens.iter().enumerate() {
            if t.script != Script::Latin {
                continue;
            }
            words += 1;
            let mut said = [false; 3];
            for h in hits
                .iter()
                .filter(|h| h.start == i && h.form != Form::Clitic)
            {
                let e = self.entry(h.entry);
                if e.script != Script::Latin {
                    continue;
                }
                match e.lang {
                    Lang::Ar => said[0] = true,
                    Lang::En => said[1] = true,
                    Lang::Lv => said[2] = true,
                    Lang::Unknown => {}
                }
            }
            let raw = &text[t.start..t.end];
            if raw.chars().any(is_latvian_letter) {
                votes[2] += 2;
            }
            if t.norm.chars().any(|c| c.is_ascii_digit())
                && t.norm.chars().any(|c| c.is_alphabetic())
            {
                votes[0] += 2;
            }
            for k in 0..3 {
                votes[k] += said[k] as usize;
            }
        }
        let best = (0..3)
            .max_by_key(|&k| (votes[k], [0, 2, 1][k]))
            .expect("three");
        if votes[best] == 0 || votes[best] * 4 < words {
            return Lang::Unknown;
        }
        [Lang::Ar, Lang::En, Lang::Lv][best]
    }

    pub(super) fn evidence(
        &self,
        tokens: &[Token],
        h: &Hit,
        weight: f32,
        modifiers: Vec<Modifier>,
    ) -> Evidence {
        let e = self.entry(h.entry);
        Evidence {
            start: tokens[h.start].start,
            end: tokens[h.end - 1].end,
            entry: e.text.clone(),
            lang: e.lang,
            own: e.source == Source::Organisation,
            weight: round2(weight),
            modifiers,
        }
    }

    fn theme_hits(&self, _text: &str, tokens: &[Token], hits: &[Hit]) -> Vec<ThemeHit> {
        let mut out: Vec<ThemeHit> = Vec::new();
        let theme_of = |h: &Hit| match self.entry(h.entry).cue {
            Cue::Theme(t) => Some(t),
            _ => None,
        };
        for h in hits {
            let Some(t) = theme_of(h) else { continue };
            // A word inside a longer phrase of another theme is that phrase's word
            // ("waiting" in "waiting room" is about the room).
            let inside = hits.iter().any(|o| {
                theme_of(o).is_some_and(|ot| ot != t)
                    && o.start <= h.start
                    && h.end <= o.end
                    && o.end - o.start > h.end - h.start
            });
            if inside {
                continue;
            }
            let key = &self.themes[t as usize];
            let ev = self.evidence(tokens, h, 0.0, vec![]);
            match out.iter_mut().find(|x| &x.theme == key) {
                Some(x) if x.evidence.iter().any(|e| e.start == ev.start) => {}
                Some(x) => x.evidence.push(ev),
                None => out.push(ThemeHit {
                    theme: key.clone(),
                    evidence: vec![ev],
                }),
            }
        }
        // In the analyser's order, whatever order the words came in.
        out.sort_by_key(|x| self.themes.iter().position(|k| *k == x.theme));
        out
    }
}

/// The three kinds of cue a token's forms are searched for separately.
fn kind_of(cue: Cue) -> usize {
    match cue {
        Cue::Sentiment(_) => 0,
        Cue::Theme(_) => 1,
        _ => 2,
    }
}

/// The forms a token is looked up by, most literal first.
fn forms_of(t: &Token) -> Vec<(String, Form)> {
    let mut out = vec![(t.norm.clone(), Form::Whole)];
    match t.script {
        Script::Latin => {
            if t.stretched {
                out.push((single_letters(&t.norm), Form::Whole));
            }
            // Latvian negation is written onto the verb: "nepatika", "nestrādā".
            if let Some(rest) = t.norm.strip_prefix("ne").filter(|r| r.chars().count() >= 3) {
                out.push((rest.to_string(), Form::Negated));
            }
        }
        Script::Arabic => {
            for p in ARABIC_PREFIXES {
                if let Some(rest) = t.norm.strip_prefix(p).filter(|r| r.chars().count() >= 2) {
                    out.push((rest.to_string(), Form::Clitic));
                }
            }
            // Dialect negation on the verb: "ماعجبني", "ماعجبنيش", "مافهموني".
            if let Some(rest) = t.norm.strip_prefix("ما").filter(|r| r.chars().count() >= 3) {
                let rest = rest.strip_suffix('ش').unwrap_or(rest);
                out.push((rest.to_string(), Form::Negated));
            }
        }
        _ => {}
    }
    out
}

/// Where a pattern's other words end when they match the tokens from `at`.
fn rest_matches(words: &[Word], forms: &[Vec<(String, Form)>], at: usize) -> Option<usize> {
    let mut i = at;
    for w in words {
        let f = forms.get(i)?;
        if !f
            .iter()
            .any(|(form, how)| *how != Form::Negated && w.matches(form))
        {
            return None;
        }
        i += 1;
    }
    Some(i)
}
