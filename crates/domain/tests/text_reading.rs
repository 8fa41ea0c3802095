//! What the comment reader does with what customers actually type, including the input
//! that is not a comment at all.

use rida_domain::text::{Analyser, Lang, Modifier, Sentiment, ThemeSpec};

fn read(text: &str) -> rida_domain::text::Analysis {
    Analyser::default().analyse(text)
}

fn themes(text: &str) -> Vec<String> {
    read(text).themes.into_iter().map(|t| t.theme).collect()
}

#[test]
fn empty_and_blank_comments_say_nothing() {
    for text in ["", "   ", "\n\n", "...", "???"] {
        let a = read(text);
        assert_eq!(a.language, Lang::Unknown, "{text:?}");
        assert_eq!(a.sentiment, Sentiment::Neutral);
        assert!(a.themes.is_empty() && a.evidence.is_empty());
    }
}

#[test]
fn emoji_only_comments_carry_their_feeling_without_a_language() {
    let a = read("😡😡😡");
    assert_eq!(
        (a.language, a.sentiment),
        (Lang::Unknown, Sentiment::Negative)
    );
    assert_eq!(read("👍").sentiment, Sentiment::Positive);
    assert_eq!(read(":)").sentiment, Sentiment::Positive);
    assert_eq!(read("10/10").sentiment, Sentiment::Positive);
    assert_eq!(themes("🐌🐌"), ["waiting"]);
}

#[test]
fn a_language_that_is_none_of_the_three_is_marked_unknown_not_forced() {
    for text in [
        "Очень долго ждали, персонал грубый",
        "Le service était très lent et le personnel impoli",
        "Die Wartezeit war viel zu lang",
        "服务很好",
    ] {
        let a = read(text);
        assert_eq!(a.language, Lang::Unknown, "{text}");
        assert_eq!(a.sentiment, Sentiment::Neutral, "{text}");
        assert!(a.themes.is_empty(), "{text}: {:?}", a.themes);
    }
    // Emoji still count in a comment in another language.
    assert_eq!(read("Очень долго 😡").sentiment, Sentiment::Negative);
}

#[test]
fn the_three_languages_are_told_apart_with_and_without_their_letters() {
    assert_eq!(read("الموظف كان محترم").language, Lang::Ar);
    assert_eq!(read("el mwazaf kan 7elo w sari3").language, Lang::Ar);
    assert_eq!(read("Ļoti laipna darbiniece").language, Lang::Lv);
    assert_eq!(read("loti laipna darbiniece, paldies").language, Lang::Lv);
    assert_eq!(read("The staff were very kind").language, Lang::En);
}

#[test]
fn negation_turns_a_word_round_in_each_language() {
    for (text, want) in [
        ("not bad at all", Sentiment::Positive),
        ("not friendly", Sentiment::Negative),
        ("nav slikti", Sentiment::Positive),
        ("nepatika attieksme", Sentiment::Negative),
        ("neesmu apmierināts", Sentiment::Negative),
        ("الموظف مو زين", Sentiment::Negative),
        ("ماعجبني التعامل", Sentiment::Negative),
        ("مو بطال", Sentiment::Positive),
        ("el mwazaf mo zain", Sentiment::Negative),
    ] {
        let a = read(text);
        assert_eq!(a.sentiment, want, "{text}: {:?}", a.evidence);
    }
    // Where a rule turned the word round, the explanation says which word did.
    let text = "she was not friendly";
    let a = read(text);
    let negated = a.evidence[0].modifiers.iter().find_map(|m| match m {
        Modifier::Negated { start, end } => Some(&text[*start..*end]),
        _ => None,
    });
    assert_eq!(negated, Some("not"));
}

#[test]
fn arabic_spellings_fold_to_one_word() {
    // Hamza forms, taa marbuta, tatweel, diacritics, stretched letters, ض for ظ.
    for text in ["ممتاز", "مـمـتـاز", "ممتاااااز", "مُمْتَاز"] {
        assert_eq!(read(text).sentiment, Sentiment::Positive, "{text}");
    }
    assert_eq!(themes("المكان نضيف"), ["cleanliness"]);
    assert_eq!(themes("المكان نظيف"), ["cleanliness"]);
    assert_eq!(
        read("انتظرت ٤٠ دقيقة").sentiment,
        Sentiment::Negative,
        "Arabic-Indic digits"
    );
}

#[test]
fn a_waiting_time_is_read_as_a_complaint_or_as_praise() {
    assert_eq!(read("waited 40 minutes").sentiment, Sentiment::Negative);
    assert_eq!(read("gaidīju 2 stundas").sentiment, Sentiment::Negative);
    assert_eq!(read("انتظرت ساعتين").sentiment, Sentiment::Negative);
    assert_eq!(read("served in 3 minutes").sentiment, Sentiment::Positive);
    // The time of day is not a wait.
    assert_ne!(read("الفرع يسكر الساعة ٢").sentiment, Sentiment::Negative);
}

