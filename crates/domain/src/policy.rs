//! The one access policy: every "may this user see or do that" in Rida is decided here.
//!
//! Handlers build an [`Actor`] from the session, name the [`Action`] they are about to
//! perform, and ask [`allows`]. Nothing else in the code base decides access.
//!
//! Hidden voting: employees never read any rating; per-employee results are for the head,
//! and for managers and analysts only when the head switches that on.

use std::collections::HashSet;
use uuid::Uuid;

use crate::Role;

/// The sites a user's account reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The whole organisation.
    All,
    /// Only these sites (a region assignment is expanded to its sites).
    Sites(HashSet<Uuid>),
}

impl Scope {
    /// Whether the scope reaches this site.
    pub fn includes(&self, site: Uuid) -> bool {
        match self {
            Scope::All => true,
            Scope::Sites(s) => s.contains(&site),
        }
    }
}

/// Who is asking.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Uuid,
    pub role: Role,
    pub scope: Scope,
    /// The employee record this account belongs to, for employee accounts.
    pub employee_id: Option<Uuid>,
    /// Whether this session meets the organisation's rule for a second factor: the
    /// account's one-time code was given at sign-in, or the directory signed them in
    /// (its own rules apply), or the work is done without a session.
    pub second_factor: bool,
}

impl Actor {
    /// Builds an actor; heads, analysts and employees always reach the whole organisation
    /// (what they may do there is limited by role), managers and supervisors their scope.
    pub fn new(user_id: Uuid, role: Role, scope: Scope, employee_id: Option<Uuid>) -> Actor {
        let scope = if role.is_scoped() { scope } else { Scope::All };
        Actor {
            user_id,
            role,
            scope,
            employee_id,
            second_factor: true,
        }
    }
}

/// The organisation's settings that the policy depends on. Both default to hidden.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrgPolicy {
    /// Managers may see per-employee results of their sites.
    pub managers_see_employees: bool,
    /// Analysts may see per-employee results.
    pub analysts_see_employees: bool,
    /// Local accounts whose role reads results need a second factor (a one-time code).
    pub require_second_factor: bool,
}

/// Something a user may want to see or do. Site-bound actions name the site; `None`
/// means the whole organisation (creating something new, or an org-wide view).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open the admin area at all.
    OpenAdmin,
    /// Read aggregated results (scores, dashboards, reports).
    ViewResults { site: Option<Uuid> },
    /// Read results broken down per employee, or customers' comments about an employee.
    ViewEmployeeResults { site: Option<Uuid> },
    /// Read the organisation's structure: regions, sites, services.
    ViewStructure,
    /// Change the organisation's name, logo, language, time zone and settings.
    ManageOrganisation,
    /// Create or change regions and services.
    ManageCatalogue,
    /// Create a site (`None`) or change one.
    ManageSite { site: Option<Uuid> },
    /// List employees.
    ViewEmployees,
    /// Create an employee (`None`) or change one who works at this site.
    ManageEmployee { site: Option<Uuid> },
    /// Manage user accounts and roles.
    ManageUsers,
    /// Create and revoke API tokens for integrations.
    ManageTokens,
    /// Read the audit log.
    ViewAudit,
    /// See the e-mail Rida sent or could not send, and send a message again.
    ManageMail,
    /// See the alerts raised at a site (`None`: open the alerts list, which shows each
    /// user only the alerts of the sites they reach).
    ViewAlerts { site: Option<Uuid> },
    /// Follow an alert up: assign it, add notes, close or reopen it.
    HandleAlert { site: Option<Uuid> },
    /// Set the rules that raise alerts.
    ManageAlertRules,
    /// Import figures from outside Rida (web analytics, social media…) and remove them;
    /// everyone who reads results sees them beside satisfaction.
    ImportExternal,
    /// Look a customer up in the opt-out register, opt them out of surveys or back in.
    ManageConsent,
    /// Design surveys (questions, wording, follow-ups); they apply to the whole organisation.
    ManageSurveys,
    /// Set which surveys follow visits (channel, timing, sampling) and see the messages
    /// sent; they apply to the whole organisation.
    ManageSurveyDispatch,
    /// See the terminals (of the sites in reach) and their live status.
    ViewTerminals,
    /// Open the form to register a terminal (the site chosen is checked on saving).
    RegisterTerminals,
    /// Register, pair and control terminals at a site.
    ManageTerminals { site: Option<Uuid> },
    /// Use the employee station of this employee.
    UseStation { employee: Uuid },
    /// Answer the employees' pulse (an account of an employee).
    AnswerPulse,
    /// Read the employees' pulse of a site (`None`: open the pulse page, which shows
    /// each user the sites they reach). Never one person's answer: there is none.
    ViewPulse { site: Option<Uuid> },
    /// Read the organisation's pulse as a whole (everyone, employees too).
    ViewPulseSummary,
    /// Open one customer's history (their visits, messages, named answers, consent and
    /// alerts) at a site they visited (`None`: look a customer up). Every opening is
    /// audited.
    ViewCustomer { site: Option<Uuid> },
    /// Change one's own password and language.
    ManageOwnAccount,
}

