//! Names typed by administrators: organisation, regions, sites, services, employees, users.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Locale;

/// Why a typed value was refused; the HTTP layer turns the code into a translated
/// message next to the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
pub enum FieldError {
    #[error("required")]
    Required,
    #[error("too long (at most {max} characters)")]
    TooLong { max: usize },
    #[error("too short (at least {min} characters)")]
    TooShort { min: usize },
    #[error("invalid")]
    Invalid,
}

impl FieldError {
    /// A stable code, used as the Fluent message id suffix (`error-required`, …).
    pub fn code(&self) -> &'static str {
        match self {
            FieldError::Required => "required",
            FieldError::TooLong { .. } => "too-long",
            FieldError::TooShort { .. } => "too-short",
            FieldError::Invalid => "invalid",
        }
    }
}

/// A display name: trimmed, not empty, no control characters, at most `max` characters.
pub fn display_name(raw: &str, max: usize) -> Result<String, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() > max {
        return Err(FieldError::TooLong { max });
    }
    if s.chars().any(char::is_control) {
        return Err(FieldError::Invalid);
    }
    Ok(s.to_string())
}

/// An optional short text: empty means none.
pub fn optional_text(raw: &str, max: usize) -> Result<Option<String>, FieldError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        display_name(raw, max).map(Some)
    }
}

/// A typed name's spelling in other languages (a site, service, region, alert rule or
/// survey): a reader of a language that has one sees it, everyone else the main name.
/// Stored as JSON text, `{"ar":"فرع ريغا","lv":"Rīgas filiāle"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalNames(BTreeMap<Locale, String>);

impl LocalNames {
    /// The spelling for `lang`, if one was given.
    pub fn get(&self, lang: Locale) -> Option<&str> {
        self.0.get(&lang).map(String::as_str)
    }

    /// What a reader of `lang` sees: its spelling, else `main`.
    pub fn pick<'a>(&'a self, main: &'a str, lang: Locale) -> &'a str {
        self.get(lang).unwrap_or(main)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each language's spelling.
    pub fn iter(&self) -> impl Iterator<Item = (Locale, &str)> {
        self.0.iter().map(|(l, n)| (*l, n.as_str()))
    }

    /// The spellings typed in a form, one field per language (empty: none); the first
    /// refused field comes back with its language.
    pub fn from_fields<'a>(
        field: impl Fn(Locale) -> &'a str,
        max: usize,
    ) -> Result<LocalNames, (Locale, FieldError)> {
        let mut out = BTreeMap::new();
        for lang in Locale::ALL {
            if let Some(n) = optional_text(field(lang), max).map_err(|e| (lang, e))? {
                out.insert(lang, n);
            }
        }
        Ok(LocalNames(out))
    }

    /// The JSON text kept in the database.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "{}".into())
    }
}

impl FromIterator<(Locale, String)> for LocalNames {
    fn from_iter<I: IntoIterator<Item = (Locale, String)>>(iter: I) -> Self {
        LocalNames(iter.into_iter().collect())
    }
}

/// A typed name with its spellings in other languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocalName {
    pub name: String,
    pub names: LocalNames,
}

impl LocalName {
    pub fn new(name: String, names: LocalNames) -> LocalName {
        LocalName { name, names }
    }

    /// A name that has one spelling (a person's).
    pub fn plain(name: String) -> LocalName {
        LocalName {
            name,
            names: LocalNames::default(),
        }
    }

    /// What a reader of `lang` sees.
    pub fn get(&self, lang: Locale) -> &str {
        self.names.pick(&self.name, lang)
    }
}

/// Read from the database's JSON text; languages Rida no longer speaks are dropped, and
/// text that is not a JSON object reads as no spellings (nothing typed is lost: the main
/// name is in its own column).
impl From<String> for LocalNames {
    fn from(s: String) -> Self {
        let raw: BTreeMap<String, String> = serde_json::from_str(&s).unwrap_or_default();
        raw.into_iter()
            .filter_map(|(k, v)| Locale::parse(&k).map(|l| (l, v)))
            .filter(|(_, v)| !v.trim().is_empty())
            .collect()
    }
}

