//! When and how a survey follows a visit: the rule that applies to the visit's site and
//! service, the sample it falls in, and the first moment outside the quiet hours.

use jiff::{Span, Timestamp, civil::Time, tz::TimeZone};
use serde::Serialize;
use uuid::Uuid;

/// How a survey reaches the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SurveyChannel {
    Sms,
    Whatsapp,
    Email,
    None,
}

impl SurveyChannel {
    pub const ALL: [SurveyChannel; 4] = [
        SurveyChannel::Sms,
        SurveyChannel::Whatsapp,
        SurveyChannel::Email,
        SurveyChannel::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SurveyChannel::Sms => "sms",
            SurveyChannel::Whatsapp => "whatsapp",
            SurveyChannel::Email => "email",
            SurveyChannel::None => "none",
        }
    }

    pub fn parse(s: &str) -> Option<SurveyChannel> {
        SurveyChannel::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Quiet hours: local minutes of the day from which (inclusive) until which (exclusive)
/// nothing is sent. `from > to` wraps past midnight (21:00–09:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Quiet {
    pub from: u16,
    pub to: u16,
}

impl Quiet {
    /// Whether a local time of day falls in the quiet hours.
    pub fn contains(self, minute: u16) -> bool {
        if self.from <= self.to {
            (self.from..self.to).contains(&minute)
        } else {
            minute >= self.from || minute < self.to
        }
    }
}

/// A dispatch rule, as the admin set it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    pub id: Uuid,
    pub site_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub channel: SurveyChannel,
    pub delay_minutes: u32,
    pub quiet: Option<Quiet>,
    pub cap_days: u32,
    pub sample_percent: u8,
    pub survey_id: Option<Uuid>,
    pub lang: Option<String>,
    pub expiry_hours: u32,
    /// SMS and WhatsApp text carry the survey's one-time web link too.
    pub with_link: bool,
}

impl Rule {
    /// How closely the rule fits a visit: site and service 3, service 2, site 1, the
    /// organisation's default 0; `None` when it does not apply.
    fn fit(&self, site: Option<Uuid>, service: Option<Uuid>) -> Option<u8> {
        let site_fit = match self.site_id {
            None => Some(0),
            Some(s) => (Some(s) == site).then_some(1),
        }?;
        let service_fit = match self.service_id {
            None => Some(0),
            Some(s) => (Some(s) == service).then_some(2),
        }?;
        Some(site_fit + service_fit)
    }
}

/// The most specific rule for a visit at `site` for `service`: a rule for both beats a
/// rule for the service, which beats one for the site, which beats the default.
pub fn pick(rules: &[Rule], site: Option<Uuid>, service: Option<Uuid>) -> Option<&Rule> {
    rules
        .iter()
        .filter_map(|r| r.fit(site, service).map(|f| (f, r)))
        .max_by_key(|(f, _)| *f)
        .map(|(_, r)| r)
}

/// Whether a visit falls in a sample of `percent`: decided by the visit's id alone, so
/// that every instance (and every retry) decides the same.
pub fn in_sample(visit: Uuid, percent: u8) -> bool {
    if percent >= 100 {
        return true;
    }
    // FNV-1a over the id's bytes (UUIDv7 starts with the time, so mix them all).
    let h = visit
        .as_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        });
    (h % 100) < u64::from(percent)
}

/// The first moment at or after `at` outside the quiet hours, in the site's time zone.
pub fn outside_quiet(at: Timestamp, quiet: Option<Quiet>, tz: &TimeZone) -> Timestamp {
    let Some(q) = quiet else {
        return at;
    };
    let local = at.to_zoned(tz.clone());
    let minute = (local.hour() as u16) * 60 + local.minute() as u16;
    if !q.contains(minute) {
        return at;
    }
    let end = Time::new((q.to / 60) as i8, (q.to % 60) as i8, 0, 0).unwrap_or(Time::midnight());
    // The quiet hours end today, or (when they wrap and it is evening) tomorrow.
    let day = if q.from > q.to && minute >= q.from {
        local.date().tomorrow().unwrap_or(local.date())
    } else {
        local.date()
    };
    day.to_datetime(end)
        .to_zoned(tz.clone())
        .map(|z| z.timestamp())
        .unwrap_or(at)
}

/// When a survey goes: `delay` after the visit's end, outside the quiet hours.
pub fn due_at(ended: Timestamp, rule: &Rule, tz: &TimeZone, now: Timestamp) -> Timestamp {
    let wanted = ended
        .checked_add(Span::new().minutes(i64::from(rule.delay_minutes)))
        .unwrap_or(ended)
        .max(now);
    outside_quiet(wanted, rule.quiet, tz)
}

