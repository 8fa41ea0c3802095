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

    /// The key of a phone number across organisations: a reply from the number finds
    /// the survey sent to it by this key (the number itself is not kept with messages).
    pub fn recipient_key(&self, phone: &Phone) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(b"recipient-key\0");
        mac.update(phone.e164().as_bytes());
        let digest = mac.finalize().into_bytes();
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("r-{hex}")
    }

    /// The anonymous customer key of a phone number in an organisation: the same number
    /// gives the same key there, and nothing leads back from the key to the number.
    pub fn customer_key(&self, org: Uuid, phone: &Phone) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("any key length");
        mac.update(b"customer-key\0");
        mac.update(org.as_bytes());
        mac.update(phone.e164().as_bytes());
        let digest = mac.finalize().into_bytes();
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("p-{hex}")
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
