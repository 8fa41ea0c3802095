//! How a text travels as SMS: in the GSM 7-bit alphabet when every character is in it,
//! else as UCS-2 (Arabic, Latvian letters with diacritics…), and in how many parts.
//! Gateways such as Kannel do not choose the coding themselves: the sender must.

/// The GSM 03.38 basic character set (one septet each).
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table (an escape septet, then the character: two septets each).
const GSM_EXTENDED: &str = "^{}\\[~]|€\u{0c}";

/// How a message is coded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    /// GSM 7-bit: 160 septets in one part, 153 per part when split.
    Gsm7,
    /// UCS-2 (UTF-16 code units): 70 in one part, 67 per part when split.
    Ucs2,
}

impl Coding {
    /// The value of Kannel's `coding` parameter (0: 7-bit, 2: UCS-2).
    pub fn kannel(self) -> u8 {
        match self {
            Coding::Gsm7 => 0,
            Coding::Ucs2 => 2,
        }
    }
}

/// A text's coding and how many SMS parts it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoded {
    pub coding: Coding,
    /// Septets (GSM 7-bit) or UTF-16 code units (UCS-2).
    pub units: usize,
    pub parts: usize,
}

/// The coding and number of parts of `text`.
pub fn encode(text: &str) -> Encoded {
    let gsm: Option<usize> = text
        .chars()
        .map(|c| {
            if GSM_BASIC.contains(c) {
                Some(1)
            } else if GSM_EXTENDED.contains(c) {
                Some(2)
            } else {
                None
            }
        })
        .sum();
    let (coding, units, single, multi) = match gsm {
        Some(septets) => (Coding::Gsm7, septets, 160, 153),
        None => (Coding::Ucs2, text.encode_utf16().count(), 70, 67),
    };
    let parts = if units <= single {
        1
    } else {
        units.div_ceil(multi)
    };
    Encoded {
        coding,
        units,
        parts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_latin_text_goes_as_seven_bit() {
        let e = encode("How was your visit to Riga Central today? Reply 1-5");
        assert_eq!(e.coding, Coding::Gsm7);
        assert_eq!(e.parts, 1);
        assert_eq!(encode(&"a".repeat(160)).parts, 1);
        assert_eq!(encode(&"a".repeat(161)).parts, 2);
        assert_eq!(encode(&"a".repeat(306)).parts, 2);
        assert_eq!(encode(&"a".repeat(307)).parts, 3);
        // The euro sign takes two septets.
        assert_eq!(encode("€").units, 2);
        assert_eq!(encode(&"€".repeat(80)).parts, 1);
        assert_eq!(encode(&"€".repeat(81)).parts, 2);
    }

    #[test]
    fn arabic_and_latvian_letters_go_as_ucs2() {
        let ar = encode("كيف كانت زيارتك اليوم؟ أجب ١–٥");
        assert_eq!(ar.coding, Coding::Ucs2);
        assert_eq!(ar.coding.kannel(), 2);
        assert_eq!(ar.parts, 1);
        let lv = encode("Kā vērtējat apmeklējumu?");
        assert_eq!(lv.coding, Coding::Ucs2);
        assert_eq!(encode(&"ā".repeat(70)).parts, 1);
        assert_eq!(encode(&"ā".repeat(71)).parts, 2);
        assert_eq!(encode(&"ā".repeat(134)).parts, 2);
        assert_eq!(encode(&"ā".repeat(135)).parts, 3);
        // An emoji is two UTF-16 units.
        assert_eq!(encode("⭐😀").units, 3);
    }
}
