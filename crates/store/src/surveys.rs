//! Surveys and their versions. Saving a survey whose current version has answers
//! makes a new version; without answers the current version is changed in place.
//! Either way, a question whose content changed gets a new immutable question row.

use crate::BeginWrite;
use rida_domain::names::LocalNames;
use rida_domain::{SurveyDef, new_id};
use serde::Serialize;
use uuid::Uuid;

use crate::{
    By, ListQuery, Page, Result, Store, StoreError, audit::audit, now_ms, org::paginate, with_db,
};

/// A survey as listed.
#[derive(Debug, Clone, Serialize)]
pub struct SurveySummary {
    pub id: Uuid,
    pub name: String,
    pub names: LocalNames,
    pub active: bool,
    pub version: i32,
    pub questions: usize,
    /// Terminals using it.
    pub terminals: i64,
}

/// A survey with its current content.
#[derive(Debug, Clone, Serialize)]
pub struct Survey {
    pub id: Uuid,
    pub name: String,
    pub names: LocalNames,
    pub active: bool,
    pub version: i32,
    pub def: SurveyDef,
}

/// What saving did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The current version had no answers and was changed.
    InPlace,
    /// The current version had answers; this is the new version's number.
    NewVersion(i32),
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    name: String,
    #[sqlx(try_from = "String")]
    names: LocalNames,
    active: bool,
    version: i32,
    definition: String,
    terminals: i64,
}

impl crate::Localized for SurveySummary {
    fn localized(mut self, lang: rida_domain::Locale) -> Self {
        crate::localized::relabel(&mut self.name, &self.names, lang);
        self
    }
}

impl Row {
    fn survey(self) -> Result<Survey> {
        let def = serde_json::from_str(&self.definition)
            .map_err(|e| StoreError::Config(format!("survey {}: {e}", self.id)))?;
        Ok(Survey {
            id: self.id,
            name: self.name,
            names: self.names,
            active: self.active,
            version: self.version,
            def,
        })
    }
}

/// The select of surveys with their current version; `with_terminals` counts the
/// terminals using each (the list shows it; a terminal fetching its own survey, 5,000
/// at once after a change, must not count them all each time).
fn survey_select(with_terminals: bool) -> String {
    let terminals = if with_terminals {
        "(SELECT COUNT(*) FROM terminals t WHERE t.survey_id = s.id AND t.active = TRUE)"
    } else {
        "CAST(0 AS BIGINT)"
    };
    format!(
        "SELECT s.id, s.name, s.names, s.active, v.version, v.definition, {terminals} AS terminals \
         FROM surveys s JOIN survey_versions v ON v.survey_id = s.id \
         AND v.version = (SELECT MAX(version) FROM survey_versions WHERE survey_id = s.id)"
    )
}

