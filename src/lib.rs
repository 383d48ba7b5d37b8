//! tradui: leaflets written once in Markdown, translated in Fluent, checked for missing
//! and stale translations, and rendered in every language as HTML and PDF.
//!
//! Modules in pipeline order (see ARCHITECTURE.md): each uses only those above it.

// Foundations every phase uses.
/// Diagnostics: the one type every problem travels in; exit code 2; text decoding.
pub mod diag;
/// BCP 47 tags and what CLDR says of them (script, direction, names, plurals).
pub mod lang;
/// The stated limits of input sizes and nesting, checked before any recursive parser.
pub mod limits;
/// Atomic writes and the cleaning of what an interrupted run left.
pub mod fsx;
/// Days since 1970-01-01 as civil dates, without a clock.
pub mod civil;
/// The localized document model the renderers read.
pub mod document;

// The pipeline.
/// Markdown leaflets -> translation units with IDs, front matter, block skeleton.
pub mod source;
/// `.ftl` files -> catalogs with positions, records and review markers; Fluent text helpers.
pub mod catalog;
/// `tradui.toml` and the project on disk, loaded once (parsed with `source` and `catalog`).
pub mod project;
/// Units x catalogs -> the report: matching, current / stale / missing / invalid, links.
pub mod status;
/// Bringing translation files in line with the source; translation memory.
pub mod sync;
/// PO and XLIFF views of units and catalogs, and their import.
pub mod interchange;
/// One leaflet in one language -> a document; interface words; pseudo-locales.
pub mod localize;
/// Font discovery, the family per script, and the glyph check.
pub mod fonts;
/// Document -> HTML page | PDF (Typst).
pub mod render;
/// The build: plan, keys of every output, the manifest, parallel rendering.
pub mod build;
/// `tradui serve`: watch, rebuild, serve `public/`, reload the browser.
pub mod serve;
/// The commands.
pub mod cli;
