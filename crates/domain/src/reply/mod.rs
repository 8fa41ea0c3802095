//! Reading a customer's reply to a survey message (SMS or WhatsApp): a score however it is
//! written, the words around it kept as a comment, and the keywords that opt a number out
//! of messages, back in, or ask for help.
//!
//! First the reply loses what cannot be seen: format characters (zero-width spaces,
//! right-to-left marks, the byte-order mark), emoji variation selectors and the keycap
//! mark (`5️⃣` is `5`). Keywords and number words are compared without diacritics
//! (`atrakstities` is `atrakstīties`, `الغاء` is `إلغاء`).
//!
//! What reads as a score, on the question's scale:
//! - digits in any of the scripts customers type: ASCII `5`, Arabic-Indic `٥`, Eastern
//!   Arabic-Indic `۵`, full-width `５`, the keycap `🔟`; alone or with words around them
//!   (`5 thanks!`);
//! - `5/5` or `4 of 5` when the second number is the scale's top, `5 stars`;
//! - stars alone: `⭐⭐⭐⭐⭐` or `★★★`;
//! - number words in Arabic, English and Latvian (`خمسة`, `five`, `pieci`), alone, set off
//!   from the words after them (`five, thanks`) or before a unit (`five stars`,
//!   `pieci punkti`).
//!
//! Refused as unclear (the customer is asked again, once): two different numbers
//! (`4 or 5`), a number off the scale (`45`, `0` or `-1` on 1–5), a decimal (`4.5`), a
//! fraction whose top is not the scale's (`5/5` on 0–10). A reply without any number is
//! a comment.
//!
//! An opt-out word standing as a word of its own wins over everything else (`5 STOP`
//! opts out; the score is not kept). Words that also occur in ordinary comments
//! (`cancel`, `end`, `quit`, `beigt`) opt out only when the reply is that word, perhaps
//! with a score. Opt-in and help words are the whole reply.
//!
//! A comment keeps the customer's words as written: the score is cut off only where it
//! opens or closes the reply (`5 thanks!` → `thanks!`); a score inside a sentence leaves
//! the sentence whole. Only spaces, punctuation and the score itself are "nothing said".

use crate::Scale;

/// The longest comment kept from a reply, in characters.
pub const MAX_COMMENT_CHARS: usize = 1000;

/// What a reply says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A score on the scale, and the words around it, if any.
    Score { score: i16, comment: Option<String> },
    /// Numbers that do not make one score on the scale: ask again.
    Unclear { text: String },
    /// Words without a score.
    Comment { text: String },
    /// Send no more messages to this number; `with_score` when the reply also gave a
    /// score, which is not kept (the confirmation says so).
    Stop { with_score: bool },
    /// Messages may be sent again.
    Start,
    /// The customer asks who is writing and how to reach them.
    Help,
}

/// Opt-out words honoured wherever they stand as a word (compared folded: no diacritics,
/// one alef, see [`fold`]).
const STOP: &[&str] = &[
    "stop",
    "stopall",
    "unsubscribe",
    "optout",
    "opt out",
    "opt-out",
    "revoke",
    "توقف",
    "اوقف",
    "أوقفوا",
    "ايقاف",
    "الغاء الاشتراك",
    "إلغاء الإشتراك",
    "ستوب",
    "atteikties",
    "atrakstīties",
    "atteikt",
    "pārtraukt",
];

/// Opt-out words that ordinary comments also use: only the whole reply (a score aside).
const STOP_ALONE: &[&str] = &["cancel", "end", "quit", "إلغاء", "beigt", "beigas"];

const START: &[&str] = &[
    "start",
    "unstop",
    "subscribe",
    "ابدأ",
    "بدء",
    "اشتراك",
    "اشترك",
    "sākt",
    "atsākt",
    "pierakstīties",
    "abonēt",
];

const HELP: &[&str] = &[
    "help",
    "info",
    "مساعدة",
    "معلومات",
    "palīdzība",
    "palīgs",
    "informācija",
];

