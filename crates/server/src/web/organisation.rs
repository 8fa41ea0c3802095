//! The organisation page: name, logo, language, time zone, and who sees per-employee results.

use axum::{
    Router,
    extract::{Multipart, State},
    http::header,
    response::{IntoResponse, Response},
    routing::{get, post},
};
use minijinja::context;
use rida_domain::{
    Action, Locale,
    metrics::{Thresholds, operations},
    names,
    terminal::BurstRule,
};
use rida_store::OrgSettings;
use serde::Deserialize;

use super::{FormErrors, Web, redirect_with_flash, time_zones};
use crate::{
    auth::{CsrfForm, verify_csrf},
    error::Result,
    state::AppState,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/organisation", get(show).post(save))
        .route("/admin/organisation/logo", post(upload_logo))
        .route("/logo", get(logo))
        .route("/logo/{org}", get(org_logo))
}

fn page(w: &Web, form: minijinja::Value, errors: &FormErrors) -> minijinja::Value {
    context! {
        form => form,
        errors => errors.value(),
        time_zones => time_zones(),
        locales => Locale::ALL.iter().map(|l| context! { tag => l.tag(), name => l.native_name() }).collect::<Vec<_>>(),
        max_logo_kib => w.state.settings.max_logo_bytes / 1024,
    }
}

async fn show(w: Web) -> Result<Response> {
    w.user.require(Action::ManageOrganisation)?;
    let form = stored_form(&w);
    Ok(w.render(
        "organisation.html",
        page(&w, form, &FormErrors::new(w.locale())),
    ))
}

#[derive(Deserialize, serde::Serialize)]
struct OrgForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    default_locale: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    managers_see_employees: Option<String>,
    #[serde(default)]
    analysts_see_employees: Option<String>,
    #[serde(default)]
    require_second_factor: Option<String>,
    #[serde(default)]
    burst_taps: String,
    #[serde(default)]
    burst_seconds: String,
    #[serde(default)]
    min_ranked: String,
    #[serde(default)]
    min_shown: String,
    #[serde(default)]
    retention_days: String,
    #[serde(default)]
    phone_region: String,
    #[serde(default)]
    contact_days: String,
    #[serde(default)]
    audit_days: String,
    #[serde(default)]
    help_contact: String,
    #[serde(default)]
    offline_notice_minutes: String,
}

async fn save(w: Web, CsrfForm(f): CsrfForm<OrgForm>) -> Result<Response> {
    w.user.require(Action::ManageOrganisation)?;
    let mut errors = FormErrors::new(w.locale());
    let name = errors.check("name", names::display_name(&f.name, 120));
    if Locale::parse(&f.default_locale).is_none() {
        errors.key("default_locale", "error-invalid");
    }
    if jiff::tz::TimeZone::get(f.time_zone.trim()).is_err() {
        errors.key("time_zone", "error-time-zone");
    }
    let burst = BurstRule::parse(&f.burst_taps, &f.burst_seconds);
    if burst.is_none() {
        errors.key("burst", "error-burst");
    }
    let thresholds = Thresholds::parse(&f.min_ranked, &f.min_shown);
    if thresholds.is_none() {
        errors.key("thresholds", "error-thresholds");
    }
    let retention_days = operations::parse_window_days(&f.retention_days);
    if retention_days.is_none() {
        errors.key("retention_days", "error-retention-days");
    }
    let phone_region = match f.phone_region.trim() {
        "" => Some(None),
        r => rida_domain::contact::phone_region(r).map(Some),
    };
    if phone_region.is_none() {
        errors.key("phone_region", "error-phone-region");
    }
    let contact_days = f
        .contact_days
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| (1..=3650).contains(d));
    if contact_days.is_none() {
        errors.key("contact_days", "error-contact-days");
    }
    // 0 keeps the audit log for ever; otherwise at least a month, at most ten years.
    // (A form without the field keeps what is set.)
    let audit_days = match f.audit_days.trim() {
        "" => Some(w.user.org.audit_days),
        d => d
            .parse::<i32>()
            .ok()
            .filter(|d| *d == 0 || (30..=3650).contains(d)),
    };
    if audit_days.is_none() {
        errors.key("audit_days", "error-audit-days");
    }
    let help_contact = f.help_contact.trim();
    if help_contact.chars().count() > 160 || help_contact.chars().any(char::is_control) {
        errors.key("help_contact", "error-help-contact");
    }
    let offline_notice_minutes = f
        .offline_notice_minutes
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|m| (1..=1440).contains(m));
    if offline_notice_minutes.is_none() {
        errors.key("offline_notice_minutes", "error-offline-notice");
    }
    let (
        Some(name),
        Some(burst),
        Some(thresholds),
        Some(retention_days),
        Some(phone_region),
        Some(contact_days),
        Some(audit_days),
        Some(offline_notice_minutes),
        true,
    ) = (
        name,
        burst,
        thresholds,
        retention_days,
        phone_region,
        contact_days,
        audit_days,
        offline_notice_minutes,
        errors.is_empty(),
    )
    else {
        let form = context! {
            name => f.name, default_locale => f.default_locale, time_zone => f.time_zone,
            managers_see_employees => f.managers_see_employees.is_some(),
            analysts_see_employees => f.analysts_see_employees.is_some(),
            require_second_factor => f.require_second_factor.is_some(),
            burst_taps => f.burst_taps, burst_seconds => f.burst_seconds,
            min_ranked => f.min_ranked, min_shown => f.min_shown,
            retention_days => f.retention_days, phone_region => f.phone_region,
            contact_days => f.contact_days, audit_days => f.audit_days, help_contact => f.help_contact,
            offline_notice_minutes => f.offline_notice_minutes,
        };
        return Ok(w.render_invalid("organisation.html", page(&w, form, &errors)));
    };
    let settings = OrgSettings {
        name,
        default_locale: f.default_locale.trim().to_string(),
        time_zone: f.time_zone.trim().to_string(),
        managers_see_employees: f.managers_see_employees.is_some(),
        analysts_see_employees: f.analysts_see_employees.is_some(),
        require_second_factor: f.require_second_factor.is_some(),
        burst,
        thresholds,
        retention_days,
        phone_region,
        contact_days,
        audit_days,
        help_contact: Some(help_contact.to_string()).filter(|c| !c.is_empty()),
        offline_notice_minutes,
    };
    w.state
        .store
        .update_organisation(w.user.org.id, &settings, &w.user.by())
        .await?;
    Ok(redirect_with_flash("/admin/organisation", "flash-saved"))
}

