//! The printable QR poster of a web survey: an A4 SVG with the organisation's logo and
//! name, the call to answer in Arabic, English and Latvian, the QR code and the short
//! address under it (for those who type it), and what the survey is about.

use base64::Engine;
use minijinja::context;
use qrcode::{Color, EcLevel, QrCode};
use rida_domain::Locale;

use crate::{i18n, state::AppState};

/// What a poster shows.
pub struct Poster<'a> {
    pub org: &'a str,
    pub logo: Option<(Vec<u8>, String)>,
    pub site: &'a str,
    pub about: Option<&'a str>,
    /// The survey's address, coded in the QR and printed under it.
    pub url: &'a str,
}

/// The QR code's dark modules as one SVG path (a unit square each), and its width in
/// modules with the quiet zone of four on each side.
pub fn qr_path(data: &str) -> anyhow::Result<(String, usize)> {
    // Level Q: a poster behind a counter gets scratched and reflects light.
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::Q)?;
    let w = code.width();
    let mut d = String::new();
    for (i, c) in code.to_colors().into_iter().enumerate() {
        if c == Color::Dark {
            let (x, y) = (i % w + 4, i / w + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Ok((d, w + 8))
}

/// The poster as SVG.
pub fn render(state: &AppState, p: &Poster<'_>) -> anyhow::Result<String> {
    let (qr, modules) = qr_path(p.url)?;
    let calls: Vec<minijinja::Value> = [Locale::Ar, Locale::En, Locale::Lv]
        .iter()
        .map(|l| {
            context! {
                lang => l.tag(), dir => l.dir(),
                call => i18n::t(*l, "poster-call"),
                sub => i18n::t(*l, "poster-sub"),
            }
        })
        .collect();
    let logo = p.logo.as_ref().map(|(bytes, mime)| {
        format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )
    });
    let page = context! {
        org => p.org, logo => logo, site => p.site, about => p.about, url => p.url,
        qr => qr, modules => modules, calls => calls,
    };
    Ok(state.templates.get_template("poster.xml")?.render(page)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_has_its_quiet_zone_and_dark_modules() {
        let (d, modules) = qr_path("https://rida.example.org/q/AbC123xy").unwrap();
        // Version 4 at level Q holds this address: 33 modules and 8 of quiet zone.
        assert_eq!(modules, 33 + 8);
        // The finder pattern's corner module sits just inside the quiet zone.
        assert!(d.starts_with("M4 4h1v1h-1z"));
        assert!(d.matches('M').count() > 200);
    }
}
