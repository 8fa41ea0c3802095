//! What no text Rida stores may hold: NUL and the other control characters (tab, line
//! feed and carriage return aside). PostgreSQL refuses NUL in text outright; the others
//! only hide or garble what people read.

/// A form field's value as sent (the last one when it came several times), trimmed;
/// `None` when it is missing or blank.
pub fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// Whether `c` is a control character text may not hold.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether a JSON document's strings hold a forbidden control character, written as an
/// escape (`\u0000`, `\b`, `\f`) or raw (C1 controls and DEL may appear unescaped).
pub fn json_has_control(json: &[u8]) -> bool {
    let text = String::from_utf8_lossy(json);
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b' | 'f') => return true,
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    if u32::from_str_radix(&hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .is_some_and(is_forbidden_control)
                    {
                        return true;
                    }
                }
                _ => {}
            }
        } else if is_forbidden_control(c) && !matches!(c, '\u{0}'..='\u{1f}') {
            // Raw C0 controls are invalid JSON and refused by the parser already.
            return true;
        }
    }
    false
}

/// Whether a form (`application/x-www-form-urlencoded`) holds a forbidden control
/// character, percent-encoded or raw.
pub fn form_has_control(form: &[u8]) -> bool {
    let decoded: Vec<u8> = {
        let mut out = Vec::with_capacity(form.len());
        let mut i = 0;
        while i < form.len() {
            if form[i] == b'%'
                && i + 2 < form.len()
                && let Ok(b) = u8::from_str_radix(&String::from_utf8_lossy(&form[i + 1..i + 3]), 16)
            {
                out.push(b);
                i += 3;
            } else {
                out.push(form[i]);
                i += 1;
            }
        }
        out
    };
    String::from_utf8_lossy(&decoded)
        .chars()
        .any(is_forbidden_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_however_they_are_written() {
        assert!(json_has_control(br#"{"text":"a\u0000b"}"#));
        assert!(json_has_control(br#"{"text":"a\u001Fb"}"#));
        assert!(json_has_control(br#"{"text":"bell\b"}"#));
        assert!(json_has_control("{\"text\":\"\u{85}\"}".as_bytes()));
        assert!(json_has_control(br#"{"text":"\u007f"}"#));
        // Line breaks and tabs are text; an escaped backslash before u0000 is too.
        assert!(!json_has_control(br#"{"text":"line\nbreak\ttab\r"}"#));
        assert!(!json_has_control(
            br#"{"text":"a\\u0000 is how NUL is written"}"#
        ));
        assert!(!json_has_control("{\"text\":\"مرحبا ٥\"}".as_bytes()));
        assert!(form_has_control(b"name=a%00b"));
        assert!(form_has_control(b"name=a%1b"));
        assert!(!form_has_control(b"note=line%0D%0Anext&x=%25"));
    }
}