/// Number words 0–10 in Arabic (with common spellings), English and Latvian (compared
/// folded, so without diacritics too).
const WORDS: &[(&str, i16)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("صفر", 0),
    ("واحد", 1),
    ("واحدة", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("ثلاثة", 3),
    ("ثلاث", 3),
    ("أربعة", 4),
    ("أربع", 4),
    ("خمسة", 5),
    ("خمس", 5),
    ("ستة", 6),
    ("ست", 6),
    ("سبعة", 7),
    ("سبع", 7),
    ("ثمانية", 8),
    ("ثمان", 8),
    ("ثماني", 8),
    ("تسعة", 9),
    ("تسع", 9),
    ("عشرة", 10),
    ("عشر", 10),
    ("nulle", 0),
    ("viens", 1),
    ("viena", 1),
    ("divi", 2),
    ("divas", 2),
    ("trīs", 3),
    ("četri", 4),
    ("četras", 4),
    ("pieci", 5),
    ("piecas", 5),
    ("seši", 6),
    ("sešas", 6),
    ("septiņi", 7),
    ("septiņas", 7),
    ("astoņi", 8),
    ("astoņas", 8),
    ("deviņi", 9),
    ("deviņas", 9),
    ("desmit", 10),
];

/// Words that say the number before them is a count of stars or points.
const UNITS: &[&str] = &[
    "star",
    "stars",
    "point",
    "points",
    "pts",
    "نجمة",
    "نجوم",
    "نجمات",
    "نقطة",
    "نقاط",
    "zvaigzne",
    "zvaigznes",
    "zvaigznītes",
    "zvaigznīte",
    "punkti",
    "punkts",
    "punktu",
    "balles",
    "balle",
];

/// Words between a score and the scale's top: `4 of 5`, `4 من 5`, `4 no 5`.
const OF: &[&str] = &["of", "out of", "from", "من", "no", "/"];

/// The digit a character stands for, in any of the scripts customers type: ASCII,
/// Arabic-Indic, Eastern Arabic-Indic and full-width.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{FF10}'..='\u{FF19}' => Some(c as u32 - 0xFF10),
        _ => None,
    }
}

/// The keycap ten, one character that is a whole number.
const KEYCAP_TEN: char = '\u{1F51F}';

fn is_star(c: char) -> bool {
    matches!(c, '⭐' | '★' | '🌟' | '*')
}

/// Characters nobody sees: format characters (general category Cf), emoji variation
/// selectors and the combining keycap.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
        | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' | '\u{FE00}'..='\u{FE0F}' | '\u{20E3}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The reply as the customer sees it: without invisible characters.
fn visible(text: &str) -> String {
    text.chars().filter(|c| !is_invisible(*c)).collect()
}

/// A word as it is compared: lower case, Latvian letters without their diacritics, and
/// Arabic without vowel marks or tatweel, with one alef, ya for alef maqsura and ha for
/// ta marbuta.
pub fn fold(word: &str) -> String {
    word.to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match crate::locale::latvian_base(c) {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

fn folded_in(list: &[&str], word: &str) -> bool {
    let w = fold(word);
    list.iter().any(|k| fold(k) == w)
}

/// Spaces and punctuation: what is not "something said".
fn is_filler(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || "،؛؟!¡¿…–—‐‑−«»“”„‘’·•".contains(c)
}

/// A piece of the reply: a run of digits (its value and where it is) or a word.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number {
        value: Option<u64>,
        start: usize,
        end: usize,
        /// Followed by a decimal separator and more digits (`4.5`, `4,5`, `٤٫٥`).
        fraction: bool,
        /// Written with a minus sign right before it (`-1`, `−1`).
        negative: bool,
    },
    Word {
        text: String,
        start: usize,
        end: usize,
    },
}

