//! Customers' contact details at rest: phone numbers and e-mail addresses sealed with
//! XChaCha20-Poly1305 under a key every instance shares (made once, kept in the
//! database's secrets), and the anonymous customer key of a phone number — a keyed hash,
//! so that retention links a customer's visits without the number itself.

use chacha20poly1305::{
    XChaCha20Poly1305, XNonce,
    aead::{Aead, KeyInit},
};
use hmac::{Hmac, Mac};
use rida_domain::contact::Phone;
use sha2::Sha256;
use uuid::Uuid;

/// The instances' shared key for contact details.
#[derive(Clone)]
pub struct ContactKey([u8; 32]);

impl std::fmt::Debug for ContactKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContactKey(…)")
    }
}

impl ContactKey {
    pub fn new(bytes: &[u8]) -> Option<ContactKey> {
        Some(ContactKey(bytes.try_into().ok()?))
    }

    /// The key from 64 hex digits (surrounding white space ignored).
    pub fn from_hex(text: &str) -> Option<ContactKey> {
        let text = text.trim();
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let bytes: Option<Vec<u8>> = (0..32)
            .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok())
            .collect();
        ContactKey::new(&bytes?)
    }

    /// The key the settings name: read from `contact_key_file`, else made once and kept
    /// in the database's secrets (the same on every instance either way).
    pub async fn load(
        settings: &crate::settings::Settings,
        store: &rida_store::Store,
    ) -> anyhow::Result<ContactKey> {
        use anyhow::Context;
        if !settings.contact_key_file.trim().is_empty() {
            let path = settings.contact_key_file.trim();
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading contact_key_file {path}"))?;
            return ContactKey::from_hex(&text)
                .with_context(|| format!("contact_key_file {path}: 64 hex digits expected"));
        }
        let fresh: [u8; 32] = rand::random();
        ContactKey::new(&store.secret("contact-key", fresh.to_vec()).await?)
            .context("the stored contact key is not 32 bytes")
    }

    /// A random nonce, then the ciphertext with its tag.
    pub fn seal(&self, plain: &str) -> Vec<u8> {
        let cipher = XChaCha20Poly1305::new((&self.0).into());
        let nonce: [u8; 24] = rand::random();
        let mut out = nonce.to_vec();
        // Encryption with a valid key and nonce does not fail.
        out.extend(
            cipher
                .encrypt(XNonce::from_slice(&nonce), plain.as_bytes())
                .unwrap_or_default(),
        );
        out
    }

    /// The text sealed, if these bytes were sealed with this key.
    pub fn open(&self, sealed: &[u8]) -> Option<String> {
        if sealed.len() < 24 {
            return None;
        }
        let (nonce, body) = sealed.split_at(24);
        let cipher = XChaCha20Poly1305::new((&self.0).into());
        let plain = cipher.decrypt(XNonce::from_slice(nonce), body).ok()?;
        String::from_utf8(plain).ok()
    }

    /// A keyed hash of the parts, for one purpose (each purpose gives other hashes).
    fn tag(&self, purpose: &str, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        for p in parts {
            mac.update(p);
        }
        mac.finalize().into_bytes().into()
    }

    /// A keyed hash for one purpose, as bytes (ids derived from others).
    pub fn tag_bytes(&self, purpose: &str, parts: &[&[u8]]) -> [u8; 32] {
        self.tag(purpose, parts)
    }

    fn tag_hex(&self, prefix: &str, purpose: &str, parts: &[&[u8]]) -> String {
        let digest = self.tag(purpose, parts);
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("{prefix}-{hex}")
    }

    /// The key of a phone number across organisations: a reply from the number finds
    /// the survey sent to it by this key (the number itself is not kept with messages).
    pub fn recipient_key(&self, phone: &Phone) -> String {
        self.tag_hex("r", "recipient-key", &[phone.e164().as_bytes()])
    }

    /// The key of an e-mail address across organisations (as [`Self::recipient_key`]).
    pub fn email_recipient_key(&self, email: &str) -> String {
        self.tag_hex("r", "recipient-key", &[email.to_lowercase().as_bytes()])
    }

    /// The anonymous customer key of a phone number in an organisation: the same number
    /// gives the same key there, and nothing leads back from the key to the number.
    pub fn customer_key(&self, org: Uuid, phone: &Phone) -> String {
        self.tag_hex(
            "p",
            "customer-key",
            &[org.as_bytes(), phone.e164().as_bytes()],
        )
    }

    /// A customer as someone typed them — a phone number in any usual format (`+371 2…`,
    /// `0037…`, a national number, Arabic-Indic digits) or an e-mail address — as what
    /// they are known by (the number in E.164, or the address) and their customer key.
    /// The error is the code of what is wrong (`email-invalid`, or a phone error's).
    pub fn customer_of(
        &self,
        org: Uuid,
        region: Option<&str>,
        raw: &str,
    ) -> Result<(String, String), &'static str> {
        if raw.contains('@') {
            let email = rida_domain::names::email(raw)
                .ok()
                .flatten()
                .ok_or("email-invalid")?;
            let key = self.email_customer_key(org, &email);
            return Ok((email, key));
        }
        let phone = rida_domain::contact::parse_phone(raw, region).map_err(|e| e.code())?;
        Ok((phone.e164().to_string(), self.customer_key(org, &phone)))
    }

    /// The anonymous customer key of an e-mail address in an organisation.
    pub fn email_customer_key(&self, org: Uuid, email: &str) -> String {
        self.tag_hex(
            "e",
            "customer-key",
            &[org.as_bytes(), email.to_lowercase().as_bytes()],
        )
    }

    /// The code of a survey message's one-time web link: derived from its id, so that
    /// the code itself is never stored.
    pub fn link_code(&self, message: Uuid) -> String {
        rida_domain::web::code_from(
            &self.tag("survey-link", &[message.as_bytes()]),
            rida_domain::web::LINK_CODE_LEN,
        )
    }

    /// What is stored to find a message by its link's code.
    pub fn link_key(&self, code: &str) -> String {
        self.tag_hex("l", "link-key", &[code.as_bytes()])
    }

    /// The token an anonymous form carries: who issued it (the survey's code) and when,
    /// so that a page of another site cannot post answers in a visitor's name.
    pub fn form_token(&self, scope: &str, issued_ms: i64) -> String {
        let at = issued_ms.to_string();
        let t = self.tag_hex("f", "web-form", &[scope.as_bytes(), b"\0", at.as_bytes()]);
        format!("{at}.{t}")
    }

    /// Whether a form token was issued here for `scope` within `max_age_ms` of `now`.
    pub fn form_token_ok(&self, token: &str, scope: &str, now: i64, max_age_ms: i64) -> bool {
        use subtle::ConstantTimeEq;
        let Some((at, _)) = token.split_once('.') else {
            return false;
        };
        let Ok(issued) = at.parse::<i64>() else {
            return false;
        };
        let fresh = issued <= now + 60_000 && now - issued <= max_age_ms;
        fresh
            && bool::from(
                self.form_token(scope, issued)
                    .as_bytes()
                    .ct_eq(token.as_bytes()),
            )
    }

    /// A device's key for the web survey guard: its address and browser hashed with the
    /// salt of the day (nothing leads back to the device once the salt is dropped).
    pub fn device_key(&self, salt: &[u8], scope: &str, parts: &[&str]) -> String {
        let mut all: Vec<&[u8]> = vec![salt, scope.as_bytes()];
        for p in parts {
            all.push(b"\0");
            all.push(p.as_bytes());
        }
        self.tag_hex("d", "web-guard", &all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_details_open_only_with_their_key() {
        let key = ContactKey([7; 32]);
        let sealed = key.seal("+37120000089");
        assert!(!String::from_utf8_lossy(&sealed).contains("20000089"));
        assert_eq!(key.open(&sealed).as_deref(), Some("+37120000089"));
        assert_ne!(key.seal("+37120000089"), sealed, "a fresh nonce each time");
        assert_eq!(ContactKey([8; 32]).open(&sealed), None);
        assert_eq!(key.open(b"short"), None);
        let phone = rida_domain::contact::parse_phone("+37120000089", None).unwrap();
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        assert_eq!(key.customer_key(a, &phone), key.customer_key(a, &phone));
        assert_ne!(key.customer_key(a, &phone), key.customer_key(b, &phone));
        assert!(!key.customer_key(a, &phone).contains("20000089"));
        assert_eq!(format!("{key:?}"), "ContactKey(…)");
        let hex = "07".repeat(32);
        let from_file = ContactKey::from_hex(&format!("{hex}\n")).unwrap();
        assert_eq!(from_file.open(&sealed).as_deref(), Some("+37120000089"));
        assert!(ContactKey::from_hex(&"0".repeat(63)).is_none());
        assert!(ContactKey::from_hex(&"zz".repeat(32)).is_none());
    }
}
