//! Employees (the people customers rate) and users (the accounts that log in).

use std::collections::HashMap;

use crate::BeginWrite;
use rida_domain::Role;
use serde::Serialize;
use uuid::Uuid;

use crate::{
    By, ListQuery, Page, Result, Store, StoreError, audit::audit, check_owned, now_ms,
    org::affected, org::paginate, with_db,
};

/// An employee: serves customers at a desk, at one or more sites.
#[derive(Debug, Clone, Serialize)]
pub struct Employee {
    pub id: Uuid,
    pub name: String,
    pub desk: Option<String>,
    pub external_id: Option<String>,
    pub active: bool,
    pub site_ids: Vec<Uuid>,
}

/// The fields of an employee form.
#[derive(Debug, Clone)]
pub struct EmployeeInput {
    pub name: String,
    pub desk: Option<String>,
    pub external_id: Option<String>,
    pub site_ids: Vec<Uuid>,
}

/// A user account as the admin pages show it (never with its password hash).
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub locale: Option<String>,
    pub employee_id: Option<Uuid>,
    pub active: bool,
    /// Where e-mail from Rida (the monthly report, alerts) goes.
    pub email: Option<String>,
    /// Whether they receive the monthly report on the first of each month.
    pub monthly_report: bool,
    pub region_ids: Vec<Uuid>,
    pub site_ids: Vec<Uuid>,
    /// `local` (a password kept here), or the directory the account comes from (`oidc`):
    /// such an account has no password here, and its role and reach follow its groups.
    pub source: String,
    /// Whether the account has a second factor set up.
    pub second_factor: bool,
}

/// The fields of a user form; the password is hashed by the caller.
#[derive(Debug, Clone)]
pub struct UserInput {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub employee_id: Option<Uuid>,
    pub region_ids: Vec<Uuid>,
    pub site_ids: Vec<Uuid>,
    pub email: Option<String>,
    pub monthly_report: bool,
}

/// A scope row: (user, region, site).
type ScopeRow = (Uuid, Option<Uuid>, Option<Uuid>);

#[derive(sqlx::FromRow)]
struct EmployeeRow {
    id: Uuid,
    name: String,
    desk: Option<String>,
    external_id: Option<String>,
    active: bool,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: Uuid,
    username: String,
    display_name: String,
    role: String,
    locale: Option<String>,
    employee_id: Option<Uuid>,
    active: bool,
    email: Option<String>,
    monthly_report: bool,
    auth_source: String,
    has_second_factor: bool,
}

impl UserRow {
    /// The user with `scopes`, their own scope rows.
    fn into_user(self, scopes: &[ScopeRow]) -> User {
        User {
            region_ids: scopes.iter().filter_map(|s| s.1).collect(),
            site_ids: scopes.iter().filter_map(|s| s.2).collect(),
            role: self.role.parse().unwrap_or(Role::Employee),
            id: self.id,
            username: self.username,
            display_name: self.display_name,
            locale: self.locale,
            employee_id: self.employee_id,
            active: self.active,
            email: self.email,
            monthly_report: self.monthly_report,
            source: self.auth_source,
            second_factor: self.has_second_factor,
        }
    }
}

impl Store {
    // ---- employees ----

    /// Employees, optionally only those working at one of `within`.
    pub async fn list_employees(
        &self,
        org: Uuid,
        q: &ListQuery,
        within: Option<&[Uuid]>,
    ) -> Result<Page<Employee>> {
        let pat = q.pattern();
        let all = q.include_inactive;
        let (rows, links): (Vec<EmployeeRow>, Vec<(Uuid, Uuid)>) = with_db!(self, p => {
            let rows = sqlx::query_as(
                "SELECT id, name, desk, external_id, active FROM employees \
                 WHERE org_id = $1 AND (LOWER(name) LIKE $2 ESCAPE '\\' OR LOWER(COALESCE(external_id, '')) LIKE $2 ESCAPE '\\' OR LOWER(COALESCE(desk, '')) LIKE $2 ESCAPE '\\') \
                 AND (active = TRUE OR $3) ORDER BY active DESC, name")
                .bind(org).bind(&pat).bind(all).fetch_all(p).await?;
            let links = sqlx::query_as(
                "SELECT es.employee_id, es.site_id FROM employee_sites es JOIN employees e ON e.id = es.employee_id WHERE e.org_id = $1")
                .bind(org).fetch_all(p).await?;
            Ok::<_, StoreError>((rows, links))
        })?;
        // Each employee's sites found at once, not by a scan per employee.
        let links = grouped(links, |l| l.0);
        let none = Vec::new();
        let employees = rows
            .into_iter()
            .map(|r| {
                let mine = links.get(&r.id).unwrap_or(&none);
                employee_from(r, mine)
            })
            .filter(|e| within.is_none_or(|w| e.site_ids.iter().any(|s| w.contains(s))))
            .collect();
        Ok(paginate(employees, q))
    }