/// Decides whether `actor` may perform `action` in an organisation with settings `org`.
/// Whether the role reads results (scores, reports): the roles the organisation's rule
/// for a second factor is about.
pub fn reads_results(role: Role) -> bool {
    matches!(role, Role::Head | Role::Manager | Role::Analyst)
}

/// Whether the organisation requires a second factor of accounts with this role.
pub fn requires_second_factor(role: Role, org: &OrgPolicy) -> bool {
    org.require_second_factor && reads_results(role)
}

/// Whether this session may do nothing but set up or give its second factor: the
/// organisation requires one for its role, and the session has none.
pub fn waits_for_second_factor(actor: &Actor, org: &OrgPolicy) -> bool {
    requires_second_factor(actor.role, org) && !actor.second_factor
}

pub fn allows(actor: &Actor, org: &OrgPolicy, action: Action) -> bool {
    use Action::*;
    use Role::*;
    let in_scope = |site: Option<Uuid>| match site {
        Some(s) => actor.scope.includes(s),
        None => actor.scope == Scope::All,
    };
    if waits_for_second_factor(actor, org) && action != ManageOwnAccount {
        return false;
    }
    match (actor.role, action) {
        (_, ManageOwnAccount) => true,
        (Employee, UseStation { employee }) => actor.employee_id == Some(employee),
        (_, UseStation { .. }) => false,
        (_, ViewPulseSummary) => true,
        (Employee, AnswerPulse) => actor.employee_id.is_some(),
        (_, AnswerPulse) => false,
        // From here on an employee account may do nothing: no admin area, no results.
        (Employee, _) => false,
        (Head, _) => true,
        (_, OpenAdmin | ViewStructure) => true,
        (Manager, ViewResults { site }) => in_scope(site) || site.is_none(),
        (Analyst, ViewResults { .. }) => true,
        (Supervisor, ViewResults { .. }) => false,
        (Manager, ViewEmployeeResults { site }) => {
            org.managers_see_employees && (in_scope(site) || site.is_none())
        }
        (Analyst, ViewEmployeeResults { .. }) => org.analysts_see_employees,
        (Supervisor, ViewEmployeeResults { .. }) => false,
        (Manager | Supervisor, ManageSite { site: Some(s) }) => actor.scope.includes(s),
        (Manager | Supervisor, ViewEmployees) => true,
        (Manager, ManageEmployee { site }) => in_scope(site),
        (Manager, ManageSurveys | ManageSurveyDispatch) => in_scope(None),
        (Manager | Supervisor, ManageTerminals { site }) => in_scope(site),
        (Manager | Supervisor, ViewTerminals | RegisterTerminals) => true,
        (Analyst, ViewAlerts { .. } | ViewPulse { .. }) => true,
        (Manager, ViewPulse { site } | ViewCustomer { site }) => in_scope(site) || site.is_none(),
        (Analyst, ImportExternal) => true,
        (Manager, ManageConsent) => true,
        (Manager, ViewAlerts { site }) => in_scope(site) || site.is_none(),
        (Manager, HandleAlert { site }) => in_scope(site),
        _ => false,
    }
}

/// What a paired terminal (a device, not a person) may store: answers to questions of
/// the survey it shows (any version of it), never to another survey's. Its site, and the
/// employee of its desk, come from the terminal itself, not from what it sends.
pub fn terminal_may_answer(
    kind: crate::terminal::Kind,
    terminal_survey: Option<Uuid>,
    question_survey: Option<Uuid>,
) -> bool {
    kind == crate::terminal::Kind::Kiosk
        && terminal_survey.is_some()
        && question_survey == terminal_survey
}

