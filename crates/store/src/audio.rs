//! Voice prompts the terminals play, per language and screen, as uploaded by the
//! administrator. Without an upload a terminal plays the default shipped with Rida.

use crate::BeginWrite;
use std::collections::HashMap;

use uuid::Uuid;

use crate::{By, Result, Store, audit::audit, with_db};

impl Store {
    /// Replaces (or with `None`, removes) the prompt of one screen in one language (its
    /// bytes, media type and content digest); every terminal fetches it on its next look
    /// at its settings.
    pub async fn set_audio(
        &self,
        org: Uuid,
        locale: &str,
        screen: &str,
        audio: Option<(&[u8], &str, &str)>,
        by: &By,
    ) -> Result<()> {
        let detail = format!(
            "{locale} {screen}: {}",
            audio.map_or("default".to_string(), |(b, m, _)| format!(
                "{m}, {} bytes",
                b.len()
            ))
        );
        with_db!(self, p => {
            let mut tx = p.begin_write().await?;
            let (version,): (i64,) = sqlx::query_as(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM audio_prompts WHERE org_id = $1")
                .bind(org).fetch_one(&mut *tx).await?;
            sqlx::query("DELETE FROM audio_prompts WHERE org_id = $1 AND locale = $2 AND screen = $3")
                .bind(org).bind(locale).bind(screen).execute(&mut *tx).await?;
            if let Some((bytes, mime, digest)) = audio {
                sqlx::query("INSERT INTO audio_prompts (org_id, locale, screen, mime, data, version, digest) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(org).bind(locale).bind(screen).bind(mime).bind(bytes).bind(version).bind(digest)
                    .execute(&mut *tx).await?;
            }
            crate::refresh_terminals!(tx, org);
            audit!(tx, by, org, "update", "voice_prompt", None::<Uuid>, &detail);
            tx.commit().await?;
            Ok(())
        })
    }

    /// An uploaded prompt: its bytes and media type.
    pub async fn audio(
        &self,
        org: Uuid,
        locale: &str,
        screen: &str,
    ) -> Result<Option<(Vec<u8>, String)>> {
        Ok(with_db!(self, p => sqlx::query_as(
            "SELECT data, mime FROM audio_prompts WHERE org_id = $1 AND locale = $2 AND screen = $3")
            .bind(org).bind(locale).bind(screen).fetch_optional(p).await)?)
    }

    /// `(locale, screen)` → the content digest of every uploaded prompt (`vN` for one
    /// uploaded before digests were kept).
    pub async fn audio_digests(&self, org: Uuid) -> Result<HashMap<(String, String), String>> {
        let rows: Vec<(String, String, i64, Option<String>)> = with_db!(self, p => sqlx::query_as(
            "SELECT locale, screen, version, digest FROM audio_prompts WHERE org_id = $1")
            .bind(org).fetch_all(p).await)?;
        Ok(rows
            .into_iter()
            .map(|(l, s, v, d)| ((l, s), d.unwrap_or_else(|| format!("v{v}"))))
            .collect())
    }
}
