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
        // Arabic writes the numbers of its messages in Arabic-Indic digits, like `num`.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            if bundle.locales.first().is_some_and(|l| l.language.as_str() == "ar") {
                bundle.set_formatter(Some(|value, _| match value {
                    FluentValue::Number(n) => Some(Locale::Ar.localise_digits(&n.as_string())),
                    _ => None,
                }));
            }
        },
    };
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