/// How long a station's request lets the terminal name the employee who asked: answers
/// queued on a terminal that was offline arrive late, but not weeks late.
pub const STATION_REQUEST_VALID_MS: i64 = 7 * 24 * 3_600_000;

/// What a terminal's answer may name besides its site, gathered by the caller: the staff
/// of the terminal's site, the services it offers, and when each employee last asked
/// this terminal for a rating from their station.
#[derive(Debug, Clone, Default)]
pub struct TerminalReach {
    pub mode: crate::terminal::Mode,
    /// Free rating offers the site's staff on its first screen.
    pub show_staff: bool,
    /// The employee of the terminal's desk, if any.
    pub desk_employee: Option<Uuid>,
    /// The service the terminal is bound to, if any.
    pub bound_service: Option<Uuid>,
    pub site_staff: HashSet<Uuid>,
    pub site_services: HashSet<Uuid>,
    /// Employee → when their station last asked this terminal (ms since the epoch).
    pub asked: std::collections::HashMap<Uuid, i64>,
}

/// Whether a terminal's answer may be put on `employee`: the desk's employee; an
/// employee whose station asked this terminal in the last week; or, on a free-rating
/// screen that offers the staff, an employee of the terminal's site. Never anyone else
/// of the organisation: one tablet's token must not skew another branch's results.
pub fn terminal_may_name_employee(reach: &TerminalReach, employee: Uuid, now_ms: i64) -> bool {
    reach.desk_employee == Some(employee)
        || reach
            .asked
            .get(&employee)
            .is_some_and(|at| now_ms - at <= STATION_REQUEST_VALID_MS)
        || (reach.mode == crate::terminal::Mode::Free
            && reach.show_staff
            && reach.site_staff.contains(&employee))
}

/// Whether a terminal's answer may be put on `service`: the one it is bound to, or a
/// service its site offers.
pub fn terminal_may_name_service(reach: &TerminalReach, service: Uuid) -> bool {
    reach.bound_service == Some(service) || reach.site_services.contains(&service)
}

/// A paired station device acts for the employee of its desk, and only for them; it
/// reads no rating, exactly like the employee's own station.
pub fn station_device_acts_for(
    kind: crate::terminal::Kind,
    desk_employee: Option<Uuid>,
) -> Option<Uuid> {
    (kind == crate::terminal::Kind::Station)
        .then_some(desk_employee)
        .flatten()
}

/// Who may open a saved report: whoever reads results and is the head, its author, or of
/// a role it is shared with. (What they then see of it is their own reach.)
pub fn may_open_report(
    actor: &Actor,
    org: &OrgPolicy,
    author: Uuid,
    shared_roles: &[&str],
) -> bool {
    allows(actor, org, Action::ViewResults { site: None })
        && (actor.role == Role::Head
            || actor.user_id == author
            || shared_roles.contains(&actor.role.as_str()))
}

/// Who may change or delete a saved report: the head and its author.
pub fn may_change_report(actor: &Actor, org: &OrgPolicy, author: Uuid) -> bool {
    allows(actor, org, Action::ViewResults { site: None })
        && (actor.role == Role::Head || actor.user_id == author)
}

/// Whether `actor` may see an alert raised at `site` (`None`: about the whole
/// organisation, which a user limited to some sites does not see).
pub fn may_see_alert(actor: &Actor, org: &OrgPolicy, site: Option<Uuid>) -> bool {
    allows(actor, org, Action::ViewAlerts { site })
        && match results_limited_to_scope(actor) {
            Some(s) => site.is_some_and(|x| s.contains(&x)),
            None => true,
        }
}

/// Whether `actor` may follow up an alert raised at `site`.
pub fn may_handle_alert(actor: &Actor, org: &OrgPolicy, site: Option<Uuid>) -> bool {
    may_see_alert(actor, org, site) && allows(actor, org, Action::HandleAlert { site })
}

/// Whether results shown to `actor` must be limited to the sites of their scope.
pub fn results_limited_to_scope(actor: &Actor) -> Option<&HashSet<Uuid>> {
    match &actor.scope {
        Scope::All => None,
        Scope::Sites(s) => Some(s),
    }
}

#[cfg(test)]
mod tests;
