//! Rows as a reader sees them: the names typed for the reader's language in place of
//! the main ones.

use rida_domain::Locale;
use rida_domain::names::LocalNames;

use crate::{Page, Region, Service, Site};

/// A row as a reader sees it: the names typed for the reader's language in place of the
/// main ones (lists, filters, exports; never a form that edits the row).
pub trait Localized: Sized {
    fn localized(self, lang: Locale) -> Self;
}

/// Puts `names`' spelling for `lang` in place of `name`.
pub(crate) fn relabel(name: &mut String, names: &LocalNames, lang: Locale) {
    if let Some(n) = names.get(lang) {
        *name = n.to_string();
    }
}

/// As [`relabel`], for a name that may be missing (a joined row that is not there).
pub(crate) fn relabel_opt(name: &mut Option<String>, names: &LocalNames, lang: Locale) {
    if let Some(name) = name {
        relabel(name, names, lang);
    }
}

impl Localized for Region {
    fn localized(mut self, lang: Locale) -> Self {
        relabel(&mut self.name, &self.names, lang);
        self
    }
}

impl Localized for Site {
    fn localized(mut self, lang: Locale) -> Self {
        relabel(&mut self.name, &self.names, lang);
        relabel(&mut self.region_name, &self.region_names, lang);
        self
    }
}

impl Localized for Service {
    fn localized(mut self, lang: Locale) -> Self {
        relabel(&mut self.name, &self.names, lang);
        self
    }
}

impl<T: Localized> Localized for Vec<T> {
    fn localized(self, lang: Locale) -> Self {
        self.into_iter().map(|x| x.localized(lang)).collect()
    }
}

impl<T: Localized> Localized for Page<T> {
    fn localized(self, lang: Locale) -> Self {
        Page {
            items: self.items.localized(lang),
            total: self.total,
        }
    }
}
