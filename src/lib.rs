//! tradui: leaflets written once in Markdown, translated in Fluent, checked for missing
//! and stale translations, and rendered in every language as HTML and PDF.
//!
//! The pipeline (see ARCHITECTURE.md):
//! project -> source (Markdown units) -> catalog (.ftl) -> status -> localize -> render.

pub mod config;
pub mod diag;
pub mod fsx;
pub mod limits;
pub mod document;
pub mod fonts;
pub mod glyphs;
pub mod lang;
pub mod catalog;
pub mod interchange;
pub mod links;
pub mod matching;
pub mod memory;
pub mod provenance;
pub mod localize;
pub mod project;
pub mod source;
pub mod references;
pub mod status;
pub mod cli;
pub mod sync;
pub mod render;
pub mod cache;
pub mod pseudo;
pub mod build;
pub mod serve;
