//! Build: every leaflet in every published language -> `public/<lang>/<slug>.html` (and
//! `.pdf` with a PDF backend), plus `public/index.html`.
//!
//! The status report is computed once; documents are localized and rendered in
//! parallel (rayon) and collected in a fixed order, so output is byte-identical for the
//! same input. A file is rewritten only when its bytes change, atomically. Pages of a
//! language that is no longer published (below `min-coverage`, or its leaflet gone) are
//! removed, so an out-of-date translation never stays online.

use crate::diag::{Diagnostic, Fatal, Kind, Severity};
use crate::document::Document;
use crate::lang::Lang;
use crate::localize::localize;
use crate::project::Project;
use crate::render::pdf::{PdfOptions, PdfRenderer, printed_chars};
use crate::render::html::{Alternate, IndexEntry, IndexLang, PageContext, media_path, render_index, render_page};
use crate::source::Leaflet;
use crate::status::{self, Report};
use crate::sync::write_atomic;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// How to build.
pub struct BuildOptions {
    /// The output folder (default: `<project>/public`).
    pub out: PathBuf,
    /// Make PDFs too, with these options.
    pub pdf: Option<PdfOptions>,
    /// Show a progress bar (only drawn on a terminal).
    pub progress: bool,
    /// Also write the pseudo-locales en-XA and ar-XB (see `pseudo`).
    pub pseudo: bool,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildSummary {
    pub diagnostics: Vec<Diagnostic>,
    pub pages: usize,
    pub pdfs: usize,
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// (leaflet, language, why) for languages not published.
    pub skipped: Vec<(String, String, String)>,
    /// A leaflet or file could not be built.
    pub failed: bool,
}

struct Job<'a> {
    leaflet: &'a Leaflet,
    lang: Lang,
}

struct Rendered {
    slug: String,
    lang: String,
    html: String,
    pdf: Option<Vec<u8>>,
    diagnostics: Vec<Diagnostic>,
}

/// A plan: what to render, and where each leaflet is published.
struct Plan<'p> {
    jobs: Vec<Job<'p>>,
    index: Vec<IndexEntry>,
    published: BTreeMap<&'p str, Vec<Alternate>>,
}

/// Builds the project into `options.out`.
pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildSummary, Fatal> {
    let report = status::report(project);
    let mut summary = BuildSummary::default();
    crate::fsx::check_writable(&project.root, &options.out, 1)?;
    summary.diagnostics.extend(crate::fsx::clean_and_report(&project.root, &options.out, 8));
    // Problems of the sources themselves explain what is not built.
    summary.diagnostics.extend(project.diagnostics.iter().filter(|d| matches!(d.kind, Kind::Source | Kind::Io)).cloned());
    let plan = plan(project, &report, options.pdf.is_some(), &mut summary);
    let bar = progress_bar(options.progress, plan.jobs.len());
    let mut localized: Vec<(Document, Vec<Diagnostic>)> = plan
        .jobs
        .par_iter()
        .map(|job| localize(project, job.leaflet, &job.lang, report.cell(&job.leaflet.slug, &job.lang)))
        .collect();
    if options.pseudo {
        localized.extend(crate::pseudo::documents(project.config.source.as_str(), &localized));
    }
    let renderer = options.pdf.as_ref().map(|pdf_options| pdf_renderer(project, pdf_options, &localized, &mut summary));
    let mut rendered = Vec::with_capacity(localized.len());
    // Batches keep Typst's cache from growing without bound on long builds.
    for batch in localized.chunks(64) {
        let done: Vec<Rendered> = batch
            .par_iter()
            .map(|(doc, diags)| {
                let r = render_doc(project, doc, diags.clone(), &plan.published, renderer.as_ref());
                bar.inc(1);
                r
            })
            .collect();
        rendered.extend(done);
        if renderer.is_some() {
            PdfRenderer::evict(4);
        }
    }
    let bilingual = renderer.as_ref().map(|r| render_bilingual(project, &localized, r)).unwrap_or_default();
    bar.finish_and_clear();
    let out = &options.out;
    let mut expected = write_bilingual(project, out, bilingual, &mut summary);
    expected.extend(write_pages(out, rendered, options.pdf.is_some(), &mut summary));
    let index_html = render_index(&project.config.title, project.config.source.as_str(), &plan.index);
    write_output(&out.join("index.html"), index_html.as_bytes(), &mut summary);
    copy_media(project, out, &mut summary);
    if project.complete() {
        remove_unpublished(out, &expected, &mut summary);
    } else {
        summary.diagnostics.push(crate::diag::Diagnostic::warning(Kind::Io, crate::diag::rel_path(&project.root, out), "no page was removed: the project has errors, so tradui cannot tell which pages are out of date")
            .hint("fix the errors above and build again"));
    }
    summary.diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    summary.diagnostics.dedup();
    if summary.diagnostics.iter().any(|d| d.kind == Kind::Io && d.severity == Severity::Error) {
        summary.failed = true;
    }
    Ok(summary)
}

