//! Reading the theme rollup: each theme's comments of a period with their sentiment and
//! the CSAT of their visits, and every comment of the period together (theme `""`).
//! Whole months come from the month grain, the days at the period's edges from the day
//! grain; a period narrowed to a service or an employee reads the full day grain.

use rida_domain::text::Sentiment;
use serde::Serialize;
use uuid::Uuid;

use crate::periods::{next_month, previous_month};
use crate::ratings::in_list;
use crate::{Result, Store, with_db};

/// Which comments' themes.
#[derive(Debug, Clone, Default)]
pub struct ThemeQuery {
    pub from_day: i32,
    pub to_day: i32,
    /// `None`: every site.
    pub sites: Option<Vec<Uuid>>,
    pub service: Option<Uuid>,
    pub employee: Option<Uuid>,
}

/// One theme's comments of the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ThemeFigure {
    /// `""`: every comment of the period.
    pub theme: String,
    pub n: i64,
    pub negative: i64,
    pub neutral: i64,
    pub positive: i64,
    /// Comments whose visit gave a CSAT score, and of those the satisfied (4–5).
    pub csat_n: i64,
    pub csat_satisfied: i64,
}

impl ThemeFigure {
    pub fn of(&self, s: Sentiment) -> i64 {
        match s {
            Sentiment::Negative => self.negative,
            Sentiment::Neutral => self.neutral,
            Sentiment::Positive => self.positive,
        }
    }
}

/// The period as (grain, first period, last period) ranges to read.
fn pieces(from: i32, to: i32) -> Vec<(i16, i32, i32)> {
    if from > to {
        return vec![];
    }
    let mut out = Vec::new();
    let (first_month, last_month) = (from / 100, to / 100);
    // Whole months strictly inside, or the edge months when they are whole.
    let starts_whole = from % 100 == 1;
    let ends_whole = rida_domain::period::from_day_key(to)
        .is_some_and(|d| d.tomorrow().map(|t| t.day() == 1).unwrap_or(false));
    if first_month == last_month {
        if starts_whole && ends_whole {
            out.push((2, first_month, first_month));
        } else {
            out.push((1, from, to));
        }
        return out;
    }
    let mut months_from = first_month;
    if !starts_whole {
        out.push((1, from, first_month * 100 + 31));
        months_from = next_month(first_month);
    }
    let mut months_to = last_month;
    if !ends_whole {
        out.push((1, last_month * 100 + 1, to));
        months_to = previous_month(last_month);
    }
    if months_from <= months_to {
        out.push((2, months_from, months_to));
    }
    out
}

impl Store {
    /// Each theme's comments of the period (and theme `""`: all of them), most first.
    pub async fn theme_figures(&self, org: Uuid, q: &ThemeQuery) -> Result<Vec<ThemeFigure>> {
        if q.sites.as_ref().is_some_and(|s| s.is_empty()) {
            return Ok(vec![]);
        }
        let people = q.service.is_some() || q.employee.is_some();
        let pieces = if people {
            vec![(3, q.from_day, q.to_day)]
        } else {
            pieces(q.from_day, q.to_day)
        };
        let sites = q.sites.clone().unwrap_or_default();
        let mut out: std::collections::BTreeMap<String, ThemeFigure> = Default::default();
        for (grain, from, to) in pieces {
            let mut sql = String::from(
                "SELECT theme, CAST(SUM(n) AS BIGINT) AS n, CAST(SUM(negative) AS BIGINT) AS negative, CAST(SUM(neutral) AS BIGINT) AS neutral, \
                 CAST(SUM(positive) AS BIGINT) AS positive, CAST(SUM(csat_n) AS BIGINT) AS csat_n, CAST(SUM(csat_satisfied) AS BIGINT) AS csat_satisfied \
                 FROM theme_rollups WHERE org_id = $1 AND grain = $2 AND period >= $3 AND period <= $4",
            );
            let mut next = 5;
            if q.service.is_some() {
                sql += &format!(" AND service_id = ${next}");
                next += 1;
            }
            if q.employee.is_some() {
                sql += &format!(" AND employee_id = ${next}");
                next += 1;
            }
            if q.sites.is_some() {
                sql += &format!(" AND site_id IN ({})", in_list(next, sites.len()));
            }
            sql += " GROUP BY theme";
            let rows: Vec<ThemeFigure> = with_db!(self, p => {
                let mut s = sqlx::query_as::<_, ThemeFigure>(&sql).bind(org).bind(grain).bind(from).bind(to);
                if let Some(v) = q.service { s = s.bind(v); }
                if let Some(e) = q.employee { s = s.bind(e); }
                for id in &sites { s = s.bind(*id); }
                s.fetch_all(p).await
            })?;
            for r in rows {
                let e = out.entry(r.theme.clone()).or_insert_with(|| ThemeFigure {
                    theme: r.theme.clone(),
                    ..Default::default()
                });
                e.n += r.n;
                e.negative += r.negative;
                e.neutral += r.neutral;
                e.positive += r.positive;
                e.csat_n += r.csat_n;
                e.csat_satisfied += r.csat_satisfied;
            }
        }
        let mut v: Vec<ThemeFigure> = out.into_values().filter(|f| f.n > 0).collect();
        v.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.theme.cmp(&b.theme)));
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn a_period_is_whole_months_and_edge_days() {
        assert_eq!(pieces(20261101, 20261130), [(2, 202611, 202611)]);
        assert_eq!(pieces(20261105, 20261120), [(1, 20261105, 20261120)]);
        assert_eq!(
            pieces(20261015, 20261210),
            [
                (1, 20261015, 20261031),
                (1, 20261201, 20261210),
                (2, 202611, 202611)
            ]
        );
        assert_eq!(pieces(20261201, 20270228), [(2, 202612, 202702)]);
        assert_eq!(
            pieces(20261231, 20270101),
            [(1, 20261231, 20261231), (1, 20270101, 20270101)]
        );
    }
}
