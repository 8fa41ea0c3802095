//! The comment reader measured on comments labelled by hand, against the two baselines.
//! Prints the figures (`cargo test -p rida-domain --test text_eval -- --nocapture`); the
//! same figures are in bench/RESULTS.md (`rida-bench text`).

use rida_domain::text::Analyser;
use rida_domain::text::eval::{Scores, parse};

fn set(lang: &str) -> Vec<rida_domain::text::eval::Labelled> {
    read(&format!("{lang}.tsv"))
}

fn read(file: &str) -> Vec<rida_domain::text::eval::Labelled> {
    let path = format!("{}/tests/comments/{file}", env!("CARGO_MANIFEST_DIR"));
    parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn show(lang: &str, what: &str, s: &Scores) {
    println!(
        "{lang} {what:8} sentiment acc {:.3} macro-F1 {:.3} | themes exact {} macro-F1 {}",
        s.sentiment_accuracy,
        s.sentiment_macro_f1,
        s.themes_exact.map_or("-".into(), |x| format!("{x:.3}")),
        s.themes_macro_f1.map_or("-".into(), |x| format!("{x:.3}")),
    );
}

#[test]
fn each_language_reads_at_least_as_the_aim_says_and_better_than_both_baselines() {
    let analyser = Analyser::default();
    for lang in ["ar", "en", "lv"] {
        let items = set(lang);
        assert!(items.len() >= 300, "{lang}: {} comments", items.len());
        let r = analyser.evaluate(&items);
        show(lang, "rida", &r.rida);
        show(lang, "score", &r.score_baseline);
        show(lang, "keywords", &r.keyword_baseline);
        assert!(
            r.rida.sentiment_macro_f1 >= 0.80,
            "{lang}: sentiment macro-F1 {:.3}",
            r.rida.sentiment_macro_f1
        );
        assert!(
            r.rida.sentiment_macro_f1 > r.score_baseline.sentiment_macro_f1,
            "{lang}: not better than the score"
        );
        assert!(
            r.rida.sentiment_macro_f1 > r.keyword_baseline.sentiment_macro_f1,
            "{lang}: not better than keywords"
        );
        assert!(
            r.rida.themes_macro_f1 > r.keyword_baseline.themes_macro_f1,
            "{lang}: themes not better than keywords"
        );
    }
}

#[test]
fn every_labelled_theme_is_one_rida_knows() {
    let analyser = Analyser::default();
    for lang in ["ar", "en", "lv"] {
        for item in set(lang)
            .into_iter()
            .chain(read(&format!("heldout/{lang}.tsv")))
            .chain(read(&format!("later/{lang}.tsv")))
        {
            for t in &item.themes {
                assert!(
                    analyser.themes().contains(t),
                    "{lang}: unknown theme {t} in {:?}",
                    item.text
                );
            }
        }
    }
}

#[test]
fn on_comments_the_lexicons_never_saw_rida_still_reads_better_than_both_baselines() {
    let analyser = Analyser::default();
    for lang in ["ar", "en", "lv"] {
        let items = read(&format!("heldout/{lang}.tsv"));
        assert!(items.len() >= 75, "{lang}: {} comments", items.len());
        let r = analyser.evaluate(&items);
        show(lang, "rida*", &r.rida);
        show(lang, "score*", &r.score_baseline);
        show(lang, "keywords*", &r.keyword_baseline);
        assert!(
            r.rida.sentiment_macro_f1 > r.score_baseline.sentiment_macro_f1,
            "{lang}: not better than the score"
        );
        assert!(
            r.rida.sentiment_macro_f1 > r.keyword_baseline.sentiment_macro_f1,
            "{lang}: not better than keywords"
        );
    }
}
