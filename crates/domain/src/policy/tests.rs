//! The policy's rules, role by role.

use super::*;

fn actor(role: Role, sites: &[Uuid]) -> Actor {
    let scope = if sites.is_empty() {
        Scope::All
    } else {
        Scope::Sites(sites.iter().copied().collect())
    };
    Actor::new(Uuid::now_v7(), role, scope, None)
}

#[test]
fn a_terminal_names_only_its_desk_its_askers_and_offered_staff() {
    use crate::terminal::Mode;
    let (desk, asker, staff, elsewhere) = (
        Uuid::now_v7(),
        Uuid::now_v7(),
        Uuid::now_v7(),
        Uuid::now_v7(),
    );
    let now = 1_000_000_000_000;
    let mut reach = TerminalReach {
        mode: Mode::Multi,
        show_staff: true,
        desk_employee: Some(desk),
        bound_service: None,
        site_staff: [desk, asker, staff].into_iter().collect(),
        site_services: HashSet::new(),
        asked: [(asker, now - 3_600_000)].into_iter().collect(),
    };
    assert!(terminal_may_name_employee(&reach, desk, now));
    assert!(terminal_may_name_employee(&reach, asker, now));
    // Staff are offered on a free-rating screen only, and only when it shows them.
    assert!(!terminal_may_name_employee(&reach, staff, now));
    assert!(!terminal_may_name_employee(&reach, elsewhere, now));
    reach.mode = Mode::Free;
    assert!(terminal_may_name_employee(&reach, staff, now));
    assert!(!terminal_may_name_employee(&reach, elsewhere, now));
    reach.show_staff = false;
    assert!(!terminal_may_name_employee(&reach, staff, now));
    // A request from weeks ago no longer names anyone.
    let later = now + STATION_REQUEST_VALID_MS + 1;
    assert!(!terminal_may_name_employee(&reach, asker, later));
}

#[test]
fn alerts_are_seen_within_reach_and_handled_by_the_head_and_managers() {
    let (here, there) = (Uuid::now_v7(), Uuid::now_v7());
    let org = OrgPolicy::default();
    let head = actor(Role::Head, &[]);
    let manager = actor(Role::Manager, &[here]);
    let analyst = actor(Role::Analyst, &[]);
    for a in [&head, &analyst] {
        assert!(may_see_alert(a, &org, Some(there)) && may_see_alert(a, &org, None));
    }
    assert!(may_handle_alert(&head, &org, None));
    assert!(!may_handle_alert(&analyst, &org, Some(here)));
    assert!(
        may_see_alert(&manager, &org, Some(here)) && may_handle_alert(&manager, &org, Some(here))
    );
    assert!(!may_see_alert(&manager, &org, Some(there)) && !may_see_alert(&manager, &org, None));
    assert!(!may_handle_alert(&manager, &org, None));
    for r in [Role::Supervisor, Role::Employee] {
        assert!(!may_see_alert(&actor(r, &[here]), &org, Some(here)), "{r}");
    }
    assert!(allows(&head, &org, Action::ManageAlertRules));
    assert!(!allows(&manager, &org, Action::ManageAlertRules));
    assert!(!allows(&manager, &org, Action::ImportExternal));
    assert!(allows(&head, &org, Action::ImportExternal));
}

#[test]
fn reports_open_to_the_head_the_author_and_the_roles_shared_with() {
    let org = OrgPolicy::default();
    let author = actor(Role::Analyst, &[]);
    let other_analyst = actor(Role::Analyst, &[]);
    let manager = actor(Role::Manager, &[Uuid::now_v7()]);
    let head = actor(Role::Head, &[]);
    let supervisor = actor(Role::Supervisor, &[]);
    let a = author.user_id;
    assert!(may_open_report(&author, &org, a, &[]));
    assert!(may_open_report(&head, &org, a, &[]));
    assert!(!may_open_report(&other_analyst, &org, a, &["manager"]));
    assert!(may_open_report(&manager, &org, a, &["manager"]));
    // Sharing never opens results to a role that reads none.
    assert!(!may_open_report(&supervisor, &org, a, &["supervisor"]));
    assert!(may_change_report(&head, &org, a) && may_change_report(&author, &org, a));
    assert!(!may_change_report(&manager, &org, a));
}

