//! Reading the theme rollup: each theme's comments of a period with their sentiment and
//! the CSAT of their visits, and every comment of the period together (theme `""`).
//! Whole months come from the month grain, the days at the period's edges from the day
//! grain; a period narrowed to a service or an employee reads the full day grain.

use rida_domain::text::Sentiment;
use serde::Serialize;
use uuid::Uuid;

use crate::cube::{CubeQuery, Dim, GroupKey};
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
    /// Adds another part's counts of the same theme.
    pub fn add(&mut self, o: &ThemeFigure) {
        self.n += o.n;
        self.negative += o.negative;
        self.neutral += o.neutral;
        self.positive += o.positive;
        self.csat_n += o.csat_n;
        self.csat_satisfied += o.csat_satisfied;
    }

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
                out.entry(r.theme.clone())
                    .or_insert_with(|| ThemeFigure {
                        theme: r.theme.clone(),
                        ..Default::default()
                    })
                    .add(&r);
            }
        }
        let mut v: Vec<ThemeFigure> = out.into_values().filter(|f| f.n > 0).collect();
        v.sort_by(|a, b| b.n.cmp(&a.n).then_with(|| a.theme.cmp(&b.theme)));
        Ok(v)
    }
}

/// One group's comments in a report: its theme's figures (theme `""`: every comment of
/// the group, what a theme's share is of).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeCubeRow {
    pub key: GroupKey,
    pub figure: ThemeFigure,
}

impl Store {
    /// The comments of a report's period and places, grouped by the query's site,
    /// service, employee, day or month (other dimensions are not kept with comments and
    /// are ignored), and by theme when `by_theme`. Each group comes with its row of every
    /// comment (theme `""`); `theme` narrows the themed rows to one.
    pub async fn theme_cube(
        &self,
        org: Uuid,
        q: &CubeQuery,
        theme: Option<&str>,
        by_theme: bool,
    ) -> Result<Vec<ThemeCubeRow>> {
        let f = &q.filter;
        if f.is_empty_set() || q.from_day > q.to_day {
            return Ok(vec![]);
        }
        let has = |d: Dim| q.group.contains(&d);
        let people = f.about_people() || has(Dim::Service) || has(Dim::Employee);
        let pieces = if people {
            vec![(3, q.from_day, q.to_day)]
        } else if has(Dim::Day) {
            vec![(1, q.from_day, q.to_day)]
        } else {
            pieces(q.from_day, q.to_day)
        };
        let mut out: std::collections::BTreeMap<GroupKey, ThemeFigure> = Default::default();
        for (grain, from, to) in pieces {
            let mut cols: Vec<(&str, Dim)> = [
                ("site_id", Dim::Site),
                ("service_id", Dim::Service),
                ("employee_id", Dim::Employee),
            ]
            .into_iter()
            .filter(|(_, d)| has(*d))
            .collect();
            if has(Dim::Day) {
                cols.push(("period", Dim::Day));
            } else if has(Dim::Month) {
                cols.push((
                    if grain == 2 { "period" } else { "period / 100" },
                    Dim::Month,
                ));
            }
            let select: String = cols.iter().map(|(c, _)| format!("{c}, ")).collect();
            let mut sql = format!(
                "SELECT {select}theme, CAST(SUM(n) AS BIGINT), CAST(SUM(negative) AS BIGINT), \
                 CAST(SUM(neutral) AS BIGINT), CAST(SUM(positive) AS BIGINT), \
                 CAST(SUM(csat_n) AS BIGINT), CAST(SUM(csat_satisfied) AS BIGINT) \
                 FROM theme_rollups WHERE org_id = $1 AND grain = $2 AND period >= $3 AND period <= $4"
            );
            let mut ids: Vec<Uuid> = Vec::new();
            for (list, col) in [
                (&f.sites, "site_id"),
                (&f.services, "service_id"),
                (&f.employees, "employee_id"),
            ] {
                if let Some(list) = list {
                    sql += &format!(" AND {col} IN ({})", in_list(5 + ids.len(), list.len()));
                    ids.extend(list);
                }
            }
            match (by_theme, theme) {
                (_, Some(_)) => sql += &format!(" AND theme IN ('', ${})", 5 + ids.len()),
                (true, None) => {}
                (false, None) => sql += " AND theme = ''",
            }
            sql += " GROUP BY ";
            sql += &cols
                .iter()
                .map(|(c, _)| format!("{c}, "))
                .collect::<String>();
            sql += "theme";
            let rows: Vec<(GroupKey, ThemeFigure)> = with_db!(self, p => {
                let mut s = sqlx::query(&sql).bind(org).bind(grain).bind(from).bind(to);
                for id in &ids { s = s.bind(*id); }
                if let Some(t) = theme { s = s.bind(t.to_string()); }
                let mut rows = Vec::new();
                for row in s.fetch_all(p).await? {
                    use sqlx::Row;
                    let mut key = GroupKey::default();
                    for (i, (_, d)) in cols.iter().enumerate() {
                        match d {
                            Dim::Site => key.site = Some(row.try_get(i)?),
                            Dim::Service => key.service = Some(row.try_get(i)?),
                            Dim::Employee => key.employee = Some(row.try_get(i)?),
                            _ => key.period = Some(row.try_get(i)?),
                        }
                    }
                    let n = cols.len();
                    let theme: String = row.try_get(n)?;
                    let figure = ThemeFigure {
                        theme: theme.clone(),
                        n: row.try_get(n + 1)?,
                        negative: row.try_get(n + 2)?,
                        neutral: row.try_get(n + 3)?,
                        positive: row.try_get(n + 4)?,
                        csat_n: row.try_get(n + 5)?,
                        csat_satisfied: row.try_get(n + 6)?,
                    };
                    key.theme = Some(theme);
                    rows.push((key, figure));
                }
                Ok::<_, sqlx::Error>(rows)
            })?;
            for (key, r) in rows {
                out.entry(key)
                    .or_insert_with(|| ThemeFigure {
                        theme: r.theme.clone(),
                        ..Default::default()
                    })
                    .add(&r);
            }
        }
        Ok(out
            .into_iter()
            .filter(|(_, f)| f.n > 0)
            .map(|(key, figure)| ThemeCubeRow { key, figure })
            .collect())
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
