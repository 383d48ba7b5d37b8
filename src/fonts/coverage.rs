//! The glyph check, shared by `check` and `build`: every character a leaflet's PDF
//! prints, in every language, must be in an available font. A character no font has is
//! an error at the place it was written (the translation, the source, or tradui.toml),
//! naming the font or package to install: a PDF full of empty boxes is never "done".

use crate::diag::Diagnostic;
use crate::document::Document;
use crate::fonts::discovery::document_chars;
use crate::fonts::discovery::{FontSet, missing_glyphs_error};
use crate::lang::Lang;
use crate::localize::{display_value, localize};
use crate::project::Project;
use crate::status::Report;
use rayon::prelude::*;
use std::collections::BTreeSet;

/// The project's own fonts folder.
pub fn project_fonts(project: &Project) -> std::path::PathBuf {
    project.root.join("fonts")
}

/// Checks every leaflet in the source language and in `langs`. Fast in the common case:
/// the characters of each language's files (its translations, terms, formatted variable
/// values, name) are looked up first; only a language with a character no font has is
/// localized as the build would, to find the leaflet and line that print it.
pub fn check(project: &Project, report: &Report, langs: &[Lang]) -> Vec<Diagnostic> {
    let mut all = vec![project.config.source.clone()];
    all.extend(langs.iter().filter(|l| **l != project.config.source).cloned());
    let written: Vec<BTreeSet<char>> = all.par_iter().map(|lang| written_chars(project, lang)).collect();
    let needed: BTreeSet<char> = written.iter().flatten().copied().collect();
    let fonts = FontSet::load(Some(&project_fonts(project)), &needed);
    let title = &project.config.printed_words();
    let suspects: Vec<&Lang> = all
        .iter()
        .zip(&written)
        .filter(|(_, chars)| !fonts.missing(chars).is_empty())
        .map(|(l, _)| l)
        .collect();
    let docs: Vec<Document> = project
        .leaflets
        .iter()
        .filter(|l| !l.units.is_empty())
        .flat_map(|leaflet| suspects.iter().map(move |lang| (leaflet, *lang)))
        .collect::<Vec<_>>()
        .par_iter()
        .map(|(leaflet, lang)| localize(project, leaflet, lang, report.cell(&leaflet.slug, lang)).0)
        .collect();
    docs.iter()
        .filter_map(|doc| {
            let missing = fonts.missing(&printed_chars(doc, title));
            (!missing.is_empty()).then(|| error(project, doc, &missing))
        })
        .collect()
}

/// Every character a language's PDFs can print, from its files: the source text (for
/// the source language) or the translations and terms (for the others), the variables
/// as formatted in the language, the language's name and the footer. Text a translation
/// falls back to is the source's, checked in the source language.
fn written_chars(project: &Project, lang: &Lang) -> BTreeSet<char> {
    let mut chars = CharSet::default();
    chars.add(&lang.native_name());
    chars.add(&project.config.printed_words());
    crate::project::ui::resolve(project, lang).words().iter().for_each(|w| chars.add(w));
    for leaflet in &project.leaflets {
        chars.add(&leaflet.slug);
        for value in leaflet.variables_for(lang.as_str()).values() {
            chars.add(&display_value(value, lang));
        }
        if *lang == project.config.source {
            leaflet.units.iter().for_each(|u| chars.add(&u.text));
        } else if let Some(catalog) = project.catalog(lang, &leaflet.slug) {
            chars.add(&catalog.text);
        }
    }
    if let Some(terms) = project.terms.get(lang) {
        chars.add(&terms.text);
    }
    chars.into_set()
}

/// The error for `doc`'s characters that no font has, at the first place one of them
/// is written.
pub fn error(project: &Project, doc: &Document, missing: &BTreeSet<char>) -> Diagnostic {
    let (file, text) = where_written(project, doc, missing);
    let d = missing_glyphs_error(&file, &doc.lang, &doc.lang_name, missing).leaflet(&doc.slug);
    match text.as_deref().and_then(|t| first_printed(t, missing).map(|offset| (t, offset))) {
        Some((t, offset)) => d.at_offset(t, offset),
        None => d,
    }
}

/// The offset of the first missing character outside comment lines (`#` in .ftl and
/// TOML files), else anywhere.
fn first_printed(text: &str, missing: &BTreeSet<char>) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim_start().starts_with('#')
            && let Some(i) = line.find(|c| missing.contains(&c))
        {
            return Some(offset + i);
        }
        offset += line.len();
    }
    text.find(|c| missing.contains(&c))
}

/// The file that holds the characters: the translation, else the source leaflet, else
/// tradui.toml (variables, the site title).
fn where_written(project: &Project, doc: &Document, missing: &BTreeSet<char>) -> (String, Option<String>) {
    let has = |t: &str| t.contains(|c| missing.contains(&c));
    let lang = Lang::parse(&doc.lang).ok();
    if let Some(catalog) = lang.as_ref().and_then(|l| project.catalog(l, &doc.slug)).filter(|c| has(&c.text))
    {
        return (catalog.file.clone(), Some(catalog.text.clone()));
    }
    if let Some(leaflet) = project.leaflet(&doc.slug)
        && let Ok(text) = std::fs::read_to_string(project.root.join(&leaflet.file))
        && has(&text)
    {
        return (leaflet.file.clone(), Some(text));
    }
    if let Ok(text) = std::fs::read_to_string(project.root.join("tradui.toml"))
        && has(&text)
    {
        return ("tradui.toml".to_string(), Some(text));
    }
    let file = lang.map_or_else(|| doc.lang.clone(), |l| Project::catalog_file(&l, &doc.slug));
    (file, None)
}

/// A set of characters as one bit per code point: megabytes of translations are read
/// in one pass, with no allocation per character.
struct CharSet(Vec<u64>);

impl Default for CharSet {
    fn default() -> Self {
        CharSet(vec![0; (char::MAX as usize + 1).div_ceil(64)])
    }
}

impl CharSet {
    fn add(&mut self, text: &str) {
        for c in text.chars() {
            let i = c as usize;
            self.0[i / 64] |= 1 << (i % 64);
        }
    }

    fn into_set(self) -> BTreeSet<char> {
        let mut out = BTreeSet::new();
        for (w, bits) in self.0.iter().enumerate().filter(|(_, b)| **b != 0) {
            out.extend(
                (0..64).filter(|b| bits & (1 << b) != 0).filter_map(|b| char::from_u32((w * 64 + b) as u32)),
            );
        }
        out
    }
}

/// Every character a document's PDF prints: its text, and the footer's.
pub fn printed_chars(doc: &Document, site_title: &str) -> BTreeSet<char> {
    let mut chars = document_chars(doc);
    chars.extend(doc.lang_name.chars());
    chars.extend(site_title.chars());
    doc.ui.words().iter().for_each(|w| chars.extend(w.chars()));
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_sets_keep_every_character_once() {
        let mut set = CharSet::default();
        set.add("aé");
        set.add("é𞤆\u{10FFFF}a");
        assert_eq!(set.into_set(), BTreeSet::from(['a', 'é', '𞤆', '\u{10FFFF}']));
    }
}