/// Decides which (leaflet, language) pairs to render.
fn plan<'p>(project: &'p Project, report: &Report, pdf: bool, summary: &mut BuildSummary) -> Plan<'p> {
    let langs = project.config.all_languages();
    let mut plan = Plan { jobs: Vec::new(), index: Vec::new(), published: BTreeMap::new() };
    for leaflet in &project.leaflets {
        if !project.leaflet_ok(&leaflet.slug) {
            // The pages still render (a missing value shows as `{$name}`), but the build
            // fails so the problem is fixed before anyone prints them.
            summary.failed = true;
            let (message, hint) = if leaflet.units.is_empty() {
                ("not built: the leaflet has no text", "write the leaflet, or fix its front matter")
            } else {
                ("built with errors: check the pages before sharing them", "run `tradui check` and fix the errors in the source leaflet")
            };
            summary.diagnostics.push(Diagnostic::error(Kind::Source, &leaflet.file, message).leaflet(&leaflet.slug).hint(hint));
            if leaflet.units.is_empty() {
                continue;
            }
        }
        let entry = plan_leaflet(project, report, leaflet, &langs, pdf, summary);
        let alts = entry.langs.iter().filter(|l| l.published).map(|l| Alternate { lang: l.lang.clone(), name: l.name.clone(), dir: l.dir }).collect();
        plan.published.insert(&leaflet.slug, alts);
        for l in entry.langs.iter().filter(|l| l.published) {
            plan.jobs.push(Job { leaflet, lang: Lang::parse(&l.lang).expect("planned from a valid tag") });
        }
        plan.index.push(entry);
    }
    plan
}

/// One renderer for the whole build, with fonts for every character the documents use.
fn pdf_renderer(project: &Project, options: &PdfOptions, docs: &[(Document, Vec<Diagnostic>)], summary: &mut BuildSummary) -> PdfRenderer {
    let needed = docs.iter().flat_map(|(doc, _)| printed_chars(doc, &project.config.title)).collect();
    let mut options = options.clone();
    options.site_title = project.config.title.clone();
    options.fonts_dir = Some(crate::glyphs::project_fonts(project));
    if options.template.is_none() {
        options.template = project_template(project, summary);
    }
    PdfRenderer::new(options, &needed)
}

/// Writes pages and PDFs; returns the paths that belong to this build.
fn write_pages(out: &Path, rendered: Vec<Rendered>, pdf: bool, summary: &mut BuildSummary) -> BTreeSet<PathBuf> {
    let mut expected = BTreeSet::new();
    for r in rendered {
        summary.diagnostics.extend(r.diagnostics);
        summary.pages += 1;
        let html_path = out.join(&r.lang).join(format!("{}.html", r.slug));
        write_output(&html_path, r.html.as_bytes(), summary);
        expected.insert(html_path);
        if let Some(bytes) = r.pdf {
            summary.pdfs += 1;
            let pdf_path = out.join(&r.lang).join(format!("{}.pdf", r.slug));
            write_output(&pdf_path, &bytes, summary);
            expected.insert(pdf_path);
        } else if pdf {
            summary.failed = true;
        }
    }
    expected
}