/// Inserts the question rows a definition names that do not exist yet.
macro_rules! insert_new_questions {
    ($tx:expr, $org:expr, $survey:expr, $def:expr, $fresh:expr) => {
        for q in $def.questions.iter().filter(|q| $fresh.contains(&q.id)) {
            let keys: Vec<&str> = q.choices.iter().map(|c| c.key.as_str()).collect();
            sqlx::query("INSERT INTO questions (id, org_id, code, scale, subject, prompt_en, prompt_ar, prompt_lv, created_at, survey_id, choice_keys) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .bind(q.id).bind($org).bind(&q.key).bind(q.scale.as_str()).bind(q.subject.as_str())
                .bind(&q.prompt.en).bind(&q.prompt.ar).bind(&q.prompt.lv).bind(now_ms())
                .bind($survey).bind(keys.join(","))
                .execute(&mut *$tx).await?;
        }
    };
}

fn to_json(def: &SurveyDef) -> Result<String> {
    serde_json::to_string(def).map_err(|e| StoreError::Config(e.to_string()))
}

/// Gives new or changed questions fresh ids; returns the fresh ids.
fn assign(def: &mut SurveyDef, previous: Option<&SurveyDef>) -> Vec<Uuid> {
    let mut fresh = Vec::new();
    def.assign_ids(previous, || {
        let id = new_id();
        fresh.push(id);
        id
    });
    fresh
}

impl Store {
    /// The organisation's surveys, by name.
    pub async fn list_surveys(&self, org: Uuid, q: &ListQuery) -> Result<Page<SurveySummary>> {
        let sql = format!(
            "{} WHERE s.org_id = $1 AND LOWER(s.name) LIKE $2 ESCAPE '\\' AND (s.active = TRUE OR $3) ORDER BY s.active DESC, s.name",
            survey_select(true)
        );
        let rows: Vec<Row> = with_db!(self, p => sqlx::query_as(&sql)
            .bind(org).bind(q.pattern()).bind(q.include_inactive).fetch_all(p).await)?;
        let items = rows
            .into_iter()
            .map(|r| {
                let terminals = r.terminals;
                r.survey().map(|s| SurveySummary {
                    id: s.id,
                    name: s.name,
                    names: s.names,
                    active: s.active,
                    version: s.version,
                    questions: s.def.questions.len(),
                    terminals,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(paginate(items, q))
    }

    /// One survey with its current version.
    pub async fn survey(&self, org: Uuid, id: Uuid) -> Result<Survey> {
        let sql = format!("{} WHERE s.org_id = $1 AND s.id = $2", survey_select(false));
        let row: Row =
            with_db!(self, p => sqlx::query_as(&sql).bind(org).bind(id).fetch_one(p).await)?;
        row.survey()
    }

    /// One version of a survey (for answers given to an older wording).
    pub async fn survey_version(&self, org: Uuid, id: Uuid, version: i32) -> Result<SurveyDef> {
        let (def,): (String,) = with_db!(self, p => sqlx::query_as(
            "SELECT v.definition FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.org_id = $1 AND s.id = $2 AND v.version = $3")
            .bind(org).bind(id).bind(version).fetch_one(p).await)?;
        serde_json::from_str(&def).map_err(|e| StoreError::Config(e.to_string()))
    }

    /// Every question of the organisation's surveys, old versions included, with its
    /// latest wording, choices and tags.
    pub async fn latest_questions(&self, org: Uuid) -> Result<Vec<rida_domain::SurveyQuestion>> {
        let defs: Vec<(String,)> = with_db!(self, p => sqlx::query_as(
            "SELECT v.definition FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.org_id = $1 ORDER BY v.version")
            .bind(org).fetch_all(p).await)?;
        let mut found: std::collections::BTreeMap<Uuid, rida_domain::SurveyQuestion> =
            Default::default();
        for (def,) in defs {
            let def: SurveyDef =
                serde_json::from_str(&def).map_err(|e| StoreError::Config(e.to_string()))?;
            for q in def.questions {
                if !q.id.is_nil() {
                    found.insert(q.id, q);
                }
            }
        }
        Ok(found.into_values().collect())
    }

    /// Creates a survey (validated by the caller) as version 1.
    pub async fn create_survey(
        &self,
        org: Uuid,
        id: Uuid,
        name: &str,
        names: &LocalNames,
        def: &SurveyDef,
        by: &By,
    ) -> Result<Uuid> {
        let mut def = def.clone();
        let fresh = assign(&mut def, None);
        let json = to_json(&def)?;
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            sqlx::query("INSERT INTO surveys (id, org_id, name, created_at, names) VALUES ($1, $2, $3, $4, $5)")
                .bind(id).bind(org).bind(name).bind(now_ms()).bind(names.to_json()).execute(&mut *tx).await?;
            insert_new_questions!(tx, org, id, def, fresh);
            sqlx::query("INSERT INTO survey_versions (id, survey_id, version, definition, created_at) VALUES ($1, $2, 1, $3, $4)")
                .bind(new_id()).bind(id).bind(&json).bind(now_ms()).execute(&mut *tx).await?;
            audit!(tx, by, org, "create", "survey", Some(id), name);
            tx.commit().await?;
            Ok(id)
        })
    }

    /// Saves a survey's name and content (validated by the caller).
    pub async fn save_survey(
        &self,
        org: Uuid,
        id: Uuid,
        name: &str,
        names: &LocalNames,
        def: &SurveyDef,
        by: &By,
    ) -> Result<Saved> {
        let current = self.survey(org, id).await?;
        let mut def = def.clone();
        let fresh = assign(&mut def, Some(&current.def));
        let json = to_json(&def)?;
        let asked: Vec<Uuid> = current.def.questions.iter().map(|q| q.id).collect();
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            // Someone else saved meanwhile: refuse rather than overwrite their version.
            let (latest,): (i32,) = sqlx::query_as("SELECT MAX(version) FROM survey_versions WHERE survey_id = $1")
                .bind(id).fetch_one(&mut *tx).await?;
            if latest != current.version {
                return Err(StoreError::Stale);
            }
            let mut answered = false;
            for q in &asked {
                let hit: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM ratings WHERE question_id = $1 LIMIT 1")
                    .bind(q).fetch_optional(&mut *tx).await?;
                if hit.is_some() {
                    answered = true;
                    break;
                }
            }
            sqlx::query("UPDATE surveys SET name = $3, names = $4 WHERE org_id = $1 AND id = $2")
                .bind(org).bind(id).bind(name).bind(names.to_json()).execute(&mut *tx).await?;
            insert_new_questions!(tx, org, id, def, fresh);
            let outcome = if answered {
                let v = current.version + 1;
                sqlx::query("INSERT INTO survey_versions (id, survey_id, version, definition, created_at) VALUES ($1, $2, $3, $4, $5)")
                    .bind(new_id()).bind(id).bind(v).bind(&json).bind(now_ms()).execute(&mut *tx).await?;
                Saved::NewVersion(v)
            } else {
                sqlx::query("UPDATE survey_versions SET definition = $3, created_at = $4 WHERE survey_id = $1 AND version = $2")
                    .bind(id).bind(current.version).bind(&json).bind(now_ms()).execute(&mut *tx).await?;
                Saved::InPlace
            };
            // Terminals showing this survey fetch the new content.
            crate::refresh_terminals!(tx, "survey_id", id);
            let detail = match outcome {
                Saved::InPlace => format!("{name} (version {})", current.version),
                Saved::NewVersion(v) => format!("{name} (version {v})"),
            };
            audit!(tx, by, org, "update", "survey", Some(id), &detail);
            tx.commit().await?;
            Ok(outcome)
        })
    }
}
