//! Raw answers as CSV (UTF-8 with a BOM) or `.xlsx`, streamed a page at a time so that an
//! export of millions of answers holds one page in memory; the employee column only for
//! those who may see employees' results; a comment that looks like a formula stays text.

use std::collections::HashMap;

use rida_domain::Locale;
use rida_store::{AnswerCursor, AnswerFilter, RawAnswer, Store};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use uuid::Uuid;

use super::{dashboard::Names, export::csv_field};
use crate::{Error, i18n};

/// Answers read at a time.
pub const PAGE: i64 = 20_000;

/// What turns an answer into cells: names, question codes, the reader's language.
pub struct Columns {
    names: Names,
    questions: HashMap<Uuid, String>,
    locale: Locale,
    see_employees: bool,
    tz: jiff::tz::TimeZone,
    /// Each channel's name in the reader's language, looked up once.
    channels: HashMap<String, String>,
}

impl Columns {
    pub async fn load(
        store: &Store,
        org: &rida_store::Organisation,
        locale: Locale,
        see_employees: bool,
    ) -> Result<Columns, Error> {
        Ok(Columns {
            names: Names::load(store, org.id, locale).await?,
            questions: store
                .list_questions(org.id)
                .await?
                .into_iter()
                .map(|q| (q.id, q.code))
                .collect(),
            locale,
            see_employees,
            tz: jiff::tz::TimeZone::get(&org.time_zone).unwrap_or(jiff::tz::TimeZone::UTC),
            channels: rida_domain::Channel::ALL
                .iter()
                .map(|c| {
                    let key = c.as_str().to_string();
                    let name = i18n::t(locale, &format!("channel-{key}"));
                    (key, name)
                })
                .collect(),
        })
    }

    pub fn header(&self) -> Vec<String> {
        let l = self.locale;
        let mut h = vec![
            i18n::t(l, "raw-answered-at"),
            i18n::t(l, "filter-site"),
            i18n::t(l, "filter-service"),
        ];
        if self.see_employees {
            h.push(i18n::t(l, "filter-employee"));
        }
        h.extend(
            [
                "col-channel",
                "dim-language",
                "col-question",
                "raw-score",
                "col-choice",
                "col-comment",
                "raw-visit",
                "raw-burst",
            ]
            .map(|k| i18n::t(l, k)),
        );
        h
    }

    /// The cells of one answer; `None` where empty. The score is the one number.
    pub fn cells(&self, a: &RawAnswer) -> (Vec<Option<String>>, Option<f64>) {
        let name =
            |m: &HashMap<Uuid, String>, id: Option<Uuid>| id.and_then(|i| m.get(&i).cloned());
        let at = jiff::Timestamp::from_millisecond(a.answered_at)
            .map(|t| {
                t.to_zoned(self.tz.clone())
                    .strftime("%Y-%m-%d %H:%M:%S")
                    .to_string()
            })
            .ok();
        let mut row = vec![
            at,
            name(&self.names.sites, Some(a.site_id)),
            name(&self.names.services, a.service_id),
        ];
        if self.see_employees {
            row.push(name(&self.names.employees, a.employee_id));
        }
        row.extend([
            self.channels.get(&a.channel).cloned(),
            a.lang.as_deref().map(rida_domain::locale::language_name),
            self.questions.get(&a.question_id).cloned(),
        ]);
        (row, a.score.map(f64::from))
    }

    /// What follows the score.
    pub fn tail(&self, a: &RawAnswer) -> Vec<Option<String>> {
        vec![
            a.choice.clone(),
            a.answer_text.clone(),
            a.visit_id.map(|v| v.to_string()),
            (a.flags != 0).then(|| i18n::t(self.locale, "raw-yes")),
        ]
    }

    /// One CSV line.
    pub fn csv_line(&self, a: &RawAnswer) -> String {
        let (head, score) = self.cells(a);
        let mut fields: Vec<String> = head
            .into_iter()
            .map(|c| c.map(|s| csv_field(&s)).unwrap_or_default())
            .collect();
        fields.push(score.map(|s| format!("{s:.0}")).unwrap_or_default());
        fields.extend(
            self.tail(a)
                .into_iter()
                .map(|c| c.map(|s| csv_field(&s)).unwrap_or_default()),
        );
        fields.join(",") + "\r\n"
    }
}

/// Sends the CSV a page at a time to `sink` (the BOM and header first); stops early when
/// the receiver is gone; returns how many answers were sent.
pub async fn csv(
    store: &Store,
    org: Uuid,
    f: &AnswerFilter,
    cols: &Columns,
    sink: tokio::sync::mpsc::Sender<std::io::Result<String>>,
) -> Result<u64, Error> {
    let header: Vec<String> = cols.header().iter().map(|h| csv_field(h)).collect();
    if sink
        .send(Ok(format!("\u{feff}{}\r\n", header.join(","))))
        .await
        .is_err()
    {
        return Ok(0);
    }
    let mut cursor: Option<AnswerCursor> = None;
    let mut done = 0;
    loop {
        let (rows, next) = store.answers_page(org, f, cursor, PAGE).await?;
        if rows.is_empty() {
            break;
        }
        let chunk: String = rows.iter().map(|a| cols.csv_line(a)).collect();
        done += rows.len() as u64;
        if sink.send(Ok(chunk)).await.is_err() {
            break;
        }
        cursor = next;
    }
    Ok(done)
}

/// Writes the `.xlsx` to `path` in constant memory (rows go to a temporary file as they
/// come), frozen header, right to left in Arabic; returns how many answers were written.
pub async fn xlsx(
    store: &Store,
    org: Uuid,
    f: &AnswerFilter,
    cols: &Columns,
    path: &std::path::Path,
    mut progress: impl FnMut(u64),
) -> Result<u64, Error> {
    let x = |e: XlsxError| Error::Internal(e.into());
    let mut book = Workbook::new();
    let ws = book.add_worksheet_with_constant_memory().map_err(x)?;
    ws.set_name(i18n::t(cols.locale, "sheet-answers"))
        .map_err(x)?;
    if cols.locale.dir() == "rtl" {
        ws.set_right_to_left(true);
    }
    let bold = Format::new().set_bold();
    for (c, h) in cols.header().iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)
            .map_err(x)?;
    }
    ws.set_freeze_panes(1, 0).map_err(x)?;
    let mut cursor: Option<AnswerCursor> = None;
    let mut r: u32 = 0;
    loop {
        let (rows, next) = store.answers_page(org, f, cursor, PAGE).await?;
        if rows.is_empty() {
            break;
        }
        for a in &rows {
            r += 1;
            let (head, score) = cols.cells(a);
            let mut c: u16 = 0;
            for v in head {
                if let Some(s) = v {
                    ws.write_string(r, c, s).map_err(x)?;
                }
                c += 1;
            }
            if let Some(s) = score {
                ws.write_number(r, c, s).map_err(x)?;
            }
            c += 1;
            for v in cols.tail(a) {
                // Always a string cell: a comment "=1+2" stays the text "=1+2".
                if let Some(s) = v {
                    ws.write_string(r, c, s).map_err(x)?;
                }
                c += 1;
            }
        }
        progress(u64::from(r));
        cursor = next;
    }
    book.save(path).map_err(x)?;
    Ok(u64::from(r))
}
