//! The languages Rida speaks, and how numbers are written in each.

use serde::{Deserialize, Serialize};

/// A user-interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Ar,
    Lv,
}

impl Locale {
    /// Every supported language.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Ar, Locale::Lv];

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ar => "ar",
            Locale::Lv => "lv",
        }
    }

    /// The language's own name, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ar => "العربية",
            Locale::Lv => "Latviešu",
        }
    }

    /// Writing direction of the language: `"rtl"` or `"ltr"`.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// Parses a tag such as `ar`, `ar-SA`, `LV` or `en_GB`; unknown languages give `None`.
    pub fn parse(s: &str) -> Option<Locale> {
        let primary = s
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// Picks the best supported language from an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut it = part.split(';');
            let tag = it.next().unwrap_or("");
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(l) = Locale::parse(tag)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, l));
            }
        }
        best.map(|(_, l)| l)
    }

    /// Formats a number with the locale's digits, grouping and decimal separator
    /// (CLDR: `en` 1,234.5; `lv` 1 234,5; `ar` ١٬٢٣٤٫٥ with Arabic-Indic digits).
    pub fn format_number(self, value: f64, decimals: usize) -> String {
        let raw = format!("{:.*}", decimals, value.abs());
        let (int, frac) = raw.split_once('.').unwrap_or((&raw, ""));
        let (group, decimal) = match self {
            Locale::En => (",", "."),
            Locale::Lv => ("\u{a0}", ","),
            Locale::Ar => ("\u{66c}", "\u{66b}"),
        };
        let mut out = String::new();
        if value < 0.0 && raw.chars().any(|c| c.is_ascii_digit() && c != '0') {
            out.push(if self == Locale::Ar { '\u{61c}' } else { '-' });
            if self == Locale::Ar {
                out.push('-');
            }
        }
        let n = int.len();
        // Latvian leaves four-digit numbers ungrouped (CLDR minimumGroupingDigits = 2).
        let min_grouping = if self == Locale::Lv { 5 } else { 4 };
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (n - i).is_multiple_of(3) && n >= min_grouping {
                out.push_str(group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push_str(decimal);
            out.push_str(frac);
        }
        self.localise_digits(&out)
    }

    /// Replaces ASCII digits with the locale's digits.
    pub fn localise_digits(self, s: &str) -> String {
        match self {
            Locale::Ar => s
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_u32(0x660 + d).unwrap_or(c),
                    _ => c,
                })
                .collect(),
            _ => s.to_string(),
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// The language an answer was given in, as kept with it: the primary subtag of a
/// BCP 47 tag, lower case (`ar-SA` → `ar`, `LV` → `lv`); any language, not only those
/// of the interface (a survey may be sent in others). `None` for what is not a tag.
pub fn answer_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| primary.to_ascii_lowercase())
}

/// How a kept answer language is named: its own name for the interface's languages,
/// else the tag itself.
pub fn language_name(tag: &str) -> String {
    Locale::ALL
        .into_iter()
        .find(|l| l.tag() == tag)
        .map(|l| l.native_name().to_string())
        .unwrap_or_else(|| tag.to_string())
}

/// A Latvian letter without its diacritic (`ā` → `a`, `š` → `s`); any other character as
/// it is. Lower case only.
pub fn latvian_base(c: char) -> char {
    match c {
        'ā' => 'a',
        'č' => 'c',
        'ē' => 'e',
        'ģ' => 'g',
        'ī' => 'i',
        'ķ' => 'k',
        'ļ' => 'l',
        'ņ' => 'n',
        'š' => 's',
        'ū' => 'u',
        'ž' => 'z',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_languages_keep_the_primary_subtag() {
        assert_eq!(answer_language("ar-SA").as_deref(), Some("ar"));
        assert_eq!(answer_language(" LV ").as_deref(), Some("lv"));
        assert_eq!(answer_language("ru").as_deref(), Some("ru"));
        assert_eq!(answer_language("fil_PH").as_deref(), Some("fil"));
        assert_eq!(answer_language(""), None);
        assert_eq!(answer_language("e"), None);
        assert_eq!(answer_language("english"), None);
        assert_eq!(answer_language("a1"), None);
        assert_eq!(language_name("ar"), "العربية");
        assert_eq!(language_name("ru"), "ru");
    }

    #[test]
    fn tags_parse_with_regions_and_case() {
        assert_eq!(Locale::parse("ar-SA"), Some(Locale::Ar));
        assert_eq!(Locale::parse("LV"), Some(Locale::Lv));
        assert_eq!(Locale::parse("en_GB"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
    }

    #[test]
    fn accept_language_prefers_the_highest_quality_supported_tag() {
        assert_eq!(
            Locale::from_accept_language("fr-FR,fr;q=0.9,lv;q=0.8,en;q=0.7"),
            Some(Locale::Lv)
        );
        assert_eq!(Locale::from_accept_language("de"), None);
    }

    #[test]
    fn numbers_are_written_the_way_each_language_writes_them() {
        assert_eq!(Locale::En.format_number(1234567.891, 1), "1,234,567.9");
        assert_eq!(
            Locale::Lv.format_number(1234567.891, 1),
            "1\u{a0}234\u{a0}567,9"
        );
        assert_eq!(Locale::Lv.format_number(1234.0, 0), "1234");
        assert_eq!(Locale::Ar.format_number(1234.5, 1), "١٬٢٣٤٫٥");
        assert_eq!(Locale::En.format_number(-3.26, 1), "-3.3");
        assert_eq!(Locale::En.format_number(999.0, 0), "999");
    }
}
