//! The fleet tells its people. Each round a terminal found offline (silent for the
//! organisation's delay, ten minutes unless set) while its site is open, or quiet while
//! open (it has answered before, and nothing for the usual time), is recorded down once,
//! whichever instance finds it, and its site's supervisors (its managers where it has
//! none) are told; again when it is back. Each person's notices go out together in one
//! message, at most one each quarter of an hour, in their language.

use std::collections::HashMap;

use jiff::Timestamp;
use minijinja::context;
use rida_domain::{Action, Role, terminal::Alert};
use rida_store::{ListQuery, Localized, NewMail, Terminal};
use uuid::Uuid;

use super::{link, render};
use crate::{
    attention::Watch,
    auth::CurrentUser,
    mail::{self, Draft},
    state::AppState,
};

/// Sends the messages due; returns how many.
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<usize> {
    let now = now.as_millisecond();
    let store = &state.store;
    let terminals = store
        .list_terminals(org, None, &ListQuery::all())
        .await?
        .items;
    let down = store.terminals_down(org).await?;
    let o = store.organisation(org).await?;
    let watch = Watch::load(state, org, &o.time_zone, now).await?;
    let tell_after_ms = i64::from(o.offline_notice_minutes.max(1)) * 60_000;
    let mut people: Option<Vec<CurrentUser>> = None;
    for t in &terminals {
        let judged = watch.judge(t);
        let (alerts, open) = (judged.alerts, judged.open);
        // The supervision page shows a terminal offline after a minute; its people are
        // told after the organisation's own delay (a Wi-Fi drop is not worth a message).
        let silent_long = t
            .last_seen_at
            .is_none_or(|seen| now - seen >= tell_after_ms);
        let found = if alerts.contains(&Alert::Offline) && open && silent_long {
            Some("offline")
        } else if alerts.contains(&Alert::Quiet) && t.last_answer_at.is_some() {
            Some("quiet")
        } else {
            None
        };
        let back = match down.get(&t.id) {
            None => false,
            Some(_) if !t.paired => true,
            Some((kind, since)) if kind == "quiet" => t.last_answer_at.is_some_and(|a| a > *since),
            Some(_) => t.online(now),
        };
        if (found.is_some() && !down.contains_key(&t.id)) || back {
            if people.is_none() {
                people = Some(load_people(state, org).await?);
            }
            let to = looking_after(people.as_deref().unwrap_or_default(), t);
            match found.filter(|_| !back) {
                Some(kind) => store.terminal_down(org, t.id, kind, now, &to).await?,
                None => store.terminal_back(org, t.id, now, &to).await?,
            };
        }
    }
    tell(state, org, now, &terminals).await
}

async fn load_people(state: &AppState, org: Uuid) -> anyhow::Result<Vec<CurrentUser>> {
    let mut out = Vec::new();
    for u in state.store.list_users(org, &ListQuery::all()).await?.items {
        if u.active
            && matches!(u.role, Role::Supervisor | Role::Manager)
            && let Some(cu) = CurrentUser::load(state, u.id).await?
        {
            out.push(cu);
        }
    }
    Ok(out)
}

/// Who is told about a terminal: the supervisors of its site, or its managers when it
/// has no supervisor.
fn looking_after(people: &[CurrentUser], t: &Terminal) -> Vec<Uuid> {
    let may = |u: &&CurrentUser| {
        u.may(Action::ManageTerminals {
            site: Some(t.site_id),
        })
    };
    let of = |role: Role| -> Vec<Uuid> {
        people
            .iter()
            .filter(|u| u.actor.role == role)
            .filter(may)
            .map(|u| u.user.user_id)
            .collect()
    };
    let supervisors = of(Role::Supervisor);
    if supervisors.is_empty() {
        of(Role::Manager)
    } else {
        supervisors
    }
}

/// A person hears about the fleet at most this often: a terminal whose Wi-Fi comes and
/// goes gathers its "offline" and "back" into one message instead of one each round.
pub const TELL_EVERY_MS: i64 = 15 * 60_000;

/// One message to each person with notices waiting (at most one each [`TELL_EVERY_MS`]).
async fn tell(
    state: &AppState,
    org: Uuid,
    now: i64,
    terminals: &[Terminal],
) -> anyhow::Result<usize> {
    let store = &state.store;
    let by_id: HashMap<Uuid, &Terminal> = terminals.iter().map(|t| (t.id, t)).collect();
    let mut sent = 0;
    let waiting = store.users_with_fleet_notices(org).await?;
    if waiting.is_empty() {
        return Ok(0);
    }
    let users = store.list_users(org, &ListQuery::all()).await?.items;
    for uid in waiting {
        // (A message stamped after `now`, by an instance whose clock runs ahead, does not
        // hold this one back.)
        let last = store.fleet_last_told(uid).await?;
        if last.is_some_and(|last| now >= last && now - last < TELL_EVERY_MS) {
            continue;
        }
        let notices = store.fleet_notices_of(uid).await?;
        let user = CurrentUser::load(state, uid).await?;
        let to = users
            .iter()
            .find(|u| u.id == uid)
            .and_then(|u| u.email.clone());
        let (Some(user), Some(to)) = (user, to) else {
            // Nobody to write to: told in the app (supervision) only.
            store
                .send_fleet_notices(org, uid, &notices, now, None)
                .await?;
            continue;
        };
        let l = user.locale;
        let lines: Vec<_> = notices
            .iter()
            .filter_map(|n| {
                let t = by_id.get(&n.terminal_id)?;
                let t = (*t).clone().localized(l);
                Some(context! { kind => n.kind, at => n.at, terminal => t.name, site => t.site_name })
            })
            .collect();
        let page = context! {
            org => user.org.name.clone(),
            lines => lines,
            link => link(state, "/admin/supervision?show=problems"),
        };
        let subject = crate::i18n::t_args(
            l,
            "mail-fleet-subject",
            &[("n", (notices.len() as i64).into())],
        );
        let draft = Draft {
            to: to.clone(),
            subject: subject.clone(),
            html: render(state, "mail_fleet.html", l, page.clone())?,
            text: render(state, "mail_fleet.txt", l, page)?,
            files: vec![],
        };
        let mail = NewMail {
            id: rida_domain::new_id(),
            kind: "fleet",
            user_id: Some(uid),
            to_addr: to,
            subject,
            message: mail::compose(&state.settings.mail_from, &draft)?,
        };
        if store
            .send_fleet_notices(org, uid, &notices, now, Some(&mail))
            .await?
        {
            sent += 1;
        }
    }
    Ok(sent)
}
