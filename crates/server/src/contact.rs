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
    }
}
