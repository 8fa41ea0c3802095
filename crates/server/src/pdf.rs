//! Reports as PDF, typeset by Typst (a real typesetting engine: Arabic joined and laid
//! right to left by its shaper and bidi, pages broken by its layout). A report is a
//! Typst source written by a minijinja template (`templates/*.typ`, where every value is
//! written as a Typst string, see `render`), compiled with the fonts embedded here and,
//! when the organisation has one, its logo as `logo`.

use std::sync::LazyLock;

use rida_domain::Locale;

use typst::{
    Library, LibraryExt, World,
    diag::{FileError, FileResult},
    foundations::{Bytes, Datetime},
    layout::PagedDocument,
    syntax::{FileId, Source, VirtualPath},
    text::{Font, FontBook},
    utils::LazyHash,
};

use crate::state::AppState;

/// The fonts: Noto Sans and Noto Sans Arabic (see `pdf/fonts/README.md`).
static FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../pdf/fonts/noto-sans-400.ttf"),
    include_bytes!("../pdf/fonts/noto-sans-600.ttf"),
    include_bytes!("../pdf/fonts/noto-sans-arabic-400.ttf"),
    include_bytes!("../pdf/fonts/noto-sans-arabic-700.ttf"),
];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// One document to typeset: its source, and the files it may read.
struct Doc {
    main: Source,
    logo: Option<Bytes>,
    today: Option<Datetime>,
}

fn logo_id() -> FileId {
    FileId::new(None, VirtualPath::new("logo"))
}

impl World for Doc {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match &self.logo {
            Some(logo) if id == logo_id() => Ok(logo.clone()),
            _ => Err(FileError::NotFound(id.vpath().as_rootless_path().into())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        self.today
    }
}

/// Typesets `source` into a PDF. `logo` is readable as `image("logo")`; a logo Typst
/// cannot read (a damaged file) leaves the report without it rather than without a
/// report: the source is typeset again with `has-logo` false.
pub fn typeset(
    source: &str,
    logo: Option<Vec<u8>>,
    today: jiff::civil::Date,
) -> anyhow::Result<Vec<u8>> {
    let today = Datetime::from_ymd(
        i32::from(today.year()),
        today.month() as u8,
        today.day() as u8,
    );
    let run = |logo: Option<Bytes>| {
        let has_logo = logo.is_some();
        let text = format!("#let has-logo = {has_logo}\n{source}");
        let doc = Doc {
            main: Source::new(FileId::new(None, VirtualPath::new("report.typ")), text),
            logo,
            today,
        };
        let document = typst::compile::<PagedDocument>(&doc)
            .output
            .map_err(|e| anyhow::anyhow!("typesetting: {}", messages(&e)))?;
        typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
            .map_err(|e| anyhow::anyhow!("writing the PDF: {}", messages(&e)))
    };
    match logo {
        Some(bytes) => run(Some(Bytes::new(bytes))).or_else(|e| {
            tracing::warn!(error = %e, "report typeset without the logo");
            run(None)
        }),
        None => run(None),
    }
}

/// The MIME type of a PDF file.
pub const PDF_MIME: &str = "application/pdf";

/// A report of `org` as a PDF: `template` (a `.typ` template) rendered in the reader's
/// language with `page`, typeset with the organisation's logo, off the async threads.
pub async fn report(
    state: &AppState,
    org: &rida_store::Organisation,
    template: &str,
    l: Locale,
    page: minijinja::Value,
) -> anyhow::Result<Vec<u8>> {
    let ctx =
        minijinja::context! { locale => l.tag(), dir => l.dir(), org => org.name.clone(), ..page };
    let source = state.templates.get_template(template)?.render(ctx)?;
    let logo = match org.logo_mime {
        Some(_) => state.store.logo(org.id).await?.map(|(bytes, _)| bytes),
        None => None,
    };
    let today = crate::analytics::org_today(&org.time_zone);
    tokio::task::spawn_blocking(move || typeset(&source, logo, today)).await?
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes a text as a Typst string literal ended by `;`, so that nothing in it (a
/// customer's comment, a site's name) is read as markup or code, and the text after it
/// is not read as a field of it.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    out.push_str("#\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push_str("\";");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_keeps_markup_and_code_as_text() {
        assert_eq!(literal("a \"b\" \\ #c"), "#\"a \\\"b\\\" \\\\ #c\";");
        let source = format!(
            "{} and {}",
            literal("*bold* #let x = 1 [x] $y$ <l> @r"),
            literal("line\nbreak")
        );
        let pdf = typeset(&source, None, jiff::civil::date(2026, 12, 5)).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn a_logo_that_is_not_an_image_leaves_the_report_without_it() {
        let source = "#if has-logo { image(\"logo\", width: 2cm) } Report";
        let pdf = typeset(
            source,
            Some(b"not an image".to_vec()),
            jiff::civil::date(2026, 12, 5),
        );
        assert!(pdf.unwrap().starts_with(b"%PDF-"));
    }
}
