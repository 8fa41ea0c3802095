//! Replies from customers, whichever gateway brought them: matched to the survey last
//! sent to the number, read by `domain::reply`, and turned into an answer, a re-ask,
//! a comment or a change in the opt-out register.
//!
//! Which survey a reply answers: the one most recently sent to the number that is still
//! open (sent or delivered, not answered, not expired). Older surveys still open stay
//! open until they expire. A reply to no open survey but to one that expired or was
//! answered is kept as a comment on that visit, never as a score.

use jiff::Timestamp;
use rida_domain::{
    Answer, Channel, Locale, Scale,
    contact::Phone,
    new_id,
    reply::{self, Reply},
};
use rida_store::{Inbound, NewRating, Received, ReplyEffect, SentSurvey};
use uuid::Uuid;

use super::compose;
use crate::state::AppState;

/// Replies from one number within an hour beyond which the rest are only counted.
pub const FLOOD_LIMIT: i64 = 20;

/// A reply as a gateway delivered it.
pub struct Incoming {
    /// `kannel`, `twilio`, `whatsapp`.
    pub provider: &'static str,
    /// The gateway's id of the message (a second call with it changes nothing).
    pub provider_id: String,
    pub from: Phone,
    pub text: String,
    /// A quick-reply button's score, when the customer tapped one.
    pub button: Option<i16>,
}

/// Receives one reply: records it once and does what it says.
pub async fn receive(state: &AppState, r: Incoming) -> anyhow::Result<Received> {
    let now = Timestamp::now().as_millisecond();
    let recipient_key = state.contact_key.recipient_key(&r.from);
    let inbound = Inbound {
        provider: r.provider.to_string(),
        provider_id: r.provider_id.clone(),
        recipient_key: recipient_key.clone(),
        received_at: now,
    };
    let store = &state.store;
    if store.replies_since(&recipient_key, now - 3_600_000).await? >= FLOOD_LIMIT {
        let effect = ReplyEffect::Nothing {
            org: None,
            message: None,
            outcome: "limited",
        };
        return Ok(store.receive_reply(&inbound, &effect).await?);
    }
    let latest = store.latest_survey_to(&recipient_key).await?;
    let scale = match &latest {
        Some(s) => scale_of(state, s).await?,
        None => Scale::Csat5,
    };
    let said = match r.button {
        Some(score) => Reply::Score {
            score,
            comment: None,
        },
        None => reply::parse(&r.text, scale),
    };
    let effect = effect_of(state, (&r, &recipient_key), said, latest, scale, now).await?;
    Ok(store.receive_reply(&inbound, &effect).await?)
}

async fn scale_of(state: &AppState, s: &SentSurvey) -> anyhow::Result<Scale> {
    let Some(q) = s.question_id else {
        return Ok(Scale::Csat5);
    };
    let refs = state
        .store
        .rating_refs(s.org_id, &[], &[], &[], &[q])
        .await?;
    Ok(refs
        .questions
        .get(&q)
        .map(|q| q.scale)
        .unwrap_or(Scale::Csat5))
}

