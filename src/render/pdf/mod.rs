//! PDF: a localized document -> a print-ready PDF, typeset by Typst used as a library.
//!
//! The document reaches Typst as data: the template (`leaflet.typ`, or the project's
//! own) reads `/doc.json`, so no translation is ever evaluated as Typst code. The
//! [`World`] serves only those two files. Fonts come from [`crate::fonts`]: found once
//! per renderer (which any number of threads may share), each face read when first used;
//! the template gets the family list for the document's language and scripts.

pub mod impose;
pub mod poster;
mod textlayer;

use crate::document::Document;
use crate::document::{Fit, Print};
use crate::fonts::discovery::{FontSet, families, has_italics};
use crate::lang::Lang;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::fonts::coverage::printed_chars;
pub use crate::fonts::discovery::document_chars;
use typst::diag::{FileError, FileResult, Severity};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// The built-in template.
pub const TEMPLATE: &str = include_str!("leaflet.typ");
/// The built-in two-language template.
pub const BILINGUAL_TEMPLATE: &str = include_str!("bilingual.typ");
/// The functions both templates (and a project's own) import as `/lib.typ`.
pub const LIBRARY: &str = include_str!("lib.typ");

/// Options of a PDF export.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// A Typst template to use instead of the built-in one.
    pub template: Option<String>,
    /// Seconds since the epoch for the PDF's creation date (SOURCE_DATE_EPOCH); None
    /// writes no date, so output is reproducible.
    pub timestamp: Option<i64>,
    /// Write PDF/A-2b.
    pub pdf_a: bool,
    /// Write PDF/UA-1 (tagged, with title, language and alternative texts).
    pub pdf_ua: bool,
    /// The site title printed in the footer.
    pub site_title: String,
    /// `[theme]`: the accent colours and the footer.
    pub theme: crate::project::theme::Theme,
    /// The project's own `fonts/` folder, searched before the system's fonts.
    pub fonts_dir: Option<PathBuf>,
    /// `base_url` of `tradui.toml`: each PDF carries a QR code of its page's address.
    pub base_url: Option<String>,
    /// The project's `content/` folder: the images leaflets use are read from it (as
    /// `/media/<path>` in the World), nothing outside it.
    pub media_dir: Option<PathBuf>,
    /// `bleed` in points: the page grows by it on every side, with a trim box.
    pub bleed: Option<f64>,
    /// The union's logo (`[theme] logo`), checked inside the project: `/logo` in the World.
    pub logo: Option<PathBuf>,
}

impl PdfOptions {
    /// The site title and the theme's footer: what every PDF prints besides the document.
    pub fn printed_words(&self, site_title: &str) -> String {
        let footer = self.theme.footer.as_ref();
        let text = footer.map_or("", |f| f.text.as_str());
        let phone = footer.and_then(|f| f.phone.as_deref()).unwrap_or("");
        format!("{site_title} {text} {phone}")
    }

    /// Options from the environment: SOURCE_DATE_EPOCH if set.
    pub fn from_env() -> PdfOptions {
        let timestamp = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse().ok());
        PdfOptions { timestamp, ..PdfOptions::default() }
    }
}

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF template has an error: {0}")]
    Template(String),
    #[error("the PDF could not be written: {0}")]
    Export(String),
    /// A leaflet longer than the pages its `fit` asks for, at the smallest size.
    #[error("it runs to {pages} pages at the smallest body size, {} more than `fit = {allowed}` allows", pages - allowed)]
    Overflow { pages: usize, allowed: usize },
}

/// Renders documents to PDF; create one per build and share it between threads.
pub struct PdfRenderer {
    library: LazyHash<Library>,
    fonts: Arc<FontSet>,
    options: PdfOptions,
}

impl PdfRenderer {
    /// A renderer whose fonts cover `needed` where any available font does (see
    /// [`FontSet::load`]).
    pub fn new(options: PdfOptions, needed: &BTreeSet<char>) -> PdfRenderer {
        let fonts = FontSet::load(options.fonts_dir.as_deref(), needed);
        PdfRenderer { library: LazyHash::new(Library::default()), fonts: Arc::new(fonts), options }
    }

