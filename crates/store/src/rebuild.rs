//! Rebuilding the rollups from the raw answers (`rida rollup rebuild`, and the tests'
//! check that what the writers kept equals it): every grain, a month of answers at a
//! time, then the week grains from the day grains.

use uuid::Uuid;

use crate::BeginWrite;
use crate::rollups::{Grain, SCORE_COLUMNS};
use crate::{Result, Store, with_db};

/// The SQL that fills one grain from the raw answers of `$1` (an org, or NULL for all)
/// between days `$3` and `$4`; `$2` is the nil UUID.
fn rebuild_sql(grain: Grain) -> String {
    let period = match grain {
        Grain::BlockPeople => {
            "(r.local_day - r.local_day % 100 + CASE WHEN r.local_day % 100 >= 29 THEN 29 ELSE (r.local_day % 100 - 1) / 7 * 7 + 1 END)"
        }
        g if g.is_month() => "r.local_day / 100",
        _ => "r.local_day",
    };
    let (service, employee) = if grain.has_people() {
        ("COALESCE(r.service_id, $2)", "COALESCE(r.employee_id, $2)")
    } else {
        ("$2", "$2")
    };
    let channel = if grain.has_channel() {
        "r.channel"
    } else {
        "''"
    };
    let lang = if grain.has_lang() {
        "COALESCE(r.lang, '')"
    } else {
        "''"
    };
    let question = if grain.has_question() {
        "r.question_id"
    } else {
        "$2"
    };
    let mut group = vec![period, "q.scale", "r.site_id"];
    if grain.has_people() {
        group.extend([service, employee]);
    }
    if grain.has_question() {
        group.push(question);
    }
    if grain.has_channel() {
        group.push("r.channel");
    }
    if grain.has_lang() {
        group.push(lang);
    }
    let sums: Vec<String> = (0..=10)
        .map(|k| format!("SUM(CASE WHEN r.flags = 0 AND r.score = {k} THEN 1 ELSE 0 END)"))
        .collect();
    format!(
        "INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, {SCORE_COLUMNS}, bursts) \
         SELECT r.org_id, {g}, {period}, q.scale, r.site_id, {service}, {employee}, {question}, {channel}, {lang}, {sums}, \
         SUM(CASE WHEN r.flags <> 0 THEN 1 ELSE 0 END) \
         FROM ratings r JOIN questions q ON q.id = r.question_id \
         WHERE r.score IS NOT NULL AND ($1 IS NULL OR r.org_id = $1) AND r.local_day BETWEEN $3 AND $4 \
         GROUP BY r.org_id, {group}",
        g = grain as i16,
        sums = sums.join(", "),
        group = group.join(", ")
    )
}

/// The SQL that fills the week grains of `$1` (an org, or NULL for all) from the day
/// grains (a week crosses months, which the rebuild reads one at a time), everything in
/// shard 0; `$2` is the nil UUID. The Monday of a day is the one thing the two databases
/// spell differently (migration 0040 does the same).
fn weeks_sql(backend: crate::Backend) -> [String; 2] {
    let monday = match backend {
        crate::Backend::Sqlite => {
            "CAST(strftime('%Y%m%d', date(printf('%04d-%02d-%02d', period / 10000, period / 100 % 100, period % 100), '-6 days', 'weekday 1')) AS INTEGER)"
        }
        crate::Backend::Postgres => {
            "CAST(to_char(date_trunc('week', to_date(CAST(period AS TEXT), 'YYYYMMDD')), 'YYYYMMDD') AS INTEGER)"
        }
    };
    let sums: Vec<String> = SCORE_COLUMNS
        .split(", ")
        .chain(["bursts"])
        .map(|c| format!("SUM({c})"))
        .collect();
    let sums = sums.join(", ");
    let insert = format!(
        "INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, {SCORE_COLUMNS}, bursts)"
    );
    [
        format!(
            "{insert} SELECT org_id, {week}, {monday}, scale, site_id, $2, $2, $2, '', '', {sums} \
             FROM rollups WHERE grain = {day} AND ($1 IS NULL OR org_id = $1) \
             GROUP BY org_id, {monday}, scale, site_id",
            week = Grain::WeekSite as i16,
            day = Grain::DaySite as i16,
        ),
        format!(
            "{insert} SELECT org_id, {week}, {monday}, scale, $2, service_id, $2, $2, '', '', {sums} \
             FROM rollups WHERE grain = {day} AND ($1 IS NULL OR org_id = $1) \
             GROUP BY org_id, {monday}, scale, service_id",
            week = Grain::WeekService as i16,
            day = Grain::DayPeople as i16,
        ),
    ]
}

impl Store {
    /// Computes the rollup of one organisation (or all) again from the raw answers, in one
    /// transaction; returns the number of cells written.
    pub async fn rebuild_rollups(&self, org: Option<Uuid>) -> Result<u64> {
        self.rebuild_rollups_with(org, |_, _| {}).await
    }

    /// As [`Store::rebuild_rollups`], a month of answers at a time, telling `progress`
    /// (months done, months in all) after each.
    pub async fn rebuild_rollups_with(
        &self,
        org: Option<Uuid>,
        mut progress: impl FnMut(u64, u64) + Send,
    ) -> Result<u64> {
        let nil = Uuid::nil();
        let statements: Vec<String> = Grain::ALL
            .into_iter()
            .filter(|g| !g.is_week())
            .map(rebuild_sql)
            .collect();
        let weeks = weeks_sql(self.backend());
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("DELETE FROM rollups WHERE ($1 IS NULL OR org_id = $1)")
                .bind(org).execute(&mut *tx).await?;
            let (first, last): (Option<i32>, Option<i32>) = sqlx::query_as(
                "SELECT MIN(local_day), MAX(local_day) FROM ratings WHERE ($1 IS NULL OR org_id = $1)")
                .bind(org).fetch_one(&mut *tx).await?;
            // yyyymm of each month from the first answer to the last.
            let mut months = Vec::new();
            if let (Some(first), Some(last)) = (first, last) {
                let mut m = first / 100;
                while m <= last / 100 {
                    months.push(m);
                    m = crate::periods::next_month(m);
                }
            }
            let total = months.len() as u64;
            let mut cells = 0;
            for (i, m) in months.iter().enumerate() {
                for sql in &statements {
                    let r = sqlx::query(sql).bind(org).bind(nil).bind(m * 100).bind(m * 100 + 99)
                        .execute(&mut *tx).await?;
                    cells += r.rows_affected();
                }
                progress(i as u64 + 1, total);
            }
            for sql in &weeks {
                cells += sqlx::query(sql).bind(org).bind(nil).execute(&mut *tx).await?.rows_affected();
            }
            cells += crate::readings::rebuild_theme_rollups!(tx, org);
            // Figures kept of days that are over are read again (see `settled`).
            sqlx::query("UPDATE organisations SET past_version = past_version + 1 WHERE ($1 IS NULL OR id = $1)")
                .bind(org).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(cells)
        })
    }
}