    /// One employee.
    pub async fn employee(&self, org: Uuid, id: Uuid) -> Result<Employee> {
        with_db!(self, p => {
            let row: EmployeeRow = sqlx::query_as("SELECT id, name, desk, external_id, active FROM employees WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).fetch_one(p).await?;
            let links: Vec<(Uuid, Uuid)> = sqlx::query_as("SELECT employee_id, site_id FROM employee_sites WHERE employee_id = $1")
                .bind(id).fetch_all(p).await?;
            Ok(employee_from(row, &links))
        })
    }

    /// Creates an employee with the sites they work at; a duplicate external id is a conflict.
    pub async fn create_employee(
        &self,
        org: Uuid,
        id: Uuid,
        e: &EmployeeInput,
        by: &By,
    ) -> Result<Uuid> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            check_owned!(tx, "sites", org, e.site_ids);
            sqlx::query("INSERT INTO employees (id, org_id, name, desk, external_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(id).bind(org).bind(&e.name).bind(&e.desk).bind(&e.external_id).bind(now_ms())
                .execute(&mut *tx).await?;
            for s in &e.site_ids {
                sqlx::query("INSERT INTO employee_sites (employee_id, site_id) VALUES ($1, $2)").bind(id).bind(s).execute(&mut *tx).await?;
            }
            audit!(tx, by, org, "create", "employee", Some(id), &e.name);
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(id)
    }

    /// Saves an employee and replaces their sites.
    pub async fn update_employee(
        &self,
        org: Uuid,
        id: Uuid,
        e: &EmployeeInput,
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            check_owned!(tx, "sites", org, e.site_ids);
            let r = sqlx::query("UPDATE employees SET name = $3, desk = $4, external_id = $5 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(&e.name).bind(&e.desk).bind(&e.external_id).execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            sqlx::query("DELETE FROM employee_sites WHERE employee_id = $1").bind(id).execute(&mut *tx).await?;
            for s in &e.site_ids {
                sqlx::query("INSERT INTO employee_sites (employee_id, site_id) VALUES ($1, $2)").bind(id).bind(s).execute(&mut *tx).await?;
            }
            audit!(tx, by, org, "update", "employee", Some(id), &e.name);
            tx.commit().await?;
            Ok(())
        })
    }

    // ---- users ----

    /// User accounts.
    pub async fn list_users(&self, org: Uuid, q: &ListQuery) -> Result<Page<User>> {
        let pat = q.pattern();
        let all = q.include_inactive;
        let (rows, scopes): (Vec<UserRow>, Vec<ScopeRow>) = with_db!(self, p => {
            let rows = sqlx::query_as(
                "SELECT id, username, display_name, role, locale, employee_id, active, email, monthly_report, auth_source, totp_enabled_at IS NOT NULL AS has_second_factor FROM users \
                 WHERE org_id = $1 AND (LOWER(username) LIKE $2 ESCAPE '\\' OR LOWER(display_name) LIKE $2 ESCAPE '\\') AND (active = TRUE OR $3) \
                 ORDER BY active DESC, username")
                .bind(org).bind(&pat).bind(all).fetch_all(p).await?;
            let scopes = sqlx::query_as(
                "SELECT us.user_id, us.region_id, us.site_id FROM user_scopes us JOIN users u ON u.id = us.user_id WHERE u.org_id = $1")
                .bind(org).fetch_all(p).await?;
            Ok::<_, StoreError>((rows, scopes))
        })?;
        // Each user's scope rows found at once, not by a scan per user.
        let scopes = grouped(scopes, |s| s.0);
        let none = Vec::new();
        Ok(paginate(
            rows.into_iter()
                .map(|r| {
                    let mine = scopes.get(&r.id).unwrap_or(&none);
                    r.into_user(mine)
                })
                .collect(),
            q,
        ))
    }

