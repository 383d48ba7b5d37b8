//! `tradui sync [LANG...]`: updates translation files to the source (stubs, review
//! markers, re-keying, obsolete section), their provenance sidecars, and the reference
//! catalog (`locales/<source>/<slug>.ftl`), writing each changed file atomically.
//! `--check` changes nothing and exits 1 when a file would change in meaning.

use super::{ExitStatus, Out};
use crate::catalog::Catalog;
use crate::catalog::provenance::{self, Sidecar};
use crate::diag::{Diagnostic, Fatal, Kind, decode_text};
use crate::lang::Lang;
use crate::project::Project;
use crate::source::Leaflet;
use crate::sync::{Options, meaning, reference_text, refuse, sync_text};
use std::path::Path;

pub struct Args<'a> {
    pub langs: &'a [String],
    pub check: bool,
    pub prune: bool,
    pub accept: &'a [String],
    /// Do not fill missing units from translation memory.
    pub no_memory: bool,
}

/// Counts for the closing line.
#[derive(Default)]
struct Tally {
    changed: usize,
    same: usize,
    failed: usize,
}

pub fn run(project: &Project, args: Args, out: &mut Out) -> Result<ExitStatus, Fatal> {
    let langs = languages(project, args.langs)?;
    let accept = accepted(project, args.accept)?;
    for d in
        project.diagnostics.iter().filter(|d| matches!(d.kind, Kind::UnknownLocale | Kind::Source | Kind::Io))
    {
        out.problem(d);
    }
    if !args.check {
        crate::fsx::check_writable(&project.root, &project.root.join("locales"), 1)?;
        crate::fsx::clean_and_report(&project.root, &project.root.join("locales"), 2)
            .inspect(|d| out.problem(d));
    }
    let mut tally = Tally::default();
    for leaflet in &project.leaflets {
        if project.leaflet_ok(&leaflet.slug) {
            reference(project, leaflet, args.check, out, &mut tally);
        }
    }
    for lang in langs.iter().filter(|l| **l != project.config.source) {
        let memory = (!args.no_memory)
            .then(|| std::sync::Arc::new(crate::sync::memory::Memory::of_language(project, lang)));
        for leaflet in &project.leaflets {
            let accept = accept.get(&leaflet.slug).cloned().unwrap_or_default();
            let options = Options { prune: args.prune, accept, memory: memory.clone() };
            translation(project, leaflet, lang, &options, args.check, out, &mut tally);
        }
    }
    let verb = if args.check { "would change" } else { "updated" };
    let untouched =
        if tally.failed > 0 { format!(", {} left untouched", tally.failed) } else { String::new() };
    out.err(format!("sync: {} file(s) {verb}, {} up to date{untouched}", tally.changed, tally.same));
    let problems = tally.failed > 0 || (args.check && tally.changed > 0);
    Ok(if problems { ExitStatus::Problems } else { ExitStatus::Success })
}

/// The languages to sync: the project's translation languages, and the source language
/// (whose reference catalogs every run writes anyway).
fn languages(project: &Project, wanted: &[String]) -> Result<Vec<Lang>, Fatal> {
    let source = project.config.source.to_string();
    let translations: Vec<String> = wanted
        .iter()
        .filter(|w| Lang::parse(w).map(|l| l.to_string()) != Ok(source.clone()))
        .cloned()
        .collect();
    if !wanted.is_empty() && translations.is_empty() {
        return Ok(Vec::new());
    }
    super::select_langs(project, &translations)
}

/// Keeps `locales/<source>/<slug>.ftl` in line with the leaflet.
fn reference(project: &Project, leaflet: &Leaflet, check: bool, out: &mut Out, tally: &mut Tally) {
    let source = project.config.source.to_string();
    let file = Project::catalog_file(&project.config.source, &leaflet.slug);
    let path = project.root.join(&file);
    let text = reference_text(leaflet, &source);
    let old = std::fs::read(&path).ok().and_then(|b| decode_text(&file, b).ok());
    let values = |t: &str| {
        Catalog::parse(&file, t.to_string(), &source)
            .messages
            .into_iter()
            .map(|m| (m.id, m.value))
            .collect::<Vec<_>>()
    };
    if old.as_deref().is_some_and(|o| o == text || values(o) == values(&text)) {
        tally.same += 1;
        return;
    }
    let what =
        if old.is_some() { "reference catalog updated to the leaflet" } else { "reference catalog written" };
    let rewrite = Rewrite { path: &path, file: &file, old: old.as_deref(), text: &text, what };
    write(&rewrite, check, out, tally);
}

