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
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn score(text: &str) -> Option<(i16, Option<String>)> {
        score_on(text, Scale::Csat5)
    }

    fn score_on(text: &str, scale: Scale) -> Option<(i16, Option<String>)> {
        match parse(text, scale) {
            Reply::Score { score, comment } => Some((score, comment)),
            _ => None,
        }
    }

    #[test]
    fn a_score_reads_in_every_script_and_form() {
        for text in [
            "5",
            " 5 ",
            "٥",
            "۵",
            "５",
            "5/5",
            "5 / 5",
            "5 of 5",
            "٥ من ٥",
            "5 stars",
            "5 stars!",
            "⭐⭐⭐⭐⭐",
            "⭐️⭐️⭐️⭐️⭐️",
            "★★★★★",
            "five",
            "Five!",
            "five stars",
            "Five Stars!",
            "خمسة",
            "خمس",
            "خمس نجوم",
            "pieci",
            "pieci punkti",
            "piecas zvaigznes",
            "5.",
            "5!!",
            "5️⃣",
            "5\u{FE0F}\u{20E3}",
            "\u{200B}5",
            "\u{200F}٥\u{200F}",
            "\u{FEFF}5\u{200E}",
            "5 5",
        ] {
            assert_eq!(score(text), Some((5, None)), "{text:?}");
        }
        assert_eq!(score("4 zvaigznes"), Some((4, None)));
        assert_eq!(score("trīs"), Some((3, None)));
        assert_eq!(score("tris"), Some((3, None)));
        assert_eq!(score("٣"), Some((3, None)));
        assert_eq!(score("أربعة"), Some((4, None)));
        assert_eq!(score("اربعه"), Some((4, None)));
        // NPS: two digits, the keycap ten, and the scale's top after the slash.
        for text in ["10", "🔟", "١٠", "10/10", "ten", "desmit", "عشرة"] {
            assert_eq!(score_on(text, Scale::Nps11), Some((10, None)), "{text:?}");
        }
        assert_eq!(score_on("٩/١٠", Scale::Nps11), Some((9, None)));
        assert_eq!(score_on("0", Scale::Nps11), Some((0, None)));
        assert_eq!(score_on("0️⃣", Scale::Nps11), Some((0, None)));
    }

    #[test]
    fn the_words_around_a_score_are_kept_as_written() {
        assert_eq!(score("5 thanks!"), Some((5, Some("thanks!".into()))));
        assert_eq!(
            score("4 - the queue was long"),
            Some((4, Some("the queue was long".into())))
        );
        assert_eq!(
            score("٢ الانتظار طويل"),
            Some((2, Some("الانتظار طويل".into())))
        );
        assert_eq!(
            score("five, thank you"),
            Some((5, Some("thank you".into())))
        );
        assert_eq!(
            score("Anna was great 5/5 stars"),
            Some((5, Some("Anna was great".into())))
        );
        assert_eq!(
            score("Great service! 5"),
            Some((5, Some("Great service!".into())))
        );
        // A score inside a sentence leaves the sentence whole.
        assert_eq!(
            score("I'd give it a 4, the wait was long"),
            Some((4, Some("I'd give it a 4, the wait was long".into())))
        );
        assert_eq!(
            score("I give it five stars, lovely staff."),
            Some((5, Some("I give it five stars, lovely staff.".into())))
        );
        // What nobody can see is not a comment, and does not stay in one.
        assert_eq!(score("5\u{200B}"), Some((5, None)));
        assert_eq!(score("5 \u{200F}!"), Some((5, None)));
        assert_eq!(score("5 \u{200B}thanks"), Some((5, Some("thanks".into()))));
    }

    #[test]
    fn what_is_ambiguous_or_off_the_scale_is_asked_again() {
        for text in [
            "4 or 5",
            "45",
            "0",
            "6",
            "4.5",
            "4,5",
            "٤٫٥",
            "3 4",
            "⭐⭐⭐⭐⭐⭐",
            "1 2 3",
            "-1",
            "−1",
            "-١",
            "‑2",
            "score: -3",
            "4/7",
        ] {
            assert!(
                matches!(parse(text, Scale::Csat5), Reply::Unclear { .. }),
                "{text:?}: {:?}",
                parse(text, Scale::Csat5)
            );
        }
        // A fraction whose top is not the scale's could mean either number.
        for text in ["5/5", "4 of 5", "8/5", "-1", "11"] {
            assert!(
                matches!(parse(text, Scale::Nps11), Reply::Unclear { .. }),
                "{text:?}: {:?}",
                parse(text, Scale::Nps11)
            );
        }
        // A number word that is not a score of the scale.
        assert!(matches!(parse("ten", Scale::Csat5), Reply::Unclear { .. }));
        // A dash between words and the score is no minus sign.
        assert_eq!(score("Service - 4"), Some((4, Some("Service".into()))));
    }

    #[test]
    fn words_without_a_score_are_a_comment() {
        for text in [
            "thank you",
            "one of the best",
            "شكرا",
            "paldies",
            "\u{200B}hi",
        ] {
            assert!(
                matches!(parse(text, Scale::Csat5), Reply::Comment { .. }),
                "{text:?}: {:?}",
                parse(text, Scale::Csat5)
            );
        }
        // A hyphen keeps a word whole: "non-stop" is no opt-out.
        assert_eq!(
            score("Non-stop queue, 2"),
            Some((2, Some("Non-stop queue".into())))
        );
        // Opt-out words that comments also use are words there.
        assert_eq!(
            score("I had to cancel twice, 2"),
            Some((2, Some("I had to cancel twice".into())))
        );
        assert!(matches!(
            parse("the end of the queue was slow", Scale::Csat5),
            Reply::Comment { .. }
        ));
    }

    #[test]
    fn keywords_opt_out_back_in_and_ask_for_help_in_every_language() {
        for text in [
            "STOP",
            "stop.",
            " Stop ",
            "STOP\u{200B}",
            "UNSUBSCRIBE",
            "opt out",
            "Opt-Out",
            "cancel",
            "END",
            "توقف",
            "إلغاء الاشتراك",
            "الغاء الاشتراك",
            "إلغاء",
            "الغاء",
            "ايقاف",
            "إيقاف",
            "أوقف",
            "ATTEIKTIES",
            "atteikties",
            "Atrakstīties",
            "atrakstities",
            "pārtraukt",
            "partraukt",
            "please stop texting me",
        ] {
            assert_eq!(
                parse(text, Scale::Csat5),
                Reply::Stop { with_score: false },
                "{text:?}"
            );
        }
        // An opt-out word wins over a score, wherever it stands.
        for text in ["5 STOP", "STOP 5", "٥ توقف", "3, atrakstīties", "5 cancel"] {
            assert_eq!(
                parse(text, Scale::Csat5),
                Reply::Stop { with_score: true },
                "{text:?}"
            );
        }
        for text in [
            "START",
            "unstop",
            "ابدأ",
            "ابدا",
            "بدء",
            "sākt",
            "sakt",
            "Atsākt",
            "atsakt",
            "pierakstities",
        ] {
            assert_eq!(parse(text, Scale::Csat5), Reply::Start, "{text:?}");
        }
        for text in [
            "HELP",
            "help?",
            "مساعدة",
            "مساعده",
            "palīdzība",
            "palidziba",
            "INFO",
        ] {
            assert_eq!(parse(text, Scale::Csat5), Reply::Help, "{text:?}");
        }
    }

    #[test]
    fn a_long_reply_keeps_a_bounded_comment() {
        let long = format!("5 {}", "slow queue ".repeat(200));
        let (s, c) = score(&long).unwrap();
        assert_eq!(s, 5);
        assert_eq!(c.unwrap().chars().count(), MAX_COMMENT_CHARS);
        let words = "word ".repeat(500);
        match parse(&words, Scale::Csat5) {
            Reply::Comment { text } => assert_eq!(text.chars().count(), MAX_COMMENT_CHARS),
            other => panic!("{other:?}"),
        }
    }

    /// Invisible characters a phone may put anywhere.
    fn invisible() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "", "", "", "\u{200B}", "\u{200F}", "\u{200E}", "\u{FEFF}", "\u{FE0F}", "\u{2066}",
                "\u{061C}",
            ]),
            0..3,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn any_text_is_read_without_panicking(text in "\\PC{0,300}") {
            for scale in [Scale::Csat5, Scale::Nps11, Scale::Ces7, Scale::Agree7] {
                if let Reply::Score { score, comment } = parse(&text, scale) {
                    let (lo, hi) = scale.score_range().unwrap();
                    prop_assert!((lo..=hi).contains(&score));
                    if let Some(c) = comment {
                        prop_assert!(c.chars().any(|c| !is_filler(c)));
                        prop_assert!(!c.chars().any(is_invisible));
                    }
                }
            }
        }

        #[test]
        fn a_score_in_any_script_with_any_comment_reads_back(
            s in 1i16..=5,
            script in 0usize..4,
            comment in "[a-zA-Zа-яءاأبتثجحخدذرزسشصضطظعغفقكلمنهوي ]{0,40}[.!?]?",
            noise in invisible(),
        ) {
            let base = [0x30u32, 0x660, 0x6F0, 0xFF10][script];
            let d = char::from_u32(base + s as u32).unwrap();
            let text = format!("{noise}{d}{noise} {comment}");
            // Unless the comment happens to hold a keyword or a number word.
            prop_assume!(!matches!(parse(&comment, Scale::Csat5), Reply::Stop { .. } | Reply::Start | Reply::Help | Reply::Score { .. } | Reply::Unclear { .. }));
            match parse(&text, Scale::Csat5) {
                Reply::Score { score, comment: c } => {
                    prop_assert_eq!(score, s);
                    let want = comment.trim_start_matches(|c: char| c.is_whitespace() || ".!?".contains(c)).trim_end();
                    let want = (want.chars().any(|c| !is_filler(c))).then(|| want.to_string());
                    prop_assert_eq!(c, want);
                }
                other => prop_assert!(false, "{:?} for {:?}", other, text),
            }
        }

        #[test]
        fn a_minus_sign_never_makes_a_score(
            n in 0u32..=10,
            minus in prop::sample::select(vec!['-', '\u{2212}', '\u{2010}', '\u{2011}', '\u{FF0D}']),
            script in 0usize..3,
        ) {
            let base = [0x30u32, 0x660, 0x6F0][script];
            let digits: String = n.to_string().chars().map(|c| char::from_u32(base + c.to_digit(10).unwrap()).unwrap()).collect();
            for scale in [Scale::Csat5, Scale::Nps11, Scale::Ces7] {
                let reply = parse(&format!("{minus}{digits}"), scale);
                prop_assert!(matches!(reply, Reply::Unclear { .. }), "{:?}", reply);
            }
        }
    }
}
