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

/// The address a terminal plays a prompt from; the version changes with every upload.
pub fn audio_url(locale: &str, screen: &str, version: Option<i64>) -> String {
    format!("/kiosk/audio/{locale}/{screen}?v={}", version.unwrap_or(0))
}

async fn render(w: &Web, errors: &FormErrors, status_ok: bool) -> Result<Response> {
    let versions = w.state.store.audio_versions(w.user.org.id).await?;
    let rows: Vec<minijinja::Value> = SCREENS
        .iter()
        .map(|s| {
            context! {
                screen => s,
                cells => Locale::ALL.iter().map(|l| {
                    let v = versions.get(&(l.tag().to_string(), s.to_string())).copied();
                    context! { locale => l.tag(), name => l.native_name(), url => audio_url(l.tag(), s, v), uploaded => v.is_some() }
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
                    .set_audio(org, l.tag(), s, Some((bytes, mime)), &w.user.by())
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
