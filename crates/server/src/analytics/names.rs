//! The names of an organisation's sites, regions, services, employees and terminals, read
//! once for a page, an export or a report.

use std::collections::HashMap;

use rida_store::{ListQuery, Store};
use uuid::Uuid;

use crate::Error;

/// Names of the organisation's sites, services and employees.
pub struct Names {
    pub sites: HashMap<Uuid, String>,
    /// Each site's region: (id, name).
    pub regions: HashMap<Uuid, (Uuid, String)>,
    pub services: HashMap<Uuid, String>,
    pub employees: HashMap<Uuid, String>,
    pub terminals: HashMap<Uuid, String>,
}

impl Names {
    pub async fn load(store: &Store, org: Uuid) -> Result<Names, Error> {
        let all = ListQuery::all();
        let sites = store.list_sites(org, &all, None).await?.items;
        Ok(Names {
            regions: sites
                .iter()
                .map(|s| (s.id, (s.region_id, s.region_name.clone())))
                .collect(),
            sites: sites.into_iter().map(|s| (s.id, s.name)).collect(),
            services: store
                .list_services(org, &all)
                .await?
                .items
                .into_iter()
                .map(|s| (s.id, s.name))
                .collect(),
            employees: store
                .list_employees(org, &all, None)
                .await?
                .items
                .into_iter()
                .map(|e| (e.id, e.name))
                .collect(),
            terminals: store.terminal_names(org).await?.into_iter().collect(),
        })
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
