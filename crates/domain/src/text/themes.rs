//! The themes comments are sorted into. Rida knows eleven, each with words in the three
//! languages (`lexicon/*.txt`); an organisation starts with those of its kind, can turn
//! any off, add its own words to any, and make themes of its own from its own words.
//! Names shown to readers come from the translations (`theme-KEY`) or, for an
//! organisation's own themes and renamed ones, from the names it gave.

use serde::{Deserialize, Serialize};

/// Rida's themes, in the order pages list them.
pub const BUILTIN_THEMES: [&str; 11] = [
    "waiting",
    "courtesy",
    "competence",
    "information",
    "process",
    "cleanliness",
    "comfort",
    "accessibility",
    "digital",
    "price",
    "care",
];

/// What kind of organisation: decides the themes it starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgKind {
    Bank,
    Clinic,
    Government,
    Other,
}

impl OrgKind {
    pub const ALL: [OrgKind; 4] = [
        OrgKind::Bank,
        OrgKind::Clinic,
        OrgKind::Government,
        OrgKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Bank => "bank",
            OrgKind::Clinic => "clinic",
            OrgKind::Government => "government",
            OrgKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The themes such an organisation starts with.
    pub fn starting_themes(self) -> Vec<&'static str> {
        BUILTIN_THEMES
            .into_iter()
            .filter(|k| match (self, *k) {
                // Medical care is a clinic's own theme; elsewhere "care" reads as courtesy.
                (OrgKind::Clinic, _) => true,
                (_, "care") => false,
                // Government services have fees, but "price" comments there are rare and
                // read as process; kept off until the head turns it on.
                (OrgKind::Government, "price") => false,
                _ => true,
            })
            .collect()
    }
}

/// One theme as an organisation has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeSpec {
    /// A builtin key, or the organisation's own (`own-…`).
    pub key: String,
    /// Whether Rida's words for this key count (false for the organisation's own themes).
    pub builtin_words: bool,
    /// The organisation's own patterns (same syntax as the lexicon: `word`, `stem*`,
    /// several words), in any of the three languages.
    pub own_words: Vec<String>,
}

impl ThemeSpec {
    /// A builtin theme with Rida's words only.
    pub fn builtin(key: &str) -> ThemeSpec {
        ThemeSpec {
            key: key.to_string(),
            builtin_words: true,
            own_words: vec![],
        }
    }
}

/// Why an organisation's word for a theme is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WordError {
    #[error("a word has letters: two at least")]
    TooShort,
    #[error("at most 60 characters and 5 words")]
    TooLong,
}

/// Checks one of an organisation's words for a theme: a word, the beginning of words
/// (`stem*`, three letters at least before the star) or a few words.
pub fn check_word(pattern: &str) -> Result<(), WordError> {
    let p = pattern.trim();
    if p.chars().count() > 60 || p.split_whitespace().count() > 5 {
        return Err(WordError::TooLong);
    }
    let Some((words, _)) = super::lexicon::pattern_words(p) else {
        return Err(WordError::TooShort);
    };
    let letters: usize = words
        .iter()
        .map(|w| match w {
            super::lexicon::Word::Exact(s) => s.chars().count(),
            super::lexicon::Word::Prefix(s) => s.chars().count().saturating_sub(1),
        })
        .sum();
    if letters < 2
        || (words.len() == 1
            && matches!(&words[0], super::lexicon::Word::Prefix(s) if s.chars().count() < 3))
    {
        return Err(WordError::TooShort);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_s_words_are_checked() {
        assert!(check_word("pension*").is_ok());
        assert!(check_word("mantojums").is_ok());
        assert!(check_word("تقاعد*").is_ok());
        assert!(check_word("call centre").is_ok());
        assert_eq!(check_word("a"), Err(WordError::TooShort));
        assert_eq!(check_word("*"), Err(WordError::TooShort));
        assert_eq!(check_word("ab*"), Err(WordError::TooShort));
        assert_eq!(check_word("!!!"), Err(WordError::TooShort));
        assert_eq!(check_word(&"x".repeat(61)), Err(WordError::TooLong));
    }

    #[test]
    fn each_kind_starts_with_its_themes() {
        assert!(OrgKind::Clinic.starting_themes().contains(&"care"));
        assert!(!OrgKind::Bank.starting_themes().contains(&"care"));
        assert!(!OrgKind::Government.starting_themes().contains(&"price"));
        assert_eq!(
            OrgKind::Other.starting_themes().len(),
            BUILTIN_THEMES.len() - 1
        );
    }
}