async fn effect_of(
    state: &AppState,
    (r, recipient_key): (&Incoming, &str),
    said: Reply,
    latest: Option<SentSurvey>,
    scale: Scale,
    now: i64,
) -> anyhow::Result<ReplyEffect> {
    let range = scale.score_range().unwrap_or((1, 5));
    let nothing = |latest: &Option<SentSurvey>, outcome| ReplyEffect::Nothing {
        org: latest.as_ref().map(|s| s.org_id),
        message: latest.as_ref().map(|s| s.id),
        outcome,
    };
    match said {
        Reply::Stop { .. } | Reply::Start => {
            let opted_out = matches!(said, Reply::Stop { .. });
            let kind = match said {
                Reply::Stop { with_score: true } => "stop-score",
                Reply::Stop { with_score: false } => "stop",
                _ => "start",
            };
            let mut orgs = Vec::new();
            for (org_id, key) in state.store.organisations_of(recipient_key).await? {
                let org = state.store.organisation(org_id).await?;
                let lang = latest
                    .as_ref()
                    .filter(|s| s.org_id == org_id)
                    .and_then(|s| Locale::parse(&s.lang))
                    .unwrap_or_else(|| Locale::parse(&org.default_locale).unwrap_or_default());
                let confirm =
                    compose::answer_to(state, kind, &org, latest.as_ref(), range, &r.from, lang);
                orgs.push((org_id, key, Some(confirm)));
            }
            if orgs.is_empty() {
                return Ok(nothing(&latest, "unmatched"));
            }
            Ok(ReplyEffect::Consent { opted_out, orgs })
        }
        Reply::Help => {
            let Some(s) = &latest else {
                return Ok(nothing(&latest, "unmatched"));
            };
            let org = state.store.organisation(s.org_id).await?;
            let lang = Locale::parse(&s.lang).unwrap_or_default();
            let reply = compose::answer_to(state, "help", &org, Some(s), range, &r.from, lang);
            Ok(ReplyEffect::Help {
                org: s.org_id,
                reply,
            })
        }
        Reply::Score { score, comment } => {
            let Some(s) = latest else {
                return Ok(nothing(&None, "unmatched"));
            };
            if s.is_open(now) {
                let at = place(state, &s, now).await?;
                let mut ratings = vec![];
                if let Some(q) = s.question_id {
                    ratings.push(rating(&s, &at, s.id, q, Answer::Score(score), now));
                }
                if let (Some(text), Some(q)) = (comment, s.comment_question_id) {
                    ratings.push(rating(&s, &at, new_id(), q, Answer::Text(text), now));
                }
                Ok(ReplyEffect::Answer {
                    org: s.org_id,
                    message: s.id,
                    ratings,
                })
            } else {
                late(state, &s, &r.text, now).await
            }
        }
        Reply::Unclear { text } | Reply::Comment { text } => {
            let Some(s) = latest else {
                return Ok(nothing(&None, "unmatched"));
            };
            if !s.is_open(now) {
                return late(state, &s, &text, now).await;
            }
            let words = match (reply::parse(&text, scale), s.comment_question_id) {
                (Reply::Comment { text }, Some(q)) => {
                    let at = place(state, &s, now).await?;
                    vec![rating(&s, &at, new_id(), q, Answer::Text(text), now)]
                }
                _ => vec![],
            };
            if s.reasked {
                // Asked once more already: keep the words, ask no more.
                return Ok(if words.is_empty() {
                    nothing(&Some(s), "ignored")
                } else {
                    ReplyEffect::Comment {
                        org: s.org_id,
                        message: s.id,
                        ratings: words,
                        outcome: "comment",
                    }
                });
            }
            let org = state.store.organisation(s.org_id).await?;
            let lang = Locale::parse(&s.lang).unwrap_or_default();
            let reask = compose::answer_to(state, "reask", &org, Some(&s), range, &r.from, lang);
            Ok(ReplyEffect::Reask {
                org: s.org_id,
                message: s.id,
                reask,
                ratings: words,
            })
        }
    }
}

/// A reply to a survey no longer open: its words kept as a comment on that visit.
async fn late(
    state: &AppState,
    s: &SentSurvey,
    text: &str,
    now: i64,
) -> anyhow::Result<ReplyEffect> {
    let words: String = text.trim().chars().take(reply::MAX_COMMENT_CHARS).collect();
    let ratings = match s.comment_question_id {
        Some(q) if !words.is_empty() => {
            let at = place(state, s, now).await?;
            vec![rating(s, &at, new_id(), q, Answer::Text(words), now)]
        }
        _ => vec![],
    };
    Ok(ReplyEffect::Comment {
        org: s.org_id,
        message: s.id,
        ratings,
        outcome: "late",
    })
}

/// Where and on which day a reply to a survey counts: the visit's site, in its time
/// zone (read once per reply, whatever it stores).
struct Place {
    site: Uuid,
    day: i32,
}

async fn place(state: &AppState, s: &SentSurvey, now: i64) -> anyhow::Result<Place> {
    let site = s
        .site_id
        .ok_or_else(|| anyhow::anyhow!("survey {} follows a visit without a site", s.id))?;
    let day = state.site_day(s.org_id, site, now).await?;
    Ok(Place { site, day })
}

/// An answer to the survey's visit: its site, service and employee, on the site's day.
fn rating(
    s: &SentSurvey,
    at: &Place,
    id: Uuid,
    question: Uuid,
    answer: Answer,
    now: i64,
) -> NewRating {
    let (site, day) = (at.site, at.day);
    NewRating {
        id,
        answered_at: now,
        received_at: now,
        local_day: day,
        site_id: site,
        service_id: s.service_id,
        employee_id: s.employee_id,
        channel: if s.channel == "whatsapp" {
            Channel::Whatsapp
        } else {
            Channel::Sms
        },
        question_id: question,
        answer,
        visit_id: s.visit_id,
        customer_key: s.customer_key.clone(),
        terminal_id: None,
        lang: Some(s.lang.clone()),
        flags: 0,
    }
}
