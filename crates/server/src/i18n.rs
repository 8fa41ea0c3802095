//! Translations: Fluent files for `en`, `ar` and `lv`, embedded at build time.
//! Every user-facing string comes from `i18n/<lang>/*.ftl`.

use std::{borrow::Cow, collections::HashMap};

use fluent_templates::{Loader, fluent_bundle::FluentValue};
use rida_domain::Locale;
use unic_langid::LanguageIdentifier;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./i18n",
        fallback_language: "en",
        // Templates isolate interpolated values themselves (<bdi>), where bidi needs it.
        // Numbers are passed as numbers, so that plural rules choose the form (Arabic
        // has six), and written as the `num` filter writes them: the language's digits
        // (Arabic-Indic in Arabic) and group separators.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            match bundle.locales.first().map(|l| l.language.as_str()) {
                Some("ar") => bundle.set_formatter(Some(|v, _| number(Locale::Ar, v))),
                Some("lv") => bundle.set_formatter(Some(|v, _| number(Locale::Lv, v))),
                _ => bundle.set_formatter(Some(|v, _| number(Locale::En, v))),
            }
        },
    };
}

/// A number in a message, written the language's way.
fn number(locale: Locale, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            let raw = n.as_string();
            let decimals = raw.split_once('.').map_or(0, |(_, f)| f.len());
            Some(locale.format_number(n.value, decimals))
        }
        _ => None,
    }
}

fn langid(locale: Locale) -> LanguageIdentifier {
    locale.tag().parse().expect("static language tags parse")
}

/// The message `key` in `locale`, falling back to English, then to the key itself.
pub fn t(locale: Locale, key: &str) -> String {
    LOCALES
        .try_lookup(&langid(locale), key)
        .unwrap_or_else(|| key.to_string())
}