#[test]
fn misspelt_words_are_read_as_the_word_meant_and_said_so() {
    let a = read("very proffesional and frendly");
    assert_eq!(a.sentiment, Sentiment::Positive);
    assert!(
        a.evidence
            .iter()
            .any(|e| e.modifiers.contains(&Modifier::Spelling))
    );
}

#[test]
fn the_explanation_points_at_the_words_that_counted() {
    let text = "Friendly staff, but the queue was far too long";
    let a = read(text);
    assert_eq!(a.sentiment, Sentiment::Negative);
    let words: Vec<&str> = a.evidence.iter().map(|e| &text[e.start..e.end]).collect();
    assert!(words.contains(&"Friendly"), "{words:?}");
    let friendly = a
        .evidence
        .iter()
        .find(|e| &text[e.start..e.end] == "Friendly")
        .unwrap();
    assert!(
        friendly
            .modifiers
            .iter()
            .any(|m| matches!(m, Modifier::BeforeContrast { .. }))
    );
    let waiting = a.themes.iter().find(|t| t.theme == "waiting").unwrap();
    assert_eq!(
        &text[waiting.evidence[0].start..waiting.evidence[0].end],
        "queue"
    );
}

#[test]
fn a_very_long_comment_is_read_up_to_the_bound() {
    let text = format!("{}terrible", "The visit was fine. ".repeat(10_000));
    let a = read(&text);
    // The end lies past the bound: its word is not read, and reading stopped early.
    assert!(a.evidence.iter().all(|e| e.end < text.len() - 8));
    assert!(
        a.evidence
            .iter()
            .all(|e| e.start <= rida_domain::text::normalize::MAX_CHARS * 4)
    );
}

#[test]
fn an_organisation_adds_its_own_words_and_themes_and_turns_rida_s_off() {
    let specs = vec![
        ThemeSpec {
            key: "waiting".into(),
            builtin_words: false,
            own_words: vec![],
        },
        ThemeSpec {
            key: "own-pension".into(),
            builtin_words: false,
            own_words: vec!["pension*".into(), "pensij*".into(), "تقاعد*".into()],
        },
        ThemeSpec {
            key: "cleanliness".into(),
            builtin_words: true,
            own_words: vec!["pigeons".into()],
        },
    ];
    let a = Analyser::new(&specs);
    let read = |t: &str| {
        a.analyse(t)
            .themes
            .into_iter()
            .map(|t| t.theme)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        read("Long queue about my pension"),
        ["own-pension"],
        "waiting is off"
    );
    assert_eq!(read("Jautājums par pensiju"), ["own-pension"]);
    assert_eq!(read("سؤال عن التقاعد"), ["own-pension"]);
    assert_eq!(
        read("pigeons at the entrance, dirty floor"),
        ["cleanliness"]
    );
    let own = a.analyse("pigeons everywhere in the hall");
    assert!(
        own.themes[0].evidence[0].own,
        "the explanation says the word is the organisation's"
    );
}

#[test]
fn a_negation_before_a_cue_that_carries_its_own_agrees_with_it() {
    // Negative concord: "not a minute did I have to wait" is praise, in each language.
    for text in [
        "Ne minūti nebija jāgaida",
        "ما انتظرت ولا دقيقة",
        "Didn't have to wait at all",
    ] {
        let a = read(text);
        assert_eq!(a.sentiment, Sentiment::Positive, "{text}: {:?}", a.evidence);
    }
    // A minute is not "precise" ("دقيقة" is both): counting minutes says nothing.
    assert!(
        read("انتظرت دقيقة")
            .evidence
            .iter()
            .all(|e| !e.entry.starts_with("دقيق"))
    );
}

#[test]
fn complaints_without_a_complaining_word_are_read() {
    for text in [
        "The man spoke to me like I was a child",
        "Same every time, nothing ever changes",
        "The website said one thing and the staff told me something completely different",
        "The transfer fee is way too high",
        "Darbinieks runāja pavēlošā tonī, it kā es būtu vainīgs",
        "Par vienu izziņu 15 eiro, tas ir par daudz",
        "الموظف كلمني كأني طفل",
        "كل مرة نفس الشي، ما يتغير شي",
    ] {
        let a = read(text);
        assert_eq!(a.sentiment, Sentiment::Negative, "{text}: {:?}", a.evidence);
    }
    // A common word one letter from a cue is the word it is ("changes", not "charges").
    assert!(
        read("nothing changes")
            .evidence
            .iter()
            .all(|e| !e.modifiers.contains(&Modifier::Spelling))
    );
}
