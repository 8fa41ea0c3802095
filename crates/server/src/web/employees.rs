//! Employees: the people customers rate. Their ratings are never shown here.

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::{Value, context};
use rida_domain::{Action, names};
use rida_store::{Deactivatable, EmployeeInput, ListQuery, Localized};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    ActiveForm, FormErrors, ListParams, Web, created, form_id, parse_id, parse_ids, saved,
    toggle_active,
};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/employees", get(list).post(save))
        .route("/admin/employees/new", get(new))
        .route("/admin/employees/{id}", get(edit).post(save))
        .route("/admin/employees/{id}/active", post(set_active))
}

/// Whether the user may manage an employee who works at these sites (all of them).
fn may_manage(w: &Web, sites: &[Uuid]) -> bool {
    if sites.is_empty() {
        w.user.may(Action::ManageEmployee { site: None })
    } else {
        sites
            .iter()
            .all(|s| w.user.may(Action::ManageEmployee { site: Some(*s) }))
    }
}

/// Whether the user may add employees somewhere: anywhere, or at one of their sites.
fn may_create(w: &Web) -> bool {
    w.user.may(Action::ManageEmployee { site: None })
        || w.user.site_filter().is_some_and(|s| {
            s.iter()
                .any(|s| w.user.may(Action::ManageEmployee { site: Some(*s) }))
        })
}

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ViewEmployees)?;
    let org = w.user.org.id;
    let within = w.user.site_filter();
    let page = w
        .state
        .store
        .list_employees(org, &p.query(), within.as_deref())
        .await?;
    let all = ListQuery {
        limit: 10_000,
        include_inactive: true,
        ..ListQuery::default()
    };
    let sites = w
        .state
        .store
        .list_sites(org, &all, None)
        .await?
        .items
        .localized(w.locale());
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|e| {
            let site_names: Vec<String> = sites
                .iter()
                .filter(|s| e.site_ids.contains(&s.id))
                .map(|s| s.name.clone())
                .collect();
            context! {
                id => e.id, name => e.name.clone(), desk => e.desk.clone(), external_id => e.external_id.clone(),
                active => e.active, sites => site_names, can_edit => may_manage(&w, &e.site_ids),
            }
        })
        .collect();
    Ok(w.render(
        "employees.html",
        context! { items => items, pager => p.pager(page.total), can_create => may_create(&w) },
    ))
}

#[derive(Deserialize, Default)]
struct EmployeeForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    desk: String,
    #[serde(default)]
    external_id: String,
    #[serde(default)]
    sites: Vec<String>,
}

async fn form_page(
    w: &Web,
    id: Option<Uuid>,
    f: &EmployeeForm,
    errors: &FormErrors,
) -> Result<Value> {
    let all = ListQuery {
        limit: 10_000,
        ..ListQuery::default()
    };
    let within = w.user.site_filter();
    let sites = w
        .state
        .store
        .list_sites(w.user.org.id, &all, within.as_deref())
        .await?
        .items
        .localized(w.locale());
    Ok(context! {
        id => id,
        form => context! {
            name => f.name.clone(), desk => f.desk.clone(), external_id => f.external_id.clone(), sites => f.sites.clone(),
        },
        errors => errors.value(),
        sites => sites,
    })
}

async fn new(w: Web) -> Result<Response> {
    if !may_create(&w) {
        return Err(crate::Error::Forbidden);
    }
    let page = form_page(
        &w,
        None,
        &EmployeeForm::default(),
        &FormErrors::new(w.locale()),
    )
    .await?;
    Ok(w.render("employee_form.html", page))
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    let e = w
        .state
        .store
        .employee(w.user.org.id, parse_id(&id)?)
        .await?;
    if !may_manage(&w, &e.site_ids) {
        return Err(crate::Error::Forbidden);
    }
    let f = EmployeeForm {
        form_id: String::new(),
        name: e.name,
        desk: e.desk.unwrap_or_default(),
        external_id: e.external_id.unwrap_or_default(),
        sites: e.site_ids.iter().map(Uuid::to_string).collect(),
    };
    let page = form_page(&w, Some(e.id), &f, &FormErrors::new(w.locale())).await?;
    Ok(w.render("employee_form.html", page))
}

/// Creates (`POST /admin/employees`) or saves (`POST /admin/employees/{id}`) from the form.
async fn save(
    w: Web,
    id: Option<Path<String>>,
    CsrfForm(f): CsrfForm<EmployeeForm>,
) -> Result<Response> {
    let id = id.map(|Path(id)| parse_id(&id)).transpose()?;
    let site_ids = parse_ids(&f.sites);
    if let Some(id) = id {
        let current = w.state.store.employee(w.user.org.id, id).await?;
        if !may_manage(&w, &current.site_ids) {
            return Err(crate::Error::Forbidden);
        }
    }
    if !may_manage(&w, &site_ids) {
        return Err(crate::Error::Forbidden);
    }
    let mut errors = FormErrors::new(w.locale());
    let name = errors.check("name", names::display_name(&f.name, 120));
    let desk = errors.check("desk", names::optional_text(&f.desk, 40));
    let external_id = errors.check("external_id", names::optional_text(&f.external_id, 80));
    if let (Some(name), Some(desk), Some(external_id)) = (name, desk, external_id) {
        let input = EmployeeInput {
            name,
            desk,
            external_id,
            site_ids,
        };
        let (org, by) = (w.user.org.id, w.user.by());
        let r = match id {
            Some(id) => w.state.store.update_employee(org, id, &input, &by).await,
            None => {
                let new = form_id(&f.form_id);
                created(
                    w.state.store.create_employee(org, new, &input, &by).await,
                    w.state.store.employee(org, new),
                )
                .await
            }
        };
        if let Some(done) = saved(
            r,
            &mut errors,
            "/admin/employees",
            ("external_id", "error-external-id-taken"),
            Some(("sites", "error-invalid")),
        )? {
            return Ok(done);
        }
    }
    let page = form_page(&w, id, &f, &errors).await?;
    Ok(w.render_invalid("employee_form.html", page))
}

async fn set_active(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ActiveForm>,
) -> Result<Response> {
    let e = w
        .state
        .store
        .employee(w.user.org.id, parse_id(&id)?)
        .await?;
    if !may_manage(&w, &e.site_ids) {
        return Err(crate::Error::Forbidden);
    }
    toggle_active(&w, Deactivatable::Employee, e.id, f, "/admin/employees").await
}