/// Parses `HH:MM` into minutes of the day.
pub fn parse_time_of_day(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Minutes of the day as `HH:MM`.
pub fn time_of_day(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(site: Option<Uuid>, service: Option<Uuid>, delay: u32) -> Rule {
        Rule {
            id: Uuid::now_v7(),
            site_id: site,
            service_id: service,
            channel: SurveyChannel::Sms,
            delay_minutes: delay,
            quiet: None,
            cap_days: 0,
            sample_percent: 100,
            survey_id: None,
            lang: None,
            expiry_hours: 24,
            with_link: false,
        }
    }

    #[test]
    fn the_most_specific_rule_wins() {
        let (site, other_site, service) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let rules = vec![
            rule(None, None, 0),
            rule(Some(site), None, 1),
            rule(None, Some(service), 2),
            rule(Some(site), Some(service), 3),
        ];
        let delay = |s, v| pick(&rules, s, v).map(|r| r.delay_minutes);
        assert_eq!(delay(Some(site), Some(service)), Some(3));
        assert_eq!(delay(Some(other_site), Some(service)), Some(2));
        assert_eq!(delay(Some(site), None), Some(1));
        assert_eq!(delay(Some(other_site), None), Some(0));
        assert_eq!(delay(None, None), Some(0));
        assert_eq!(pick(&rules[1..2], Some(other_site), None), None);
    }

    #[test]
    fn sampling_is_decided_by_the_visit_alone() {
        let ids: Vec<Uuid> = (0..4000).map(|_| Uuid::now_v7()).collect();
        let taken = ids.iter().filter(|id| in_sample(**id, 25)).count();
        assert!((800..1200).contains(&taken), "{taken} of 4000 at 25%");
        assert!(ids.iter().all(|id| in_sample(*id, 100)));
        assert!(!ids.iter().any(|id| in_sample(*id, 0)));
        assert!(
            ids.iter()
                .all(|id| in_sample(*id, 30) == in_sample(*id, 30))
        );
    }

    #[test]
    fn quiet_hours_push_the_survey_to_their_end_in_the_site_time_zone() {
        let tz = TimeZone::get("Europe/Riga").unwrap();
        let q = Some(Quiet {
            from: 21 * 60,
            to: 9 * 60,
        });
        let at = |s: &str| s.parse::<jiff::Zoned>().unwrap().timestamp();
        let local = |t: Timestamp| t.to_zoned(tz.clone()).to_string();
        assert_eq!(
            local(outside_quiet(at("2026-12-01T22:30[Europe/Riga]"), q, &tz)),
            "2026-12-02T09:00:00+02:00[Europe/Riga]"
        );
        assert_eq!(
            local(outside_quiet(at("2026-12-01T03:10[Europe/Riga]"), q, &tz)),
            "2026-12-01T09:00:00+02:00[Europe/Riga]"
        );
        let noon = at("2026-12-01T12:00[Europe/Riga]");
        assert_eq!(outside_quiet(noon, q, &tz), noon);
        assert_eq!(
            outside_quiet(at("2026-12-01T22:30[Europe/Riga]"), None, &tz),
            at("2026-12-01T22:30[Europe/Riga]")
        );
        // Quiet hours within one day (13:00–14:00, lunch).
        let lunch = Some(Quiet {
            from: 13 * 60,
            to: 14 * 60,
        });
        assert_eq!(
            local(outside_quiet(
                at("2026-12-01T13:20[Europe/Riga]"),
                lunch,
                &tz
            )),
            "2026-12-01T14:00:00+02:00[Europe/Riga]"
        );
        // The same instant is quiet in Riyadh's evening, not in Riga's afternoon.
        let riyadh = TimeZone::get("Asia/Riyadh").unwrap();
        let t = at("2026-12-01T20:30[Europe/Riga]");
        assert_eq!(outside_quiet(t, q, &tz), t);
        assert_ne!(outside_quiet(t, q, &riyadh), t);
    }

    #[test]
    fn a_survey_is_due_its_delay_after_the_visit_and_never_in_the_past() {
        let tz = TimeZone::UTC;
        let mut r = rule(None, None, 10);
        let ended: Timestamp = "2026-12-01T10:00:00Z".parse().unwrap();
        let now: Timestamp = "2026-12-01T10:01:00Z".parse().unwrap();
        assert_eq!(
            due_at(ended, &r, &tz, now).to_string(),
            "2026-12-01T10:10:00Z"
        );
        let late: Timestamp = "2026-12-01T11:00:00Z".parse().unwrap();
        assert_eq!(due_at(ended, &r, &tz, late), late);
        r.quiet = Some(Quiet { from: 600, to: 720 });
        assert_eq!(
            due_at(ended, &r, &tz, now).to_string(),
            "2026-12-01T12:00:00Z"
        );
    }

    #[test]
    fn times_of_day_read_and_print() {
        assert_eq!(parse_time_of_day("21:00"), Some(1260));
        assert_eq!(parse_time_of_day(" 9:05 "), Some(545));
        assert_eq!(parse_time_of_day("24:00"), None);
        assert_eq!(parse_time_of_day("nine"), None);
        assert_eq!(time_of_day(545), "09:05");
        assert!(
            Quiet {
                from: 1260,
                to: 540
            }
            .contains(0)
        );
        assert!(
            !Quiet {
                from: 1260,
                to: 540
            }
            .contains(540)
        );
        assert!(SurveyChannel::parse("sms") == Some(SurveyChannel::Sms));
        assert!(SurveyChannel::parse("fax").is_none());
    }
}