/// The message `key` with named arguments (numbers are passed as numbers so that
/// plural rules apply: Arabic has six plural forms).
pub fn t_args(locale: Locale, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned((*k).to_string()), v.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(&langid(locale), key, &map)
        .unwrap_or_else(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_the_login_title() {
        for l in Locale::ALL {
            assert_ne!(t(l, "login-title"), "login-title", "{l}");
        }
        assert_ne!(t(Locale::Ar, "login-title"), t(Locale::En, "login-title"));
    }

    #[test]
    fn arabic_plurals_follow_arabic_rules() {
        let n = |n: i64| t_args(Locale::Ar, "list-count", &[("count", FluentValue::from(n))]);
        // zero, one, two, few (3–10), many (11–99) and other (100+) are distinct forms.
        let forms: std::collections::HashSet<String> =
            [0, 1, 2, 3, 11, 100].into_iter().map(n).collect();
        assert_eq!(forms.len(), 6, "{forms:?}");
        assert_eq!(
            t_args(Locale::En, "list-count", &[("count", FluentValue::from(1))]),
            "1 item"
        );
        // Numbers in Arabic messages use Arabic-Indic digits, as the `num` filter does.
        assert_eq!(n(11), "١١ عنصرًا");
    }

    /// Every message that counts something, with the number it counts by.
    const COUNTED: &[(&str, &str)] = &[
        ("list-count", "count"),
        ("error-too-long", "max"),
        ("error-too-short", "min"),
        ("password-hint", "min"),
        ("week-sites-moved", "n"),
        ("week-terminals-fine", "n"),
        ("help-ranking-counts", "min_ranked"),
        ("help-anonymity-what", "min_shown"),
        ("help-retention-what", "days"),
        ("help-retention-counts", "days"),
        ("help-reasons-counts", "min_shown"),
        ("help-areas-trust", "min_shown"),
        ("external-stored", "n"),
        ("external-bad", "n"),
        ("ops-of-visits", "n"),
        ("ops-customers", "n"),
        ("ops-pending", "n"),
        ("ops-window", "days"),
        ("ops-pending-hint", "days"),
        ("withheld", "n"),
        ("results-bursts", "n"),
        ("matrix-help", "min"),
        ("results-open-alerts", "n"),
        ("areas-questions", "n"),
        ("reasons-help", "min"),
        ("reasons-answers", "n"),
        ("comments-withheld", "min"),
        ("rule-cap-n", "n"),
        ("mail-ranking-note", "min"),
        ("mail-more-rows", "n"),
        ("alert-what-metric", "n"),
        ("alerts-time-to-close", "days"),
        ("alert-what-terminal", "n"),
        ("websurvey-print-help", "n"),
        ("tile-too-few", "n"),
        ("login-wait", "seconds"),
        ("survey-long-low", "n"),
    ];

    /// The CLDR plural categories of each language, with numbers that fall in each.
    fn categories(l: Locale) -> &'static [(&'static str, &'static [i64])] {
        match l {
            Locale::En => &[("one", &[1]), ("other", &[0, 2, 5, 21, 100])],
            Locale::Lv => &[
                ("zero", &[0, 10, 11, 19, 20, 100]),
                ("one", &[1, 21, 101]),
                ("other", &[2, 5, 22, 102]),
            ],
            Locale::Ar => &[
                ("zero", &[0]),
                ("one", &[1]),
                ("two", &[2]),
                ("few", &[3, 10, 103]),
                ("many", &[11, 99, 111]),
                ("other", &[100, 102, 1000]),
            ],
        }
    }

    fn ftl(l: Locale) -> &'static str {
        match l {
            Locale::En => include_str!("../i18n/en/main.ftl"),
            Locale::Lv => include_str!("../i18n/lv/main.ftl"),
            Locale::Ar => include_str!("../i18n/ar/main.ftl"),
        }
    }

    /// The variants of the selector on `$var` in message `key`: category → text.
    fn variants(source: &str, key: &str, var: &str) -> HashMap<String, String> {
        let start = source
            .find(&format!("\n{key} ="))
            .unwrap_or_else(|| panic!("{key} missing"));
        let body: Vec<&str> = source[start + 1..]
            .lines()
            .enumerate()
            .take_while(|(i, l)| *i == 0 || l.starts_with(' '))
            .map(|(_, l)| l)
            .collect();
        assert!(
            body[0].contains(&format!("{{ ${var} ->")),
            "{key}: no selector on ${var}: {body:?}"
        );
        // The variants of the first selector, the one on `$var`.
        body.iter()
            .skip(1)
            .take_while(|l| !l.trim_start().starts_with('}'))
            .filter_map(|l| {
                let l = l.trim_start().trim_start_matches('*');
                let (cat, text) = l.strip_prefix('[')?.split_once("] ")?;
                Some((cat.to_string(), text.to_string()))
            })
            .collect()
    }

    #[test]
    fn every_count_chooses_its_plural_form_by_the_number_itself() {
        for l in Locale::ALL {
            for (key, var) in COUNTED {
                let forms = variants(ftl(l), key, var);
                for (category, numbers) in categories(l) {
                    let form = forms
                        .get(*category)
                        .unwrap_or_else(|| panic!("{l} {key}: no [{category}] form"));
                    for n in *numbers {
                        let args: Vec<(&str, FluentValue<'static>)> = [
                            *var,
                            "min",
                            "raw",
                            "previous",
                            "metric",
                            "value",
                            "threshold",
                            "terminal",
                            "share",
                            "jump",
                        ]
                        .into_iter()
                        .map(|a| (a, FluentValue::from(if a == *var { *n } else { 7 })))
                        .collect();
                        let text = t_args(l, key, &args);
                        let want = form
                            .replace(&format!("{{ ${var} }}"), &l.format_number(*n as f64, 0))
                            .replace("{ $jump }", &l.format_number(7.0, 0));
                        let want = want.split("{ $").next().unwrap_or("");
                        assert!(
                            text.contains(want),
                            "{l} {key} n={n}: {text:?} lacks {want:?}"
                        );
                    }
                }
            }
        }
        // The forms themselves, as a reader expects them.
        let n = |l, n: i64| t_args(l, "withheld", &[("n", n.into()), ("min", 5.into())]);
        assert!(n(Locale::Ar, 1).contains("إجابة واحدة"));
        assert!(n(Locale::Ar, 2).contains("إجابتان"));
        assert!(n(Locale::Ar, 5).contains("٥ إجابات"));
        assert!(n(Locale::Ar, 11).contains("١١ إجابةً"));
        assert!(n(Locale::Lv, 1).contains("1 atbilde,"));
        assert!(n(Locale::Lv, 11).contains("11 atbilžu"));
        assert!(n(Locale::En, 1).contains("1 answer,"));
        // Numbers keep the language's separators, as `num` writes them.
        assert!(
            t_args(Locale::En, "results-bursts", &[("n", 12345.into())]).contains("12,345 answers")
        );
    }

    fn keys(ftl: &str) -> std::collections::BTreeSet<String> {
        ftl.lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
            .collect()
    }

    #[test]
    fn every_language_has_every_message_and_every_literal_key_exists() {
        let en = keys(include_str!("../i18n/en/main.ftl"));
        for (lang, ftl) in [
            ("ar", include_str!("../i18n/ar/main.ftl")),
            ("lv", include_str!("../i18n/lv/main.ftl")),
        ] {
            let other = keys(ftl);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
        }
        // Every t("literal") in the templates names a message.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut unknown = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for quote in ['"', '\''] {
                let call = format!("t({quote}");
                // `t(` as a call of its own (not the end of `createElement(`).
                let calls = text.match_indices(&call).filter(|(at, _)| {
                    !text[..*at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                });
                for (at, _) in calls {
                    let part = &text[at + call.len()..];
                    let (key, rest) = part.split_once(quote).unwrap_or(("", ""));
                    // `t("scale-" ~ s)`: some message must start with the prefix.
                    let known = if rest.trim_start().starts_with('~') {
                        en.iter().any(|k| k.starts_with(key))
                    } else {
                        en.contains(key)
                    };
                    if !key.is_empty() && !known {
                        unknown.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(unknown.is_empty(), "{unknown:?}");
    }
}