    /// One user account.
    pub async fn user(&self, org: Uuid, id: Uuid) -> Result<User> {
        with_db!(self, p => {
            let row: UserRow = sqlx::query_as("SELECT id, username, display_name, role, locale, employee_id, active, email, monthly_report, auth_source, totp_enabled_at IS NOT NULL AS has_second_factor FROM users WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).fetch_one(p).await?;
            let scopes: Vec<ScopeRow> = sqlx::query_as("SELECT user_id, region_id, site_id FROM user_scopes WHERE user_id = $1")
                .bind(id).fetch_all(p).await?;
            Ok(row.into_user(&scopes))
        })
    }

    /// A user account by login name, in any organisation.
    pub async fn user_id_by_username(&self, username: &str) -> Result<(Uuid, Uuid)> {
        Ok(
            with_db!(self, p => sqlx::query_as("SELECT org_id, id FROM users WHERE username = $1")
            .bind(username).fetch_one(p).await)?,
        )
    }

    /// Creates a user account with an already hashed password; a taken username is a conflict.
    pub async fn create_user(
        &self,
        org: Uuid,
        id: Uuid,
        u: &UserInput,
        password_hash: &str,
        by: &By,
    ) -> Result<Uuid> {
        let now = now_ms();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            check_owned!(tx, "employees", org, u.employee_id.as_slice());
            check_owned!(tx, "regions", org, u.region_ids);
            check_owned!(tx, "sites", org, u.site_ids);
            sqlx::query("INSERT INTO users (id, org_id, username, display_name, password_hash, role, employee_id, created_at, password_changed_at, email, monthly_report) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10)")
                .bind(id).bind(org).bind(&u.username).bind(&u.display_name).bind(password_hash).bind(u.role.as_str()).bind(u.employee_id).bind(now)
                .bind(&u.email).bind(u.monthly_report)
                .execute(&mut *tx).await?;
            crate::directory::insert_scopes!(tx, id, u.region_ids, u.site_ids);
            audit!(tx, by, org, "create", "user", Some(id), &format!("{} ({})", u.username, u.role));
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(id)
    }

    /// Saves a user's name, role, employee link and scope (not the username or password).
    /// Changing the role ends the user's sessions, so the new rights apply at once.
    pub async fn update_user(&self, org: Uuid, id: Uuid, u: &UserInput, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            check_owned!(tx, "employees", org, u.employee_id.as_slice());
            check_owned!(tx, "regions", org, u.region_ids);
            check_owned!(tx, "sites", org, u.site_ids);
            let old: Option<(String,)> = sqlx::query_as("SELECT role FROM users WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).fetch_optional(&mut *tx).await?;
            let Some((old_role,)) = old else { return Err(StoreError::NotFound) };
            sqlx::query("UPDATE users SET display_name = $3, role = $4, employee_id = $5, email = $6, monthly_report = $7 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(&u.display_name).bind(u.role.as_str()).bind(u.employee_id).bind(&u.email).bind(u.monthly_report).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM user_scopes WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            crate::directory::insert_scopes!(tx, id, u.region_ids, u.site_ids);
            if old_role != u.role.as_str() {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            }
            audit!(tx, by, org, "update", "user", Some(id), &format!("{} ({})", u.display_name, u.role));
            tx.commit().await?;
            Ok(())
        })
    }

    /// Deactivates (ending every session) or reactivates a user account.
    pub async fn set_user_active(&self, org: Uuid, id: Uuid, active: bool, by: &By) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query("UPDATE users SET active = $3 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(active).execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            if !active {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            }
            audit!(tx, by, org, if active { "activate" } else { "deactivate" }, "user", Some(id), "");
            tx.commit().await?;
            Ok(())
        })
    }

    /// Sets a new password hash and ends every session of the user except `keep`.
    pub async fn set_password(
        &self,
        org: Uuid,
        user: Uuid,
        password_hash: &str,
        keep: Option<&[u8]>,
        by: &By,
    ) -> Result<()> {
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let r = sqlx::query("UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1")
                .bind(user).bind(password_hash).bind(now_ms()).execute(&mut *tx).await?;
            affected(r.rows_affected())?;
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                .bind(user).bind(keep.unwrap_or(&[])).execute(&mut *tx).await?;
            audit!(tx, by, org, "password", "user", Some(user), "password changed");
            tx.commit().await?;
            Ok(())
        })
    }

    /// Sets the user's interface language.
    pub async fn set_user_locale(&self, user: Uuid, locale: &str) -> Result<()> {
        with_db!(self, p => sqlx::query("UPDATE users SET locale = $2 WHERE id = $1").bind(user).bind(locale).execute(p).await.map(|_| ()))?;
        Ok(())
    }

    /// How many user accounts exist in all (0 means a fresh installation).
    pub async fn count_users(&self) -> Result<i64> {
        Ok(
            with_db!(self, p => sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(p).await)?,
        )
    }
}

/// Rows grouped by a key (a user's or an employee's id).
fn grouped<T>(rows: Vec<T>, key: impl Fn(&T) -> Uuid) -> HashMap<Uuid, Vec<T>> {
    let mut out: HashMap<Uuid, Vec<T>> = HashMap::new();
    for r in rows {
        out.entry(key(&r)).or_default().push(r);
    }
    out
}

/// The employee with `links`, their own (employee, site) rows.
fn employee_from(r: EmployeeRow, links: &[(Uuid, Uuid)]) -> Employee {
    Employee {
        site_ids: links.iter().map(|l| l.1).collect(),
        id: r.id,
        name: r.name,
        desk: r.desk,
        external_id: r.external_id,
        active: r.active,
    }
}
