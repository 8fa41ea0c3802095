//! The reply reader's cases: scripts, forms, keywords, ambiguity, and property tests.
use super::*;
use proptest::prelude::*;

fn score(text: &str) -> Option<(i16, Option<String>)> {
    score_on(text, Scale::Csat5)
}

fn score_on(text: &str, scale: Scale) -> Option<(i16, Option<String>)> {
    match parse(text, scale) {
        Reply::Score { score, comment } => Some((score, comment)),
        _ => None,
    }
}

#[test]
fn a_score_reads_in_every_script_and_form() {
    for text in [
        "5",
        " 5 ",
        "٥",
        "۵",
        "５",
        "5/5",
        "5 / 5",
        "5 of 5",
        "٥ من ٥",
        "5 stars",
        "5 stars!",
        "⭐⭐⭐⭐⭐",
        "⭐️⭐️⭐️⭐️⭐️",
        "★★★★★",
        "five",
        "Five!",
        "five stars",
        "Five Stars!",
        "خمسة",
        "خمس",
        "خمس نجوم",
        "pieci",
        "pieci punkti",
        "piecas zvaigznes",
        "5.",
        "5!!",
        "5️⃣",
        "5\u{FE0F}\u{20E3}",
        "\u{200B}5",
        "\u{200F}٥\u{200F}",
        "\u{FEFF}5\u{200E}",
        "5 5",
    ] {
        assert_eq!(score(text), Some((5, None)), "{text:?}");
    }
    assert_eq!(score("4 zvaigznes"), Some((4, None)));
    assert_eq!(score("trīs"), Some((3, None)));
    assert_eq!(score("tris"), Some((3, None)));
    assert_eq!(score("٣"), Some((3, None)));
    assert_eq!(score("أربعة"), Some((4, None)));
    assert_eq!(score("اربعه"), Some((4, None)));
    // NPS: two digits, the keycap ten, and the scale's top after the slash.
    for text in ["10", "🔟", "١٠", "10/10", "ten", "desmit", "عشرة"] {
        assert_eq!(score_on(text, Scale::Nps11), Some((10, None)), "{text:?}");
    }
    assert_eq!(score_on("٩/١٠", Scale::Nps11), Some((9, None)));
    assert_eq!(score_on("0", Scale::Nps11), Some((0, None)));
    assert_eq!(score_on("0️⃣", Scale::Nps11), Some((0, None)));
}

#[test]
fn the_words_around_a_score_are_kept_as_written() {
    assert_eq!(score("5 thanks!"), Some((5, Some("thanks!".into()))));
    assert_eq!(
        score("4 - the queue was long"),
        Some((4, Some("the queue was long".into())))
    );
    assert_eq!(
        score("٢ الانتظار طويل"),
        Some((2, Some("الانتظار طويل".into())))
    );
    assert_eq!(
        score("five, thank you"),
        Some((5, Some("thank you".into())))
    );
    assert_eq!(
        score("Anna was great 5/5 stars"),
        Some((5, Some("Anna was great".into())))
    );
    assert_eq!(
        score("Great service! 5"),
        Some((5, Some("Great service!".into())))
    );
    // A score inside a sentence leaves the sentence whole.
    assert_eq!(
        score("I'd give it a 4, the wait was long"),
        Some((4, Some("I'd give it a 4, the wait was long".into())))
    );
    assert_eq!(
        score("I give it five stars, lovely staff."),
        Some((5, Some("I give it five stars, lovely staff.".into())))
    );
    // What nobody can see is not a comment, and does not stay in one.
    assert_eq!(score("5\u{200B}"), Some((5, None)));
    assert_eq!(score("5 \u{200F}!"), Some((5, None)));
    assert_eq!(score("5 \u{200B}thanks"), Some((5, Some("thanks".into()))));
}

#[test]
fn what_is_ambiguous_or_off_the_scale_is_asked_again() {
    for text in [
        "4 or 5",
        "45",
        "0",
        "6",
        "4.5",
        "4,5",
        "٤٫٥",
        "3 4",
        "⭐⭐⭐⭐⭐⭐",
        "1 2 3",
        "-1",
        "−1",
        "-١",
        "‑2",
        "score: -3",
        "4/7",
    ] {
        assert!(
            matches!(parse(text, Scale::Csat5), Reply::Unclear { .. }),
            "{text:?}: {:?}",
            parse(text, Scale::Csat5)
        );
    }
    // A fraction whose top is not the scale's could mean either number.
    for text in ["5/5", "4 of 5", "8/5", "-1", "11"] {
        assert!(
            matches!(parse(text, Scale::Nps11), Reply::Unclear { .. }),
            "{text:?}: {:?}",
            parse(text, Scale::Nps11)
        );
    }
    // A number word that is not a score of the scale.
    assert!(matches!(parse("ten", Scale::Csat5), Reply::Unclear { .. }));
    // A dash between words and the score is no minus sign.
    assert_eq!(score("Service - 4"), Some((4, Some("Service".into()))));
}

#[test]
fn words_without_a_score_are_a_comment() {
    for text in [
        "thank you",
        "one of the best",
        "شكرا",
        "paldies",
        "\u{200B}hi",
    ] {
        assert!(
            matches!(parse(text, Scale::Csat5), Reply::Comment { .. }),
            "{text:?}: {:?}",
            parse(text, Scale::Csat5)
        );
    }
    // A hyphen keeps a word whole: "non-stop" is no opt-out.
    assert_eq!(
        score("Non-stop queue, 2"),
        Some((2, Some("Non-stop queue".into())))
    );
    // Opt-out words that comments also use are words there.
    assert_eq!(
        score("I had to cancel twice, 2"),
        Some((2, Some("I had to cancel twice".into())))
    );
    assert!(matches!(
        parse("the end of the queue was slow", Scale::Csat5),
        Reply::Comment { .. }
    ));
}

