//! Rollups: counts of each score per cell, at grains shaped like the questions the
//! pages ask (see migration 0007): day and month, each at site level and at the full
//! site × service × employee level; blocks of a month's days with people; whole weeks
//! by site and, for the whole network, by service (migration 0040). They are kept up to
//! date in the same transaction as the answers themselves (an answer arriving days late
//! lands on its own day), and rebuilt from the raw answers on demand (`rida rollup
//! rebuild`, [`crate::rebuild`]). Reading them: [`crate::cube`].

use std::collections::HashMap;

use uuid::Uuid;

use crate::{NewRating, Result, Store, with_db};

/// The ten grains of the rollup table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grain {
    /// Day × site (no question, no channel): the tiles, trends and sites' figures of a
    /// period. Questions and channels are read from the language grains, which hold
    /// them (migration 0038: a site's day is then one row per scale, not one per
    /// question and channel — a fourth to a tenth of the rows these pages sum).
    DaySite = 1,
    /// Month × site (no question, no channel).
    MonthSite = 2,
    /// Day × site × service × employee × question × channel.
    Day = 3,
    /// Month × site × service × employee × question (no channel: `''`).
    Month = 4,
    /// Day × site × question × channel × language.
    DayLang = 5,
    /// Month × site × question × channel × language.
    MonthLang = 6,
    /// Day × site × service × employee (no question, no channel): the rankings and the
    /// matrix of a period with edge days read it.
    DayPeople = 7,
    /// A block of a month's days (1–7, 8–14, 15–21, 22–28, 29 to the end; the period is
    /// its first day) × site × service × employee, like grain 7: the edge days of a
    /// period read whole blocks from it and only the rest as days (a block has about a
    /// day's cells).
    BlockPeople = 8,
    /// A week (Monday to Sunday; the period is its Monday) × site (no question, no
    /// channel): a whole week of 500 sites is 500 rows a scale instead of 3,500.
    WeekSite = 9,
    /// A week × service, all sites together: the network's services of a week (the
    /// head's Monday page, a week's dashboard) are a few dozen rows instead of every site ×
    /// service × employee of its days (37,000 at 10 M answers a year). Its site column is
    /// a shard, not a site: each transaction adds to one of [`SHARDS`] rows chosen at
    /// random, so that writers at different sites do not queue for one row of the whole
    /// network; reads sum the shards ([`crate::cube`], [`Store::rollup_cells`]).
    WeekService = 10,
}

/// The rows a [`Grain::WeekService`] cell is spread over.
pub const SHARDS: u8 = 16;

/// The shard `k` as it is kept in the site column (shard 0 is the nil UUID, where a
/// rebuild puts everything).
pub fn shard(k: u8) -> Uuid {
    Uuid::from_u128(u128::from(k % SHARDS))
}

/// The first day (`yyyymmdd`) of the block of its month that `day` is in (see
/// [`Grain::BlockPeople`]).
pub fn block_of(day: i32) -> i32 {
    let d = (day % 100).clamp(1, 31);
    day - d + if d >= 29 { 29 } else { (d - 1) / 7 * 7 + 1 }
}

/// The Monday (`yyyymmdd`) of the week `day` is in.
pub fn week_of(day: i32) -> i32 {
    use jiff::ToSpan;
    rida_domain::period::from_day_key(day)
        .and_then(|d| {
            d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
                .ok()
        })
        .map_or(day, rida_domain::period::day_key)
}

impl Grain {
    pub const ALL: [Grain; 10] = [
        Grain::DaySite,
        Grain::MonthSite,
        Grain::Day,
        Grain::Month,
        Grain::DayLang,
        Grain::MonthLang,
        Grain::DayPeople,
        Grain::BlockPeople,
        Grain::WeekSite,
        Grain::WeekService,
    ];

    /// Whether the grain keeps service and employee.
    pub fn has_people(self) -> bool {
        matches!(
            self,
            Grain::Day | Grain::Month | Grain::DayPeople | Grain::BlockPeople
        )
    }

    /// Whether the grain keeps the service.
    pub fn has_service(self) -> bool {
        self.has_people() || self == Grain::WeekService
    }

