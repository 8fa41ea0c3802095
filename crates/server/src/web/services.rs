//! Services: what the organisation offers (opening an account, a consultation…).

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{Action, names};
use rida_store::Deactivatable;
use serde::Deserialize;

use super::{
    ActiveForm, FormErrors, ListParams, Web, created, form_id, parse_id, saved, toggle_active,
};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/services", get(list).post(save))
        .route("/admin/services/new", get(new))
        .route("/admin/services/{id}", get(edit).post(save))
        .route("/admin/services/{id}/active", post(set_active))
}

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ViewStructure)?;
    let page = w
        .state
        .store
        .list_services(w.user.org.id, &p.query())
        .await?;
    Ok(w.render(
        "services.html",
        context! { items => page.items, pager => p.pager(page.total), can_manage => w.user.may(Action::ManageCatalogue) },
    ))
}

#[derive(Deserialize)]
struct ServiceForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    code: String,
}

fn form_page(
    id: Option<uuid::Uuid>,
    name: &str,
    code: &str,
    errors: &FormErrors,
) -> minijinja::Value {
    context! { id => id, form => context! { name => name, code => code }, errors => errors.value() }
}

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageCatalogue)?;
    Ok(w.render(
        "service_form.html",
        form_page(None, "", "", &FormErrors::new(w.locale())),
    ))
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageCatalogue)?;
    let s = w.state.store.service(w.user.org.id, parse_id(&id)?).await?;
    Ok(w.render(
        "service_form.html",
        form_page(
            Some(s.id),
            &s.name,
            s.code.as_deref().unwrap_or(""),
            &FormErrors::new(w.locale()),
        ),
    ))
}

/// Creates (`POST /admin/services`) or saves (`POST /admin/services/{id}`) from the form.
async fn save(
    w: Web,
    id: Option<Path<String>>,
    CsrfForm(f): CsrfForm<ServiceForm>,
) -> Result<Response> {
    let id = id.map(|Path(id)| parse_id(&id)).transpose()?;
    w.user.require(Action::ManageCatalogue)?;
    let mut errors = FormErrors::new(w.locale());
    let code = errors.check("code", names::optional_text(&f.code, 20));
    if let (Some(name), Some(code)) = (
        errors.check("name", names::display_name(&f.name, 120)),
        code,
    ) {
        let org = w.user.org.id;
        let by = w.user.by();
        let r = match id {
            Some(id) => {
                w.state
                    .store
                    .update_service(org, id, &name, code.as_deref(), &by)
                    .await
            }
            None => {
                let new = form_id(&f.form_id);
                created(
                    w.state
                        .store
                        .create_service(org, new, &name, code.as_deref(), &by)
                        .await,
                    w.state.store.service(org, new),
                )
                .await
            }
        };
        if let Some(done) = saved(
            r,
            &mut errors,
            "/admin/services",
            ("name", "error-name-taken"),
            None,
        )? {
            return Ok(done);
        }
    }
    Ok(w.render_invalid(
        "service_form.html",
        form_page(id, &f.name, &f.code, &errors),
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
        Deactivatable::Service,
        parse_id(&id)?,
        f,
        "/admin/services",
    )
    .await
}