/// A login name: 3–64 characters of letters, digits, `.`, `_`, `-` or `@`, kept in lower case.
pub fn username(raw: &str) -> Result<String, FieldError> {
    let s = raw.trim().to_lowercase();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() < 3 {
        return Err(FieldError::TooShort { min: 3 });
    }
    if s.chars().count() > 64 {
        return Err(FieldError::TooLong { max: 64 });
    }
    if !s
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
    {
        return Err(FieldError::Invalid);
    }
    Ok(s)
}

/// The shortest password Rida accepts.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A new password: at least [`MIN_PASSWORD_CHARS`] characters, at most 1,000.
pub fn new_password(raw: &str) -> Result<&str, FieldError> {
    let n = raw.chars().count();
    if n == 0 {
        Err(FieldError::Required)
    } else if n < MIN_PASSWORD_CHARS {
        Err(FieldError::TooShort {
            min: MIN_PASSWORD_CHARS,
        })
    } else if n > 1000 {
        Err(FieldError::TooLong { max: 1000 })
    } else {
        Ok(raw)
    }
}

/// An optional e-mail address: empty means none; otherwise one `@` between a local part
/// and a domain with a dot, no spaces, at most 254 characters (what SMTP carries).
pub fn email(raw: &str) -> Result<Option<String>, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > 254 {
        return Err(FieldError::TooLong { max: 254 });
    }
    let ok = match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    };
    if !ok
        || s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
    {
        return Err(FieldError::Invalid);
    }
    Ok(Some(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_optional_and_checked() {
        assert_eq!(email("  "), Ok(None));
        assert_eq!(
            email(" ilze@rida.example ").unwrap().as_deref(),
            Some("ilze@rida.example")
        );
        for bad in [
            "ilze",
            "ilze@",
            "@rida.example",
            "ilze@rida",
            "a b@rida.example",
            "a@b@c.lv",
            "x@y.lv, z@w.lv",
        ] {
            assert_eq!(email(bad), Err(FieldError::Invalid), "{bad}");
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(display_name("  Rīga  ", 10).unwrap(), "Rīga");
        assert_eq!(display_name("   ", 10), Err(FieldError::Required));
        assert_eq!(
            display_name("فرع الرياض الرئيسي", 5),
            Err(FieldError::TooLong { max: 5 })
        );
        assert_eq!(display_name("a\u{7}b", 10), Err(FieldError::Invalid));
    }

    #[test]
    fn local_names_fall_back_to_the_main_name() {
        let typed = |l: Locale| match l {
            Locale::Ar => " فرع ريغا ",
            Locale::Lv => "",
            Locale::En => "Riga branch",
        };
        let n = LocalNames::from_fields(typed, 20).unwrap();
        assert_eq!(n.pick("Rīga", Locale::Ar), "فرع ريغا");
        assert_eq!(n.pick("Rīga", Locale::Lv), "Rīga");
        assert_eq!(n.pick("Rīga", Locale::En), "Riga branch");
        let back = LocalNames::from(n.to_json());
        assert_eq!(back, n);
        assert_eq!(
            LocalNames::from_fields(|_| "x\u{7}", 20),
            Err((Locale::En, FieldError::Invalid))
        );
        assert!(LocalNames::from("{\"xx\":\"a\",\"lv\":\" \"}".to_string()).is_empty());
        assert!(LocalNames::from("not json".to_string()).is_empty());
    }

    #[test]
    fn usernames_are_lower_case_and_plain() {
        assert_eq!(username(" Head@Bank ").unwrap(), "head@bank");
        assert_eq!(username("ab"), Err(FieldError::TooShort { min: 3 }));
        assert_eq!(username("a b c"), Err(FieldError::Invalid));
    }

    #[test]
    fn passwords_need_ten_characters() {
        assert!(new_password("short").is_err());
        assert!(new_password("long enough pass").is_ok());
    }
}
