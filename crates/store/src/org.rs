//! The organisation and its structure: regions, sites, services.

use crate::BeginWrite;
use rida_domain::names::LocalNames;
use rida_domain::{OrgPolicy, new_id};
use serde::Serialize;
use uuid::Uuid;

use crate::{
    By, ListQuery, Page, Result, Store, StoreError, audit::audit, check_owned, now_ms, with_db,
};

/// The organisation (one per installation in the admin pages; every table carries `org_id`).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
    pub default_locale: String,
    pub time_zone: String,
    pub logo_mime: Option<String>,
    pub logo_version: i64,
    pub managers_see_employees: bool,
    pub analysts_see_employees: bool,
    /// Local accounts whose role reads results need a second factor.
    pub require_second_factor: bool,
    /// The burst rule: more than `burst_taps` customers in `burst_seconds` on one terminal.
    pub burst_taps: i32,
    pub burst_seconds: i32,
    /// Results thresholds (see [`rida_domain::metrics::Thresholds`]).
    pub min_ranked: i32,
    pub min_shown: i32,
    /// Retention: a customer who comes back within this many days is retained.
    pub retention_days: i32,
    /// The country of national phone numbers sent without a country code (`LV`).
    pub phone_region: Option<String>,
    /// Customers' contact details are erased this many days after their visit.
    pub contact_days: i32,
    /// The audit log keeps its entries this many days (0: for ever).
    pub audit_days: i32,
    /// How customers reach the organisation (sent back to a HELP reply).
    pub help_contact: Option<String>,
    /// Minutes a terminal is silent in opening hours before its people are told.
    pub offline_notice_minutes: i32,
    /// When it was created (Unix ms).
    pub created_at: i64,
}

impl Organisation {
    /// The thresholds for showing and ranking results.
    pub fn thresholds(&self) -> rida_domain::metrics::Thresholds {
        rida_domain::metrics::Thresholds {
            min_ranked: self.min_ranked.max(1) as u64,
            min_shown: self.min_shown.max(1) as u64,
        }
    }

    /// The settings as the organisation page edits them.
    pub fn settings(&self) -> OrgSettings {
        OrgSettings {
            name: self.name.clone(),
            default_locale: self.default_locale.clone(),
            time_zone: self.time_zone.clone(),
            managers_see_employees: self.managers_see_employees,
            analysts_see_employees: self.analysts_see_employees,
            require_second_factor: self.require_second_factor,
            burst: rida_domain::terminal::BurstRule {
                taps: self.burst_taps.max(0) as u32,
                seconds: self.burst_seconds.max(0) as u32,
            },
            thresholds: self.thresholds(),
            retention_days: self.retention_days,
            phone_region: self.phone_region.clone(),
            contact_days: self.contact_days,
            audit_days: self.audit_days,
            help_contact: self.help_contact.clone(),
            offline_notice_minutes: self.offline_notice_minutes,
        }
    }

    /// The settings the access policy reads.
    pub fn policy(&self) -> OrgPolicy {
        OrgPolicy {
            managers_see_employees: self.managers_see_employees,
            analysts_see_employees: self.analysts_see_employees,
            require_second_factor: self.require_second_factor,
        }
    }
}

/// What the head edits on the organisation page.
#[derive(Debug, Clone)]
pub struct OrgSettings {
    pub name: String,
    pub default_locale: String,
    pub time_zone: String,
    pub managers_see_employees: bool,
    pub analysts_see_employees: bool,
    pub require_second_factor: bool,
    pub burst: rida_domain::terminal::BurstRule,
    pub thresholds: rida_domain::metrics::Thresholds,
    pub retention_days: i32,
    pub phone_region: Option<String>,
    pub contact_days: i32,
    pub audit_days: i32,
    pub help_contact: Option<String>,
    pub offline_notice_minutes: i32,
}

/// A region groups sites.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Region {
    pub id: Uuid,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub names: LocalNames,
    pub active: bool,
    pub site_count: i64,
}

/// A branch, clinic, office…: where customers are served.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Site {
    pub id: Uuid,
    pub region_id: Uuid,
    pub region_name: String,
    #[sqlx(try_from = "String")]
    pub region_names: LocalNames,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub names: LocalNames,
    pub address: Option<String>,
    pub time_zone: Option<String>,
    /// As written, e.g. `mon-fri 09:00-18:00` (see `rida_domain::hours`).
    pub opening_hours: Option<String>,
    pub active: bool,
}

