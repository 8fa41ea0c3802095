//! The head's comment themes (`/admin/themes`): the kind of organisation (which themes it
//! starts with), each of Rida's themes on or off with its names in the three languages
//! and the organisation's own words, and themes of the organisation's own. Saving raises
//! the themes' version: stored comments are then read again in the background, and the
//! page shows how far that has got.

use std::collections::{BTreeMap, HashMap};

use axum::{Router, response::Response, routing::get};
use minijinja::{Value, context};
use rida_domain::{
    Action,
    text::{OrgKind, check_word},
};
use rida_store::{OrgTheme, ThemeSet};

use super::{FormErrors, Web, redirect_with_flash};
use crate::{auth::CsrfForm, error::Result, i18n, state::AppState};

/// An organisation's own themes at most.
const MAX_OWN: usize = 30;
/// Own words of one theme at most.
const MAX_WORDS: usize = 200;
const MAX_NAME: usize = 60;

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/themes", get(page).post(save))
}

/// One row of the form as the page shows it.
fn row(t: &OrgTheme, errors: BTreeMap<&'static str, String>) -> Value {
    context! {
        key => t.key, builtin => t.is_builtin(), enabled => t.enabled, builtin_words => t.builtin_words,
        name_ar => t.name_ar, name_en => t.name_en, name_lv => t.name_lv,
        words => t.own_words.join("\n"), errors => errors,
    }
}

async fn render(
    w: &Web,
    set: &ThemeSet,
    rows: Vec<Value>,
    new: Value,
    errors: &FormErrors,
    invalid: bool,
) -> Result<Response> {
    let progress = w.state.store.reading_progress(w.user.org.id).await?;
    let page = context! {
        version => set.version,
        kind => set.kind.as_str(),
        kinds => OrgKind::ALL.map(OrgKind::as_str),
        rows => rows,
        new => new,
        errors => errors.value(),
        progress => progress,
        total => progress.current + progress.left,
    };
    Ok(if invalid {
        w.render_invalid("themes.html", page)
    } else {
        w.render("themes.html", page)
    })
}

async fn page(w: Web) -> Result<Response> {
    w.user.require(Action::ManageOrganisation)?;
    let set = w.state.store.themes(w.user.org.id).await?;
    let rows = set.themes.iter().map(|t| row(t, BTreeMap::new())).collect();
    render(
        &w,
        &set,
        rows,
        context! {},
        &FormErrors::new(w.locale()),
        false,
    )
    .await
}

/// The form's fields: `kind`, `version`, and per row `i`: `key_i`, `on_i`, `rida_i`,
/// `name_ar_i`, `name_en_i`, `name_lv_i`, `words_i`, `remove_i`; the new theme's
/// `new_name_*` and `new_words`.
type Fields = HashMap<String, String>;

fn field<'a>(f: &'a Fields, name: &str) -> &'a str {
    f.get(name).map_or("", |s| s.trim())
}

/// The words of a textarea, one per line (commas also part them), each checked.
fn words(
    raw: &str,
    locale: rida_domain::Locale,
    errors: &mut BTreeMap<&'static str, String>,
) -> Vec<String> {
    let list: Vec<String> = raw
        .split(['\n', ','])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    if list.len() > MAX_WORDS {
        errors.insert("words", i18n::t(locale, "error-theme-words-many"));
    }
    if let Some(bad) = list.iter().find(|w| check_word(w).is_err()) {
        use fluent_templates::fluent_bundle::FluentValue;
        errors.insert(
            "words",
            i18n::t_args(
                locale,
                "error-theme-word",
                &[("word", FluentValue::from(bad.clone()))],
            ),
        );
    }
    list
}

fn name(
    f: &Fields,
    key: &str,
    errors: &mut BTreeMap<&'static str, String>,
    locale: rida_domain::Locale,
) -> Option<String> {
    let v = field(f, key);
    if v.chars().count() > MAX_NAME {
        errors.insert("name", i18n::t(locale, "error-theme-name-long"));
    }
    (!v.is_empty()).then(|| v.to_string())
}

