//! The fields of a typed name's spelling in each language, shared by the forms of
//! regions, sites, services, alert rules and surveys.

use minijinja::{Value, context};
use rida_domain::{Locale, names::LocalNames};
use serde::Deserialize;

use super::FormErrors;

/// The optional spellings of a typed name in each language (`name_ar`, `name_en`,
/// `name_lv` of a form); flattened into the forms of regions, sites, services, alert
/// rules and surveys.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct NameFields {
    #[serde(default)]
    name_ar: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_lv: String,
}

impl NameFields {
    /// The form field of a language.
    fn key(lang: Locale) -> &'static str {
        match lang {
            Locale::Ar => "name_ar",
            Locale::En => "name_en",
            Locale::Lv => "name_lv",
        }
    }

    fn typed(&self, lang: Locale) -> &str {
        match lang {
            Locale::Ar => &self.name_ar,
            Locale::En => &self.name_en,
            Locale::Lv => &self.name_lv,
        }
    }

    /// The fields of saved spellings, for editing.
    pub fn of(names: &LocalNames) -> NameFields {
        let get = |l| names.get(l).unwrap_or("").to_string();
        NameFields {
            name_ar: get(Locale::Ar),
            name_en: get(Locale::En),
            name_lv: get(Locale::Lv),
        }
    }

    /// The spellings typed, each checked as a name of at most `max` characters; a refused
    /// one is an error next to its field.
    pub fn check(&self, errors: &mut FormErrors, max: usize) -> Option<LocalNames> {
        match LocalNames::from_fields(|l| self.typed(l), max) {
            Ok(n) => Some(n),
            Err((lang, e)) => {
                errors.field(Self::key(lang), &e);
                None
            }
        }
    }

    /// For the template: `name_ar`, `name_en`, `name_lv` as typed.
    pub fn value(&self) -> Value {
        context! { name_ar => self.name_ar, name_en => self.name_en, name_lv => self.name_lv }
    }
}