    /// The fonts loaded (family, style, stretch, weight), for the build manifest: PDFs
    /// made with other fonts are made again.
    pub fn font_list(&self) -> Vec<String> {
        let book = self.fonts.book();
        (0..)
            .map_while(|i| book.info(i))
            .map(|info| format!("{} {:?} {:?}", info.family, info.variant, info.flags))
            .collect()
    }

    /// Characters the PDF of `doc` prints that no available font has.
    pub fn missing_glyphs(&self, doc: &Document) -> BTreeSet<char> {
        self.fonts.missing(&printed_chars(doc, &self.options.printed_words(&doc.ui.site_title)))
    }

    /// The first image of `doc` the PDF would print that cannot be decoded, and why:
    /// asked after a failed render, to name the image at its line in the Markdown.
    pub fn undecodable_image(&self, doc: &Document) -> Option<(String, String)> {
        let dir = self.options.media_dir.as_deref()?;
        let mut found = Vec::new();
        images(&doc.blocks, Some(dir), &mut found);
        found.into_iter().find_map(|img| {
            let bytes = std::fs::read(dir.join(crate::render::html::media_path(&img.src)?)).ok()?;
            decode_error(&bytes).map(|e| (img.src, e))
        })
    }

    /// Typesets one document.
    pub fn render(&self, doc: &Document) -> Result<Vec<u8>, PdfError> {
        self.render_as(doc, Layout::default())
    }

    /// Typesets one print of a document: on another paper, or 2-up (set on the half
    /// sheet, each page twice on one sheet with cut marks, no bleed).
    pub fn render_print(&self, doc: &Document, print: Print) -> Result<Vec<u8>, PdfError> {
        let on_paper = Document { paper: print.paper(), ..doc.clone() };
        match print {
            Print::Full(_) => self.render_as(&on_paper, Layout::default()),
            Print::TwoUp(half) => self
                .render_as(&on_paper, Layout { sheet: Some(impose::sheet_width(half)), ..Layout::default() }),
        }
    }

    fn render_as(&self, doc: &Document, layout: Layout) -> Result<Vec<u8>, PdfError> {
        let mut data = TemplateData::new(doc, &self.options);
        if layout.sheet.is_some() {
            data.bleed = 0.0;
        }
        let template = self.options.template.clone().unwrap_or_else(|| TEMPLATE.to_string());
        let ident = format!("tradui/{}/{}", doc.lang, doc.slug);
        let layout = match doc.fit {
            Fit::None => return self.compile(template, &data, &ident, layout),
            Fit::Page => Layout { refit: true, ..layout },
            Fit::Pages(n) => Layout { max_pages: Some(usize::from(n)), ..layout },
        };
        match self.compile(template.clone(), &data, &ident, layout) {
            // The fitted size ran over its pages after all: set at the body size again,
            // which (for a number of pages) is an error only if it runs over there too.
            Err(PdfError::Overflow { .. }) => {
                let flowing = Document { fit: Fit::None, ..doc.clone() };
                let data = TemplateData { bleed: data.bleed, ..TemplateData::new(&flowing, &self.options) };
                self.compile(template, &data, &ident, Layout { refit: false, ..layout })
            }
            other => other,
        }
    }

