//! Services: what the organisation offers (opening an account, a consultation…).

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{Action, metrics::operations, names};
use rida_store::{Deactivatable, Localized, ServiceInput};
use serde::Deserialize;

use super::{
    ActiveForm, FormErrors, ListParams, NameFields, Web, created, form_id, parse_id, saved,
    toggle_active,
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
        .await?
        .localized(w.locale());
    Ok(w.render(
        "services.html",
        context! { items => page.items, pager => p.pager(page.total), can_manage => w.user.may(Action::ManageCatalogue) },
    ))
}

#[derive(Deserialize, Default)]
struct ServiceForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    target_wait: String,
    #[serde(default)]
    target_handle: String,
    #[serde(flatten)]
    names: NameFields,
}

/// Seconds as minutes typed in the form ("2.5").
fn minutes(s: Option<i32>) -> String {
    s.map(|s| {
        let m = f64::from(s) / 60.0;
        format!("{}", (m * 100.0).round() / 100.0)
    })
    .unwrap_or_default()
}

fn form_page(id: Option<uuid::Uuid>, f: &ServiceForm, errors: &FormErrors) -> minijinja::Value {
    context! {
        id => id,
        form => context! { name => f.name, code => f.code, target_wait => f.target_wait, target_handle => f.target_handle },
        names => f.names.value(),
        errors => errors.value(),
    }
}

/// A target field's value, recording its error.
fn target(errors: &mut FormErrors, name: &'static str, typed: &str) -> Option<Option<i32>> {
    match operations::parse_target_minutes(typed) {
        Ok(t) => Some(t),
        Err(_) => {
            errors.key(name, "error-target-minutes");
            None
        }
    }
}

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageCatalogue)?;
    Ok(w.render(
        "service_form.html",
        form_page(None, &ServiceForm::default(), &FormErrors::new(w.locale())),
    ))
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageCatalogue)?;
    let s = w.state.store.service(w.user.org.id, parse_id(&id)?).await?;
    Ok(w.render(
        "service_form.html",
        form_page(
            Some(s.id),
            &ServiceForm {
                form_id: String::new(),
                name: s.name.clone(),
                code: s.code.clone().unwrap_or_default(),
                target_wait: minutes(s.target_wait_s),
                target_handle: minutes(s.target_handle_s),
                names: NameFields::of(&s.names),
            },
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
    let wait = target(&mut errors, "target_wait", &f.target_wait);
    let handle = target(&mut errors, "target_handle", &f.target_handle);
    let name = errors.check("name", names::display_name(&f.name, 120));
    let local = f.names.check(&mut errors, 120);
    if let (Some(name), Some(names), Some(code), Some(target_wait_s), Some(target_handle_s)) =
        (name, local, code, wait, handle)
    {
        let org = w.user.org.id;
        let by = w.user.by();
        let input = ServiceInput {
            name,
            names,
            code,
            target_wait_s,
            target_handle_s,
        };
        let r = match id {
            Some(id) => w.state.store.update_service(org, id, &input, &by).await,
            None => {
                let new = form_id(&f.form_id);
                created(
                    w.state.store.create_service(org, new, &input, &by).await,
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
    Ok(w.render_invalid("service_form.html", form_page(id, &f, &errors)))
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
