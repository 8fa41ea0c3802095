//! User accounts and their roles: the head's page.

use axum::{
    Router,
    extract::{Path, Query},
    response::Response,
    routing::{get, post},
};
use minijinja::{Value, context};
use rida_domain::{Action, Role, names};
use rida_store::{ListQuery, Localized, UserInput};
use serde::Deserialize;
use uuid::Uuid;

use super::{
    ActiveForm, FormErrors, ListParams, Web, created, form_id, parse_id, parse_ids,
    redirect_with_flash, saved,
};
use crate::{auth, auth::CsrfForm, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list).post(save))
        .route("/admin/users/new", get(new))
        .route("/admin/users/{id}", get(edit).post(save))
        .route("/admin/users/{id}/active", post(set_active))
}

async fn list(w: Web, Query(p): Query<ListParams>) -> Result<Response> {
    w.user.require(Action::ManageUsers)?;
    let page = w.state.store.list_users(w.user.org.id, &p.query()).await?;
    Ok(w.render(
        "users.html",
        context! { items => page.items, pager => p.pager(page.total), me => w.user.user.user_id },
    ))
}

#[derive(Deserialize, Default)]
struct UserForm {
    #[serde(default)]
    form_id: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    employee_id: String,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    sites: Vec<String>,
    #[serde(default)]
    email: String,
    /// The checkbox: present when ticked.
    #[serde(default)]
    monthly_report: Option<String>,
}

async fn form_page(w: &Web, id: Option<Uuid>, f: &UserForm, errors: &FormErrors) -> Result<Value> {
    let org = w.user.org.id;
    let all = ListQuery {
        limit: 10_000,
        ..ListQuery::default()
    };
    Ok(context! {
        id => id,
        form => context! {
            username => f.username.clone(), display_name => f.display_name.clone(), role => f.role.clone(),
            employee_id => f.employee_id.clone(), regions => f.regions.clone(), sites => f.sites.clone(),
            email => f.email.clone(), monthly_report => f.monthly_report.is_some(),
        },
        errors => errors.value(),
        roles => Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        regions => w.state.store.list_regions(org, &all).await?.items.localized(w.locale()),
        sites => w.state.store.list_sites(org, &all, None).await?.items.localized(w.locale()),
        employees => w.state.store.list_employees(org, &all, None).await?.items,
        min_password => names::MIN_PASSWORD_CHARS,
    })
}

async fn new(w: Web) -> Result<Response> {
    w.user.require(Action::ManageUsers)?;
    let f = UserForm {
        role: "manager".into(),
        ..UserForm::default()
    };
    let page = form_page(&w, None, &f, &FormErrors::new(w.locale())).await?;
    Ok(w.render("user_form.html", page))
}

async fn edit(w: Web, Path(id): Path<String>) -> Result<Response> {
    w.user.require(Action::ManageUsers)?;
    let u = w.state.store.user(w.user.org.id, parse_id(&id)?).await?;
    let f = UserForm {
        form_id: String::new(),
        username: u.username,
        display_name: u.display_name,
        role: u.role.as_str().into(),
        password: String::new(),
        employee_id: u.employee_id.map(|e| e.to_string()).unwrap_or_default(),
        regions: u.region_ids.iter().map(Uuid::to_string).collect(),
        sites: u.site_ids.iter().map(Uuid::to_string).collect(),
        email: u.email.unwrap_or_default(),
        monthly_report: u.monthly_report.then(|| "on".into()),
    };
    let page = form_page(&w, Some(u.id), &f, &FormErrors::new(w.locale())).await?;
    Ok(w.render("user_form.html", page))
}