/// The image types accepted as a logo, recognised by their first bytes (not by the
/// name or the browser's claim).
fn sniff_image(b: &[u8]) -> Option<&'static str> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if b.len() > 12 && &b[0..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        Some("image/webp")
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some("image/gif")
    } else {
        None
    }
}

async fn upload_logo(w: Web, multipart: Multipart) -> Result<Response> {
    let up = super::read_upload(multipart, "logo", w.state.settings.max_logo_bytes).await?;
    let remove = up.has("remove");
    let (csrf, file, too_large) = (up.csrf, up.file, up.too_large);
    verify_csrf(&w.state, &w.headers, &csrf)?;
    w.user.require(Action::ManageOrganisation)?;
    let mut errors = FormErrors::new(w.locale());
    let org = w.user.org.id;
    if remove {
        w.state.store.set_logo(org, None, &w.user.by()).await?;
        return Ok(redirect_with_flash("/admin/organisation", "flash-saved"));
    }
    match (file, too_large) {
        (_, true) => errors.key("logo", "error-logo-too-large"),
        (None, _) => errors.key("logo", "error-logo-missing"),
        (Some(bytes), _) => match sniff_image(&bytes) {
            Some(mime) => {
                w.state
                    .store
                    .set_logo(org, Some((&bytes, mime)), &w.user.by())
                    .await?;
                return Ok(redirect_with_flash("/admin/organisation", "flash-saved"));
            }
            None => errors.key("logo", "error-logo-not-image"),
        },
    }
    Ok(w.render_invalid("organisation.html", page(&w, stored_form(&w), &errors)))
}

/// The organisation form filled with what is stored.
fn stored_form(w: &Web) -> minijinja::Value {
    let o = &w.user.org;
    context! {
        name => o.name.clone(),
        default_locale => o.default_locale.clone(),
        time_zone => o.time_zone.clone(),
        managers_see_employees => o.managers_see_employees,
        analysts_see_employees => o.analysts_see_employees,
        require_second_factor => o.require_second_factor,
        burst_taps => o.burst_taps.to_string(),
        burst_seconds => o.burst_seconds.to_string(),
        min_ranked => o.min_ranked.to_string(),
        min_shown => o.min_shown.to_string(),
        retention_days => o.retention_days.to_string(),
        phone_region => o.phone_region.clone().unwrap_or_default(),
        contact_days => o.contact_days.to_string(),
        audit_days => o.audit_days.to_string(),
        help_contact => o.help_contact.clone().unwrap_or_default(),
        offline_notice_minutes => o.offline_notice_minutes.to_string(),
    }
}

/// The logo, for page headers (and later terminals). Public: it is shown on the login page too.
async fn logo(State(state): State<AppState>) -> Result<Response> {
    let org = state
        .store
        .first_organisation()
        .await?
        .ok_or(crate::Error::NotFound)?;
    logo_of(&state, org.id).await
}

/// One organisation's logo, for its public survey pages.
async fn org_logo(
    State(state): State<AppState>,
    axum::extract::Path(org): axum::extract::Path<uuid::Uuid>,
) -> Result<Response> {
    logo_of(&state, org).await
}

async fn logo_of(state: &AppState, org: uuid::Uuid) -> Result<Response> {
    let (bytes, mime) = state.store.logo(org).await?.ok_or(crate::Error::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=300".to_string()),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::sniff_image;

    #[test]
    fn only_real_images_are_recognised() {
        assert_eq!(sniff_image(b"\x89PNG\r\n\x1a\n rest"), Some("image/png"));
        assert_eq!(sniff_image(b"\xFF\xD8\xFF\xE0"), Some("image/jpeg"));
        assert_eq!(sniff_image(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff_image(b"%PDF-1.7"), None);
    }
}