type BilingualResult = (String, String, Result<Vec<u8>, crate::render::pdf::PdfError>);

/// Writes the two-language PDFs as `public/<lang>/<slug>.<source>-<lang>.pdf`.
fn write_bilingual(project: &Project, out: &Path, results: Vec<BilingualResult>, summary: &mut BuildSummary) -> BTreeSet<PathBuf> {
    let mut expected = BTreeSet::new();
    for (slug, lang, result) in results {
        let file = format!("{slug}.{}-{lang}.pdf", project.config.source);
        let path = out.join(&lang).join(&file);
        match result {
            Ok(bytes) => {
                write_output(&path, &bytes, summary);
                summary.pdfs += 1;
                expected.insert(path);
            }
            Err(e) => {
                summary.failed = true;
                summary.diagnostics.push(
                    Diagnostic::error(Kind::Io, format!("public/{lang}/{file}"), e.to_string())
                        .leaflet(&slug)
                        .lang(&lang)
                        .hint("fix the template or report this with the leaflet attached"),
                );
            }
        }
    }
    expected
}

/// Which languages a leaflet is published in, and its coverage in each.
fn plan_leaflet(project: &Project, report: &Report, leaflet: &Leaflet, langs: &[Lang], pdf: bool, summary: &mut BuildSummary) -> IndexEntry {
    let title = leaflet.title_id.as_deref().and_then(|id| leaflet.unit(id)).map_or_else(|| leaflet.slug.clone(), |u| u.text.clone());
    let mut entry = IndexEntry { slug: leaflet.slug.clone(), title, langs: Vec::new() };
    for lang in langs {
        let percent = report.cell(&leaflet.slug, lang).map_or(100, |c| c.counts().percent());
        let min = project.config.fallback(lang).min_coverage;
        let ok = *lang == project.config.source || percent >= u32::from(min);
        if !ok {
            summary.skipped.push((leaflet.slug.clone(), lang.to_string(), format!("{percent}% translated, below the {min}% minimum")));
        }
        entry.langs.push(IndexLang { lang: lang.to_string(), name: lang.native_name(), dir: lang.direction(), percent, published: ok, pdf });
    }
    entry
}

fn render_doc(project: &Project, doc: &Document, mut diagnostics: Vec<Diagnostic>, published: &BTreeMap<&str, Vec<Alternate>>, pdf: Option<&PdfRenderer>) -> Rendered {
    let slug = &doc.slug;
    let alternates = published.get(slug.as_str()).map_or(&[][..], Vec::as_slice);
    let ctx = PageContext { site_title: &project.config.title, alternates, pdf: pdf.is_some() };
    let html = render_page(doc, &ctx);
    let pdf_file = format!("public/{}/{slug}.pdf", doc.lang);
    let pdf = pdf.and_then(|renderer| {
        let missing = renderer.missing_glyphs(doc);
        if !missing.is_empty() {
            // No PDF full of empty boxes: the build fails and says what to install.
            diagnostics.push(crate::glyphs::error(project, doc, &missing));
            return None;
        }
        match renderer.render(doc) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                diagnostics.push(
                    Diagnostic::error(Kind::Io, &pdf_file, e.to_string()).leaflet(slug).lang(&doc.lang).hint("the HTML page was written; fix the template or report this with the leaflet attached"),
                );
                None
            }
        }
    });
    Rendered { slug: slug.clone(), lang: doc.lang.clone(), html, pdf, diagnostics }
}