async fn save(w: Web, CsrfForm(f): CsrfForm<Fields>) -> Result<Response> {
    w.user.require(Action::ManageOrganisation)?;
    let org = w.user.org.id;
    let locale = w.locale();
    let set = w.state.store.themes(org).await?;
    let mut page_errors = FormErrors::new(locale);
    let kind = OrgKind::parse(field(&f, "kind"));
    let Some(kind) = kind else {
        page_errors.key("kind", "error-invalid");
        let rows = set.themes.iter().map(|t| row(t, BTreeMap::new())).collect();
        return render(&w, &set, rows, context! {}, &page_errors, true).await;
    };
    let starting = kind.starting_themes();
    let mut themes: Vec<OrgTheme> = Vec::new();
    let mut rows: Vec<Value> = Vec::new();
    let mut invalid = false;
    for i in 0..set.themes.len() + MAX_OWN {
        let key = field(&f, &format!("key_{i}"));
        // Only the rows the page was given: Rida's keys and the organisation's own.
        let Some(known) = set.themes.iter().find(|t| t.key == key) else {
            continue;
        };
        if known.key.starts_with("own-") && f.contains_key(&format!("remove_{i}")) {
            continue;
        }
        let mut errors = BTreeMap::new();
        let mut t = OrgTheme {
            key: known.key.clone(),
            // A new kind turns Rida's themes on and off as that kind starts.
            enabled: if kind != set.kind && known.is_builtin() {
                starting.contains(&known.key.as_str())
            } else {
                f.contains_key(&format!("on_{i}"))
            },
            builtin_words: !known.is_builtin() || f.contains_key(&format!("rida_{i}")),
            own_words: words(field(&f, &format!("words_{i}")), locale, &mut errors),
            name_ar: name(&f, &format!("name_ar_{i}"), &mut errors, locale),
            name_en: name(&f, &format!("name_en_{i}"), &mut errors, locale),
            name_lv: name(&f, &format!("name_lv_{i}"), &mut errors, locale),
        };
        if !t.is_builtin() {
            t.builtin_words = false;
            if t.own_words.is_empty() {
                errors.insert("words", i18n::t(locale, "error-theme-own-words"));
            }
            if t.name_ar.is_none() && t.name_en.is_none() && t.name_lv.is_none() {
                errors.insert("name", i18n::t(locale, "error-theme-own-name"));
            }
        }
        invalid |= !errors.is_empty();
        rows.push(row(&t, errors));
        themes.push(t);
    }
    // A new theme of the organisation's own, when its row was filled in.
    let mut new_errors = BTreeMap::new();
    let new_words = field(&f, "new_words");
    let new_names =
        ["new_name_ar", "new_name_en", "new_name_lv"].map(|k| name(&f, k, &mut new_errors, locale));
    if !new_words.is_empty() || new_names.iter().any(Option::is_some) {
        let own_words = words(new_words, locale, &mut new_errors);
        if own_words.is_empty() {
            new_errors.insert("words", i18n::t(locale, "error-theme-own-words"));
        }
        if new_names.iter().all(Option::is_none) {
            new_errors.insert("name", i18n::t(locale, "error-theme-own-name"));
        }
        if themes.iter().filter(|t| !t.is_builtin()).count() >= MAX_OWN {
            new_errors.insert("name", i18n::t(locale, "error-theme-own-many"));
        }
        if new_errors.is_empty() {
            let [name_ar, name_en, name_lv] = new_names.clone();
            themes.push(OrgTheme {
                key: format!("own-{}", &rida_domain::new_id().simple().to_string()[24..]),
                enabled: true,
                builtin_words: false,
                own_words,
                name_ar,
                name_en,
                name_lv,
            });
        }
    }
    invalid |= !new_errors.is_empty();
    if invalid {
        let [name_ar, name_en, name_lv] = new_names;
        let new = context! { name_ar => name_ar, name_en => name_en, name_lv => name_lv, words => new_words, errors => new_errors };
        return render(&w, &set, rows, new, &page_errors, true).await;
    }
    let expected: i64 = field(&f, "version").parse().unwrap_or(-1);
    match w
        .state
        .store
        .save_themes(org, expected, kind, &themes, &w.user.by())
        .await
    {
        Ok(_) => Ok(redirect_with_flash("/admin/themes", "flash-themes-saved")),
        Err(rida_store::StoreError::Conflict) => {
            page_errors.key("version", "error-themes-changed");
            let fresh = w.state.store.themes(org).await?;
            let rows = fresh
                .themes
                .iter()
                .map(|t| row(t, BTreeMap::new()))
                .collect();
            render(&w, &fresh, rows, context! {}, &page_errors, true).await
        }
        Err(e) => Err(e.into()),
    }
}
