//! Voice prompts: which screens speak, and which files count as audio.

/// The screens a terminal can speak on.
pub const SCREENS: [&str; 3] = ["welcome", "question", "thanks"];
/// The largest prompt accepted.
pub const MAX_AUDIO_BYTES: usize = 1024 * 1024;

/// The audio types accepted, recognised by their first bytes (not by the file's name or
/// the browser's claim): Ogg (Opus, Vorbis), WAV, MP3, MP4/M4A and WebM.
pub fn sniff_audio(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(b"OggS") {
        Some("audio/ogg")
    } else if b.len() > 12 && &b[0..4] == b"RIFF" && &b[8..12] == b"WAVE" {
        Some("audio/wav")
    } else if b.starts_with(b"ID3") || (b.len() > 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0) {
        Some("audio/mpeg")
    } else if b.len() > 12
        && &b[4..8] == b"ftyp"
        && (&b[8..11] == b"M4A" || &b[8..12] == b"mp42" || &b[8..12] == b"isom")
    {
        Some("audio/mp4")
    } else if b.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        Some("audio/webm")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audio_is_known_by_its_first_bytes() {
        assert_eq!(sniff_audio(b"OggS\0\x02rest"), Some("audio/ogg"));
        assert_eq!(sniff_audio(b"RIFF\x24\0\0\0WAVEfmt "), Some("audio/wav"));
        assert_eq!(sniff_audio(b"ID3\x04\0\0"), Some("audio/mpeg"));
        assert_eq!(sniff_audio(b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(
            sniff_audio(b"RIFF\x24\0\0\0WEBPVP8 "),
            None,
            "a WebP image is not audio"
        );
        assert_eq!(sniff_audio(b"<html>"), None);
    }
}
