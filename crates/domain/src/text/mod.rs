//! What a customer's comment is about and how they felt, in Arabic (with Gulf and Levant
//! spellings and Arabizi), English and Latvian.
//!
//! The method is a lexicon with rules, run inside the binary: every decision can be shown
//! as the words that made it (`Analysis::evidence`). Why not a stemmer or a model: Snowball
//! has no Latvian stemmer and its Arabic one folds short dialect words into the same root
//! (مو "not" and موظف "employee" both lose meaning); a model's weights would need a
//! labelled corpus of these comments we do not have, and could not say *why*. The
//! lexicon's prefix patterns ("gaid*", "انتظر*") do the stemmer's work where it matters,
//! and an organisation adds its own words the same way.
//!
//! - `normalize`: characters to tokens (Arabic letter forms, Latvian diacritics, Arabizi).
//! - `lexicon`: the lexicon files' format and lookup.
//! - `analysis`: language, sentiment with negation, intensifiers, contrast and waiting
//!   times, and themes.
//! - `themes`: the themes an organisation starts with.

mod analysis;
pub mod eval;
mod fuzzy;
pub mod lexicon;
pub mod normalize;
mod sentiment;
pub mod themes;

use serde::{Deserialize, Serialize};

pub use analysis::{Analyser, Analysis, Evidence, Modifier, ThemeHit};
pub use themes::{BUILTIN_THEMES, OrgKind, ThemeSpec, WordError, check_word};

/// The language a comment was written in, as far as the lexicons can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    En,
    Lv,
    /// None of the three (or nothing to read): not forced into one.
    Unknown,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Lv => "lv",
            Lang::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        Some(match s {
            "ar" => Lang::Ar,
            "en" => Lang::En,
            "lv" => Lang::Lv,
            "unknown" => Lang::Unknown,
            _ => return None,
        })
    }
}

/// How the customer felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sentiment {
    Negative,
    Neutral,
    Positive,
}

impl Sentiment {
    pub const ALL: [Sentiment; 3] = [Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive];

    pub fn as_str(self) -> &'static str {
        match self {
            Sentiment::Negative => "negative",
            Sentiment::Neutral => "neutral",
            Sentiment::Positive => "positive",
        }
    }

    pub fn parse(s: &str) -> Option<Sentiment> {
        Sentiment::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Stored as a small integer: -1, 0, 1.
    pub fn as_i16(self) -> i16 {
        match self {
            Sentiment::Negative => -1,
            Sentiment::Neutral => 0,
            Sentiment::Positive => 1,
        }
    }

    pub fn from_i16(v: i16) -> Sentiment {
        match v.signum() {
            -1 => Sentiment::Negative,
            1 => Sentiment::Positive,
            _ => Sentiment::Neutral,
        }
    }
}