    /// Whether the grain keeps the site (the network's week of services keeps a shard
    /// there instead).
    pub fn has_site(self) -> bool {
        self != Grain::WeekService
    }

    /// Whether `period` is a week's Monday.
    pub fn is_week(self) -> bool {
        matches!(self, Grain::WeekSite | Grain::WeekService)
    }

    /// Whether the grain keeps the channel.
    pub fn has_channel(self) -> bool {
        !matches!(
            self,
            Grain::DaySite
                | Grain::MonthSite
                | Grain::Month
                | Grain::DayPeople
                | Grain::BlockPeople
                | Grain::WeekSite
                | Grain::WeekService
        )
    }

    /// Whether the grain keeps the question (the others keep the nil UUID).
    pub fn has_question(self) -> bool {
        !matches!(
            self,
            Grain::DaySite
                | Grain::MonthSite
                | Grain::DayPeople
                | Grain::BlockPeople
                | Grain::WeekSite
                | Grain::WeekService
        )
    }

    /// Whether the grain keeps the answer's language (the others keep `''`).
    pub fn has_lang(self) -> bool {
        matches!(self, Grain::DayLang | Grain::MonthLang)
    }

    /// Whether `period` is a month (`yyyymm`) rather than a day (`yyyymmdd`).
    pub fn is_month(self) -> bool {
        matches!(self, Grain::MonthSite | Grain::Month | Grain::MonthLang)
    }
}

/// One cell of the rollup. "None" (and the dimensions a grain leaves out) is the nil UUID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, sqlx::FromRow)]
pub struct RollupKey {
    pub org_id: Uuid,
    pub grain: i16,
    pub period: i32,
    pub scale: String,
    pub site_id: Uuid,
    pub service_id: Uuid,
    pub employee_id: Uuid,
    pub question_id: Uuid,
    pub channel: String,
    pub lang: String,
}

/// The counts of a cell: answers per score (index = score, 0…10) and bursts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Counts {
    pub scores: [i64; 11],
    pub bursts: i64,
}

impl Counts {
    pub fn is_zero(&self) -> bool {
        self.bursts == 0 && self.scores.iter().all(|n| *n == 0)
    }
}

/// The count columns of a rollup row as read back (sums of them, in queries).
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub(crate) struct CountColumns {
    s0: i64,
    s1: i64,
    s2: i64,
    s3: i64,
    s4: i64,
    s5: i64,
    s6: i64,
    s7: i64,
    s8: i64,
    s9: i64,
    s10: i64,
    bursts: i64,
}

impl CountColumns {
    pub(crate) fn counts(&self) -> Counts {
        Counts {
            scores: [
                self.s0, self.s1, self.s2, self.s3, self.s4, self.s5, self.s6, self.s7, self.s8,
                self.s9, self.s10,
            ],
            bursts: self.bursts,
        }
    }
}

/// What the rollup needs of a scored answer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct Scored {
    pub org_id: Uuid,
    pub local_day: i32,
    pub scale: String,
    pub site_id: Uuid,
    pub service_id: Uuid,
    pub employee_id: Uuid,
    pub question_id: Uuid,
    pub channel: String,
    pub score: i16,
    /// `''` when not known.
    pub lang: String,
}

/// The scored part of an answer about to be stored (`scales`: each question's scale);
/// `None` for answers without a score.
pub(crate) fn scored(org: Uuid, r: &NewRating, scales: &HashMap<Uuid, String>) -> Option<Scored> {
    Some(Scored {
        org_id: org,
        local_day: r.local_day,
        scale: scales.get(&r.question_id)?.clone(),
        site_id: r.site_id,
        service_id: r.service_id.unwrap_or(Uuid::nil()),
        employee_id: r.employee_id.unwrap_or(Uuid::nil()),
        question_id: r.question_id,
        channel: r.channel.as_str().to_string(),
        score: r.answer.score()?,
        lang: r.lang.clone().unwrap_or_default(),
    })
}

