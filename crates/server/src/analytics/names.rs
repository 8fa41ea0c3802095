//! The names of an organisation's sites, regions, services, employees and terminals, read
//! once for a page, an export or a report.

use std::collections::HashMap;

use rida_domain::Locale;
use rida_store::{Localized, Store};
use uuid::Uuid;

use crate::Error;

/// Names of the organisation's sites, services and employees, as a reader of one
/// language sees them (the names typed for that language where there are some).
pub struct Names {
    pub sites: HashMap<Uuid, String>,
    /// Each site's region: (id, name).
    pub regions: HashMap<Uuid, (Uuid, String)>,
    pub services: HashMap<Uuid, String>,
    pub employees: HashMap<Uuid, String>,
    pub terminals: HashMap<Uuid, String>,
    /// Each comment theme's name (with the terminals': what alerts name).
    pub themes: HashMap<String, String>,
}

impl Names {
    /// A region's name (names hold each site's region).
    pub fn region_name(&self, region: Option<Uuid>) -> Option<String> {
        let r = region?;
        self.regions
            .values()
            .find(|(id, _)| *id == r)
            .map(|(_, n)| n.clone())
    }

    /// The sites of a region.
    pub fn region_sites(&self, region: Option<Uuid>) -> Option<Vec<Uuid>> {
        let r = region?;
        Some(
            self.regions
                .iter()
                .filter(|(_, (id, _))| *id == r)
                .map(|(s, _)| *s)
                .collect(),
        )
    }

    /// The names a page of results needs: without the terminals' (a network has
    /// thousands, and only alerts name them).
    pub async fn load(store: &Store, org: Uuid, lang: Locale) -> Result<Names, Error> {
        Ok(Raw::load(store, org, false).await?.names(lang))
    }

    /// The names with the terminals', for alerts.
    pub async fn load_with_terminals(
        store: &Store,
        org: Uuid,
        lang: Locale,
    ) -> Result<Names, Error> {
        Ok(Raw::load(store, org, true).await?.names(lang))
    }

    /// The names as a reader of each language sees them, read once (mails to people of
    /// different languages), with the terminals'.
    pub async fn load_every_language(
        store: &Store,
        org: Uuid,
    ) -> Result<HashMap<Locale, Names>, Error> {
        let raw = Raw::load(store, org, true).await?;
        Ok(Locale::ALL.into_iter().map(|l| (l, raw.names(l))).collect())
    }

    /// The terminal a terminal alert's key names (`terminal:{id}:{day}`).
    pub fn terminal_of_alert(&self, key: &str) -> Option<String> {
        let id = key
            .strip_prefix("terminal:")?
            .split(':')
            .next()?
            .parse()
            .ok()?;
        self.terminals.get(&id).cloned()
    }

    pub(crate) fn of(map: &HashMap<Uuid, String>, id: Uuid) -> String {
        map.get(&id).cloned().unwrap_or_else(|| "—".into())
    }
}

/// The rows names are taken from, before choosing a language.
struct Raw {
    /// Read again only when a name changed (see `Store::org_names`).
    named: std::sync::Arc<rida_store::OrgNames>,
    terminals: HashMap<Uuid, String>,
    themes: Option<rida_store::ThemeSet>,
}

impl Raw {
    async fn load(store: &Store, org: Uuid, terminals: bool) -> Result<Raw, Error> {
        Ok(Raw {
            named: store.org_names(org).await?,
            terminals: match terminals {
                true => store.terminal_names(org).await?.into_iter().collect(),
                false => HashMap::new(),
            },
            themes: match terminals {
                true => Some(store.themes(org).await?),
                false => None,
            },
        })
    }

    fn names(&self, lang: Locale) -> Names {
        let sites = self.named.sites.clone().localized(lang);
        Names {
            regions: sites
                .iter()
                .map(|s| (s.id, (s.region_id, s.region_name.clone())))
                .collect(),
            sites: sites.into_iter().map(|s| (s.id, s.name)).collect(),
            services: self
                .named
                .services
                .clone()
                .localized(lang)
                .into_iter()
                .map(|s| (s.id, s.name))
                .collect(),
            employees: self
                .named
                .staff
                .iter()
                .map(|e| (e.id, e.name.clone()))
                .collect(),
            terminals: self.terminals.clone(),
            themes: self
                .themes
                .iter()
                .flat_map(|set| {
                    set.themes
                        .iter()
                        .map(|t| (t.key.clone(), super::themes::theme_name(set, &t.key, lang)))
                })
                .collect(),
        }
    }
}
