//! Regions: groups of sites.

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{Action, names};
use rida_store::{Deactivatable, Localized};
use serde::Deserialize;

use super::{
    ActiveForm, FormErrors, ListParams, NameFields, Web, created, form_id, parse_id, saved,
    toggle_active,
};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/regions", get(list).post(save))
        .route("/admin/regions/new", get(new))
        .route("/admin/regions/{id}", get(edit).post(save))
        .route("/admin/regions/{id}/active", post(set_active))
}

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ViewStructure)?;
    let page = w
        .state
        .store
        .list_regions(w.user.org.id, &p.query())
        .await?
        .localized(w.locale());
    Ok(w.render(
        "regions.html",
        context! { items => page.items, pager => p.pager(page.total), can_manage => w.user.may(Action::ManageCatalogue) },
    ))
}

#[derive(Deserialize)]
struct RegionForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(flatten)]
    names: NameFields,
}

fn form_page(
    id: Option<uuid::Uuid>,
    name: &str,
    names: &NameFields,
    errors: &FormErrors,
) -> minijinja::Value {
    context! { id => id, form => context! { name => name }, names => names.value(), errors => errors.value() }
}

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageCatalogue)?;
    Ok(w.render(
        "region_form.html",
        form_page(
            None,
            "",
            &NameFields::default(),
            &FormErrors::new(w.locale()),
        ),
    ))
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageCatalogue)?;
    let r = w.state.store.region(w.user.org.id, parse_id(&id)?).await?;
    Ok(w.render(
        "region_form.html",
        form_page(
            Some(r.id),
            &r.name,
            &NameFields::of(&r.names),
            &FormErrors::new(w.locale()),
        ),
    ))
}

/// Creates (`POST /admin/regions`) or saves (`POST /admin/regions/{id}`) from the form.
async fn save(
    w: Web,
    id: Option<Path<String>>,
    CsrfForm(f): CsrfForm<RegionForm>,
) -> Result<Response> {
    let id = id.map(|Path(id)| parse_id(&id)).transpose()?;
    w.user.require(Action::ManageCatalogue)?;
    let mut errors = FormErrors::new(w.locale());
    let name = errors.check("name", names::display_name(&f.name, 120));
    let local = f.names.check(&mut errors, 120);
    if let (Some(name), Some(local)) = (name, local) {
        let org = w.user.org.id;
        let by = w.user.by();
        let r = match id {
            Some(id) => {
                w.state
                    .store
                    .update_region(org, id, &name, &local, &by)
                    .await
            }
            None => {
                let new = form_id(&f.form_id);
                created(
                    w.state
                        .store
                        .create_region(org, new, &name, &local, &by)
                        .await,
                    w.state.store.region(org, new),
                )
                .await
            }
        };
        if let Some(done) = saved(
            r,
            &mut errors,
            "/admin/regions",
            ("name", "error-name-taken"),
            None,
        )? {
            return Ok(done);
        }
    }
    Ok(w.render_invalid(
        "region_form.html",
        form_page(id, &f.name, &f.names, &errors),
    ))
}

async fn set_active(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ActiveForm>,
) -> Result<Response> {
    w.user.require(Action::ManageCatalogue)?;
    toggle_active(
        &w,
        Deactivatable::Region,
        parse_id(&id)?,
        f,
        "/admin/regions",
    )
    .await
}
