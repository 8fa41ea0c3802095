//! What goes to whom: the survey a visit's rule asks for, in the customer's language
//! (else the rule's, else the organisation's), and the short messages around it
//! (re-ask, opt-out and opt-in confirmations, help).

use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use jiff::{Timestamp, tz::TimeZone};
use rida_domain::names::LocalName;
use rida_domain::{
    Locale, Scale, Texts,
    contact::{Phone, parse_phone},
    dispatch::{self, SurveyChannel},
    new_id, sms,
};
use rida_store::{NewMessage, Organisation, SentSurvey, Unplanned};
use uuid::Uuid;

use crate::{i18n, state::AppState};

/// The question an SMS asks, and where the words around a score go.
#[derive(Debug, Clone)]
pub struct Asked {
    /// The survey (its web link shows all of it).
    pub survey: Uuid,
    pub question: Uuid,
    pub scale: Scale,
    pub prompt: Texts,
    /// The survey's first free-text question (comments).
    pub comment: Option<Uuid>,
}

impl Asked {
    /// The scale's lowest and highest score.
    pub fn range(&self) -> (i16, i16) {
        self.scale.score_range().unwrap_or((1, 5))
    }
}

/// What the planner reads once per organisation and round.
struct OrgPlan {
    org: Organisation,
    rules: Vec<dispatch::Rule>,
    /// Each site's name (with its spellings) and time zone.
    sites: HashMap<Uuid, (LocalName, Option<String>)>,
    asked: HashMap<Option<Uuid>, Option<Asked>>,
}

/// Plans visits' surveys, reading each organisation's settings once.
pub struct Planner<'a> {
    state: &'a AppState,
    orgs: HashMap<Uuid, OrgPlan>,
}

/// The message a visit gets (queued, or recorded as skipped with why) and since when
/// an earlier survey to the same customer makes this one wait (the frequency cap).
pub struct Plan {
    pub message: NewMessage,
    pub cap_since: Option<i64>,
}

