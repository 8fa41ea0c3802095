//! Voice prompts: what each terminal screen says in each language. The administrator
//! listens to a file before saving it, replaces it, or goes back to Rida's default;
//! terminals fetch the new file by themselves.

use axum::{
    Router,
    extract::{Multipart, Path, State},
    http::header,
    response::{IntoResponse, Response},
    routing::get,
};
use minijinja::context;
use rida_domain::{
    Action, Locale,
    voice::{MAX_AUDIO_BYTES, SCREENS, sniff_audio},
};
use rust_embed::Embed;

use super::{FormErrors, Web, read_upload, redirect_with_flash};
use crate::{auth::verify_csrf, error::Result, state::AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/voice", get(page))
        .route(
            "/admin/voice/{locale}/{screen}",
            axum::routing::post(upload),
        )
        .route("/kiosk/audio/{locale}/{screen}", get(audio))
}

/// The default prompts, made from the Fluent texts by `scripts/voices`.
#[derive(Embed)]
#[folder = "static/voice/"]
struct Defaults;

fn checked(locale: &str, screen: &str) -> Result<(Locale, &'static str)> {
    let l = Locale::ALL
        .into_iter()
        .find(|l| l.tag() == locale)
        .ok_or(crate::Error::NotFound)?;
    let s = SCREENS
        .into_iter()
        .find(|s| *s == screen)
        .ok_or(crate::Error::NotFound)?;
    Ok((l, s))
}

/// The address a terminal plays a prompt from: it carries a digest of the content (the
/// upload's, else the shipped default's), so every change is an address never used
/// before and no cache (browser, service worker) plays an old recording.
pub fn audio_url(locale: &str, screen: &str, uploaded: Option<&str>) -> String {
    let digest = match uploaded {
        Some(d) => d.to_string(),
        None => default_digest(locale, screen),
    };
    format!("/kiosk/audio/{locale}/{screen}?h={digest}")
}

/// A digest of bytes for an address: 16 hex digits of their SHA-256.
pub fn content_digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(bytes)[..8])
}

/// The digest of the default prompt shipped for a screen, computed once.
fn default_digest(locale: &str, screen: &str) -> String {
    static DIGESTS: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    let all = DIGESTS.get_or_init(|| {
        Defaults::iter()
            .filter_map(|name| {
                let file = Defaults::get(&name)?;
                Some((name.to_string(), content_digest(&file.data)))
            })
            .collect()
    });
    all.get(&format!("{locale}-{screen}.opus"))
        .cloned()
        .unwrap_or_else(|| "none".into())
}

async fn render(w: &Web, errors: &FormErrors, status_ok: bool) -> Result<Response> {
    let digests = w.state.store.audio_digests(w.user.org.id).await?;
    let rows: Vec<minijinja::Value> = SCREENS
        .iter()
        .map(|s| {
            context! {
                screen => s,
                cells => Locale::ALL.iter().map(|l| {
                    let d = digests.get(&(l.tag().to_string(), s.to_string()));
                    context! { locale => l.tag(), name => l.native_name(), url => audio_url(l.tag(), s, d.map(String::as_str)), uploaded => d.is_some() }
                }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let ctx =
        context! { rows => rows, errors => errors.value(), max_kib => MAX_AUDIO_BYTES / 1024 };
    Ok(if status_ok {
        w.render("voice.html", ctx)
    } else {
        w.render_invalid("voice.html", ctx)
    })
}

async fn page(w: Web) -> Result<Response> {
    w.user.require(Action::ManageTerminals { site: None })?;
    render(&w, &FormErrors::new(w.locale()), true).await
}

/// Saves an uploaded prompt, or (with `default`) goes back to Rida's own.
async fn upload(
    w: Web,
    Path((locale, screen)): Path<(String, String)>,
    multipart: Multipart,
) -> Result<Response> {
    let up = read_upload(multipart, "audio", MAX_AUDIO_BYTES).await?;
    verify_csrf(&w.state, &w.headers, &up.csrf)?;
    w.user.require(Action::ManageTerminals { site: None })?;
    let (l, s) = checked(&locale, &screen)?;
    let org = w.user.org.id;
    if up.has("default") {
        w.state
            .store
            .set_audio(org, l.tag(), s, None, &w.user.by())
            .await?;
        return Ok(redirect_with_flash("/admin/voice", "flash-voice-saved"));
    }
    let mut errors = FormErrors::new(w.locale());
    match (&up.file, up.too_large) {
        (_, true) => errors.key("audio", "error-audio-too-large"),
        (None, _) => errors.key("audio", "error-audio-missing"),
        (Some(bytes), _) => match sniff_audio(bytes) {
            Some(mime) => {
                w.state
                    .store
                    .set_audio(
                        org,
                        l.tag(),
                        s,
                        Some((bytes, mime, &content_digest(bytes))),
                        &w.user.by(),
                    )
                    .await?;
                return Ok(redirect_with_flash("/admin/voice", "flash-voice-saved"));
            }
            None => errors.key("audio", "error-audio-not-audio"),
        },
    }
    render(&w, &errors, false).await
}

/// A prompt as terminals play it: the uploaded one, else the default. Public, like the
/// logo: a terminal fetches it with a plain `<audio>` element.
async fn audio(
    State(state): State<AppState>,
    Path((locale, screen)): Path<(String, String)>,
) -> Result<Response> {
    let (l, s) = checked(&locale, &screen)?;
    let org = state
        .store
        .first_organisation()
        .await?
        .ok_or(crate::Error::NotFound)?;
    let (bytes, mime) = match state.store.audio(org.id, l.tag(), s).await? {
        Some(found) => found,
        None => {
            let file =
                Defaults::get(&format!("{}-{s}.opus", l.tag())).ok_or(crate::Error::NotFound)?;
            (file.data.into_owned(), "audio/ogg".to_string())
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=86400".to_string()),
        ],
        bytes,
    )
        .into_response())
}
