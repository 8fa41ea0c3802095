//! Customers' phone numbers: parsed and normalised to E.164 with libphonenumber's
//! metadata (the `phonenumber` crate), and never shown whole by `Debug` or `Display`, so
//! that a number cannot reach a log by accident.

use std::fmt;

use phonenumber::{Mode, country};

/// A phone number in E.164 form (`+37120000000`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

/// Why a phone number was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("not a phone number")]
    Unparseable,
    #[error("not a valid number for its country")]
    Invalid,
    #[error("a number without its country code needs the organisation's country")]
    NeedsCountry,
}

impl PhoneError {
    /// A stable code, for APIs and the outbox.
    pub fn code(self) -> &'static str {
        match self {
            PhoneError::Unparseable => "phone_unparseable",
            PhoneError::Invalid => "phone_invalid",
            PhoneError::NeedsCountry => "phone_needs_country",
        }
    }
}

impl Phone {
    /// The number as gateways want it.
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// The country code and the last two digits only: `+371•••••••89`.
    pub fn masked(&self) -> String {
        let digits: Vec<char> = self.0.chars().skip(1).collect();
        let cc = digits.len().saturating_sub(2).min(3);
        let tail = digits.len().saturating_sub(2).max(cc);
        let mut out = String::from("+");
        out.extend(&digits[..cc]);
        out.extend(std::iter::repeat_n('•', tail - cc));
        out.extend(&digits[tail..]);
        out
    }

    /// Takes a number already in E.164 form (as stored), checking only its shape.
    pub fn from_e164(s: &str) -> Option<Phone> {
        let digits = s.strip_prefix('+')?;
        ((8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| Phone(s.to_string()))
    }
}

impl fmt::Debug for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Phone({})", self.masked())
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// Checks a country code (ISO 3166 alpha-2, e.g. `LV`, `SA`) as phone numbers know it.
pub fn phone_region(s: &str) -> Option<String> {
    let s = s.trim().to_ascii_uppercase();
    s.parse::<country::Id>().ok().map(|_| s)
}

/// Parses a number as a customer or a system wrote it: international (`+371 2000 0000`,
/// `00371…`) or, with the organisation's country, national (`2000 0000`). Digits in
/// Arabic-Indic scripts are read too.
pub fn parse_phone(raw: &str, region: Option<&str>) -> Result<Phone, PhoneError> {
    let ascii: String = raw
        .chars()
        .map(|c| {
            crate::reply::digit(c)
                .and_then(|d| char::from_digit(d, 10))
                .unwrap_or(c)
        })
        .collect();
    let ascii = ascii.trim();
    let digits = ascii.chars().filter(char::is_ascii_digit).count();
    if !(3..=20).contains(&digits) || ascii.chars().count() > 40 {
        return Err(PhoneError::Unparseable);
    }
    let ascii = ascii.trim_start_matches(|c: char| c == '(' || c.is_whitespace());
    let international = ascii.starts_with('+') || ascii.starts_with("00");
    let ascii = match ascii.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => ascii.to_string(),
    };
    let region = region.and_then(|r| r.parse::<country::Id>().ok());
    if !international && region.is_none() {
        return Err(PhoneError::NeedsCountry);
    }
    let n = phonenumber::parse(region, &ascii).map_err(|_| PhoneError::Unparseable)?;
    if !n.is_valid() {
        return Err(PhoneError::Invalid);
    }
    Ok(Phone(n.format().mode(Mode::E164).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_normalised_to_e164() {
        for raw in [
            "+371 2000 0000",
            "+37120000000",
            "0037120000000",
            "(+371) 20-00-00-00",
        ] {
            assert_eq!(
                parse_phone(raw, None).unwrap().e164(),
                "+37120000000",
                "{raw}"
            );
        }
        assert_eq!(
            parse_phone("2000 0000", Some("LV")).unwrap().e164(),
            "+37120000000"
        );
        // Saudi mobile, written nationally and in Arabic-Indic digits.
        assert_eq!(
            parse_phone("٠٥٠١٢٣٤٥٦٧", Some("SA")).unwrap().e164(),
            "+966501234567"
        );
    }

    #[test]
    fn what_is_not_a_number_is_refused_with_its_reason() {
        assert_eq!(parse_phone("call me", None), Err(PhoneError::Unparseable));
        assert_eq!(parse_phone("", Some("LV")), Err(PhoneError::Unparseable));
        assert_eq!(
            parse_phone("2000 0000", None),
            Err(PhoneError::NeedsCountry)
        );
        assert_eq!(parse_phone("+371 123", None), Err(PhoneError::Invalid));
        assert_eq!(
            parse_phone(&"9".repeat(2000), Some("LV")),
            Err(PhoneError::Unparseable)
        );
    }

    #[test]
    fn a_number_never_shows_whole() {
        let p = parse_phone("+37120000089", None).unwrap();
        assert_eq!(p.masked(), "+371••••••89");
        assert_eq!(format!("{p}"), "+371••••••89");
        assert!(!format!("{p:?}").contains("20000089"));
        assert_eq!(Phone::from_e164(p.e164()), Some(p));
        assert_eq!(Phone::from_e164("37120000089"), None);
        assert_eq!(phone_region(" lv ").as_deref(), Some("LV"));
        assert_eq!(phone_region("XX"), None);
    }
}