/// Two-language PDFs (source beside translation) for the languages `bilingual` lists.
fn render_bilingual(project: &Project, docs: &[(Document, Vec<Diagnostic>)], renderer: &PdfRenderer) -> Vec<BilingualResult> {
    let source = project.config.source.as_str();
    let pairs: Vec<(&Document, &Document)> = project
        .config
        .bilingual
        .iter()
        .flat_map(|lang| {
            docs.iter().filter(move |(d, _)| d.lang == lang.as_str()).filter_map(|(d, _)| {
                docs.iter().find(|(s, _)| s.lang == source && s.slug == d.slug).map(|(s, _)| (s, d))
            })
        })
        .collect();
    pairs.par_iter().map(|(a, b)| (b.slug.clone(), b.lang.clone(), renderer.render_bilingual(a, b))).collect()
}

/// The project's own Typst template (`template` in tradui.toml), if it has one.
fn project_template(project: &Project, summary: &mut BuildSummary) -> Option<String> {
    let rel = project.config.template.as_ref()?;
    match crate::diag::read_text(&project.root, &project.root.join(rel)) {
        Ok(text) => Some(text),
        Err(d) => {
            summary.diagnostics.push(d.hint("fix `template` in tradui.toml, or remove it to use the built-in template"));
            summary.failed = true;
            None
        }
    }
}

fn progress_bar(wanted: bool, len: usize) -> indicatif::ProgressBar {
    let hidden = !wanted || std::env::var_os("CI").is_some();
    if hidden {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(len as u64), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} pages {msg}") {
        bar.set_style(style);
    }
    bar
}

/// Writes a file only when its bytes differ from what is there.
fn write_output(path: &Path, bytes: &[u8], summary: &mut BuildSummary) {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        summary.unchanged += 1;
        return;
    }
    match write_atomic(path, bytes) {
        Ok(()) => summary.written += 1,
        Err(e) => summary.diagnostics.push(
            Diagnostic::error(Kind::Io, path.display().to_string(), format!("cannot write: {e}"))
                .hint("check that you may write to the output folder"),
        ),
    }
}

/// Copies images that leaflets use (`content/<path>`) to `public/media/<path>`.
fn copy_media(project: &Project, out: &Path, summary: &mut BuildSummary) {
    let mut seen = BTreeSet::new();
    for leaflet in &project.leaflets {
        for src in image_sources(&leaflet.blocks) {
            let Some(path) = media_path(&src) else { continue };
            if !seen.insert(path.clone()) {
                continue;
            }
            match std::fs::read(project.root.join("content").join(&path)) {
                Ok(bytes) => write_output(&out.join("media").join(&path), &bytes, summary),
                Err(e) => summary.diagnostics.push(
                    Diagnostic::warning(Kind::Source, &leaflet.file, format!("image `{path}` cannot be read: {e}"))
                        .leaflet(&leaflet.slug)
                        .hint(format!("put the image at content/{path}")),
                ),
            }
        }
    }
}

fn image_sources(blocks: &[crate::document::Block]) -> Vec<String> {
    use crate::document::Block;
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Image { src, .. } => out.push(src.clone()),
            Block::List { items, .. } => items.iter().for_each(|i| out.extend(image_sources(i))),
            Block::Quote { blocks } => out.extend(image_sources(blocks)),
            _ => {}
        }
    }
    out
}

/// Removes pages and PDFs in `public/<lang>/` that this build did not produce.
fn remove_unpublished(out: &Path, expected: &BTreeSet<PathBuf>, summary: &mut BuildSummary) {
    let Ok(dirs) = std::fs::read_dir(out) else { return };
    for dir in dirs.flatten() {
        let name = dir.file_name().to_string_lossy().into_owned();
        if !dir.path().is_dir() || Lang::parse(&name).is_err() {
            continue;
        }
        let Ok(files) = std::fs::read_dir(dir.path()) else { continue };
        for f in files.flatten() {
            let path = f.path();
            let ours = path.extension().is_some_and(|e| e == "html" || e == "pdf");
            if ours && !expected.contains(&path) && std::fs::remove_file(&path).is_ok() {
                summary.removed += 1;
            }
        }
    }
}
