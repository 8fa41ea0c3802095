//! Comments as the pages show them: each with the scores of its visit, what Rida read in
//! it (sentiment and themes), and the employee named only to who may see employees.

use rida_domain::Scale;
use serde::Serialize;
use uuid::Uuid;

use super::names::Names;

#[derive(Debug, Clone, Serialize)]
pub struct CommentView {
    pub day: String,
    pub site: String,
    pub service: Option<String>,
    /// Only for users who may see employees' results.
    pub employee: Option<String>,
    pub channel: String,
    pub text: String,
    pub scores: Vec<(Scale, i16)>,
    pub low: bool,
    pub id: Uuid,
    /// What Rida read: the sentiment and the themes (key, the organisation's own name).
    pub sentiment: Option<rida_domain::text::Sentiment>,
    pub themes: Vec<(String, Option<String>)>,
}

impl CommentView {
    /// A comment as a page shows it: the employee named only to who may see employees.
    pub(crate) fn of(
        c: rida_store::Comment,
        names: &Names,
        see_employees: bool,
        panel: &super::themes::ThemesPanel,
    ) -> CommentView {
        let themes = c
            .reading
            .as_ref()
            .map(|r| {
                r.themes
                    .iter()
                    .map(|k| (k.clone(), panel.names.get(k).cloned()))
                    .collect()
            })
            .unwrap_or_default();
        CommentView {
            id: c.id,
            sentiment: c.reading.as_ref().map(|r| r.sentiment),
            themes,
            day: iso_day(c.local_day),
            site: Names::of(&names.sites, c.site_id),
            service: c.service_id.map(|s| Names::of(&names.services, s)),
            employee: c
                .employee_id
                .filter(|_| see_employees)
                .map(|e| Names::of(&names.employees, e)),
            channel: c.channel.clone(),
            low: c.is_low(),
            scores: c.scores,
            text: c.text,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Comments {
    pub items: Vec<CommentView>,
    pub withheld: bool,
    pub low_only: bool,
}

/// `yyyymmdd` as `yyyy-mm-dd`.
pub(crate) fn iso_day(k: i32) -> String {
    format!("{:04}-{:02}-{:02}", k / 10_000, k / 100 % 100, k % 100)
}