#[test]
fn an_employee_can_never_read_results_whatever_the_settings() {
    let open = OrgPolicy {
        managers_see_employees: true,
        analysts_see_employees: true,
        ..OrgPolicy::default()
    };
    let mut e = actor(Role::Employee, &[]);
    e.employee_id = Some(Uuid::now_v7());
    for a in [
        Action::OpenAdmin,
        Action::ViewResults { site: None },
        Action::ViewEmployeeResults { site: None },
        Action::ViewEmployeeResults {
            site: Some(Uuid::now_v7()),
        },
        Action::ViewEmployees,
        Action::ViewStructure,
    ] {
        assert!(!allows(&e, &open, a), "{a:?}");
    }
    assert!(allows(
        &e,
        &open,
        Action::UseStation {
            employee: e.employee_id.unwrap()
        }
    ));
    assert!(!allows(
        &e,
        &open,
        Action::UseStation {
            employee: Uuid::now_v7()
        }
    ));
}

#[test]
fn per_employee_results_are_hidden_from_managers_by_default() {
    let site = Uuid::now_v7();
    let m = actor(Role::Manager, &[site]);
    let hidden = OrgPolicy::default();
    let shown = OrgPolicy {
        managers_see_employees: true,
        ..OrgPolicy::default()
    };
    let a = Action::ViewEmployeeResults { site: Some(site) };
    assert!(!allows(&m, &hidden, a));
    assert!(allows(&m, &shown, a));
    assert!(allows(&actor(Role::Head, &[]), &hidden, a));
}

#[test]
fn the_pulse_and_customers_histories_are_read_by_whom_they_are_for() {
    let (mine, other) = (Uuid::now_v7(), Uuid::now_v7());
    let org = OrgPolicy::default();
    let m = actor(Role::Manager, &[mine]);
    for a in [
        Action::ViewPulse { site: Some(mine) },
        Action::ViewCustomer { site: Some(mine) },
    ] {
        assert!(allows(&m, &org, a));
    }
    for a in [
        Action::ViewPulse { site: Some(other) },
        Action::ViewCustomer { site: Some(other) },
        Action::AnswerPulse,
    ] {
        assert!(!allows(&m, &org, a));
    }
    let analyst = actor(Role::Analyst, &[]);
    assert!(allows(
        &analyst,
        &org,
        Action::ViewPulse { site: Some(other) }
    ));
    assert!(!allows(&analyst, &org, Action::ViewCustomer { site: None }));
    let supervisor = actor(Role::Supervisor, &[]);
    assert!(!allows(&supervisor, &org, Action::ViewPulse { site: None }));
    // An employee answers and reads the organisation's pulse, never a site's.
    let e = Actor::new(
        Uuid::now_v7(),
        Role::Employee,
        Scope::All,
        Some(Uuid::now_v7()),
    );
    assert!(allows(&e, &org, Action::AnswerPulse));
    assert!(allows(&e, &org, Action::ViewPulseSummary));
    assert!(!allows(&e, &org, Action::ViewPulse { site: None }));
    assert!(!allows(&e, &org, Action::ViewCustomer { site: None }));
    let head = actor(Role::Head, &[]);
    assert!(
        !allows(&head, &org, Action::AnswerPulse),
        "no employee of theirs"
    );
}

