//! From a comment's characters to the tokens the lexicons are matched against.
//!
//! Every token keeps its byte span in the original text (the explanation page marks the
//! words that counted) and a normalised form:
//! - lower case;
//! - Arabic: diacritics and tatweel removed, alef forms (أ إ آ ٱ) as ا, ى as ي, ة as ه,
//!   ؤ as و, ئ as ي, Persian keheh and yeh as their Arabic letters, Arabic-Indic digits
//!   as ASCII digits;
//! - Latin: Latvian letters (ā č ē ģ ī ķ ļ ņ š ū ž) and other accented letters folded to
//!   their base letter, so "ļoti" and "loti" are one word;
//! - a letter stretched for emphasis ("soooo", "ممتاااز") counted once, and the token
//!   marked as stretched (an intensifier of itself).

/// The script of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Latin,
    /// Digits only (a duration, a count).
    Number,
    /// One emoji or symbol with a meaning of its own (👍, 😡).
    Emoji,
    /// Letters of another script (Cyrillic, CJK…): matched by nothing.
    Other,
}

/// One word of a comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    pub script: Script,
    /// The normalised form.
    pub norm: String,
    /// A letter was repeated three times or more ("sooo").
    pub stretched: bool,
    /// A clause ends after this token (. ! ? ; , and their Arabic forms, a new line).
    pub clause_end: bool,
}

/// Whether a character is an Arabic letter (not a diacritic or tatweel).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// Arabic marks that carry no meaning for matching: harakat, shadda, sukun, dagger alef,
/// Quranic marks, tatweel.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' | '\u{0610}'..='\u{061A}')
}

fn fold_arabic(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ئ' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        // Often typed one for the other ("نضيف" for "نظيف", "الموضف" for "الموظف").
        'ظ' => 'ض',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    }
}

/// Latvian letters and the accented Latin letters customers type, as their base letter.
pub fn fold_latin(c: char) -> char {
    match c {
        'ā' | 'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
        'č' | 'ç' | 'ć' => 'c',
        'ē' | 'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ė' => 'e',
        'ģ' | 'ğ' => 'g',
        'ī' | 'ì' | 'í' | 'î' | 'ï' | 'į' => 'i',
        'ķ' => 'k',
        'ļ' | 'ł' => 'l',
        'ņ' | 'ñ' | 'ń' => 'n',
        'ō' | 'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ŗ' => 'r',
        'š' | 'ś' => 's',
        'ū' | 'ù' | 'ú' | 'û' | 'ü' | 'ų' => 'u',
        'ž' | 'ź' | 'ż' => 'z',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// Whether a character is a Latvian letter with a diacritic (a strong sign of Latvian).
pub fn is_latvian_letter(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'ā' | 'č' | 'ē' | 'ģ' | 'ī' | 'ķ' | 'ļ' | 'ņ' | 'š' | 'ū' | 'ž'
    )
}

/// Emoji and symbols that say something about how the customer felt.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B50)
}

fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ';' | ',' | '\n' | '،' | '؛' | '؟' | '…' | ':' | '(' | ')'
    )
}

/// A typed face (":)", ":-(", ":D") read as the emoji it stands for, with its length.
fn emoticon(rest: &str) -> Option<(&'static str, usize)> {
    const FACES: [(&str, &str); 12] = [
        (":-)", "🙂"),
        (":-(", "🙁"),
        (":-D", "😀"),
        (":)", "🙂"),
        (":(", "🙁"),
        (":D", "😀"),
        (";)", "🙂"),
        (";-)", "🙂"),
        ("=)", "🙂"),
        ("=(", "🙁"),
        (":/", "😕"),
        ("<3", "❤"),
    ];
    FACES
        .iter()
        .find(|(f, _)| rest.starts_with(f))
        .map(|(f, e)| (*e, f.len()))
}

/// How many characters of a comment are read: a longer text is cut at a token boundary
/// before this, so one comment's cost is bounded whatever was pasted into the box.
pub const MAX_CHARS: usize = 2_000;

