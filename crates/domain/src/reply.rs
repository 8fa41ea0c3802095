//! Reading a customer's reply to a survey message (SMS or WhatsApp): a score however it is
//! written, the words around it kept as a comment, and the keywords that opt a number out
//! of messages, back in, or ask for help.
//!
//! What reads as a score, on the question's scale:
//! - digits in any of the scripts customers type: ASCII `5`, Arabic-Indic `٥`, Eastern
//!   Arabic-Indic `۵`, full-width `５`; alone or with words around them (`5 thanks!`);
//! - `5/5` or `4 of 5` (the second number is the scale's top), `5 stars`;
//! - stars alone: `⭐⭐⭐⭐⭐` or `★★★`;
//! - number words in Arabic, English and Latvian (`خمسة`, `five`, `pieci`).
//!
//! Refused as unclear (the customer is asked again, once): two different numbers
//! (`4 or 5`), a number off the scale (`45` or `0` on 1–5), a fraction (`4.5`). A reply
//! without any number is a comment. The keyword has to be the whole reply (`STOP`,
//! `stop.`), so that "please don't stop the service" is a comment, not an opt-out.

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
    /// Send no more messages to this number.
    Stop,
    /// Messages may be sent again.
    Start,
    /// The customer asks who is writing and how to reach them.
    Help,
}

const STOP: &[&str] = &[
    "stop",
    "stopall",
    "unsubscribe",
    "cancel",
    "end",
    "quit",
    "optout",
    "opt out",
    "توقف",
    "أوقف",
    "اوقف",
    "إيقاف",
    "ايقاف",
    "إلغاء",
    "الغاء",
    "إلغاء الاشتراك",
    "الغاء الاشتراك",
    "atteikties",
    "pārtraukt",
    "partraukt",
    "beigt",
];

const START: &[&str] = &[
    "start",
    "unstop",
    "subscribe",
    "ابدأ",
    "ابدا",
    "بدء",
    "اشتراك",
    "sākt",
    "sakt",
    "atsākt",
    "atsakt",
];

const HELP: &[&str] = &["help", "info", "مساعدة", "مساعده", "palīdzība", "palidziba"];

/// Number words 0–10 in Arabic (with common spellings), English and Latvian (with and
/// without diacritics).
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
    ("إثنان", 2),
    ("إثنين", 2),
    ("ثلاثة", 3),
    ("ثلاث", 3),
    ("ثلاثه", 3),
    ("أربعة", 4),
    ("اربعة", 4),
    ("أربع", 4),
    ("اربع", 4),
    ("اربعه", 4),
    ("خمسة", 5),
    ("خمس", 5),
    ("خمسه", 5),
    ("ستة", 6),
    ("ست", 6),
    ("سته", 6),
    ("سبعة", 7),
    ("سبع", 7),
    ("سبعه", 7),
    ("ثمانية", 8),
    ("ثمان", 8),
    ("ثمانيه", 8),
    ("تسعة", 9),
    ("تسع", 9),
    ("تسعه", 9),
    ("عشرة", 10),
    ("عشر", 10),
    ("عشره", 10),
    ("nulle", 0),
    ("viens", 1),
    ("divi", 2),
    ("trīs", 3),
    ("tris", 3),
    ("četri", 4),
    ("cetri", 4),
    ("pieci", 5),
    ("seši", 6),
    ("sesi", 6),
    ("septiņi", 7),
    ("septini", 7),
    ("astoņi", 8),
    ("astoni", 8),
    ("deviņi", 9),
    ("devini", 9),
    ("desmit", 10),
];

/// Words that say the number before them is a count of stars or points.
const UNITS: &[&str] = &[
    "star",
    "stars",
    "point",
    "points",
    "نجمة",
    "نجوم",
    "نجمات",
    "zvaigzne",
    "zvaigznes",
    "zvaigznītes",
    "punkti",
    "punkts",
];

/// Words between a score and the scale's top: `4 of 5`, `4 من 5`, `4 no 5`.
const OF: &[&str] = &["of", "out of", "from", "من", "no"];

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

fn is_star(c: char) -> bool {
    matches!(c, '⭐' | '★' | '🌟' | '*')
}

/// The reply without the spaces, punctuation and marks around it, in lower case.
fn bare(text: &str) -> String {
    text.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "،؛؟!¡¿…\u{200f}\u{200e}".contains(c)
    })
    .to_lowercase()
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
    },
    Word {
        text: String,
        start: usize,
        end: usize,
    },
}

fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if digit(c).is_some() {
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
            out.push(Token::Number {
                value,
                start,
                end,
                fraction,
            });
            i = j;
        } else if c.is_alphabetic() {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_alphabetic() && digit(chars[j].1).is_none() {
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

/// The comment left when the parts that made the score are cut out of the reply.
fn comment_without(text: &str, cut: &[(usize, usize)]) -> Option<String> {
    let mut rest = String::new();
    let mut at = 0;
    let mut cut = cut.to_vec();
    cut.sort();
    for (s, e) in cut {
        if s >= at {
            rest.push_str(&text[at..s]);
            rest.push(' ');
            at = e;
        }
    }
    rest.push_str(&text[at.min(text.len())..]);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let joined = words.join(" ");
    let trimmed = joined.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || "،؛؟…-–—".contains(c)
    });
    (!trimmed.is_empty()).then(|| trimmed.chars().take(MAX_COMMENT_CHARS).collect())
}

fn kept(text: &str) -> String {
    text.trim().chars().take(MAX_COMMENT_CHARS).collect()
}

/// Reads a reply to a question on `scale`.
pub fn parse(text: &str, scale: Scale) -> Reply {
    let whole = bare(text);
    if STOP.contains(&whole.as_str()) {
        return Reply::Stop;
    }
    if START.contains(&whole.as_str()) {
        return Reply::Start;
    }
    if HELP.contains(&whole.as_str()) {
        return Reply::Help;
    }
    let Some((lo, hi)) = scale.score_range() else {
        return Reply::Comment { text: kept(text) };
    };
    let in_scale = |v: u64| (lo as u64..=hi as u64).contains(&v);
    let unclear = || Reply::Unclear { text: kept(text) };

    // Stars alone: their number is the score.
    let trimmed = text.trim();
    if !trimmed.is_empty()
        && trimmed
            .chars()
            .all(|c| is_star(c) || c.is_whitespace() || c == '\u{FE0F}')
    {
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

    let toks = tokens(text);
    let numbers: Vec<(usize, &Token)> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, Token::Number { .. }))
        .collect();
    if numbers
        .iter()
        .any(|(_, t)| matches!(t, Token::Number { fraction: true, .. }))
    {
        return unclear();
    }
    let value = |t: &Token| match t {
        Token::Number { value, .. } => *value,
        _ => None,
    };
    let span = |t: &Token| match t {
        Token::Number { start, end, .. } | Token::Word { start, end, .. } => (*start, *end),
    };
    match numbers.as_slice() {
        [] => {}
        [(i, t)] => {
            let Some(v) = value(t).filter(|v| in_scale(*v)) else {
                return unclear();
            };
            let mut cut = vec![span(t)];
            // A unit after it: "5 stars".
            if let Some(Token::Word { text: w, .. }) = toks.get(i + 1)
                && UNITS.contains(&w.as_str())
            {
                cut.push(span(&toks[i + 1]));
            }
            return Reply::Score {
                score: v as i16,
                comment: comment_without(text, &cut),
            };
        }
        [(_, a), (j, b)] => {
            // "4/5", "4 of 5", "4 out of 5", "٤ من ٥": the second number is the top.
            let (va, vb) = (value(a), value(b));
            let between = text[span(a).1..span(b).0].trim().to_lowercase();
            if (between == "/" || OF.contains(&between.as_str())) && vb == Some(hi as u64) {
                let Some(v) = va.filter(|v| in_scale(*v)) else {
                    return unclear();
                };
                let mut cut = vec![(span(a).0, span(b).1)];
                if let Some(Token::Word { text: w, .. }) = toks.get(j + 1)
                    && UNITS.contains(&w.as_str())
                {
                    cut.push(span(&toks[j + 1]));
                }
                return Reply::Score {
                    score: v as i16,
                    comment: comment_without(text, &cut),
                };
            }
            if va.is_some() && va == vb && in_scale(va.unwrap_or(0)) {
                return Reply::Score {
                    score: va.unwrap_or(0) as i16,
                    comment: comment_without(text, &[span(a), span(b)]),
                };
            }
            return unclear();
        }
        _ => return unclear(),
    }

    // No digits: a number word alone, or leading the reply and set off from the rest
    // ("five, thank you"); "one of the best" is a comment.
    let set_off = |end: usize| {
        text[end..]
            .chars()
            .next()
            .is_none_or(|c| ",.!;:-–—،؛".contains(c))
    };
    match toks.first() {
        Some(t @ Token::Word { text: w, end, .. }) if toks.len() == 1 || set_off(*end) => {
            match WORDS.iter().find(|(k, _)| k == w) {
                Some((_, v)) if in_scale(*v as u64) => Reply::Score {
                    score: *v,
                    comment: comment_without(text, &[span(t)]),
                },
                Some(_) => unclear(),
                None => Reply::Comment { text: kept(text) },
            }
        }
        _ => Reply::Comment { text: kept(text) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn score(text: &str) -> Option<(i16, Option<String>)> {
        match parse(text, Scale::Csat5) {
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
            "★★★★★",
            "five",
            "Five!",
            "خمسة",
            "خمس",
            "pieci",
            "5.",
            "5!!",
        ] {
            assert_eq!(score(text), Some((5, None)), "{text:?}");
        }
        assert_eq!(score("4 zvaigznes"), Some((4, None)));
        assert_eq!(score("trīs"), Some((3, None)));
        assert_eq!(score("٣"), Some((3, None)));
        // NPS: two digits, and the scale's top after the slash.
        assert!(matches!(
            parse("10", Scale::Nps11),
            Reply::Score { score: 10, .. }
        ));
        assert!(matches!(
            parse("٩/١٠", Scale::Nps11),
            Reply::Score { score: 9, .. }
        ));
        assert!(matches!(
            parse("0", Scale::Nps11),
            Reply::Score { score: 0, .. }
        ));
    }

    #[test]
    fn the_words_around_a_score_are_kept_as_its_comment() {
        assert_eq!(score("5 thanks!"), Some((5, Some("thanks".into()))));
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
    }

    #[test]
    fn what_is_ambiguous_is_asked_again() {
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
        ] {
            assert!(
                matches!(parse(text, Scale::Csat5), Reply::Unclear { .. }),
                "{text:?}: {:?}",
                parse(text, Scale::Csat5)
            );
        }
        // The same number twice is one score.
        assert_eq!(score("5 5"), Some((5, None)));
        // A number word that is not a score of the scale.
        assert!(matches!(parse("ten", Scale::Csat5), Reply::Unclear { .. }));
    }

    #[test]
    fn words_without_a_score_are_a_comment() {
        for text in [
            "thank you",
            "one of the best",
            "شكرا",
            "paldies",
            "please don't stop",
        ] {
            assert!(
                matches!(parse(text, Scale::Csat5), Reply::Comment { .. }),
                "{text:?}: {:?}",
                parse(text, Scale::Csat5)
            );
        }
    }

    #[test]
    fn keywords_opt_out_back_in_and_ask_for_help() {
        for text in [
            "STOP",
            "stop.",
            " Stop ",
            "UNSUBSCRIBE",
            "توقف",
            "إلغاء الاشتراك",
            "ATTEIKTIES",
            "pārtraukt",
        ] {
            assert_eq!(parse(text, Scale::Csat5), Reply::Stop, "{text:?}");
        }
        for text in ["START", "ابدأ", "sākt"] {
            assert_eq!(parse(text, Scale::Csat5), Reply::Start, "{text:?}");
        }
        for text in ["HELP", "مساعدة", "palīdzība"] {
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

    proptest! {
        #[test]
        fn any_text_is_read_without_panicking(text in "\\PC{0,300}") {
            for scale in [Scale::Csat5, Scale::Nps11, Scale::Ces7, Scale::Agree7] {
                let _ = parse(&text, scale);
            }
        }

        #[test]
        fn a_score_in_any_script_with_any_comment_reads_back(
            s in 1i16..=5,
            script in 0usize..4,
            comment in "[a-zA-Zа-яءاأبتثجحخدذرزسشصضطظعغفقكلمنهوي ]{0,40}",
        ) {
            let base = [0x30u32, 0x660, 0x6F0, 0xFF10][script];
            let d = char::from_u32(base + s as u32).unwrap();
            let text = format!("{d} {comment}");
            match parse(&text, Scale::Csat5) {
                Reply::Score { score, comment: c } => {
                    prop_assert_eq!(score, s);
                    let want = comment.split_whitespace().collect::<Vec<_>>().join(" ");
                    prop_assert_eq!(c.unwrap_or_default(), want);
                }
                other => prop_assert!(false, "{:?} for {:?}", other, text),
            }
        }
    }
}