    /// Typesets two languages of a leaflet side by side on one sheet.
    pub fn render_bilingual(&self, a: &Document, b: &Document) -> Result<Vec<u8>, PdfError> {
        #[derive(Serialize)]
        struct Pair<'a> {
            a: TemplateData<'a>,
            b: TemplateData<'a>,
        }
        let pair = Pair { a: TemplateData::new(a, &self.options), b: TemplateData::new(b, &self.options) };
        self.compile(
            BILINGUAL_TEMPLATE.to_string(),
            &pair,
            &format!("tradui/{}+{}/{}", a.lang, b.lang, a.slug),
            Layout::default(),
        )
    }

    /// Lays one document out with another template of tradui's (the share image's), for
    /// a renderer other than PDF: the same data, fonts and World as the PDF.
    pub fn typeset(&self, doc: &Document, template: &str) -> Result<PagedDocument, PdfError> {
        let data = TemplateData::new(doc, &self.options);
        let json = serde_json::to_vec(&data).map_err(|e| PdfError::Export(e.to_string()))?;
        let world = LeafletWorld::new(self, template.to_string(), json);
        typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|errors| PdfError::Template(describe(&world, &errors)))
    }

    /// Typesets `data` with `template` into PDF bytes; with `max_pages`, a document
    /// longer than that is an error, not a PDF.
    fn compile(
        &self,
        template: String,
        data: &impl Serialize,
        ident: &str,
        layout: Layout,
    ) -> Result<Vec<u8>, PdfError> {
        let json = serde_json::to_vec(data).map_err(|e| PdfError::Export(e.to_string()))?;
        let world = LeafletWorld::new(self, template, json);
        let warned = typst::compile::<PagedDocument>(&world);
        let document = warned.output.map_err(|errors| PdfError::Template(describe(&world, &errors)))?;
        if let Some(allowed) = layout.max_pages.filter(|n| document.pages().len() > *n) {
            return Err(PdfError::Overflow { pages: document.pages().len(), allowed });
        }
        if layout.refit && document.pages().len() > 1 && fitted(&document) {
            return Err(PdfError::Overflow { pages: document.pages().len(), allowed: 1 });
        }
        // A 2-up sheet is for the printer: untagged, never PDF/UA (its page-sized PDF is
        // the one to read).
        let pdf_ua = self.options.pdf_ua && layout.sheet.is_none();
        // PDF/UA wants every glyph mapped to text: there a cluster's other glyphs repeat
        // its letter's text (copying repeats it, typst#8767), elsewhere they stand for none.
        let document = textlayer::readable(&document, pdf_ua);
        let document = match layout.sheet {
            Some(width) => impose::two_up(&document, width),
            None => document,
        };
        let mut standards = Vec::new();
        if self.options.pdf_a {
            if self.options.timestamp.is_none() {
                return Err(PdfError::Export(
                    "PDF/A needs a creation date: set SOURCE_DATE_EPOCH (for example to the last commit's time: `git log -1 --format=%ct`)".into(),
                ));
            }
            standards.push(typst_pdf::PdfStandard::A_2b);
        }
        if pdf_ua {
            standards.push(typst_pdf::PdfStandard::Ua_1);
        }
        let options = typst_pdf::PdfOptions {
            ident: typst::foundations::Smart::Custom(ident.to_string()),
            creator: typst::foundations::Smart::Custom(Some("tradui".into())),
            timestamp: self.options.timestamp.and_then(timestamp),
            standards: typst_pdf::PdfStandards::new(&standards)
                .map_err(|e| PdfError::Export(e.message().to_string()))?,
            tagged: layout.sheet.is_none(),
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&document, &options).map_err(|errors| PdfError::Export(describe(&world, &errors)))
    }

    /// Drops Typst's caches of compilations older than `max_age` (call between batches
    /// of a long build to keep memory flat).
    pub fn evict(max_age: usize) {
        typst::comemo::evict(max_age);
    }
}

/// How a document is laid out: at most `max_pages` pages; with `refit`, a leaflet
/// fitted to one page that ran over it is an overflow (set it again unfitted); with
/// `sheet`, 2-up on sheets that wide.
#[derive(Debug, Clone, Copy, Default)]
struct Layout {
    max_pages: Option<usize>,
    refit: bool,
    sheet: Option<typst::layout::Abs>,
}

/// Whether the template set the leaflet above its body size (the `<tradui-fitted>`
/// metadata of `leaflet.typ`; a project's template says nothing, so never).
fn fitted(document: &PagedDocument) -> bool {
    use typst::introspection::{Introspector, MetadataElem};
    let Some(label) = typst::foundations::Label::new(typst::utils::PicoStr::intern("tradui-fitted")) else {
        return false;
    };
    let found = document.introspector().query_label(label).ok().and_then(|c| c.to_packed::<MetadataElem>());
    found.is_some_and(|m| m.value == typst::foundations::Value::Bool(true))
}