/// The comment's tokens, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut cur: Option<(usize, String, Script)> = None;
    let mut seen = 0usize;
    let flush = |cur: &mut Option<(usize, String, Script)>, end: usize, out: &mut Vec<Token>| {
        if let Some((start, raw, script)) = cur.take() {
            let (norm, stretched) = squeeze(&raw, script);
            if !norm.is_empty() {
                out.push(Token {
                    start,
                    end,
                    script,
                    norm,
                    stretched,
                    clause_end: false,
                });
            }
        }
    };
    let mut skip_to = 0usize;
    for (i, c) in text.char_indices() {
        if i < skip_to {
            continue;
        }
        seen += 1;
        if seen > MAX_CHARS {
            flush(&mut cur, i, &mut out);
            return out;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        let kind = if is_arabic_letter(c) {
            Some(Script::Arabic)
        } else if is_arabic_mark(c) {
            // Diacritics and tatweel belong to the word they sit in and are dropped.
            if cur.as_ref().is_some_and(|(_, _, s)| *s == Script::Arabic) {
                continue;
            }
            None
        } else if lower.is_alphabetic() {
            if lower.is_ascii()
                || fold_latin(lower) != lower
                || ('\u{00C0}'..='\u{024F}').contains(&lower)
            {
                Some(Script::Latin)
            } else {
                Some(Script::Other)
            }
        } else if c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c) {
            // Digits inside a Latin word are Arabizi letters (3 = ع, 7 = ح); alone, a number.
            match cur.as_ref().map(|(_, _, s)| *s) {
                Some(Script::Latin) => Some(Script::Latin),
                _ => Some(Script::Number),
            }
        } else if (c == '\'' || c == '’')
            && cur.as_ref().is_some_and(|(_, _, s)| *s == Script::Latin)
        {
            // "didn't", "don’t": the apostrophe stays inside the word.
            Some(Script::Latin)
        } else {
            None
        };
        match kind {
            Some(Script::Number) if cur.as_ref().is_some_and(|(_, _, s)| *s == Script::Number) => {
                cur.as_mut().expect("checked").1.push(fold_arabic(c));
            }
            // A Latin letter after digits: Arabizi starting with a digit ("3ajeeb", "7elo").
            // (Two digits or more are a number with its unit: "40min".)
            Some(Script::Latin)
                if cur
                    .as_ref()
                    .is_some_and(|(_, d, s)| *s == Script::Number && d.chars().count() == 1) =>
            {
                let x = cur.as_mut().expect("checked");
                x.2 = Script::Latin;
                x.1.push(fold_latin(lower));
            }
            Some(k) if cur.as_ref().is_some_and(|(_, _, s)| *s == k) => {
                let x = cur.as_mut().expect("checked");
                x.1.push(if k == Script::Arabic {
                    fold_arabic(c)
                } else {
                    fold_latin(lower)
                });
            }
            Some(k) => {
                flush(&mut cur, i, &mut out);
                let first = match k {
                    Script::Arabic | Script::Number => fold_arabic(c),
                    _ => fold_latin(lower),
                };
                cur = Some((i, first.to_string(), k));
            }
            None => {
                flush(&mut cur, i, &mut out);
                if let Some((face, len)) = emoticon(&text[i..]) {
                    out.push(Token {
                        start: i,
                        end: i + len,
                        script: Script::Emoji,
                        norm: face.to_string(),
                        stretched: false,
                        clause_end: false,
                    });
                    skip_to = i + len;
                } else if is_emoji(c) {
                    out.push(Token {
                        start: i,
                        end: i + c.len_utf8(),
                        script: Script::Emoji,
                        norm: c.to_string(),
                        stretched: false,
                        clause_end: false,
                    });
                } else if is_clause_mark(c)
                    && let Some(last) = out.last_mut()
                {
                    last.clause_end = true;
                }
            }
        }
    }
    flush(&mut cur, text.len(), &mut out);
    out
}

/// A word with stretched letters squeezed: in Latin three or more of a letter become two
/// ("goood" → "good", "sooo" → "soo", the lexicon reads "so" and "soo" alike through the
/// lookup's second try), in Arabic three or more become one ("ممتاااز" → "ممتاز").
/// Apostrophes are dropped ("didn't" → "didnt").
fn squeeze(raw: &str, script: Script) -> (String, bool) {
    let mut out = String::with_capacity(raw.len());
    let mut stretched = false;
    let chars: Vec<char> = raw.chars().filter(|c| *c != '\'' && *c != '’').collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut run = 1;
        while i + run < chars.len() && chars[i + run] == c {
            run += 1;
        }
        let keep = if run >= 3 && c.is_alphabetic() {
            stretched = true;
            if script == Script::Arabic { 1 } else { 2 }
        } else {
            run
        };
        out.extend(std::iter::repeat_n(c, keep));
        i += run;
    }
    (out, stretched)
}

/// A Latin word with every doubled letter made single ("soo" → "so", "goood" → "god"):
/// the lexicon's second try for a stretched word.
pub fn single_letters(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn arabic_forms_fold_to_one_spelling() {
        assert_eq!(norms("أَهْلاً إدارة آمنة"), ["اهلا", "اداره", "امنه"]);
        assert_eq!(norms("مـمـتـاز"), ["ممتاز"]);
        assert_eq!(norms("مستشفى مسؤول"), ["مستشفي", "مسوول"]);
        assert_eq!(norms("ممتاااااز"), ["ممتاز"]);
        assert_eq!(norms("٤٠ دقيقة"), ["40", "دقيقه"]);
    }

    #[test]
    fn latvian_with_and_without_diacritics_is_one_word() {
        assert_eq!(norms("Ļoti laipna"), norms("loti LAIPNA"));
        assert_eq!(norms("ātri"), ["atri"]);
    }

    #[test]
    fn arabizi_keeps_its_digits_inside_words() {
        assert_eq!(norms("7elo kteer, sa3a"), ["7elo", "kteer", "sa3a"]);
        assert_eq!(norms("waited 40 min"), ["waited", "40", "min"]);
    }

    #[test]
    fn apostrophes_stay_in_words_and_stretching_is_marked() {
        let t = tokenize("didn't like it, sooo slow!!!");
        assert_eq!(t[0].norm, "didnt");
        assert!(t[2].clause_end);
        assert_eq!(t[3].norm, "soo");
        assert!(t[3].stretched);
        assert_eq!(
            &"didn't like it, sooo slow!!!"[t[4].start..t[4].end],
            "slow"
        );
    }

    #[test]
    fn emoji_are_tokens_and_other_scripts_are_marked() {
        let t = tokenize("👍👍 очень хорошо");
        assert_eq!(t[0].script, Script::Emoji);
        assert_eq!(t.len(), 4);
        assert_eq!(t[2].script, Script::Other);
    }

    #[test]
    fn typed_faces_are_emoji_and_numbers_keep_their_units_apart() {
        assert_eq!(norms("ok :) <3"), ["ok", "🙂", "❤"]);
        assert_eq!(norms("40min"), ["40", "min"]);
        assert_eq!(norms("5alas"), ["5alas"]);
    }

    #[test]
    fn a_long_text_is_read_up_to_the_bound() {
        let long = "slow ".repeat(10_000);
        let t = tokenize(&long);
        assert!(t.len() <= MAX_CHARS / 5 + 1);
    }
}