/// The cell of an answer at one grain (of the network's week of services: in shard 0,
/// moved to the transaction's shard when written).
pub(crate) fn cell_of(grain: Grain, a: &Scored) -> RollupKey {
    let people = grain.has_people();
    RollupKey {
        org_id: a.org_id,
        grain: grain as i16,
        period: match grain {
            Grain::BlockPeople => block_of(a.local_day),
            g if g.is_week() => week_of(a.local_day),
            g if g.is_month() => a.local_day / 100,
            _ => a.local_day,
        },
        scale: a.scale.clone(),
        site_id: if grain.has_site() {
            a.site_id
        } else {
            Uuid::nil()
        },
        service_id: if grain.has_service() {
            a.service_id
        } else {
            Uuid::nil()
        },
        employee_id: if people { a.employee_id } else { Uuid::nil() },
        question_id: if grain.has_question() {
            a.question_id
        } else {
            Uuid::nil()
        },
        channel: if grain.has_channel() {
            a.channel.clone()
        } else {
            String::new()
        },
        lang: if grain.has_lang() {
            a.lang.clone()
        } else {
            String::new()
        },
    }
}

/// Adds `n` counted answers and `bursts` left-out ones (either may be negative, to move
/// answers between them) to every grain's cell of `a`.
pub(crate) fn count(deltas: &mut HashMap<RollupKey, Counts>, a: &Scored, n: i64, bursts: i64) {
    let Ok(score) = usize::try_from(a.score) else {
        return;
    };
    if score > 10 {
        return;
    }
    for g in Grain::ALL {
        let c = deltas.entry(cell_of(g, a)).or_default();
        c.scores[score] += n;
        c.bursts += bursts;
    }
}

/// The score columns, in order.
pub(crate) const SCORE_COLUMNS: &str = "s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10";

/// Cells per upsert statement (22 values each).
///
/// Statements whose text depends on how many rows they carry (these multi-row upserts
/// and inserts) are not kept prepared: each row count is another statement, and each
/// connection's cache of up to 100 prepared statements, these with thousands of
/// parameters each, kept memory for good (measured: an instance idle after the demo had
/// written its year of answers held 340 MB; 190 MB with these not kept).
pub(crate) const CELLS: usize = 500;