/// Creates (`POST /admin/users`) or saves (`POST /admin/users/{id}`) from the form.
async fn save(
    w: Web,
    id: Option<Path<String>>,
    CsrfForm(f): CsrfForm<UserForm>,
) -> Result<Response> {
    let id = id.map(|Path(id)| parse_id(&id)).transpose()?;
    w.user.require(Action::ManageUsers)?;
    let mut errors = FormErrors::new(w.locale());
    let username = match id {
        Some(_) => Some(f.username.clone()),
        None => errors.check("username", names::username(&f.username)),
    };
    let display_name = errors.check("display_name", names::display_name(&f.display_name, 120));
    let role: Option<Role> = f.role.parse().ok();
    if role.is_none() {
        errors.key("role", "error-invalid");
    }
    let employee_id = Uuid::parse_str(f.employee_id.trim()).ok();
    if role == Some(Role::Employee) && employee_id.is_none() {
        errors.key("employee_id", "error-employee-required");
    }
    let (region_ids, site_ids) = (parse_ids(&f.regions), parse_ids(&f.sites));
    if role.is_some_and(Role::is_scoped) && region_ids.is_empty() && site_ids.is_empty() {
        errors.key("scope", "error-scope-required");
    }
    if id == Some(w.user.user.user_id) && role != Some(Role::Head) {
        errors.key("role", "error-own-role");
    }
    let email = errors.check("email", names::email(&f.email));
    if f.monthly_report.is_some() && matches!(email, Some(None)) {
        errors.key("email", "error-email-for-report");
    }
    // A directory's account signs in there only: a password here would open a second door.
    let from_directory = match id {
        Some(id) => w.state.store.user(w.user.org.id, id).await?.source != "local",
        None => false,
    };
    if from_directory && !f.password.is_empty() {
        errors.key("password", "error-password-directory");
    }
    let password = if (id.is_none() || !f.password.is_empty()) && !from_directory {
        errors
            .check("password", names::new_password(&f.password))
            .map(str::to_string)
    } else {
        None
    };
    if let (Some(username), Some(display_name), Some(role), Some(email), true) =
        (username, display_name, role, email, errors.is_empty())
    {
        let scoped = role.is_scoped();
        let input = UserInput {
            username,
            display_name,
            role,
            employee_id: if role == Role::Employee {
                employee_id
            } else {
                None
            },
            region_ids: if scoped { region_ids } else { Vec::new() },
            site_ids: if scoped { site_ids } else { Vec::new() },
            email,
            monthly_report: f.monthly_report.is_some(),
        };
        let (org, by) = (w.user.org.id, w.user.by());
        let r = match (id, password) {
            (Some(id), pw) => {
                let r = w.state.store.update_user(org, id, &input, &by).await;
                if let (Ok(()), Some(pw)) = (&r, pw) {
                    let hash = auth::hash_password(pw).await?;
                    w.state
                        .store
                        .set_password(org, id, &hash, None, &by)
                        .await?;
                }
                r
            }
            (None, Some(pw)) => {
                let hash = auth::hash_password(pw).await?;
                {
                    let new = form_id(&f.form_id);
                    created(
                        w.state
                            .store
                            .create_user(org, new, &input, &hash, &by)
                            .await,
                        w.state.store.user(org, new),
                    )
                    .await
                }
            }
            (None, None) => unreachable!("a new user's password was checked above"),
        };
        if let Some(done) = saved(
            r,
            &mut errors,
            "/admin/users",
            ("username", "error-username-taken"),
            Some(("scope", "error-invalid")),
        )? {
            return Ok(done);
        }
    }
    let page = form_page(&w, id, &f, &errors).await?;
    Ok(w.render_invalid("user_form.html", page))
}

async fn set_active(
    w: Web,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<ActiveForm>,
) -> Result<Response> {
    w.user.require(Action::ManageUsers)?;
    let id = parse_id(&id)?;
    let active = f.active == "true";
    if id == w.user.user.user_id && !active {
        return Err(crate::Error::Conflict {
            code: "own-account",
            detail: "you cannot deactivate your own account".into(),
        });
    }
    w.state
        .store
        .set_user_active(w.user.org.id, id, active, &w.user.by())
        .await?;
    Ok(redirect_with_flash(
        "/admin/users",
        if active {
            "flash-activated"
        } else {
            "flash-deactivated"
        },
    ))
}
