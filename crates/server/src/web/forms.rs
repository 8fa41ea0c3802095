//! What every admin form shares: its field errors, translated and keyed by field; saving
//! with duplicates and vanished references as field errors; the form id that makes a
//! create sent twice count once.

use std::collections::BTreeMap;

use axum::response::Response;
use minijinja::Value;
use rida_domain::{Locale, names::FieldError};

use super::redirect_with_flash;
use crate::i18n;

/// Field errors of a form, translated, keyed by field name.
#[derive(Debug, Default, Clone)]
pub struct FormErrors {
    locale: Locale,
    map: BTreeMap<&'static str, String>,
}

impl FormErrors {
    pub fn new(locale: Locale) -> FormErrors {
        FormErrors {
            locale,
            map: BTreeMap::new(),
        }
    }

    /// Records a field error from a domain rule.
    pub fn field(&mut self, name: &'static str, e: &FieldError) {
        use fluent_templates::fluent_bundle::FluentValue;
        let msg = match e {
            FieldError::TooLong { max } => i18n::t_args(
                self.locale,
                "error-too-long",
                &[("max", FluentValue::from(*max as i64))],
            ),
            FieldError::TooShort { min } => i18n::t_args(
                self.locale,
                "error-too-short",
                &[("min", FluentValue::from(*min as i64))],
            ),
            other => i18n::t(self.locale, &format!("error-{}", other.code())),
        };
        self.map.insert(name, msg);
    }

    /// Records a field error by message key.
    pub fn key(&mut self, name: &'static str, key: &str) {
        self.map.insert(name, i18n::t(self.locale, key));
    }

    /// Records a field error by message key with its arguments.
    pub fn key_args(
        &mut self,
        name: &'static str,
        key: &str,
        args: &[(&str, fluent_templates::fluent_bundle::FluentValue<'static>)],
    ) {
        self.map.insert(name, i18n::t_args(self.locale, key, args));
    }

    /// Takes the value of a domain check, recording its error.
    pub fn check<T>(&mut self, name: &'static str, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.field(name, &e);
                None
            }
        }
    }

    /// Records an already translated message for a field (the first one stays).
    pub fn map_insert(&mut self, name: &'static str, msg: String) {
        self.map.entry(name).or_insert(msg);
    }

    /// The message of a field, if it has one.
    pub fn get(&self, name: &str) -> Option<String> {
        self.map.get(name).cloned()
    }

    /// The language messages are written in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// For the template.
    pub fn value(&self) -> Value {
        Value::from_serialize(&self.map)
    }
}

/// The outcome of saving a form: a redirect to `list` when it worked. A duplicate
/// (`conflict`) or a reference that no longer exists (`missing`) becomes a field error,
/// and `None` tells the caller to show the form again; `missing: None` means a vanished
/// record is simply not found.
pub fn saved(
    r: rida_store::Result<()>,
    errors: &mut FormErrors,
    list: &str,
    conflict: (&'static str, &str),
    missing: Option<(&'static str, &str)>,
) -> Result<Option<Response>, crate::Error> {
    match (r, missing) {
        (Ok(()), _) => Ok(Some(redirect_with_flash(list, "flash-saved"))),
        (Err(rida_store::StoreError::Conflict), _) => {
            errors.key(conflict.0, conflict.1);
            Ok(None)
        }
        (Err(rida_store::StoreError::NotFound), Some((field, key))) => {
            errors.key(field, key);
            Ok(None)
        }
        (Err(e), _) => Err(e.into()),
    }
}

/// The id a "new" form carries (see `fresh_id` in the page context), or a new one.
pub fn form_id(raw: &str) -> uuid::Uuid {
    uuid::Uuid::parse_str(raw.trim()).unwrap_or_else(|_| rida_domain::new_id())
}

/// A create that conflicts because its form id already exists is the same form sent
/// again (a double click, a retried request): it counts as done, and nothing is doubled.
pub async fn created<T>(
    r: rida_store::Result<uuid::Uuid>,
    exists: impl std::future::Future<Output = rida_store::Result<T>>,
) -> rida_store::Result<()> {
    match r {
        Err(rida_store::StoreError::Conflict) if exists.await.is_ok() => Ok(()),
        other => other.map(|_| ()),
    }
}
