//! The names pages show (an organisation's regions, sites, services and employees, and
//! where each employee works), read again only when one of them changed. Every insert,
//! update or delete of those rows moves the organisation's `names_version` (database
//! triggers, migrations 0039 and 0042, so that no write path is forgotten); an instance
//! keeps what it read with the version it read first, and each use costs one small read
//! of that number. Several instances on one
//! database stay right: each sees the number move, whoever wrote.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use uuid::Uuid;

use crate::{Employee, ListQuery, Region, Result, Service, Site, Store, with_db};

/// An organisation's named rows, as they were at one version, each list in the order
/// its admin page shows it (active first, then by name).
#[derive(Debug)]
pub struct OrgNames {
    /// Every site (active or not), with its region.
    pub sites: Vec<Site>,
    /// Every service (active or not).
    pub services: Vec<Service>,
    /// Every region (active or not), with its count of active sites.
    pub regions: Vec<Region>,
    /// Every employee (active or not), with the sites they work at.
    pub staff: Vec<Employee>,
}

impl OrgNames {
    /// The active sites, of `within` only when given: what a chooser offers.
    pub fn active_sites(&self, within: Option<&[Uuid]>) -> Vec<Site> {
        self.sites
            .iter()
            .filter(|s| s.active && within.is_none_or(|w| w.contains(&s.id)))
            .cloned()
            .collect()
    }

    pub fn active_services(&self) -> Vec<Service> {
        self.services.iter().filter(|s| s.active).cloned().collect()
    }

    pub fn active_regions(&self) -> Vec<Region> {
        self.regions.iter().filter(|r| r.active).cloned().collect()
    }

    /// The active employees, only those working at one of `within` when given.
    pub fn active_staff(&self, within: Option<&[Uuid]>) -> Vec<Employee> {
        self.staff
            .iter()
            .filter(|e| e.active)
            .filter(|e| within.is_none_or(|w| e.site_ids.iter().any(|s| w.contains(s))))
            .cloned()
            .collect()
    }
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
            regions: self.list_regions(org, &all).await?.items,
            staff: self.list_employees(org, &all, None).await?.items,
        });
        self.names
            .0
            .lock()
            .expect("names cache")
            .insert(org, (version, names.clone()));
        Ok(names)
    }
}
