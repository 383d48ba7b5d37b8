//! The multilingual poster (`public/poster/<slug>.pdf`): a leaflet's title and key line
//! (front matter `poster`, else its first paragraph) in every language it is published
//! in, under each language's own name, for the wall of a break room.

use super::{Layout, PdfError, PdfOptions, PdfRenderer};
use crate::document::{Document, Paper, Text};
use crate::fonts::discovery::{families, has_italics};
use crate::lang::Direction;
use crate::lang::Lang;
use serde::Serialize;

/// The built-in poster template.
pub const POSTER_TEMPLATE: &str = include_str!("poster.typ");

/// What the poster template reads from `/doc.json`.
#[derive(Serialize)]
struct PosterData<'a> {
    /// The title in the source language, for the PDF's metadata.
    title: String,
    /// The source language's ISO 639 code, the PDF's own language.
    lang: &'a str,
    site_title: &'a str,
    paper: Paper,
    theme: &'a crate::project::theme::Theme,
    /// The index's address (with `base_url`) and its QR code as SVG.
    url: Option<&'a str>,
    qr: Option<String>,
    langs: Vec<PosterLang<'a>>,
}

/// One language of the poster.
#[derive(Serialize)]
struct PosterLang<'a> {
    /// ISO 639 code for Typst's `text(lang:)`.
    lang: &'a str,
    /// The language's name in itself.
    name: &'a str,
    dir: Direction,
    fonts: Vec<String>,
    italic: bool,
    title: &'a Text,
    /// The key line, when it is translated (a line in another language is left out).
    line: Option<&'a Text>,
}

impl<'a> PosterLang<'a> {
    /// The language of `doc`, unless its title is not translated: a poster shows each
    /// language in its own words or not at all.
    fn new(doc: &'a Document, options: &PdfOptions) -> Option<PosterLang<'a>> {
        if doc.title.fallback {
            return None;
        }
        let lang = Lang::parse(&doc.lang).ok()?;
        let line = match &doc.poster {
            Some(id) => doc.text(id),
            None => doc.first_paragraph(),
        };
        let chars = super::printed_chars(doc, &options.printed_words(&doc.ui.site_title));
        Some(PosterLang {
            lang: doc.lang.split('-').next().unwrap_or(&doc.lang),
            name: &doc.lang_name,
            dir: doc.dir,
            fonts: families(&lang, &chars),
            italic: has_italics(&lang),
            title: &doc.title,
            line: line.filter(|t| !t.fallback),
        })
    }
}

impl PdfRenderer {
    /// The poster of one leaflet from its documents, the source language's first; `url`
    /// is the index's address, which its QR code opens.
    pub fn render_poster(&self, docs: &[&Document], url: Option<&str>) -> Result<Vec<u8>, PdfError> {
        let first = docs.first().ok_or_else(|| PdfError::Export("a poster needs a language".into()))?;
        let data = PosterData {
            title: first.title.plain(),
            lang: first.lang.split('-').next().unwrap_or(&first.lang),
            site_title: &first.ui.site_title,
            paper: first.paper,
            theme: &self.options.theme,
            url,
            qr: url.and_then(crate::render::qr::svg),
            langs: docs.iter().filter_map(|d| PosterLang::new(d, &self.options)).collect(),
        };
        let ident = format!("tradui/poster/{}", first.slug);
        self.compile(POSTER_TEMPLATE.to_string(), &data, &ident, Layout::default())
    }
}