impl<'a> Planner<'a> {
    pub fn new(state: &'a AppState) -> Planner<'a> {
        Planner {
            state,
            orgs: HashMap::new(),
        }
    }

    async fn org(&mut self, id: Uuid) -> anyhow::Result<&mut OrgPlan> {
        if !self.orgs.contains_key(&id) {
            let store = &self.state.store;
            let org = store.organisation(id).await?;
            let rules = store.survey_rules(id).await?;
            let sites = store
                .list_sites(
                    id,
                    &rida_store::ListQuery {
                        include_inactive: true,
                        ..Default::default()
                    },
                    None,
                )
                .await?
                .items
                .into_iter()
                .map(|s| (s.id, (LocalName::new(s.name, s.names), s.time_zone)))
                .collect();
            self.orgs.insert(
                id,
                OrgPlan {
                    org,
                    rules,
                    sites,
                    asked: HashMap::new(),
                },
            );
        }
        Ok(self.orgs.get_mut(&id).expect("inserted above"))
    }

    /// The survey message of an ended visit.
    pub async fn plan(&mut self, u: &Unplanned, now: Timestamp) -> anyhow::Result<Plan> {
        let state = self.state;
        let plan = self.org(u.org_id).await?;
        let rule = dispatch::pick(&plan.rules, u.site_id, u.service_id).cloned();
        let channel = rule
            .as_ref()
            .map(|r| r.channel)
            .unwrap_or(SurveyChannel::None);
        let key = &state.contact_key;
        let phone: Option<Phone> = u
            .phone_enc
            .as_deref()
            .and_then(|p| key.open(p))
            .and_then(|p| parse_phone(&p, None).ok());
        let email: Option<String> = u.email_enc.as_deref().and_then(|e| key.open(e));
        // The address the channel uses, sealed, and its key across organisations.
        let (to_enc, recipient_key) = if channel == SurveyChannel::Email {
            (
                email.as_ref().and(u.email_enc.clone()),
                email.as_deref().map(|e| key.email_recipient_key(e)),
            )
        } else {
            (
                phone.as_ref().and(u.phone_enc.clone()),
                phone.as_ref().map(|p| key.recipient_key(p)),
            )
        };
        let (site, site_tz) = u
            .site_id
            .and_then(|s| plan.sites.get(&s).cloned())
            .unwrap_or_else(|| (LocalName::plain(plan.org.name.clone()), None));
        let tz = TimeZone::get(site_tz.as_deref().unwrap_or(&plan.org.time_zone))
            .unwrap_or(TimeZone::UTC);
        let survey_id = rule.as_ref().and_then(|r| r.survey_id);
        if let std::collections::hash_map::Entry::Vacant(e) = plan.asked.entry(survey_id) {
            e.insert(asked_of(state, u.org_id, survey_id).await?);
        }
        let asked = plan.asked.get(&survey_id).cloned().flatten();
        let lang = u
            .lang
            .as_deref()
            .and_then(Locale::parse)
            .or_else(|| {
                rule.as_ref()
                    .and_then(|r| r.lang.as_deref())
                    .and_then(Locale::parse)
            })
            .or_else(|| Locale::parse(&plan.org.default_locale))
            .unwrap_or_default();
        // The site as the customer's language spells it.
        let site_name = site.get(lang).to_string();
        let opted_out = match &u.customer_key {
            Some(k) => state.store.opted_out(u.org_id, k).await?,
            None => false,
        };
        let skip = match (&rule, &asked) {
            (None, _) => Some("no_rule"),
            (Some(r), _) if r.channel == SurveyChannel::None => Some("channel_none"),
            (Some(_), None) => Some("no_question"),
            _ if to_enc.is_none() && channel == SurveyChannel::Email => Some("no_email"),
            _ if to_enc.is_none() => Some("no_phone"),
            _ if opted_out => Some("opted_out"),
            (Some(r), _) if !dispatch::in_sample(u.visit_id, r.sample_percent) => {
                Some("sampled_out")
            }
            _ => None,
        };
        let body = match &asked {
            Some(_) if channel == SurveyChannel::Email => i18n::t_args(
                lang,
                "mail-survey-intro",
                &[
                    ("org", plan.org.name.clone().into()),
                    ("site", site_name.clone().into()),
                ],
            ),
            Some(a) => survey_text(lang, &plan.org.name, &site_name, a),
            None => String::new(),
        };
        let id = new_id();
        // The link goes into the text as it leaves (the stored text never holds it); the
        // parts are counted with it.
        let with_link = rule.as_ref().is_some_and(|r| r.with_link)
            && matches!(channel, SurveyChannel::Sms | SurveyChannel::Whatsapp);
        let counted = if with_link {
            text_with_link(&body, lang, &super::dispatch::survey_link(state, id))
        } else {
            body.clone()
        };
        let ended = Timestamp::from_millisecond(u.ended_at).unwrap_or(now);
        let due = rule
            .as_ref()
            .map(|r| dispatch::due_at(ended, r, &tz, now))
            .unwrap_or(now);
        let expiry_ms = i64::from(rule.as_ref().map(|r| r.expiry_hours).unwrap_or(24)) * 3_600_000;
        let cap_since = rule
            .as_ref()
            .filter(|r| r.cap_days > 0)
            .map(|r| now.as_millisecond() - i64::from(r.cap_days) * 86_400_000);
        Ok(Plan {
            message: NewMessage {
                id,
                kind: "survey",
                visit_id: Some(u.visit_id),
                parent_id: None,
                channel,
                recipient_key: recipient_key.unwrap_or_default(),
                customer_key: u.customer_key.clone(),
                to_enc,
                segments: sms::encode(&counted).parts as i32,
                params: asked.as_ref().map(|a| {
                    let (low, high) = a.range();
                    serde_json::json!({ "org": plan.org.name, "site": site_name, "low": low, "high": high, "link": with_link })
                        .to_string()
                }),
                body,
                lang: lang.tag().to_string(),
                question_id: asked.as_ref().map(|a| a.question),
                comment_question_id: asked.as_ref().and_then(|a| a.comment),
                skip_reason: skip.map(str::to_string),
                due_at: due.as_millisecond(),
                expires_at: Some(due.as_millisecond() + expiry_ms),
                link_key: Some(key.link_key(&key.link_code(id))),
                survey_id: asked.as_ref().map(|a| a.survey),
            },
            cap_since,
        })
    }
}

/// The question asked by the survey a rule names (else the organisation's first
/// active survey): its first scored question on a scale of numbers.
pub async fn asked_of(
    state: &AppState,
    org: Uuid,
    survey: Option<Uuid>,
) -> anyhow::Result<Option<Asked>> {
    let id = match survey {
        Some(id) => Some(id),
        None => state
            .store
            .list_surveys(org, &rida_store::ListQuery::all())
            .await?
            .items
            .into_iter()
            .find(|s| s.active)
            .map(|s| s.id),
    };
    let Some(id) = id else {
        return Ok(None);
    };
    let def = state.store.survey(org, id).await?.def;
    let comment = def
        .questions
        .iter()
        .find(|q| q.scale == Scale::Text && !q.id.is_nil())
        .map(|q| q.id);
    Ok(def
        .questions
        .iter()
        .find(|q| !q.id.is_nil() && q.scale != Scale::YesNo && q.scale.score_range().is_some())
        .map(|q| Asked {
            survey: id,
            question: q.id,
            scale: q.scale,
            prompt: q.prompt.clone(),
            comment,
        }))
}

fn range_args(a: &Asked) -> [(&'static str, FluentValue<'static>); 2] {
    let (low, high) = a.range();
    [("low", low.into()), ("high", high.into())]
}

/// The survey's text: a satisfaction question names the site; others ask their own
/// question.
pub fn survey_text(l: Locale, org: &str, site: &str, a: &Asked) -> String {
    let [low, high] = range_args(a);
    if a.scale == Scale::Csat5 {
        i18n::t_args(
            l,
            "sms-survey",
            &[
                ("org", org.to_string().into()),
                ("site", site.to_string().into()),
                low,
                high,
            ],
        )
    } else {
        i18n::t_args(
            l,
            "sms-survey-question",
            &[
                ("org", org.to_string().into()),
                ("question", a.prompt.get(l).to_string().into()),
                low,
                high,
            ],
        )
    }
}

/// A survey's text with its web link after it.
pub fn text_with_link(body: &str, l: Locale, link: &str) -> String {
    let line = i18n::t_args(l, "sms-survey-link", &[("link", link.to_string().into())]);
    format!("{body} {line}")
}

/// A short message in answer to a reply (`reask`, `stop`, `start`, `help`), to the
/// same number, in the survey's language.
pub fn answer_to(
    state: &AppState,
    kind: &'static str,
    org: &Organisation,
    survey: Option<&SentSurvey>,
    asked_range: (i16, i16),
    phone: &Phone,
    lang: Locale,
) -> NewMessage {
    let (low, high) = asked_range;
    let mut args: Vec<(&str, FluentValue<'static>)> = vec![
        ("org", org.name.clone().into()),
        ("low", low.into()),
        ("high", high.into()),
    ];
    let key = match kind {
        "reask" => "sms-reask",
        "stop" => "sms-stopped",
        "stop-score" => "sms-stopped-score",
        "start" => "sms-started",
        _ => {
            args.push((
                "contact",
                org.help_contact.clone().unwrap_or_default().into(),
            ));
            if org
                .help_contact
                .as_deref()
                .is_some_and(|c| !c.trim().is_empty())
            {
                "sms-help-contact"
            } else {
                "sms-help"
            }
        }
    };
    let body = i18n::t_args(lang, key, &args);
    let now = jiff::Timestamp::now().as_millisecond();
    NewMessage {
        id: new_id(),
        // An opt-out that came with a score is an opt-out; only its words differ.
        kind: if kind == "stop-score" { "stop" } else { kind },
        visit_id: None,
        parent_id: survey.map(|s| s.id),
        channel: survey
            .and_then(|s| SurveyChannel::parse(&s.channel))
            .unwrap_or(SurveyChannel::Sms),
        recipient_key: state.contact_key.recipient_key(phone),
        customer_key: Some(state.contact_key.customer_key(org.id, phone)),
        to_enc: Some(state.contact_key.seal(phone.e164())),
        segments: sms::encode(&body).parts as i32,
        body,
        lang: lang.tag().to_string(),
        params: None,
        question_id: None,
        comment_question_id: None,
        skip_reason: None,
        due_at: now,
        expires_at: None,
        link_key: None,
        survey_id: None,
    }
}
