//! Each person's digest of alerts, in their language: what is new, what was escalated to
//! them, and whose alerts wait for an e-mail address, in one message at most an hour (or
//! a day, as they choose) after the last, never one message per answer. First, alerts
//! still open after their rule's deadline are escalated once, to the head.

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;
use minijinja::context;
use rida_domain::{Action, Locale, Role, policy::may_see_alert};
use rida_store::{ListQuery, Localized, NewMail, Notice};
use uuid::Uuid;

use super::{link, render};
use crate::{
    analytics::{
        alert_figure::{self, About, AlertFigure},
        dashboard::Names,
    },
    auth::CurrentUser,
    mail::{self, Draft},
    state::AppState,
};

const HOUR: i64 = 3_600_000;

/// Escalates what is overdue, then sends the digests that are due; returns how many.
pub async fn run(state: &AppState, org: Uuid, now: Timestamp) -> anyhow::Result<usize> {
    let now = now.as_millisecond();
    let store = &state.store;
    let overdue = store.overdue_alerts(org, now).await?;
    let mut waiting = store.users_with_notices(org).await?;
    if overdue.is_empty() && waiting.is_empty() {
        return Ok(0);
    }
    let users = store.list_users(org, &ListQuery::all()).await?.items;
    let heads: Vec<Uuid> = users
        .iter()
        .filter(|u| u.active && u.role == Role::Head)
        .map(|u| u.id)
        .collect();
    if !overdue.is_empty() {
        for a in &overdue {
            store.escalate_alert(org, a.id, &heads, now).await?;
        }
        waiting = store.users_with_notices(org).await?;
    }
    // Those without an address first: the head hears of them in this round's digest.
    waiting.sort_by_key(|id| users.iter().any(|u| u.id == *id && u.email.is_some()));
    let mut names: HashMap<Locale, Names> = HashMap::new();
    let mut sent = 0;
    for uid in waiting {
        let Some(u) = users.iter().find(|u| u.id == uid) else {
            continue;
        };
        let notices = store.notices_of(uid).await?;
        if !u.active {
            // Nobody reads an inactive account's digest.
            store.send_digest(org, uid, 0, now, &notices, None).await?;
            continue;
        }
        let Some(to) = u.email.clone() else {
            // Their alerts wait for an address; the head hears of it in their digest.
            let others: Vec<Uuid> = heads.iter().copied().filter(|h| *h != uid).collect();
            for n in notices.iter().filter(|n| !n.kind.starts_with("no_address")) {
                store
                    .add_notices(org, n.alert_id, &format!("no_address:{uid}"), &others, now)
                    .await?;
            }
            continue;
        };
        let (every, last) = store.digest_setting(uid).await?;
        let every = if every == "day" { 24 * HOUR } else { HOUR };
        if last.is_some_and(|t| t > now - every) {
            continue;
        }
        let Some(user) = CurrentUser::load(state, uid).await? else {
            continue;
        };
        let l = user.locale;
        if let std::collections::hash_map::Entry::Vacant(e) = names.entry(l) {
            e.insert(Names::load_with_terminals(store, org, l).await?);
        }
        let names = &names[&l];
        let (items, missing) = items(state, &user, names, &users, &notices).await?;
        if items.is_empty() && missing.is_empty() {
            // Nothing they may see any more (a site moved out of their reach).
            store.send_digest(org, uid, 0, now, &notices, None).await?;
            continue;
        }
        let page = context! {
            org => user.org.name.clone(),
            items => items,
            missing => missing,
            all => link(state, "/admin/alerts"),
        };
        let subject = crate::i18n::t_args(
            l,
            "mail-digest-subject",
            &[("n", (items.len() as i64).into())],
        );
        let draft = Draft {
            to: to.clone(),
            subject: subject.clone(),
            html: render(state, "mail_digest.html", l, page.clone())?,
            text: render(state, "mail_digest.txt", l, page)?,
            files: vec![],
        };
        let mail = NewMail {
            id: rida_domain::new_id(),
            kind: "alert",
            user_id: Some(uid),
            to_addr: to,
            subject,
            message: mail::compose(&state.settings.mail_from, &draft)?,
        };
        if store
            .send_digest(org, uid, every, now, &notices, Some(&mail))
            .await?
        {
            sent += 1;
        }
    }
    Ok(sent)
}

/// The alerts of a digest the reader may see, as its lines, and the colleagues whose
/// alerts wait for an e-mail address (name, how many).
async fn items(
    state: &AppState,
    user: &CurrentUser,
    names: &Names,
    users: &[rida_store::User],
    notices: &[Notice],
) -> anyhow::Result<(Vec<minijinja::Value>, Vec<minijinja::Value>)> {
    let store = &state.store;
    let org = user.org.id;
    let mut out = Vec::new();
    let mut missing: BTreeMap<String, usize> = BTreeMap::new();
    let ids: Vec<Uuid> = notices.iter().map(|n| n.alert_id).collect();
    let asks = store.call_back_questions(org).await?;
    let waiting = store.alerts_awaiting_call_back(org, &ids, &asks).await?;
    for n in notices {
        if let Some(other) = n.kind.strip_prefix("no_address:") {
            let name = users
                .iter()
                .find(|u| u.id.to_string() == other)
                .map_or_else(|| other.to_string(), |u| u.display_name.clone());
            *missing.entry(name).or_default() += 1;
            continue;
        }
        let Ok(a) = store.alert(org, n.alert_id).await else {
            continue;
        };
        // Never mailed to who may not see it.
        if !may_see_alert(&user.actor, &user.org.policy(), a.site_id) {
            continue;
        }
        let see_employee = user.may(Action::ViewEmployeeResults { site: a.site_id });
        let figure = alert_figure::figure(
            store,
            org,
            &About::of(&a),
            names.region_sites(a.rule_region),
            see_employee,
        )
        .await?
        .map(|f| AlertFigure {
            link: link(state, &f.link),
            ..f
        });
        let name =
            |m: &HashMap<Uuid, String>, id: Option<Uuid>| id.and_then(|i| m.get(&i).cloned());
        out.push(context! {
            escalated => n.kind == "escalated",
            region => names.region_name(a.rule_region),
            site => name(&names.sites, a.site_id),
            service => name(&names.services, a.service_id),
            employee => if see_employee { name(&names.employees, a.employee_id) } else { None },
            terminal => names.terminal_of_alert(&a.key),
            theme => a.metric.as_ref().filter(|_| a.kind == "theme").map(|k| names.themes.get(k).cloned().unwrap_or_else(|| k.clone())),
            call_back => waiting.contains(&a.id),
            link => link(state, &format!("/admin/alerts/{}", a.id)),
            figure => figure,
            a => a.localized(user.locale),
        });
    }
    let missing = missing
        .into_iter()
        .map(|(name, n)| context! { name => name, n => n })
        .collect();
    Ok((out, missing))
}