/// The fields of a site form.
#[derive(Debug, Clone)]
pub struct SiteInput {
    pub region_id: Uuid,
    pub name: String,
    pub names: LocalNames,
    pub address: Option<String>,
    pub time_zone: Option<String>,
    pub opening_hours: Option<String>,
    pub service_ids: Vec<Uuid>,
}

/// Something the organisation offers (opening an account, a consultation…).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Service {
    pub id: Uuid,
    pub name: String,
    #[sqlx(try_from = "String")]
    pub names: LocalNames,
    pub code: Option<String>,
    pub active: bool,
    /// Targets for the waiting time and the time with the customer, in seconds.
    pub target_wait_s: Option<i32>,
    pub target_handle_s: Option<i32>,
}

/// What the service form saves.
#[derive(Debug, Clone, Default)]
pub struct ServiceInput {
    pub name: String,
    pub names: LocalNames,
    pub code: Option<String>,
    pub target_wait_s: Option<i32>,
    pub target_handle_s: Option<i32>,
}

impl ServiceInput {
    /// A service with a name only.
    pub fn named(name: &str) -> ServiceInput {
        ServiceInput {
            name: name.to_string(),
            ..ServiceInput::default()
        }
    }
}

const SERVICE_COLUMNS: &str = "id, name, names, code, active, target_wait_s, target_handle_s";

const ORG_COLUMNS: &str = "id, name, default_locale, time_zone, logo_mime, logo_version, managers_see_employees, analysts_see_employees, require_second_factor, burst_taps, burst_seconds, min_ranked, min_shown, retention_days, phone_region, contact_days, audit_days, help_contact, offline_notice_minutes, created_at";

impl Store {
    /// Creates an organisation.
    pub async fn create_organisation(
        &self,
        name: &str,
        default_locale: &str,
        time_zone: &str,
    ) -> Result<Uuid> {
        let id = new_id();
        let now = now_ms();
        with_db!(self, p => sqlx::query(
            // Its comments are read as they are stored: none wait to be read the first time.
            "INSERT INTO organisations (id, name, default_locale, time_zone, created_at, updated_at, comments_backfilled) VALUES ($1, $2, $3, $4, $5, $5, TRUE)")
            .bind(id).bind(name).bind(default_locale).bind(time_zone).bind(now)
            .execute(p).await.map(|_| ()))?;
        Ok(id)
    }

    /// The installation's organisation (the oldest one), if any exists yet.
    pub async fn first_organisation(&self) -> Result<Option<Organisation>> {
        let sql =
            format!("SELECT {ORG_COLUMNS} FROM organisations ORDER BY created_at, id LIMIT 1");
        Ok(with_db!(self, p => sqlx::query_as(&sql).fetch_optional(p).await)?)
    }

    /// Every organisation's id (for scheduled jobs).
    pub async fn organisation_ids(&self) -> Result<Vec<Uuid>> {
        Ok(
            with_db!(self, p => sqlx::query_scalar("SELECT id FROM organisations ORDER BY created_at, id").fetch_all(p).await)?,
        )
    }

