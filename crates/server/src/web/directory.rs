//! The head's table of directory groups: which group of the organisation's directory
//! gives which role and reach to the people who sign in through it.

use axum::{
    Router,
    extract::Path,
    response::Response,
    routing::{get, post},
};
use minijinja::{Value, context};
use rida_domain::{Action, Role, directory::GroupRule};
use rida_store::{ListQuery, Localized};
use serde::Deserialize;

use super::{FormErrors, Web, form_id, parse_id, parse_ids, redirect_with_flash, saved};
use crate::{auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/directory", get(page).post(add))
        .route("/admin/directory/{id}/delete", post(remove))
}

#[derive(Deserialize, Default)]
struct GroupForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    sites: Vec<String>,
}

async fn context_of(w: &Web, f: &GroupForm, errors: &FormErrors) -> Result<Value> {
    let org = w.user.org.id;
    let all = ListQuery {
        limit: 10_000,
        include_inactive: true,
        ..ListQuery::default()
    };
    let regions = w
        .state
        .store
        .list_regions(org, &all)
        .await?
        .items
        .localized(w.locale());
    let sites = w
        .state
        .store
        .list_sites(org, &all, None)
        .await?
        .items
        .localized(w.locale());
    let rows: Vec<Value> = w
        .state
        .store
        .directory_groups(org)
        .await?
        .into_iter()
        .map(|g| {
            // The reach by name; a closed site is shown as such (it gives no reach).
            let reach: Vec<Value> = regions
                .iter()
                .filter(|r| g.region_ids.contains(&r.id))
                .map(|r| context! { name => r.name.clone(), region => true, open => true })
                .chain(sites.iter().filter(|s| g.site_ids.contains(&s.id)).map(
                    |s| context! { name => s.name.clone(), region => false, open => s.active },
                ))
                .collect();
            context! { id => g.id, group => g.group_name, role => g.role.as_str(), reach => reach }
        })
        .collect();
    let oidc = w.state.oidc.as_ref().map(|o| o.name.clone());
    Ok(context! {
        rows => rows,
        form => context! { group => f.group.clone(), role => f.role.clone(), regions => f.regions.clone(), sites => f.sites.clone() },
        errors => errors.value(),
        roles => Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        regions => regions,
        sites => sites.into_iter().filter(|s| s.active).collect::<Vec<_>>(),
        oidc => oidc,
        fresh_id => rida_domain::new_id(),
    })
}

async fn page(w: Web) -> Result<Response> {
    w.user.require(Action::ManageUsers)?;
    let f = GroupForm {
        role: "manager".into(),
        ..GroupForm::default()
    };
    let page = context_of(&w, &f, &FormErrors::new(w.locale())).await?;
    Ok(w.render("directory.html", page))
}

async fn add(w: Web, CsrfForm(f): CsrfForm<GroupForm>) -> Result<Response> {
    w.user.require(Action::ManageUsers)?;
    let mut errors = FormErrors::new(w.locale());
    let group = f.group.trim();
    if group.is_empty() || group.chars().count() > 500 {
        errors.key("group", "error-directory-group");
    }
    let role: Option<Role> = f.role.parse().ok();
    if role.is_none() {
        errors.key("role", "error-invalid");
    }
    let (region_ids, site_ids) = (parse_ids(&f.regions), parse_ids(&f.sites));
    let scoped = role.is_some_and(Role::is_scoped);
    if scoped && region_ids.is_empty() && site_ids.is_empty() {
        errors.key("scope", "error-scope-required");
    }
    if let (Some(role), true) = (role, errors.is_empty()) {
        let rule = GroupRule {
            group: group.to_string(),
            role,
            region_ids: if scoped { region_ids } else { Vec::new() },
            site_ids: if scoped { site_ids } else { Vec::new() },
        };
        let r = w
            .state
            .store
            .add_directory_group(w.user.org.id, form_id(&f.form_id), &rule, &w.user.by())
            .await;
        if let Some(done) = saved(
            r,
            &mut errors,
            "/admin/directory",
            ("group", "error-directory-group-taken"),
            Some(("scope", "error-invalid")),
        )? {
            return Ok(done);
        }
    }
    let page = context_of(&w, &f, &errors).await?;
    Ok(w.render_invalid("directory.html", page))
}

async fn remove(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> Result<Response> {
    w.user.require(Action::ManageUsers)?;
    w.state
        .store
        .remove_directory_group(w.user.org.id, parse_id(&id)?, &w.user.by())
        .await?;
    Ok(redirect_with_flash("/admin/directory", "flash-deleted"))
}
