//! An organisation's comment themes: which of Rida's are on, what they are called, the
//! organisation's own words and themes. Saving raises the organisation's themes version;
//! comments read with an older version are read again in the background (`readings`).

use rida_domain::text::{BUILTIN_THEMES, OrgKind, ThemeSpec};
use serde::Serialize;
use uuid::Uuid;

use crate::{By, Result, Store, audit::audit, with_db};

/// One theme as the organisation keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgTheme {
    /// A builtin key ("waiting") or the organisation's own ("own-…").
    pub key: String,
    pub enabled: bool,
    /// Whether Rida's words for a builtin key count.
    pub builtin_words: bool,
    /// The organisation's own patterns, one per entry (`word`, `stem*`, several words).
    pub own_words: Vec<String>,
    /// Names the organisation gave, per language (`None`: Rida's translation, or for an
    /// own theme its key).
    pub name_ar: Option<String>,
    pub name_en: Option<String>,
    pub name_lv: Option<String>,
}

impl OrgTheme {
    pub fn is_builtin(&self) -> bool {
        BUILTIN_THEMES.contains(&self.key.as_str())
    }

    /// The organisation's name for it in `lang`, if it gave one.
    pub fn own_name(&self, lang: &str) -> Option<&str> {
        match lang {
            "ar" => self.name_ar.as_deref(),
            "lv" => self.name_lv.as_deref(),
            _ => self.name_en.as_deref(),
        }
        .filter(|s| !s.trim().is_empty())
    }
}

/// The themes an organisation of this kind starts with: every builtin theme, those not
/// of its kind turned off.
pub fn starting_themes(kind: OrgKind) -> Vec<OrgTheme> {
    let on = kind.starting_themes();
    BUILTIN_THEMES
        .iter()
        .map(|k| OrgTheme {
            key: k.to_string(),
            enabled: on.contains(k),
            builtin_words: true,
            own_words: vec![],
            name_ar: None,
            name_en: None,
            name_lv: None,
        })
        .collect()
}

/// The reader's specs of the themes that are on, in order.
pub fn specs(themes: &[OrgTheme]) -> Vec<ThemeSpec> {
    themes
        .iter()
        .filter(|t| t.enabled)
        .map(|t| ThemeSpec {
            key: t.key.clone(),
            builtin_words: t.builtin_words && t.is_builtin(),
            own_words: t.own_words.clone(),
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct Row {
    theme_key: String,
    enabled: bool,
    builtin_words: bool,
    own_words: String,
    name_ar: Option<String>,
    name_en: Option<String>,
    name_lv: Option<String>,
}

/// An organisation's themes with the version they carry.
#[derive(Debug, Clone)]
pub struct ThemeSet {
    pub version: i64,
    pub kind: OrgKind,
    pub themes: Vec<OrgTheme>,
}

impl Store {
    /// The organisation's themes (its kind's starting themes until it saves its own).
    pub async fn themes(&self, org: Uuid) -> Result<ThemeSet> {
        let (version, kind): (i64, String) = with_db!(self, p => {
            sqlx::query_as("SELECT themes_version, org_kind FROM organisations WHERE id = $1").bind(org).fetch_one(p).await
        })?;
        let rows: Vec<Row> = with_db!(self, p => {
            sqlx::query_as("SELECT theme_key, enabled, builtin_words, own_words, name_ar, name_en, name_lv FROM themes WHERE org_id = $1 ORDER BY position")
                .bind(org).fetch_all(p).await
        })?;
        let kind = OrgKind::parse(&kind).unwrap_or(OrgKind::Other);
        let themes = if rows.is_empty() {
            starting_themes(kind)
        } else {
            rows.into_iter()
                .map(|r| OrgTheme {
                    key: r.theme_key,
                    enabled: r.enabled,
                    builtin_words: r.builtin_words,
                    own_words: r
                        .own_words
                        .lines()
                        .map(str::trim)
                        .filter(|w| !w.is_empty())
                        .map(String::from)
                        .collect(),
                    name_ar: r.name_ar,
                    name_en: r.name_en,
                    name_lv: r.name_lv,
                })
                .collect()
        };
        Ok(ThemeSet {
            version,
            kind,
            themes,
        })
    }

    /// Replaces the organisation's themes and raises its version (comments are then read
    /// again in the background). `expected`: the version the editor saw; a save over
    /// another's newer one is refused (`Conflict`).
    pub async fn save_themes(
        &self,
        org: Uuid,
        expected: i64,
        kind: OrgKind,
        themes: &[OrgTheme],
        by: &By,
    ) -> Result<i64> {
        with_db!(self, p => {
            let mut tx = crate::BeginWrite::begin_write(p).await?;
            let bumped = sqlx::query("UPDATE organisations SET themes_version = themes_version + 1, org_kind = $3 WHERE id = $1 AND themes_version = $2")
                .bind(org).bind(expected).bind(kind.as_str()).execute(&mut *tx).await?.rows_affected();
            if bumped == 0 {
                return Err(crate::StoreError::Conflict);
            }
            sqlx::query("DELETE FROM themes WHERE org_id = $1").bind(org).execute(&mut *tx).await?;
            for (i, t) in themes.iter().enumerate() {
                sqlx::query("INSERT INTO themes (org_id, theme_key, position, enabled, builtin_words, own_words, name_ar, name_en, name_lv) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                    .bind(org).bind(&t.key).bind(i as i64).bind(t.enabled).bind(t.builtin_words)
                    .bind(t.own_words.join("\n")).bind(&t.name_ar).bind(&t.name_en).bind(&t.name_lv)
                    .execute(&mut *tx).await?;
            }
            let on: Vec<&str> = themes.iter().filter(|t| t.enabled).map(|t| t.key.as_str()).collect();
            audit!(tx, by, org, "update", "themes", None::<Uuid>, &on.join(", "));
            tx.commit().await?;
            Ok(expected + 1)
        })
    }
}
