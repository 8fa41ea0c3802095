//! Raw answers for exports, a page at a time in a stable order (site, day, arrival), so
//! that an export of millions of rows holds one page in memory, whatever its size.

use serde::Serialize;
use uuid::Uuid;

use crate::{Result, Store, with_db};

/// Which answers an export holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnswerFilter {
    pub from_day: i32,
    pub to_day: i32,
    /// `None`: every site.
    pub sites: Option<Vec<Uuid>>,
    pub service: Option<Uuid>,
    pub employee: Option<Uuid>,
}

/// One answer as exported.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct RawAnswer {
    pub seq: i64,
    pub answered_at: i64,
    pub local_day: i32,
    pub site_id: Uuid,
    pub service_id: Option<Uuid>,
    pub employee_id: Option<Uuid>,
    pub channel: String,
    pub question_id: Uuid,
    pub score: Option<i16>,
    pub choice: Option<String>,
    pub answer_text: Option<String>,
    pub visit_id: Option<Uuid>,
    /// Left out as part of a burst of taps.
    pub flags: i16,
    pub lang: Option<String>,
}

/// Where the next page starts: after this site, day and answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnswerCursor {
    pub site: Uuid,
    pub day: i32,
    pub seq: i64,
}

impl Store {
    /// How many answers the filter holds (for a progress bar).
    pub async fn count_answers(&self, org: Uuid, f: &AnswerFilter) -> Result<u64> {
        let mut n = 0;
        for site in self.export_sites(org, f).await? {
            let c: i64 = with_db!(self, p => sqlx::query_scalar(
                "SELECT COUNT(*) FROM ratings WHERE site_id = $1 AND local_day BETWEEN $2 AND $3 AND org_id = $4 \
                 AND ($5 IS NULL OR service_id = $5) AND ($6 IS NULL OR employee_id = $6)")
                .bind(site).bind(f.from_day).bind(f.to_day).bind(org).bind(f.service).bind(f.employee)
                .fetch_one(p).await)?;
            n += c.max(0) as u64;
        }
        Ok(n)
    }

    /// The sites an export reads, in order.
    async fn export_sites(&self, org: Uuid, f: &AnswerFilter) -> Result<Vec<Uuid>> {
        let mut sites: Vec<Uuid> = with_db!(self, p => sqlx::query_scalar("SELECT id FROM sites WHERE org_id = $1")
            .bind(org).fetch_all(p).await)?;
        if let Some(only) = &f.sites {
            sites.retain(|s| only.contains(s));
        }
        sites.sort();
        Ok(sites)
    }

    /// The next `limit` answers after `cursor` (`None`: from the start), and the cursor
    /// after them; an empty page means the export is complete. Reads by the site and
    /// day index, one site after another.
    pub async fn answers_page(
        &self,
        org: Uuid,
        f: &AnswerFilter,
        cursor: Option<AnswerCursor>,
        limit: i64,
    ) -> Result<(Vec<RawAnswer>, Option<AnswerCursor>)> {
        let sites = self.export_sites(org, f).await?;
        let mut start = match cursor {
            Some(c) => sites
                .iter()
                .position(|s| *s == c.site)
                .unwrap_or(sites.len()),
            None => 0,
        };
        let mut cursor = cursor;
        while start < sites.len() {
            let site = sites[start];
            let (day, seq) = match cursor {
                Some(c) if c.site == site => (c.day, c.seq),
                _ => (f.from_day, -1),
            };
            let rows: Vec<RawAnswer> = with_db!(self, p => sqlx::query_as(
                "SELECT seq, answered_at, local_day, site_id, service_id, employee_id, channel, question_id, score, choice, answer_text, visit_id, flags, lang \
                 FROM ratings WHERE site_id = $1 AND local_day BETWEEN $2 AND $3 AND (local_day > $2 OR seq > $4) AND org_id = $5 \
                 AND ($6 IS NULL OR service_id = $6) AND ($7 IS NULL OR employee_id = $7) \
                 ORDER BY local_day, seq LIMIT $8")
                .bind(site).bind(day).bind(f.to_day).bind(seq).bind(org).bind(f.service).bind(f.employee).bind(limit)
                .fetch_all(p).await)?;
            if let Some(last) = rows.last() {
                let next = AnswerCursor {
                    site,
                    day: last.local_day,
                    seq: last.seq,
                };
                return Ok((rows, Some(next)));
            }
            start += 1;
            cursor = None;
        }
        Ok((vec![], cursor))
    }
}