/// Why Typst cannot decode an image (PNG, JPEG, GIF, WebP or SVG), or None when it can.
fn decode_error(bytes: &[u8]) -> Option<String> {
    use typst::visualize::{ExchangeFormat, RasterImage, SvgImage};
    let data = Bytes::new(bytes.to_vec());
    match ExchangeFormat::detect(bytes) {
        Some(format) => RasterImage::plain(data, format).err().map(|e| e.to_string()),
        None => SvgImage::new(data).is_err().then(|| {
            "it is not a PNG, JPEG, GIF or WebP picture, nor an SVG drawing that can be read".to_string()
        }),
    }
}

fn timestamp(secs: i64) -> Option<typst_pdf::Timestamp> {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = crate::civil::from_days(days);
    let y = y as i32;
    let dt = Datetime::from_ymd_hms(y, m, d, (rem / 3600) as u8, (rem % 3600 / 60) as u8, (rem % 60) as u8)?;
    Some(typst_pdf::Timestamp::new_utc(dt))
}

fn describe(world: &LeafletWorld, errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .filter(|e| e.severity == Severity::Error)
        .map(|e| {
            let file = match e.span.id() {
                Some(id) if id == world.library.id() => &world.library,
                _ => &world.template,
            };
            let name = if std::ptr::eq(file, &world.library) { "lib.typ" } else { "template" };
            match world.range(e.span) {
                Some(r) => format!(
                    "{name} line {}: {}",
                    file.text()[..r.start.min(file.text().len())].matches('\n').count() + 1,
                    e.message
                ),
                None => e.message.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What the template reads from `/doc.json`.
#[derive(Serialize)]
struct TemplateData<'a> {
    doc: &'a Document,
    /// The title as plain text, for the PDF's metadata.
    title: String,
    /// ISO 639 language code for Typst's `text(lang:)` (hyphenation, shaping, quotes).
    lang: &'a str,
    source_lang: &'a str,
    site_title: &'a str,
    not_translated: &'a str,
    /// The line that says the event is over (front matter `valid-until` has passed).
    event_over: Option<&'a str>,
    /// Font families, in order of preference, for the language and the scripts it uses.
    fonts: Vec<String>,
    /// Whether emphasis is italic (Latin, Cyrillic, Greek) or bold (other scripts).
    italic: bool,
    /// The accent colours and the footer (`[theme]`).
    theme: &'a crate::project::theme::Theme,
    /// The page's address (with `base_url`) and its QR code as SVG.
    page_url: Option<String>,
    qr: Option<String>,
    /// The images of the document that can be printed (in `content/`), with their
    /// alternative text as plain text; the others print their alt text.
    images: Vec<ImageRef>,
    /// `bleed` in points (0: none).
    bleed: f64,
    /// The logo's format (`png`, `jpg`, `svg`), when there is one to print.
    logo: Option<String>,
}

#[derive(Serialize)]
struct ImageRef {
    src: String,
    alt: String,
}

/// The images of `blocks` that `content/` has, in order, each once.
fn images(blocks: &[crate::document::Block], media: Option<&Path>, out: &mut Vec<ImageRef>) {
    use crate::document::Block;
    for b in blocks {
        match b {
            Block::Image { src, alt } => {
                let readable = media.zip(crate::render::html::media_path(src)).is_some_and(|(dir, rel)| {
                    let (root, file) = (dir.canonicalize(), dir.join(rel).canonicalize());
                    matches!((root, file), (Ok(r), Ok(f)) if f.starts_with(&r) && f.is_file())
                });
                if readable && !out.iter().any(|i| i.src == *src) {
                    out.push(ImageRef { src: src.clone(), alt: alt.plain() });
                }
            }
            Block::List { items, .. } => items.iter().for_each(|i| images(i, media, out)),
            Block::Quote { blocks } => images(blocks, media, out),
            _ => {}
        }
    }
}

impl<'a> TemplateData<'a> {
    fn new(doc: &'a Document, options: &'a PdfOptions) -> Self {
        let site_title = doc.ui.site_title.as_str();
        fn primary(tag: &str) -> &str {
            tag.split('-').next().unwrap_or(tag)
        }
        let page_url = options
            .base_url
            .as_deref()
            .map(|b| crate::render::html::preview::page_url(b, &doc.lang, &doc.slug));
        TemplateData {
            doc,
            title: doc.title.plain(),
            lang: primary(&doc.lang),
            source_lang: primary(&doc.source_lang),
            site_title,
            not_translated: &doc.ui.not_translated,
            event_over: doc.event_over.then_some(doc.ui.event_over.as_str()),
            fonts: Lang::parse(&doc.lang).map_or_else(
                |_| vec!["Noto Sans".to_string()],
                |l| families(&l, &printed_chars(doc, &options.printed_words(site_title))),
            ),
            italic: Lang::parse(&doc.lang).is_ok_and(|l| has_italics(&l)),
            theme: &options.theme,
            qr: page_url.as_deref().and_then(crate::render::qr::svg),
            page_url,
            bleed: options.bleed.unwrap_or(0.0),
            logo: options.logo.as_ref().and_then(|p| p.extension()).map(|e| {
                let e = e.to_string_lossy().to_ascii_lowercase();
                if e == "jpeg" { "jpg".to_string() } else { e }
            }),
            images: {
                let mut found = Vec::new();
                images(&doc.blocks, options.media_dir.as_deref(), &mut found);
                found
            },
        }
    }
}

/// The world Typst sees: the template as `/main.typ`, the library as `/lib.typ`, the
/// document as `/doc.json`, and nothing else.
struct LeafletWorld<'a> {
    renderer: &'a PdfRenderer,
    template: Source,
    library: Source,
    json: Bytes,
    json_id: FileId,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a fixed, valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

impl<'a> LeafletWorld<'a> {
    fn new(renderer: &'a PdfRenderer, template: String, json: Vec<u8>) -> Self {
        LeafletWorld {
            renderer,
            template: Source::new(file_id("/main.typ"), template),
            library: Source::new(file_id("/lib.typ"), LIBRARY.to_string()),
            json: Bytes::new(json),
            json_id: file_id("/doc.json"),
        }
    }
}

impl LeafletWorld<'_> {
    /// An image of `content/` a leaflet uses: a path inside the folder (no `..`, no
    /// address, no absolute path) to a file that is there, not a link out of it.
    fn media(&self, rel: &str) -> FileResult<Bytes> {
        let dir = self.renderer.options.media_dir.as_deref().ok_or(FileError::AccessDenied)?;
        let rel = crate::render::html::media_path(rel).ok_or(FileError::AccessDenied)?;
        let root = dir.canonicalize().map_err(|_| FileError::AccessDenied)?;
        let path = dir.join(&rel);
        let real = path.canonicalize().map_err(|e| FileError::from_io(e, &path))?;
        if !real.starts_with(&root) || !real.is_file() {
            return Err(FileError::AccessDenied);
        }
        std::fs::read(&real).map(Bytes::new).map_err(|e| FileError::from_io(e, &path))
    }
}

impl World for LeafletWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.renderer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.renderer.fonts.book()
    }

    fn main(&self) -> FileId {
        self.template.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.template.id() {
            Ok(self.template.clone())
        } else if id == self.library.id() {
            Ok(self.library.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.json_id {
            Ok(self.json.clone())
        } else if id == self.library.id() {
            Ok(Bytes::from_string(self.library.clone()))
        } else if let Some(rel) = id.vpath().get_with_slash().strip_prefix("/media/") {
            self.media(rel)
        } else if id.vpath().get_with_slash() == "/logo" {
            let path = self.renderer.options.logo.as_deref().ok_or(FileError::AccessDenied)?;
            std::fs::read(path).map(Bytes::new).map_err(|e| FileError::from_io(e, path))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.renderer.fonts.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // No wall-clock time: output must be reproducible.
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(template: &str) -> PagedDocument {
        let renderer = PdfRenderer::new(PdfOptions::default(), &BTreeSet::new());
        let world = LeafletWorld::new(&renderer, template.to_string(), b"{}".to_vec());
        typst::compile::<PagedDocument>(&world).output.expect("the template compiles")
    }

    #[test]
    fn a_leaflet_set_above_its_body_size_says_so() {
        assert!(fitted(&laid_out("#metadata(true) <tradui-fitted>\nHi")));
        assert!(!fitted(&laid_out("#metadata(false) <tradui-fitted>\nHi")));
        assert!(!fitted(&laid_out("Hi")), "a project's template says nothing");
    }
}