fn is_minus(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{FE63}' | '\u{FF0D}'
    )
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        // A minus sign that starts the number, not a dash between words and numbers.
        let negative =
            i > 0 && is_minus(chars[i - 1].1) && (i < 2 || !chars[i - 2].1.is_alphanumeric());
        if c == KEYCAP_TEN {
            out.push(Token::Number {
                value: Some(10),
                start,
                end: start + c.len_utf8(),
                fraction: false,
                negative,
            });
            i += 1;
        } else if digit(c).is_some() {
            let mut value: Option<u64> = Some(0);
            let mut j = i;
            while j < chars.len()
                && let Some(d) = digit(chars[j].1)
            {
                value = value
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_add(u64::from(d)));
                j += 1;
            }
            let fraction = j + 1 < chars.len()
                && matches!(chars[j].1, '.' | ',' | '٫')
                && digit(chars[j + 1].1).is_some();
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            let start = if negative { chars[i - 1].0 } else { start };
            out.push(Token::Number {
                value,
                start,
                end,
                fraction,
                negative,
            });
            i = j;
        } else if c.is_alphabetic() || is_arabic_mark(c) {
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_alphabetic() || is_arabic_mark(chars[j].1))
                && digit(chars[j].1).is_none()
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            out.push(Token::Word {
                text: text[start..end].to_lowercase(),
                start,
                end,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Arabic vowel marks and tatweel, part of a word although not letters.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn span(t: &Token) -> (usize, usize) {
    match t {
        Token::Number { start, end, .. } | Token::Word { start, end, .. } => (*start, *end),
    }
}

fn word_of(t: Option<&Token>) -> Option<&str> {
    match t {
        Some(Token::Word { text, .. }) => Some(text),
        _ => None,
    }
}

/// The comment of a reply whose score is written at `cut`: nothing when only spaces and
/// punctuation are left; the words after the score when it opens the reply, the words
/// before it when it closes it (as written, with their own punctuation); the whole reply
/// when the score stands inside it.
fn comment_around(text: &str, cut: (usize, usize)) -> Option<String> {
    let (before, after) = (&text[..cut.0], &text[cut.1..]);
    if before.chars().chain(after.chars()).all(is_filler) {
        return None;
    }
    let leading = |c: char| c.is_whitespace() || ",.:;!?)]}=-–—،؛".contains(c);
    let trailing = |c: char| c.is_whitespace() || ",:;([{=-–—،؛".contains(c);
    let kept = if before.chars().all(is_filler) {
        after.trim_start_matches(leading).trim_end()
    } else if after.chars().all(is_filler) {
        before.trim_end_matches(trailing).trim_start()
    } else {
        text.trim()
    };
    Some(kept.chars().take(MAX_COMMENT_CHARS).collect())
}

fn kept(text: &str) -> String {
    text.trim().chars().take(MAX_COMMENT_CHARS).collect()
}

/// Whether `words` (folded) hold `phrase` as consecutive words.
fn has_phrase(words: &[String], phrase: &str) -> bool {
    let p: Vec<String> = phrase.split_whitespace().map(fold).collect();
    words.windows(p.len()).any(|w| w == p.as_slice())
}

/// The reply's words as keywords are looked for: split at spaces and punctuation, but a
/// hyphen inside a word keeps it whole ("non-stop" is not "stop"; "opt-out" is one word).
fn keyword_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || (is_filler(c) && c != '-' && c != '\''))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// Reads a reply to a question on `scale`.
pub fn parse(text: &str, scale: Scale) -> Reply {
    let text = visible(text);
    let text = text.as_str();
    let toks = tokens(text);
    let words = keyword_words(text);
    let has_number = toks.iter().any(|t| matches!(t, Token::Number { .. }));
    if STOP.iter().any(|k| has_phrase(&words, k))
        || (toks.iter().filter(|t| word_of(Some(t)).is_some()).count() == 1
            && score_alone_but(&toks, STOP_ALONE))
    {
        return Reply::Stop {
            with_score: has_number,
        };
    }
    let whole = fold(text.trim_matches(is_filler));
    if START.iter().any(|k| fold(k) == whole) {
        return Reply::Start;
    }
    if HELP.iter().any(|k| fold(k) == whole) {
        return Reply::Help;
    }
    let Some((lo, hi)) = scale.score_range() else {
        return Reply::Comment { text: kept(text) };
    };
    let in_scale = |v: u64| (lo as u64..=hi as u64).contains(&v);
    let unclear = || Reply::Unclear { text: kept(text) };

    // Stars alone: their number is the score.
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.chars().all(|c| is_star(c) || c.is_whitespace()) {
        let n = trimmed.chars().filter(|c| is_star(*c)).count() as u64;
        return if in_scale(n) {
            Reply::Score {
                score: n as i16,
                comment: None,
            }
        } else {
            unclear()
        };
    }

    let numbers: Vec<(usize, &Token)> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, Token::Number { .. }))
        .collect();
    if numbers.iter().any(|(_, t)| {
        matches!(
            t,
            Token::Number { fraction: true, .. } | Token::Number { negative: true, .. }
        )
    }) {
        return unclear();
    }
    let value = |t: &Token| match t {
        Token::Number { value, .. } => *value,
        _ => None,
    };
    // The score's own words: a unit right after it ("5 stars").
    let with_unit = |j: usize, (s, e): (usize, usize)| match toks.get(j + 1) {
        Some(t @ Token::Word { text: w, .. }) if folded_in(UNITS, w) => (s, span(t).1),
        _ => (s, e),
    };
    match numbers.as_slice() {
        [] => {}
        [(i, t)] => {
            let Some(v) = value(t).filter(|v| in_scale(*v)) else {
                return unclear();
            };
            return Reply::Score {
                score: v as i16,
                comment: comment_around(text, with_unit(*i, span(t))),
            };
        }
        [(_, a), (j, b)] => {
            let (va, vb) = (value(a), value(b));
            let between = text[span(a).1..span(b).0].trim().to_lowercase();
            // "4/5", "4 of 5", "4 out of 5", "٤ من ٥": a fraction, read only when its
            // top is the scale's; "5/5" on 0–10 could mean 5 or 10.
            if OF.contains(&between.as_str()) {
                return match va.filter(|v| in_scale(*v)) {
                    Some(v) if vb == Some(hi as u64) => Reply::Score {
                        score: v as i16,
                        comment: comment_around(text, with_unit(*j, (span(a).0, span(b).1))),
                    },
                    _ => unclear(),
                };
            }
            // The same number twice, side by side ("5 5"), is one score.
            if va.is_some() && va == vb && between.is_empty() && in_scale(va.unwrap_or(0)) {
                return Reply::Score {
                    score: va.unwrap_or(0) as i16,
                    comment: comment_around(text, with_unit(*j, (span(a).0, span(b).1))),
                };
            }
            return unclear();
        }
        _ => return unclear(),
    }

    // No digits: a number word alone, leading the reply and set off from the rest
    // ("five, thank you"), or before a unit anywhere ("I give it five stars"); "one of
    // the best" is a comment.
    let number_word = |w: &str| {
        WORDS
            .iter()
            .find(|(k, _)| fold(k) == fold(w))
            .map(|(_, v)| *v)
    };
    let set_off = |end: usize| {
        text[end..]
            .chars()
            .next()
            .is_none_or(|c| ",.!;:-–—،؛".contains(c))
    };
    let found: Vec<(usize, i16)> = toks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let v = number_word(word_of(Some(t))?)?;
            let before_unit = word_of(toks.get(i + 1)).is_some_and(|u| folded_in(UNITS, u));
            let leads = i == 0 && (toks.len() == 1 || set_off(span(t).1));
            (before_unit || leads).then_some((i, v))
        })
        .collect();
    match found.as_slice() {
        [(i, v)] if in_scale(*v as u64) => Reply::Score {
            score: *v,
            comment: comment_around(text, with_unit(*i, span(&toks[*i]))),
        },
        [] => Reply::Comment { text: kept(text) },
        _ => unclear(),
    }
}

/// Whether the reply is one of `words`, perhaps with a score ("5 cancel").
fn score_alone_but(toks: &[Token], words: &[&str]) -> bool {
    toks.iter().all(|t| match t {
        Token::Number { .. } => true,
        Token::Word { text, .. } => folded_in(words, text),
    }) && toks
        .iter()
        .any(|t| word_of(Some(t)).is_some_and(|w| folded_in(words, w)))
}

#[cfg(test)]
mod tests;