#[test]
fn keywords_opt_out_back_in_and_ask_for_help_in_every_language() {
    for text in [
        "STOP",
        "stop.",
        " Stop ",
        "STOP\u{200B}",
        "UNSUBSCRIBE",
        "opt out",
        "Opt-Out",
        "cancel",
        "END",
        "توقف",
        "إلغاء الاشتراك",
        "الغاء الاشتراك",
        "إلغاء",
        "الغاء",
        "ايقاف",
        "إيقاف",
        "أوقف",
        "ATTEIKTIES",
        "atteikties",
        "Atrakstīties",
        "atrakstities",
        "pārtraukt",
        "partraukt",
        "please stop texting me",
    ] {
        assert_eq!(
            parse(text, Scale::Csat5),
            Reply::Stop { with_score: false },
            "{text:?}"
        );
    }
    // An opt-out word wins over a score, wherever it stands.
    for text in ["5 STOP", "STOP 5", "٥ توقف", "3, atrakstīties", "5 cancel"] {
        assert_eq!(
            parse(text, Scale::Csat5),
            Reply::Stop { with_score: true },
            "{text:?}"
        );
    }
    for text in [
        "START",
        "unstop",
        "ابدأ",
        "ابدا",
        "بدء",
        "sākt",
        "sakt",
        "Atsākt",
        "atsakt",
        "pierakstities",
    ] {
        assert_eq!(parse(text, Scale::Csat5), Reply::Start, "{text:?}");
    }
    for text in [
        "HELP",
        "help?",
        "مساعدة",
        "مساعده",
        "palīdzība",
        "palidziba",
        "INFO",
    ] {
        assert_eq!(parse(text, Scale::Csat5), Reply::Help, "{text:?}");
    }
}

#[test]
fn a_long_reply_keeps_a_bounded_comment() {
    let long = format!("5 {}", "slow queue ".repeat(200));
    let (s, c) = score(&long).unwrap();
    assert_eq!(s, 5);
    assert_eq!(c.unwrap().chars().count(), MAX_COMMENT_CHARS);
    let words = "word ".repeat(500);
    match parse(&words, Scale::Csat5) {
        Reply::Comment { text } => assert_eq!(text.chars().count(), MAX_COMMENT_CHARS),
        other => panic!("{other:?}"),
    }
}

/// Invisible characters a phone may put anywhere.
fn invisible() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "", "", "", "\u{200B}", "\u{200F}", "\u{200E}", "\u{FEFF}", "\u{FE0F}", "\u{2066}",
            "\u{061C}",
        ]),
        0..3,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC{0,300}") {
        for scale in [Scale::Csat5, Scale::Nps11, Scale::Ces7, Scale::Agree7] {
            if let Reply::Score { score, comment } = parse(&text, scale) {
                let (lo, hi) = scale.score_range().unwrap();
                prop_assert!((lo..=hi).contains(&score));
                if let Some(c) = comment {
                    prop_assert!(c.chars().any(|c| !is_filler(c)));
                    prop_assert!(!c.chars().any(is_invisible));
                }
            }
        }
    }

    #[test]
    fn a_score_in_any_script_with_any_comment_reads_back(
        s in 1i16..=5,
        script in 0usize..4,
        comment in "[a-zA-Zа-яءاأبتثجحخدذرزسشصضطظعغفقكلمنهوي ]{0,40}[.!?]?",
        noise in invisible(),
    ) {
        let base = [0x30u32, 0x660, 0x6F0, 0xFF10][script];
        let d = char::from_u32(base + s as u32).unwrap();
        let text = format!("{noise}{d}{noise} {comment}");
        // Unless the comment happens to hold a keyword or a number word.
        prop_assume!(!matches!(parse(&comment, Scale::Csat5), Reply::Stop { .. } | Reply::Start | Reply::Help | Reply::Score { .. } | Reply::Unclear { .. }));
        match parse(&text, Scale::Csat5) {
            Reply::Score { score, comment: c } => {
                prop_assert_eq!(score, s);
                let want = comment.trim_start_matches(|c: char| c.is_whitespace() || ".!?".contains(c)).trim_end();
                let want = (want.chars().any(|c| !is_filler(c))).then(|| want.to_string());
                prop_assert_eq!(c, want);
            }
            other => prop_assert!(false, "{:?} for {:?}", other, text),
        }
    }

    #[test]
    fn a_minus_sign_never_makes_a_score(
        n in 0u32..=10,
        minus in prop::sample::select(vec!['-', '\u{2212}', '\u{2010}', '\u{2011}', '\u{FF0D}']),
        script in 0usize..3,
    ) {
        let base = [0x30u32, 0x660, 0x6F0][script];
        let digits: String = n.to_string().chars().map(|c| char::from_u32(base + c.to_digit(10).unwrap()).unwrap()).collect();
        for scale in [Scale::Csat5, Scale::Nps11, Scale::Ces7] {
            let reply = parse(&format!("{minus}{digits}"), scale);
            prop_assert!(matches!(reply, Reply::Unclear { .. }), "{:?}", reply);
        }
    }
}