    /// One organisation by id.
    pub async fn organisation(&self, id: Uuid) -> Result<Organisation> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organisations WHERE id = $1");
        Ok(with_db!(self, p => sqlx::query_as(&sql).bind(id).fetch_one(p).await)?)
    }

    /// Saves the organisation page.
    pub async fn update_organisation(&self, id: Uuid, s: &OrgSettings, by: &By) -> Result<()> {
        let detail = format!(
            "{} · {} · {} · managers_see_employees={} · analysts_see_employees={} · require_second_factor={} · burst={}/{}s · ranked from {} · shown from {} · retention window {} days · phone country {} · contacts kept {} days · audit log kept {} days · offline told after {} minutes",
            s.name,
            s.default_locale,
            s.time_zone,
            s.managers_see_employees,
            s.analysts_see_employees,
            s.require_second_factor,
            s.burst.taps,
            s.burst.seconds,
            s.thresholds.min_ranked,
            s.thresholds.min_shown,
            s.retention_days,
            s.phone_region.as_deref().unwrap_or("-"),
            s.contact_days,
            s.audit_days,
            s.offline_notice_minutes
        );
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let done = sqlx::query(
                "UPDATE organisations SET name = $2, default_locale = $3, time_zone = $4, managers_see_employees = $5, analysts_see_employees = $6, updated_at = $7, burst_taps = $8, burst_seconds = $9, min_ranked = $10, min_shown = $11, retention_days = $12, phone_region = $13, contact_days = $14, help_contact = $15, offline_notice_minutes = $16, require_second_factor = $17, audit_days = $18 WHERE id = $1")
                .bind(id).bind(&s.name).bind(&s.default_locale).bind(&s.time_zone)
                .bind(s.managers_see_employees).bind(s.analysts_see_employees).bind(now_ms())
                .bind(s.burst.taps as i32).bind(s.burst.seconds as i32)
                .bind(s.thresholds.min_ranked as i32).bind(s.thresholds.min_shown as i32).bind(s.retention_days).bind(&s.phone_region).bind(s.contact_days).bind(&s.help_contact)
                .bind(s.offline_notice_minutes).bind(s.require_second_factor).bind(s.audit_days)
                .execute(&mut *tx).await?;
            affected(done.rows_affected())?;
            crate::refresh_terminals!(tx, id);
            audit!(tx, by, id, "update", "organisation", Some(id), &detail);
            tx.commit().await?;
            Ok::<_, crate::StoreError>(())
        })?;
        // Tokens carry the organisation's time zone.
        self.tokens.clear();
        Ok(())
    }

    /// Replaces (or with `None`, removes) the logo; bumps its version so caches refresh
    /// and every terminal shows the new one.
    pub async fn set_logo(&self, id: Uuid, logo: Option<(&[u8], &str)>, by: &By) -> Result<()> {
        let (bytes, mime) = match logo {
            Some((b, m)) => (Some(b.to_vec()), Some(m.to_string())),
            None => (None, None),
        };
        let detail = match &bytes {
            Some(b) => format!("logo {} bytes", b.len()),
            None => "logo removed".to_string(),
        };
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query(
                "UPDATE organisations SET logo = $2, logo_mime = $3, logo_version = logo_version + 1, updated_at = $4 WHERE id = $1")
                .bind(id).bind(&bytes).bind(&mime).bind(now_ms()).execute(&mut *tx).await?;
            crate::refresh_terminals!(tx, id);
            audit!(tx, by, id, "update", "organisation", Some(id), &detail);
            tx.commit().await?;
            Ok::<_, crate::StoreError>(())
        })?;
        Ok(())
    }

    /// The logo image and its media type.
    pub async fn logo(&self, id: Uuid) -> Result<Option<(Vec<u8>, String)>> {
        let row: Option<(Option<Vec<u8>>, Option<String>)> = with_db!(self, p => sqlx::query_as(
            "SELECT logo, logo_mime FROM organisations WHERE id = $1").bind(id).fetch_optional(p).await)?;
        Ok(match row {
            Some((Some(b), Some(m))) => Some((b, m)),
            _ => None,
        })
    }

    // ---- regions ----

    /// Regions, with how many active sites each has.
    pub async fn list_regions(&self, org: Uuid, q: &ListQuery) -> Result<Page<Region>> {
        let pat = q.pattern();
        let all = q.include_inactive;
        with_db!(self, p => {
            let items = sqlx::query_as(
                "SELECT r.id, r.name, r.names, r.active, \
                 (SELECT COUNT(*) FROM sites s WHERE s.region_id = r.id AND s.active = TRUE) AS site_count \
                 FROM regions r WHERE r.org_id = $1 AND LOWER(r.name) LIKE $2 ESCAPE '\\' AND (r.active = TRUE OR $3) \
                 ORDER BY r.active DESC, r.name LIMIT $4 OFFSET $5")
                .bind(org).bind(&pat).bind(all).bind(page_limit(q)).bind(q.offset.max(0)).fetch_all(p).await?;
            let (total,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM regions r WHERE r.org_id = $1 AND LOWER(r.name) LIKE $2 ESCAPE '\\' AND (r.active = TRUE OR $3)")
                .bind(org).bind(&pat).bind(all).fetch_one(p).await?;
            Ok(Page { items, total })
        })
    }

    /// One region.
    pub async fn region(&self, org: Uuid, id: Uuid) -> Result<Region> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT r.id, r.name, r.names, r.active, (SELECT COUNT(*) FROM sites s WHERE s.region_id = r.id AND s.active = TRUE) AS site_count \
             FROM regions r WHERE r.org_id = $1 AND r.id = $2").bind(org).bind(id).fetch_one(p).await)?)
    }

    /// Creates a region; a duplicate name is [`StoreError::Conflict`].
    pub async fn create_region(
        &self,
        org: Uuid,
        id: Uuid,
        name: &str,
        names: &LocalNames,
        by: &By,
    ) -> Result<Uuid> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("INSERT INTO regions (id, org_id, name, created_at, names) VALUES ($1, $2, $3, $4, $5)")
                .bind(id).bind(org).bind(name).bind(now_ms()).bind(names.to_json()).execute(&mut *tx).await?;
            audit!(tx, by, org, "create", "region", Some(id), name);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Renames a region.
    pub async fn update_region(
        &self,
        org: Uuid,
        id: Uuid,
        name: &str,
        names: &LocalNames,
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query("UPDATE regions SET name = $3, names = $4 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(name).bind(names.to_json()).execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            audit!(tx, by, org, "update", "region", Some(id), name);
            tx.commit().await?;
            Ok(())
        })
    }

    // ---- sites ----

    /// Sites, optionally only those in `within` (a user's scope).
    pub async fn list_sites(
        &self,
        org: Uuid,
        q: &ListQuery,
        within: Option<&[Uuid]>,
    ) -> Result<Page<Site>> {
        let pat = q.pattern();
        let all = q.include_inactive;
        let rows: Vec<Site> = with_db!(self, p => sqlx::query_as(
            "SELECT s.id, s.region_id, r.name AS region_name, r.names AS region_names, s.name, s.names, s.address, s.time_zone, s.opening_hours, s.active \
             FROM sites s JOIN regions r ON r.id = s.region_id \
             WHERE s.org_id = $1 AND (LOWER(s.name) LIKE $2 ESCAPE '\\' OR LOWER(r.name) LIKE $2 ESCAPE '\\') AND (s.active = TRUE OR $3) \
             ORDER BY s.active DESC, r.name, s.name")
            .bind(org).bind(&pat).bind(all).fetch_all(p).await)?;
        Ok(paginate(
            rows.into_iter()
                .filter(|s| within.is_none_or(|w| w.contains(&s.id)))
                .collect(),
            q,
        ))
    }

    /// One site.
    pub async fn site(&self, org: Uuid, id: Uuid) -> Result<Site> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT s.id, s.region_id, r.name AS region_name, r.names AS region_names, s.name, s.names, s.address, s.time_zone, s.opening_hours, s.active \
             FROM sites s JOIN regions r ON r.id = s.region_id WHERE s.org_id = $1 AND s.id = $2")
            .bind(org).bind(id).fetch_one(p).await)?)
    }

    /// The services offered at a site.
    pub async fn site_service_ids(&self, site: Uuid) -> Result<Vec<Uuid>> {
        let rows: Vec<(Uuid,)> = with_db!(self, p => sqlx::query_as(
            "SELECT service_id FROM site_services WHERE site_id = $1").bind(site).fetch_all(p).await)?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Creates a site with the services it offers, in one transaction.
    pub async fn create_site(&self, org: Uuid, id: Uuid, s: &SiteInput, by: &By) -> Result<Uuid> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            check_owned!(tx, "regions", org, [s.region_id]);
            check_owned!(tx, "services", org, s.service_ids);
            sqlx::query("INSERT INTO sites (id, org_id, region_id, name, address, time_zone, created_at, opening_hours, names) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .bind(id).bind(org).bind(s.region_id).bind(&s.name).bind(&s.address).bind(&s.time_zone).bind(now_ms()).bind(&s.opening_hours).bind(s.names.to_json())
                .execute(&mut *tx).await?;
            for sv in &s.service_ids {
                sqlx::query("INSERT INTO site_services (site_id, service_id) VALUES ($1, $2)")
                    .bind(id).bind(sv).execute(&mut *tx).await?;
            }
            audit!(tx, by, org, "create", "site", Some(id), &s.name);
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(id)
    }

    /// Saves a site and replaces its list of services, in one transaction.
    pub async fn update_site(&self, org: Uuid, id: Uuid, s: &SiteInput, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            check_owned!(tx, "regions", org, [s.region_id]);
            check_owned!(tx, "services", org, s.service_ids);
            let r = sqlx::query("UPDATE sites SET region_id = $3, name = $4, address = $5, time_zone = $6, opening_hours = $7, names = $8 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(s.region_id).bind(&s.name).bind(&s.address).bind(&s.time_zone).bind(&s.opening_hours).bind(s.names.to_json())
                .execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            sqlx::query("DELETE FROM site_services WHERE site_id = $1").bind(id).execute(&mut *tx).await?;
            for sv in &s.service_ids {
                sqlx::query("INSERT INTO site_services (site_id, service_id) VALUES ($1, $2)")
                    .bind(id).bind(sv).execute(&mut *tx).await?;
            }
            audit!(tx, by, org, "update", "site", Some(id), &s.name);
            tx.commit().await?;
            Ok::<_, crate::StoreError>(())
        })?;
        // Its time zone may have changed: the next answer reads it again.
        self.refs.remove(&crate::ratings::RefKey::new(org, 's', id));
        Ok(())
    }

    /// The ids of the active sites in the given regions, plus the given sites: a user's reach.
    pub async fn sites_in(&self, regions: &[Uuid], sites: &[Uuid]) -> Result<Vec<Uuid>> {
        let mut out: Vec<Uuid> = sites.to_vec();
        for r in regions {
            let rows: Vec<(Uuid,)> = with_db!(self, p => sqlx::query_as("SELECT id FROM sites WHERE region_id = $1")
                .bind(r).fetch_all(p).await)?;
            out.extend(rows.into_iter().map(|r| r.0));
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    // ---- services ----

    /// Services.
    pub async fn list_services(&self, org: Uuid, q: &ListQuery) -> Result<Page<Service>> {
        let pat = q.pattern();
        let all = q.include_inactive;
        let rows: Vec<Service> = with_db!(self, p => sqlx::query_as(&format!(
            "SELECT {SERVICE_COLUMNS} FROM services WHERE org_id = $1 AND LOWER(name) LIKE $2 ESCAPE '\\' AND (active = TRUE OR $3) ORDER BY active DESC, name"))
            .bind(org).bind(&pat).bind(all).fetch_all(p).await)?;
        Ok(paginate(rows, q))
    }

    /// One service.
    pub async fn service(&self, org: Uuid, id: Uuid) -> Result<Service> {
        Ok(
            with_db!(self, p => sqlx::query_as(&format!("SELECT {SERVICE_COLUMNS} FROM services WHERE org_id = $1 AND id = $2"))
            .bind(org).bind(id).fetch_one(p).await)?,
        )
    }

    /// Creates a service.
    pub async fn create_service(
        &self,
        org: Uuid,
        id: Uuid,
        s: &ServiceInput,
        by: &By,
    ) -> Result<Uuid> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("INSERT INTO services (id, org_id, name, code, target_wait_s, target_handle_s, created_at, names) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(id).bind(org).bind(&s.name).bind(&s.code).bind(s.target_wait_s).bind(s.target_handle_s).bind(now_ms()).bind(s.names.to_json())
                .execute(&mut *tx).await?;
            audit!(tx, by, org, "create", "service", Some(id), &s.name);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Saves a service.
    pub async fn update_service(
        &self,
        org: Uuid,
        id: Uuid,
        s: &ServiceInput,
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query("UPDATE services SET name = $3, code = $4, target_wait_s = $5, target_handle_s = $6, names = $7 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(&s.name).bind(&s.code).bind(s.target_wait_s).bind(s.target_handle_s).bind(s.names.to_json())
                .execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            audit!(tx, by, org, "update", "service", Some(id), &s.name);
            tx.commit().await?;
            Ok(())
        })
    }
}

/// `NotFound` when an update touched no row.
pub(crate) fn affected(n: u64) -> Result<()> {
    if n == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// The most rows a page of `q` holds: every row when it sets no limit
/// ([`ListQuery::all`]).
pub(crate) fn page_limit(q: &ListQuery) -> i64 {
    if q.limit <= 0 { i64::MAX } else { q.limit }
}

/// Cuts one page out of an already filtered, ordered list.
pub(crate) fn paginate<T>(rows: Vec<T>, q: &ListQuery) -> Page<T> {
    let total = rows.len() as i64;
    let limit = page_limit(q);
    let items = rows
        .into_iter()
        .skip(q.offset.max(0) as usize)
        .take(limit.min(usize::MAX as i64) as usize)
        .collect();
    Page { items, total }
}
