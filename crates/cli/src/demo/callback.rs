//! The demo's customer to call back: this morning at Jūrmala, a customer surveyed by SMS
//! with its web link rated the staff's courtesy 1, wrote why, and answered "yes" to "may
//! we contact you?". The low-score alert it raises carries the call-back task; the
//! manager opens the customer's history (and their number) from it.

use rida_domain::{Answer, Channel, contact::parse_phone, dispatch::SurveyChannel};
use rida_server::contact::ContactKey;
use rida_store::{NewMessage, NewRating, NewVisit, Store, VisitContact};

use super::World;

/// The demo customer's number (a Latvian mobile number of the test range).
pub const PHONE: &str = "+37120000089";

pub async fn seed(store: &Store, w: &World, key: &ContactKey) -> anyhow::Result<()> {
    let org = w.org;
    let phone = parse_phone(PHONE, None)?;
    let customer = key.customer_key(org, &phone);
    let now = rida_store::now_ms();
    let minutes = |m: i64| now - m * 60_000;
    // Jūrmala, everyday accounts, an employee of Jūrmala.
    let site_ix = 3;
    let (site, _, _) = w.sites[site_ix];
    let employee = w
        .employees
        .iter()
        .find(|(_, at)| at.contains(&site_ix))
        .map(|(e, _)| *e);
    let visit = rida_domain::new_id();
    store
        .insert_visits(
            org,
            &[NewVisit {
                id: visit,
                site_id: Some(site),
                service_id: Some(w.services[0].0),
                employee_id: employee,
                customer_key: Some(customer.clone()),
                arrived_at: Some(minutes(175)),
                started_at: minutes(130),
                ended_at: Some(minutes(118)),
            }],
        )
        .await?;
    store
        .save_visit_contact(
            org,
            &VisitContact {
                visit_id: visit,
                phone_enc: Some(key.seal(phone.e164())),
                email_enc: None,
                lang: Some("en".into()),
                survey: true,
                skip_reason: None,
            },
        )
        .await?;
    let message = rida_domain::new_id();
    store
        .queue_message(
            org,
            &NewMessage {
                id: message,
                kind: "survey",
                visit_id: Some(visit),
                parent_id: None,
                channel: SurveyChannel::Sms,
                recipient_key: key.recipient_key(&phone),
                customer_key: Some(customer.clone()),
                to_enc: Some(key.seal(phone.e164())),
                body: "Dzintars Bank: how was your visit today? Answer 1-5, or on the web.".into(),
                lang: "en".into(),
                params: None,
                question_id: Some(w.csat),
                comment_question_id: Some(w.comment),
                skip_reason: None,
                segments: 1,
                due_at: minutes(117),
                expires_at: Some(now + 22 * 3_600_000),
                link_key: Some(key.link_key(&key.link_code(message))),
                survey_id: None,
            },
        )
        .await?;
    store
        .messages_sent("demo", &[(message, None)], minutes(117))
        .await?;
    let day = rida_domain::period::day_key(
        jiff::Timestamp::from_millisecond(minutes(100))?
            .to_zoned(jiff::tz::TimeZone::get(super::TIME_ZONE)?)
            .date(),
    );
    let answer = |question, a: Answer| NewRating {
        id: rida_domain::new_id(),
        answered_at: minutes(100),
        received_at: minutes(100),
        local_day: day,
        site_id: site,
        service_id: Some(w.services[0].0),
        employee_id: employee,
        channel: Channel::Web,
        question_id: question,
        answer: a,
        visit_id: Some(visit),
        customer_key: Some(customer.clone()),
        terminal_id: None,
        lang: Some("en".into()),
        flags: 0,
    };
    let [waiting, courtesy, accuracy] = w.areas;
    store
        .insert_ratings(
            org,
            &[
                answer(waiting, Answer::Score(2)),
                answer(courtesy, Answer::Score(1)),
                answer(accuracy, Answer::Score(3)),
                answer(w.contact, Answer::Score(1)),
                answer(
                    w.comment,
                    Answer::Text(
                        "Waited 50 minutes and the clerk was rude when I asked about my card. \
                         Please call me."
                            .into(),
                    ),
                ),
            ],
        )
        .await?;
    Ok(())
}
