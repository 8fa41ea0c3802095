//! Sites: branches, clinics, offices, where customers are served.

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::{Value, context};
use rida_domain::{Action, names};
use rida_store::{Deactivatable, ListQuery, Localized, SiteInput};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    ActiveForm, FormErrors, ListParams, NameFields, Web, created, form_id, parse_id, parse_ids,
    saved, toggle_active,
};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/sites", get(list).post(save))
        .route("/admin/sites/new", get(new))
        .route("/admin/sites/{id}", get(edit).post(save))
        .route("/admin/sites/{id}/active", post(set_active))
}

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ViewStructure)?;
    let within = w.user.site_filter();
    let page = w
        .state
        .store
        .list_sites(w.user.org.id, &p.query(), within.as_deref())
        .await?
        .localized(w.locale());
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|s| {
            context! {
                id => s.id, name => s.name.clone(), region_name => s.region_name.clone(),
                address => s.address.clone(), time_zone => s.time_zone.clone(), active => s.active,
                can_edit => w.user.may(Action::ManageSite { site: Some(s.id) }),
            }
        })
        .collect();
    Ok(w.render(
        "sites.html",
        context! { items => items, pager => p.pager(page.total), can_create => w.user.may(Action::ManageSite { site: None }) },
    ))
}

#[derive(Deserialize, Default)]
struct SiteForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    region_id: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    opening_hours: String,
    #[serde(default)]
    services: Vec<String>,
    #[serde(flatten)]
    names: NameFields,
}

async fn form_page(w: &Web, id: Option<Uuid>, f: &SiteForm, errors: &FormErrors) -> Result<Value> {
    let org = w.user.org.id;
    let all = ListQuery {
        limit: 1000,
        ..ListQuery::default()
    };
    let lang = w.locale();
    let regions = w
        .state
        .store
        .list_regions(org, &all)
        .await?
        .items
        .localized(lang);
    let services = w
        .state
        .store
        .list_services(org, &all)
        .await?
        .items
        .localized(lang);
    Ok(context! {
        id => id,
        form => context! {
            name => f.name.clone(), region_id => f.region_id.clone(), address => f.address.clone(),
            time_zone => f.time_zone.clone(), opening_hours => f.opening_hours.clone(), services => f.services.clone(),
        },
        names => f.names.value(),
        errors => errors.value(),
        regions => regions,
        services => services,
        time_zones => super::time_zones(),
        org_time_zone => w.user.org.time_zone.clone(),
    })
}

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageSite { site: None })?;
    let page = form_page(&w, None, &SiteForm::default(), &FormErrors::new(w.locale())).await?;
    Ok(w.render("site_form.html", page))
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    let id = parse_id(&id)?;
    w.user.require(Action::ManageSite { site: Some(id) })?;
    let s = w.state.store.site(w.user.org.id, id).await?;
    let f = SiteForm {
        form_id: String::new(),
        names: NameFields::of(&s.names),
        name: s.name,
        region_id: s.region_id.to_string(),
        address: s.address.unwrap_or_default(),
        time_zone: s.time_zone.unwrap_or_default(),
        opening_hours: s.opening_hours.unwrap_or_default(),
        services: w
            .state
            .store
            .site_service_ids(id)
            .await?
            .iter()
            .map(Uuid::to_string)
            .collect(),
    };
    let page = form_page(&w, Some(id), &f, &FormErrors::new(w.locale())).await?;
    Ok(w.render("site_form.html", page))
}

/// Creates (`POST /admin/sites`) or saves (`POST /admin/sites/{id}`) from the form.
async fn save(
    w: Web,
    id: Option<Path<String>>,
    CsrfForm(f): CsrfForm<SiteForm>,
) -> Result<Response> {
    let id = id.map(|Path(id)| parse_id(&id)).transpose()?;
    w.user.require(Action::ManageSite { site: id })?;
    let mut errors = FormErrors::new(w.locale());
    let name = errors.check("name", names::display_name(&f.name, 120));
    let local = f.names.check(&mut errors, 120);
    let address = errors.check("address", names::optional_text(&f.address, 300));
    let region_id = Uuid::parse_str(f.region_id.trim()).ok();
    if region_id.is_none() {
        errors.key("region_id", "error-choose-region");
    }
    let tz = f.time_zone.trim();
    if !tz.is_empty() && jiff::tz::TimeZone::get(tz).is_err() {
        errors.key("time_zone", "error-time-zone");
    }
    let hours = f.opening_hours.trim();
    if !hours.is_empty() && rida_domain::hours::OpeningHours::parse(hours).is_none() {
        errors.key("opening_hours", "error-opening-hours");
    }
    if let (Some(name), Some(names), Some(address), Some(region_id), true) =
        (name, local, address, region_id, errors.is_empty())
    {
        let input = SiteInput {
            region_id,
            name,
            names,
            address,
            time_zone: Some(tz.to_string()).filter(|t| !t.is_empty()),
            opening_hours: Some(hours.to_string()).filter(|h| !h.is_empty()),
            service_ids: parse_ids(&f.services),
        };
        let (org, by) = (w.user.org.id, w.user.by());
        let r = match id {
            Some(id) => w.state.store.update_site(org, id, &input, &by).await,
            None => {
                let new = form_id(&f.form_id);
                created(
                    w.state.store.create_site(org, new, &input, &by).await,
                    w.state.store.site(org, new),
                )
                .await
            }
        };
        if let Some(done) = saved(
            r,
            &mut errors,
            "/admin/sites",
            ("name", "error-name-taken"),
            Some(("region_id", "error-choose-region")),
        )? {
            return Ok(done);
        }
    }
    let page = form_page(&w, id, &f, &errors).await?;
    Ok(w.render_invalid("site_form.html", page))
}

async fn set_active(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ActiveForm>,
) -> Result<Response> {
    let id = parse_id(&id)?;
    w.user.require(Action::ManageSite { site: Some(id) })?;
    toggle_active(&w, Deactivatable::Site, id, f, "/admin/sites").await
}
