//! The last good page stays: a leaflet with an error (its front matter, its text, a
//! variable without a value) replaces none of its pages or PDFs in any language, and a
//! document with an error in one language replaces none of that language's files. The
//! files stay byte for byte as the last good build wrote them, with their manifest
//! entries, so a later build renders them again as soon as their inputs differ from
//! what made them. A leaflet never published gets no page.

use super::manifest::Manifest;
use super::plan::{Plan, first_error, leaflet_errors};
use super::render::Done;
use super::{BuildSummary, Site};
use crate::diag::{Diagnostic, Kind};
use std::collections::HashSet;

/// Keeps the files of every leaflet with errors and says so, one line per leaflet (the
/// index then stays as it was too, since it lists those pages).
pub(super) fn keep_broken(
    site: &Site,
    plan: &Plan,
    expected: &mut HashSet<String>,
    manifest: &mut Manifest,
    summary: &mut BuildSummary,
) {
    for leaflet in &plan.broken {
        let mut files = Vec::new();
        for rel in published_files(site, &leaflet.slug) {
            if keep_output(site, &rel, manifest, summary) {
                expected.insert(rel.clone());
                files.push(rel);
            }
        }
        let first = first_error(leaflet_errors(site, &leaflet.slug));
        let message = if files.is_empty() {
            format!(
                "`{}` is not built because of this error; it was never published, so it has no page until the error is fixed",
                leaflet.slug
            )
        } else {
            format!(
                "`{}` is not built because of this error; its last good {} as they were ({})",
                leaflet.slug,
                count(files.len()),
                languages(&files)
            )
        };
        let d = located(Diagnostic::error(Kind::Source, &leaflet.file, message), first);
        summary.diagnostics.push(d.leaflet(&leaflet.slug).hint(
            "fix the error and build again: the pages update then (`tradui check` lists every problem)",
        ));
    }
}

/// Keeps one output of a document with an error, and says so once per document (on its
/// page); the document's own problems say why.
pub(super) fn keep_document(site: &Site, d: Done, manifest: &mut Manifest, summary: &mut BuildSummary) {
    let kept = keep_output(site, &d.rel, manifest, summary);
    summary.failed = true;
    if d.pdf {
        return;
    }
    let (slug, lang) =
        d.rel.strip_suffix(".html").and_then(|r| r.split_once('/')).map_or(("", ""), |(l, s)| (s, l));
    let first = first_error(&d.diagnostics);
    let message = if kept {
        format!(
            "`{slug}` in {lang} is not built because of this error; its last good page and PDF stay as they were"
        )
    } else {
        format!(
            "`{slug}` in {lang} is not built because of this error; it was never published in {lang}, so it has no page until the error is fixed"
        )
    };
    let file = first.map_or(String::new(), |f| f.file.clone());
    let notice = located(Diagnostic::error(Kind::Invalid, file, message), first).leaflet(slug).lang(lang);
    summary.diagnostics.extend(d.diagnostics);
    summary.diagnostics.push(notice.hint("fix the error and build again: the page updates then"));
}

/// Leaves `rel` as it is, with its manifest entry; false when there is no such file.
fn keep_output(site: &Site, rel: &str, manifest: &mut Manifest, summary: &mut BuildSummary) -> bool {
    if !site.out.join(rel).is_file() {
        return false;
    }
    if let Some(entry) = site.old.outputs.get(rel) {
        manifest.outputs.insert(rel.to_string(), entry.clone());
    }
    summary.kept.push(rel.to_string());
    true
}

/// Every file a build may have published for `slug`: its page, PDF, text to paste and
/// share image and other prints in each language, and its two-language PDFs.
fn published_files(site: &Site, slug: &str) -> Vec<String> {
    let config = &site.project.config;
    let source = &config.source;
    let mut files = Vec::new();
    for lang in config.all_languages() {
        files.push(format!("{lang}/{slug}.html"));
        files.push(format!("{lang}/{slug}.pdf"));
        files.push(format!("{lang}/{slug}.txt"));
        files.push(format!("{lang}/{slug}.png"));
        files.push(format!("{lang}/{slug}.{source}-{lang}.pdf"));
        files.extend(crate::document::Print::ALL.iter().map(|(name, _)| format!("{lang}/{slug}.{name}.pdf")));
    }
    files.push(format!("poster/{slug}.pdf"));
    files
}

fn located(d: Diagnostic, at: Option<&Diagnostic>) -> Diagnostic {
    match at {
        Some(f) if f.line > 0 => Diagnostic { file: f.file.clone(), ..d.at((f.line, f.column)) },
        Some(f) => Diagnostic { file: f.file.clone(), ..d },
        None => d,
    }
}

fn count(files: usize) -> String {
    if files == 1 { "file stays".to_string() } else { format!("{files} files stay") }
}

/// The languages of some output files (`es/walkout.html`), in order, each once, and
/// the poster (`poster/walkout.pdf`) last.
fn languages(files: &[String]) -> String {
    let mut langs: Vec<&str> =
        files.iter().filter_map(|f| f.split('/').next()).filter(|l| *l != "poster").collect();
    langs.dedup();
    let mut list = langs.join(", ");
    if files.iter().any(|f| f.starts_with("poster/")) {
        list.push_str(if list.is_empty() { "the poster" } else { ", and the poster" });
    }
    list
}
