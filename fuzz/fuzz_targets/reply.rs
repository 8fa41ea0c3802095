//! Any bytes as a customer's reply, on every scale with scores: the reader never
//! panics, a score it reads is on the scale, and the words it keeps stay within bounds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rida_domain::{
    Scale,
    reply::{MAX_COMMENT_CHARS, Reply, parse},
};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for scale in [
        Scale::Csat5,
        Scale::Nps11,
        Scale::Ces7,
        Scale::Agree7,
        Scale::YesNo,
    ] {
        match parse(&text, scale) {
            Reply::Score { score, comment } => {
                let (low, high) = scale.score_range().expect("a scale with scores");
                assert!((low..=high).contains(&score), "{score} off {scale:?}");
                if let Some(c) = comment {
                    assert!(!c.trim().is_empty());
                    assert!(c.chars().count() <= MAX_COMMENT_CHARS);
                }
            }
            Reply::Comment { text } | Reply::Unclear { text } => {
                assert!(text.chars().count() <= MAX_COMMENT_CHARS.max(data.len()));
            }
            Reply::Stop { .. } | Reply::Start | Reply::Help => {}
        }
    }
});
