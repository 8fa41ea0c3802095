//! Names typed by administrators: organisation, regions, sites, services, employees, users.

use serde::Serialize;

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