/// Brings one translation file (and its sidecar) in line with its leaflet.
fn translation(
    project: &Project,
    leaflet: &Leaflet,
    lang: &Lang,
    options: &Options,
    check: bool,
    out: &mut Out,
    tally: &mut Tally,
) {
    let file = Project::catalog_file(lang, &leaflet.slug);
    if !project.leaflet_ok(&leaflet.slug) {
        out.err(format!("{file}: skipped: fix the errors in {} first", leaflet.file));
        tally.failed += 1;
        return;
    }
    let path = project.root.join(&file);
    let catalog = project.catalog(lang, &leaflet.slug);
    if path.symlink_metadata().is_ok() && catalog.is_none() {
        // The file exists but could not be read (its diagnostic is above).
        tally.failed += 1;
        return;
    }
    if let Some(d) = catalog.and_then(|c| refuse(c, &path)) {
        out.problem(&d);
        tally.failed += 1;
        return;
    }
    let source = project.config.source.to_string();
    let (text, changes) = sync_text(leaflet, catalog, &source, options);
    if changes.junk_kept > 0 {
        let d = Diagnostic::warning(
            Kind::Invalid,
            &file,
            format!("{} piece(s) of Fluent that do not parse kept as they are", changes.junk_kept),
        )
        .hint(format!("run `tradui check --lang {lang}` to see where, and fix them"));
        out.problem(&d);
    }
    let new = Catalog::parse(&file, text.clone(), &source);
    let old = catalog.map(|c| c.text.as_str());
    let same = match catalog {
        Some(c) if !check => c.text == text,
        Some(c) => {
            c.text == text || meaning(c, &source, &leaflet.file) == meaning(&new, &source, &leaflet.file)
        }
        None => text.is_empty(),
    };
    if same {
        tally.same += 1;
    } else {
        let what = changes.describe().unwrap_or_else(|| "layout only".into());
        let rewrite = Rewrite { path: &path, file: &file, old, text: &text, what: &what };
        if !write(&rewrite, check, out, tally) {
            return;
        }
    }
    if !check {
        sidecar(project, leaflet, lang, &new, out);
    }
}

/// Writes the provenance sidecar when it changed (see `provenance`).
fn sidecar(project: &Project, leaflet: &Leaflet, lang: &Lang, catalog: &Catalog, out: &mut Out) {
    let rel = provenance::path(lang.as_str(), &leaflet.slug);
    let path = project.root.join(&rel);
    let text = Sidecar::of(catalog, leaflet).to_text();
    if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
        return;
    }
    if let Err(e) = crate::fsx::write_atomic(&path, &text) {
        let d = Diagnostic::warning(Kind::Io, &rel, format!("cannot write the provenance sidecar: {e}"))
            .hint("check that you may write to locales/; without it, a platform that drops comments makes translations stale");
        out.problem(&d);
    }
}

/// A translation file sync wants to change: `text` replaces `old` (None: the file does
/// not exist yet) at `path` (`file` as the user reads it); `what` says what changed.
struct Rewrite<'a> {
    path: &'a Path,
    file: &'a str,
    old: Option<&'a str>,
    text: &'a str,
    what: &'a str,
}

/// Writes the new text over a file that still holds the old, or (with `check`) says what
/// would change. Returns whether the file is now as wanted.
fn write(rewrite: &Rewrite, check: bool, out: &mut Out, tally: &mut Tally) -> bool {
    let Rewrite { path, file, old, text, what } = *rewrite;
    if check {
        out.line(format!("{file}: would change: {what}"));
        tally.changed += 1;
        return false;
    }
    match crate::fsx::replace_if_unchanged(path, old, text) {
        Ok(true) => {
            out.line(format!("{file}: {what}"));
            tally.changed += 1;
            true
        }
        Ok(false) => {
            let d = Diagnostic::error(
                Kind::Io,
                file,
                "the file changed while sync was running (an editor saved it?); sync left it as it is now",
            )
            .hint("run `tradui sync` again");
            out.problem(&d);
            tally.failed += 1;
            false
        }
        Err(e) => {
            let d = Diagnostic::error(Kind::Io, file, format!("cannot write: {e}; the file is unchanged"))
                .hint("check that you may write to the folder");
            out.problem(&d);
            tally.failed += 1;
            false
        }
    }
}

/// `--accept-source LEAFLET:ID` values, by leaflet.
fn accepted(
    project: &Project,
    values: &[String],
) -> Result<std::collections::HashMap<String, std::collections::HashSet<String>>, Fatal> {
    let mut out: std::collections::HashMap<String, std::collections::HashSet<String>> = Default::default();
    for v in values {
        let bad =
            |why: String| {
                Fatal::from(Diagnostic::error(Kind::Config, "--accept-source", why).hint(
                    "write it as LEAFLET:ID, e.g. `walkout:walkout-p1` (IDs are in `tradui check` output)",
                ))
            };
        let (slug, id) = v.split_once(':').ok_or_else(|| bad(format!("\"{v}\" is not LEAFLET:ID")))?;
        let leaflet = project
            .leaflet(slug)
            .ok_or_else(|| bad(format!("there is no leaflet \"{slug}\" (content/{slug}.md)")))?;
        if leaflet.unit(id).is_none() {
            return Err(bad(format!("content/{slug}.md has no unit \"{id}\"")));
        }
        out.entry(slug.to_string()).or_default().insert(id.to_string());
    }
    Ok(out)
}
