//! The glyph check, shared by `check` and `build`: every character a leaflet's PDF
//! prints, in every language, must be in an available font. A character no font has is
//! an error at the place it was written (the translation, the source, or tradui.toml),
//! naming the font or package to install: a PDF full of empty boxes is never "done".

use crate::diag::Diagnostic;
use crate::document::Document;
use crate::fonts::{FontSet, missing_glyphs_error};
use crate::lang::Lang;
use crate::localize::localize;
use crate::project::Project;
use crate::render::pdf::printed_chars;
use crate::status::Report;
use std::collections::BTreeSet;

/// The project's own fonts folder.
pub fn project_fonts(project: &Project) -> std::path::PathBuf {
    project.root.join("fonts")
}

/// Checks every leaflet in the source language and in `langs`: the documents are
/// localized as the build would, and their characters looked up in the fonts a build
/// would have.
pub fn check(project: &Project, report: &Report, langs: &[Lang]) -> Vec<Diagnostic> {
    let mut all = vec![project.config.source.clone()];
    all.extend(langs.iter().filter(|l| **l != project.config.source).cloned());
    let docs: Vec<Document> = project
        .leaflets
        .iter()
        .filter(|l| !l.units.is_empty())
        .flat_map(|leaflet| all.iter().map(move |lang| localize(project, leaflet, lang, report.cell(&leaflet.slug, lang)).0))
        .collect();
    let title = &project.config.title;
    let needed: BTreeSet<char> = docs.iter().flat_map(|d| printed_chars(d, title)).collect();
    let fonts = FontSet::load(Some(&project_fonts(project)), &needed);
    docs.iter()
        .filter_map(|doc| {
            let missing = fonts.missing(&printed_chars(doc, title));
            (!missing.is_empty()).then(|| error(project, doc, &missing))
        })
        .collect()
}

/// The error for `doc`'s characters that no font has, at the first place one of them
/// is written.
pub fn error(project: &Project, doc: &Document, missing: &BTreeSet<char>) -> Diagnostic {
    let (file, text) = where_written(project, doc, missing);
    let d = missing_glyphs_error(&file, &doc.lang, &doc.lang_name, missing).leaflet(&doc.slug);
    match text.as_deref().and_then(|t| t.find(|c| missing.contains(&c)).map(|offset| (t, offset))) {
        Some((t, offset)) => d.at_offset(t, offset),
        None => d,
    }
}

/// The file that holds the characters: the translation, else the source leaflet, else
/// tradui.toml (variables, the site title).
fn where_written(project: &Project, doc: &Document, missing: &BTreeSet<char>) -> (String, Option<String>) {
    let has = |t: &str| t.contains(|c| missing.contains(&c));
    let lang = Lang::parse(&doc.lang).ok();
    if let Some(catalog) = lang.as_ref().and_then(|l| project.catalog(l, &doc.slug)).filter(|c| has(&c.text)) {
        return (catalog.file.clone(), Some(catalog.text.clone()));
    }
    if let Some(leaflet) = project.leaflet(&doc.slug) {
        if let Ok(text) = std::fs::read_to_string(project.root.join(&leaflet.file)) {
            if has(&text) {
                return (leaflet.file.clone(), Some(text));
            }
        }
    }
    if let Ok(text) = std::fs::read_to_string(project.root.join("tradui.toml")) {
        if has(&text) {
            return ("tradui.toml".to_string(), Some(text));
        }
    }
    let file = lang.map_or_else(|| doc.lang.clone(), |l| Project::catalog_file(&l, &doc.slug));
    (file, None)
}
