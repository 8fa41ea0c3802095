//! What Rida reads in a comment, with the words behind it:
//! `cargo run -p rida-domain --example read_comment -- "text" …`, or the labelled set's
//! disagreements: `… -- --errors lv` (crates/domain/tests/comments/lv.tsv).
use rida_domain::text::{Analyser, eval};

fn show(a: &Analyser, text: &str) {
    let r = a.analyse(text);
    println!(
        "{text}\n  {:?} {:?} {} conf {}",
        r.language, r.sentiment, r.score, r.confidence
    );
    for e in &r.evidence {
        println!(
            "  cue {:?} = {} {:?}",
            &text[e.start..e.end],
            e.weight,
            e.modifiers
        );
    }
    for t in &r.themes {
        let w: Vec<&str> = t.evidence.iter().map(|e| &text[e.start..e.end]).collect();
        println!("  theme {} {:?}", t.theme, w);
    }
}

fn main() {
    let a = Analyser::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--errors") {
        let lang = &args[1];
        let path = format!("{}/tests/comments/{lang}.tsv", env!("CARGO_MANIFEST_DIR"));
        let items = eval::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        for i in items {
            let r = a.reading(&i.text);
            let themes = r.themes.unwrap_or_default();
            let brief = args.get(2).is_some_and(|a| a == "--sentiment");
            let themes_only = args.get(2).is_some_and(|a| a == "--themes");
            if brief && r.sentiment != i.sentiment {
                println!("{:?} want {:?}: {}", r.sentiment, i.sentiment, i.text);
            } else if themes_only && themes != i.themes {
                let a = a.analyse(&i.text);
                let got: Vec<String> = a
                    .themes
                    .iter()
                    .map(|t| {
                        format!(
                            "{}{:?}",
                            t.theme,
                            t.evidence
                                .iter()
                                .map(|e| &i.text[e.start..e.end])
                                .collect::<Vec<_>>()
                        )
                    })
                    .collect();
                println!("want {:?} got {}: {}", i.themes, got.join(" "), i.text);
            } else if !themes_only && !brief && (r.sentiment != i.sentiment || themes != i.themes) {
                println!("--- want {:?} {:?}", i.sentiment, i.themes);
                show(&a, &i.text);
            }
        }
        return;
    }
    for text in &args {
        show(&a, text);
    }
}