/// Adds the deltas to the rollup inside the caller's transaction; evaluates to the
/// organisations whose days that are over it reached, for the caller to note once after
/// its last rollup write ([`crate::settled::note_late_days`]).
///
/// Cells are written in key order. Every writer (each instance's group commit, a reply,
/// a web answer, a burst found later) upserts rollup rows and so locks them: two
/// transactions that lock the same rows in different orders deadlock on PostgreSQL
/// (measured: 13 deadlocks in 10,000 answers posted through two instances while the
/// cells went in hash order, none once sorted). The same holds for the choice and visit
/// rollups, and the tables are always written in the same order: answers, rollups,
/// visits, visit rollups, choice rollups.
///
/// Rows shared by the whole network (the week's services) would make every writer of an
/// organisation queue for the same few rows: each transaction writes them to one of
/// [`SHARDS`] rows picked at random, two writers meet on one a sixteenth of the time.
macro_rules! apply_rollup {
    ($tx:ident, $deltas:expr) => {{
        let shard = $crate::rollups::shard(rand::random::<u8>());
        let mut cells: Vec<(std::borrow::Cow<'_, $crate::rollups::RollupKey>, &$crate::rollups::Counts)> = $deltas
            .iter()
            .filter(|(_, c)| !c.is_zero())
            .map(|(k, c)| match k.grain == $crate::rollups::Grain::WeekService as i16 {
                true => (std::borrow::Cow::Owned($crate::rollups::RollupKey { site_id: shard, ..k.clone() }), c),
                false => (std::borrow::Cow::Borrowed(k), c),
            })
            .collect();
        cells.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for chunk in cells.chunks($crate::rollups::CELLS) {
            let mut qb = sqlx::QueryBuilder::new(format!(
                "INSERT INTO rollups (org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, {}, bursts) ",
                $crate::rollups::SCORE_COLUMNS));
            qb.push_values(chunk, |mut b, (k, c)| {
                b.push_bind(k.org_id).push_bind(k.grain).push_bind(k.period).push_bind(k.scale.clone()).push_bind(k.site_id).push_bind(k.service_id)
                    .push_bind(k.employee_id).push_bind(k.question_id).push_bind(k.channel.clone()).push_bind(k.lang.clone());
                for n in c.scores { b.push_bind(n); }
                b.push_bind(c.bursts);
            });
            qb.push(" ON CONFLICT (org_id, grain, scale, period, site_id, service_id, employee_id, question_id, channel, lang) DO UPDATE SET \
                s0 = rollups.s0 + excluded.s0, s1 = rollups.s1 + excluded.s1, s2 = rollups.s2 + excluded.s2, \
                s3 = rollups.s3 + excluded.s3, s4 = rollups.s4 + excluded.s4, s5 = rollups.s5 + excluded.s5, \
                s6 = rollups.s6 + excluded.s6, s7 = rollups.s7 + excluded.s7, s8 = rollups.s8 + excluded.s8, \
                s9 = rollups.s9 + excluded.s9, s10 = rollups.s10 + excluded.s10, bursts = rollups.bursts + excluded.bursts");
            qb.build().persistent(false).execute(&mut *$tx).await?;
        }
        $crate::settled::late_orgs(cells.iter().map(|(k, _)| k.as_ref()))
    }};
}
pub(crate) use apply_rollup;

impl Store {
    /// The scale of each scored question among `rows`, for their rollup cells: from memory
    /// (a question's scale never changes once it exists), else one read, outside the
    /// write transaction.
    pub(crate) async fn scales_of<'a>(
        &self,
        rows: impl Iterator<Item = &'a NewRating>,
    ) -> Result<HashMap<Uuid, String>> {
        let ids: Vec<Uuid> = rows
            .filter(|r| r.answer.score().is_some())
            .map(|r| r.question_id)
            .collect::<std::collections::HashSet<_>>()
            .into_iter()
            .collect();
        let mut out = HashMap::new();
        let mut missing = Vec::new();
        for (id, known) in ids.iter().zip(self.scales.get_many(ids.iter())) {
            match known {
                Some(scale) => {
                    out.insert(*id, scale);
                }
                None => missing.push(*id),
            }
        }
        for chunk in missing.chunks(500) {
            let sql = format!(
                "SELECT id, scale FROM questions WHERE id IN ({})",
                crate::ratings::in_list(1, chunk.len())
            );
            let found: Vec<(Uuid, String)> = with_db!(self, p => {
                let mut q = sqlx::query_as(&sql);
                for id in chunk { q = q.bind(*id); }
                q.fetch_all(p).await
            })?;
            self.scales.insert_many(found.iter().cloned());
            out.extend(found);
        }
        Ok(out)
    }

    /// Every non-empty cell of an organisation's rollup with its counts, in key order (the
    /// shards of a cell summed, in shard 0).
    pub async fn rollup_cells(&self, org: Uuid) -> Result<Vec<(RollupKey, Counts)>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            #[sqlx(flatten)]
            key: RollupKey,
            #[sqlx(flatten)]
            counts: CountColumns,
        }
        let rows: Vec<Row> = with_db!(self, p => sqlx::query_as(&format!(
            "SELECT org_id, grain, period, scale, site_id, service_id, employee_id, question_id, channel, lang, {SCORE_COLUMNS}, bursts \
             FROM rollups WHERE org_id = $1"))
            .bind(org).fetch_all(p).await)?;
        // The shards of a cell are how it is written, not what it holds: summed here.
        let mut cells: std::collections::BTreeMap<RollupKey, Counts> = Default::default();
        for Row { mut key, counts } in rows {
            if key.grain == Grain::WeekService as i16 {
                key.site_id = Uuid::nil();
            }
            let sum = cells.entry(key).or_default();
            let counts = counts.counts();
            for (s, n) in sum.scores.iter_mut().zip(counts.scores) {
                *s += n;
            }
            sum.bursts += counts.bursts;
        }
        Ok(cells.into_iter().filter(|(_, c)| !c.is_zero()).collect())
    }
}