#[test]
fn a_manager_is_held_to_their_sites() {
    let (mine, other) = (Uuid::now_v7(), Uuid::now_v7());
    let m = actor(Role::Manager, &[mine]);
    let org = OrgPolicy::default();
    assert!(allows(&m, &org, Action::ViewResults { site: Some(mine) }));
    assert!(!allows(&m, &org, Action::ViewResults { site: Some(other) }));
    assert!(allows(&m, &org, Action::ManageSite { site: Some(mine) }));
    assert!(!allows(&m, &org, Action::ManageSite { site: Some(other) }));
    assert!(!allows(&m, &org, Action::ManageSite { site: None }));
    // Surveys serve every site: only a manager of the whole organisation edits them.
    // So do the rules that send them after visits.
    for action in [Action::ManageSurveys, Action::ManageSurveyDispatch] {
        assert!(!allows(&m, &org, action));
        let everywhere = Actor::new(Uuid::now_v7(), Role::Manager, Scope::All, None);
        assert!(allows(&everywhere, &org, action));
        for role in [Role::Supervisor, Role::Analyst, Role::Employee] {
            let a = Actor::new(Uuid::now_v7(), role, Scope::All, None);
            assert!(!allows(&a, &org, action), "{role:?}");
        }
    }
}

#[test]
fn a_terminal_answers_only_its_own_survey() {
    use crate::terminal::Kind::{Kiosk, Station};
    let (mine, other) = (Some(Uuid::now_v7()), Some(Uuid::now_v7()));
    assert!(terminal_may_answer(Kiosk, mine, mine));
    assert!(!terminal_may_answer(Kiosk, mine, other));
    assert!(
        !terminal_may_answer(Kiosk, mine, None),
        "a question of no survey"
    );
    assert!(
        !terminal_may_answer(Kiosk, None, None),
        "a terminal without a survey"
    );
    assert!(
        !terminal_may_answer(Station, mine, mine),
        "a station takes no answers"
    );
    let anna = Some(Uuid::now_v7());
    assert_eq!(station_device_acts_for(Station, anna), anna);
    assert_eq!(station_device_acts_for(Kiosk, anna), None);
    assert_eq!(station_device_acts_for(Station, None), None);
}

#[test]
fn a_supervisor_sees_no_results() {
    let s = actor(Role::Supervisor, &[]);
    let open = OrgPolicy {
        managers_see_employees: true,
        analysts_see_employees: true,
        ..OrgPolicy::default()
    };
    assert!(!allows(&s, &open, Action::ViewResults { site: None }));
    assert!(allows(&s, &open, Action::ManageTerminals { site: None }));
}

#[test]
fn only_the_head_manages_users_tokens_and_reads_the_audit_log() {
    let org = OrgPolicy::default();
    for role in Role::ALL {
        let a = actor(role, &[]);
        for action in [
            Action::ManageUsers,
            Action::ManageTokens,
            Action::ViewAudit,
            Action::ManageOrganisation,
        ] {
            assert_eq!(
                allows(&a, &org, action),
                role == Role::Head,
                "{role} {action:?}"
            );
        }
    }
}

#[test]
fn without_its_second_factor_a_session_may_only_set_one_up() {
    let org = OrgPolicy {
        require_second_factor: true,
        ..OrgPolicy::default()
    };
    for role in Role::ALL {
        let mut a = actor(role, &[]);
        a.second_factor = false;
        let waits = reads_results(role);
        assert_eq!(waits_for_second_factor(&a, &org), waits, "{role}");
        assert!(allows(&a, &org, Action::ManageOwnAccount), "{role}");
        if waits {
            for action in [
                Action::OpenAdmin,
                Action::ViewResults { site: None },
                Action::ManageUsers,
            ] {
                assert!(!allows(&a, &org, action), "{role} {action:?}");
            }
        }
        // With the factor given, or where the organisation does not ask, as before.
        a.second_factor = true;
        assert!(!waits_for_second_factor(&a, &org));
        a.second_factor = false;
        assert!(!waits_for_second_factor(&a, &OrgPolicy::default()));
    }
    let mut head = actor(Role::Head, &[]);
    head.second_factor = true;
    assert!(allows(&head, &org, Action::ViewResults { site: None }));
}
