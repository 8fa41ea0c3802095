//! One-time codes from an authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30 s,
//! with the `totp-rs` crate), and recovery codes for the day the phone is lost.

use base64::Engine;
use totp_rs::{Algorithm, TOTP};

/// Seconds a code lasts.
const STEP: u64 = 30;
/// Codes of the step before and after are accepted too (clocks drift).
const SKEW: u64 = 1;
/// How many recovery codes an account gets.
pub const RECOVERY_CODES: usize = 10;

/// A new secret: 160 random bits, as RFC 4226 recommends.
pub fn new_secret() -> Vec<u8> {
    let bytes: [u8; 20] = rand::random();
    bytes.to_vec()
}

fn totp(secret: &[u8], issuer: &str, account: &str) -> Option<TOTP> {
    // The otpauth URL may not hold ':' in either name.
    TOTP::new(
        Algorithm::SHA1,
        6,
        0,
        STEP,
        secret.to_vec(),
        Some(issuer.replace(':', " ")),
        account.replace(':', " "),
    )
    .ok()
}

/// The secret as an app's "enter a key" field takes it (base32, in groups of four).
pub fn secret_text(secret: &[u8]) -> String {
    let b32 = totp(secret, "Rida", "x")
        .map(|t| t.get_secret_base32())
        .unwrap_or_default();
    b32.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `otpauth://` URL an app scans.
pub fn url(secret: &[u8], issuer: &str, account: &str) -> String {
    totp(secret, issuer, account)
        .map(|t| t.get_url())
        .unwrap_or_default()
}

/// The time step of `code` if it is the code of the current step or of one next to it
/// (at `now_s`, seconds since the epoch); `None` if it matches none.
pub fn matching_step(secret: &[u8], code: &str, now_s: u64) -> Option<i64> {
    let code: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
    if code.len() != 6 {
        return None;
    }
    let t = totp(secret, "Rida", "x")?;
    let current = now_s / STEP;
    (current.saturating_sub(SKEW)..=current + SKEW)
        .find(|step| {
            let expected = t.generate(step * STEP);
            subtle::ConstantTimeEq::ct_eq(expected.as_bytes(), code.as_bytes()).into()
        })
        .and_then(|step| i64::try_from(step).ok())
}

/// New recovery codes (`xxxx-xxxx`, letters and digits that are not mistaken for
/// each other).
pub fn recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let bytes: [u8; 8] = rand::random();
            let chars: String = bytes
                .iter()
                .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
                .collect();
            format!("{}-{}", &chars[..4], &chars[4..])
        })
        .collect()
}

/// What is stored of a recovery code: the hash of its letters and digits, lower case
/// (so `ABCD EFGH` and `abcd-efgh` are the same code).
pub fn recovery_hash(code: &str) -> Vec<u8> {
    let plain: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    crate::auth::hash_secret(&format!("recovery:{plain}"))
}

/// The QR code of `text` as an SVG image.
pub fn qr_svg(text: &str) -> String {
    match crate::web::qr_path(text) {
        Ok((d, m)) => format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {m} {m}" width="220" height="220" shape-rendering="crispEdges"><rect width="{m}" height="{m}" fill="#fff"/><path d="{d}" fill="#000"/></svg>"##
        ),
        Err(_) => String::new(),
    }
}

/// The SVG as a `data:` URL for an `<img>` (no inline markup to escape).
pub fn qr_data_url(text: &str) -> String {
    format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(qr_svg(text))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_rfc_6238_test_vector_match_their_step_and_its_neighbours_only() {
        // RFC 6238, appendix B: SHA-1, secret "12345678901234567890", T = 59 s -> 94287082
        // (8 digits; the 6-digit code is its last six).
        let secret = b"12345678901234567890";
        assert_eq!(matching_step(secret, "287082", 59), Some(1));
        assert_eq!(
            matching_step(secret, "287 082", 59 + 30),
            Some(1),
            "a step late"
        );
        assert_eq!(matching_step(secret, "287082", 59 + 90), None, "too late");
        assert_eq!(matching_step(secret, "287083", 59), None);
        assert_eq!(matching_step(secret, "28708", 59), None);
        // T = 1111111109 -> 07081804.
        assert_eq!(
            matching_step(secret, "081804", 1_111_111_109),
            Some(37_037_036)
        );
    }

    #[test]
    fn recovery_codes_are_distinct_and_compared_without_case_or_dashes() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
        let c = &codes[0];
        assert_eq!(
            recovery_hash(c),
            recovery_hash(&c.to_uppercase().replace('-', " "))
        );
        assert_ne!(recovery_hash(c), recovery_hash(&codes[1]));
    }

    #[test]
    fn the_app_gets_an_otpauth_url_and_a_readable_key() {
        let s = new_secret();
        let u = url(&s, "Test Bank", "head");
        assert!(u.starts_with("otpauth://totp/Test%20Bank:head?"), "{u}");
        assert!(u.contains("issuer=Test%20Bank"), "{u}");
        assert_eq!(secret_text(&s).replace(' ', "").len(), 32);
        assert!(qr_svg(&u).starts_with("<svg") && qr_svg(&u).contains("<path d=\"M"));
    }
}
