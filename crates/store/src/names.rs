//! The names pages show (an organisation's regions, sites, services and employees), read
//! again only when one of them changed. Every insert, update or delete of those rows
//! moves the organisation's `names_version` (database triggers, migration 0039, so that
//! no write path is forgotten); an instance keeps what it read with the version it read
//! first, and each use costs one small read of that number. Several instances on one
//! database stay right: each sees the number move, whoever wrote.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use uuid::Uuid;

use crate::{ListQuery, Result, Service, Site, Store, with_db};

/// An organisation's named rows, as they were at one version.
#[derive(Debug)]
pub struct OrgNames {
    /// Every site (active or not), with its region.
    pub sites: Vec<Site>,
    /// Every service (active or not).
    pub services: Vec<Service>,
    pub employees: Vec<(Uuid, String)>,
}

/// What an instance read, per organisation: the version and the names.
#[derive(Debug, Default)]
pub(crate) struct NamesCache(Mutex<HashMap<Uuid, (i64, Arc<OrgNames>)>>);

impl Store {
    /// The organisation's names as they are now: those read before when nothing changed
    /// since, else read again.
    pub async fn org_names(&self, org: Uuid) -> Result<Arc<OrgNames>> {
        // The version first: a change made while the names are read below moves it past
        // the one kept with them, and the next use reads them again.
        let version: i64 = with_db!(self, p => sqlx::query_scalar(
            "SELECT names_version FROM organisations WHERE id = $1")
            .bind(org).fetch_one(p).await)?;
        let kept = self.names.0.lock().expect("names cache").get(&org).cloned();
        if let Some((v, names)) = kept
            && v == version
        {
            return Ok(names);
        }
        // Inactive ones too: last year's figures name the site closed since.
        let all = ListQuery {
            include_inactive: true,
            ..ListQuery::all()
        };
        let names = Arc::new(OrgNames {
            sites: self.list_sites(org, &all, None).await?.items,
            services: self.list_services(org, &all).await?.items,
            employees: self.employee_names(org).await?,
        });
        self.names
            .0
            .lock()
            .expect("names cache")
            .insert(org, (version, names.clone()));
        Ok(names)
    }
}
