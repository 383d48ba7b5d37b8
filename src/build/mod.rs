//! Build: every leaflet in every published language -> `public/<lang>/<slug>.html` (and
//! `.pdf` with a PDF backend), plus `public/index.html`.
//!
//! The phases: the status report once -> a plan (which leaflet in which language,
//! `plan.rs`) -> the key of each output (a hash of its inputs, `key.rs`) -> localize only
//! the documents with an output whose key changed or whose file is gone or edited ->
//! choose the fonts for every document's characters -> render those outputs in parallel,
//! each written (atomically) as soon as it is rendered (`render.rs`) -> the last good
//! pages of leaflets with errors kept (`kept.rs`) -> the index, the media, removal of
//! pages no longer published -> the manifest, and one sync of the disk for the whole build.
//!
//! Output is byte-identical for the same input, whichever outputs were skipped. Pages of
//! a language that is no longer published (below `min-coverage`, or its leaflet gone) are
//! removed, so an out-of-date translation never stays online. A leaflet with an error
//! replaces none of its pages: the last good ones stay.

pub mod key;
mod kept;
pub mod manifest;
mod plan;
mod render;

use crate::diag::{Diagnostic, Fatal, Kind, Severity};
use crate::project::Project;
use crate::render::html::{IndexContext, media_path, render_index};
use crate::render::pdf::{PdfOptions, PdfRenderer};
use crate::status::{self, Report};
use key::Key;
use manifest::{FontState, Manifest};
use render::Done;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// How to build.
#[derive(Clone)]
pub struct BuildOptions {
    /// The output folder (default: `<project>/public`).
    pub out: PathBuf,
    /// Make PDFs too, with these options.
    pub pdf: Option<PdfOptions>,
    /// Show a progress bar (only drawn on a terminal).
    pub progress: bool,
    /// Render every output, whatever the manifest says.
    pub force: bool,
    /// A renderer kept from one build to the next (`serve`): its fonts load once.
    pub renderers: Option<RendererCache>,
    /// Also write the pseudo-locales en-XA and ar-XB (see `pseudo`).
    pub pseudo: bool,
}

/// The last renderer made, with the key of what chose its fonts and options.
pub type RendererCache = std::sync::Arc<std::sync::Mutex<Option<(Key, std::sync::Arc<PdfRenderer>)>>>;

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
    /// Pages and PDFs rendered by this build.
    pub rebuilt: usize,
    /// Pages and PDFs whose inputs did not change since the last build (not rendered).
    pub reused: usize,
    /// Pages and PDFs of a leaflet with errors, left as the last good build wrote them,
    /// relative to the output folder, sorted.
    pub kept: Vec<String>,
    /// Files written or removed, relative to the output folder (`es/walkout.html`), sorted.
    pub changed: Vec<String>,
    /// Translations that cannot be used (syntax errors, placeables or values that do not match):
    /// their pages show the source text there. `serve` shows them on the page.
    pub invalid: Vec<Diagnostic>,
}

/// What the build steps share (as a static site generator's `Site`): the project, its
/// status report, the options, the output folder, the last build's manifest and the PDF
/// options of this project (None: HTML only).
struct Site<'a> {
    project: &'a Project,
    report: &'a Report,
    options: &'a BuildOptions,
    out: &'a Path,
    old: Manifest,
    pdf: Option<PdfOptions>,
    /// The web pages' templates: tradui's and the project's `templates/`.
    templates: crate::render::html::Templates,
}

/// Builds the project into `options.out`.
pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildSummary, Fatal> {
    let report = status::report(project);
    let mut summary = BuildSummary::default();
    crate::fsx::check_writable(&project.root, &options.out, 1)?;
    start(project, &report, options, &mut summary);
    let out = &options.out;
    // A pseudo-locale build is a preview: everything is rendered.
    let old = if options.force || options.pseudo {
        Manifest::empty(out)
    } else {
        Manifest::load(&project.root, out)
    };
    let pdf = options.pdf.as_ref().map(|o| pdf_options(project, o, &mut summary));
    let (templates, problems) = crate::render::html::Templates::load(&project.root);
    summary.failed |= !problems.is_empty();
    summary.diagnostics.extend(problems);
    let site = Site { project, report: &report, options, out, old, pdf, templates };
    let plan = plan::plan(&site, &mut summary);
    let (done, fonts) = render::render(&site, &plan);
    let mut manifest = Manifest::empty(out);
    manifest.fonts = if site.pdf.is_some() { fonts } else { FontState::default() };
    let mut expected = HashSet::new();
    for d in done {
        // An output that failed is not left online in an older version.
        if !d.failed {
            expected.insert(d.rel.clone());
        }
        record(&site, d, &mut manifest, &mut summary);
    }
    kept::keep_broken(&site, &plan, &mut expected, &mut manifest, &mut summary);
    finish_outputs(&site, &plan, &expected, &mut manifest, &mut summary);
    finish(&site, &manifest, &mut summary);
    Ok(summary)
}

/// The diagnostics a build starts with: what an interrupted run left, the problems of
/// the sources themselves (they explain what is not built) and the translations that
/// cannot be used.
fn start(project: &Project, report: &Report, options: &BuildOptions, summary: &mut BuildSummary) {
    summary.diagnostics.extend(crate::fsx::clean_and_report(&project.root, &options.out, 8));
    summary
        .diagnostics
        .extend(project.diagnostics.iter().filter(|d| matches!(d.kind, Kind::Source | Kind::Io)).cloned());
    summary.invalid = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && matches!(d.kind, Kind::Invalid | Kind::Mismatch))
        .cloned()
        .collect();
}

/// The index, the media, and the removal of pages no longer published.
fn finish_outputs(
    site: &Site,
    plan: &plan::Plan,
    expected: &HashSet<String>,
    manifest: &mut Manifest,
    summary: &mut BuildSummary,
) {
    let (project, out) = (site.project, site.out);
    let keep_index = !summary.kept.is_empty() && out.join("index.html").exists();
    match site.old.outputs.get("index.html").filter(|_| keep_index) {
        // The index lists the kept pages as the last good build did.
        Some(entry) => {
            manifest.outputs.insert("index.html".into(), entry.clone());
            summary.unchanged += 1;
        }
        None => {
            // A page not written (its document has an error and it was never published)
            // is not linked.
            let mut index = plan.index.clone();
            for entry in &mut index {
                for l in entry.langs.iter_mut().filter(|l| l.published) {
                    l.published = out.join(&l.lang).join(format!("{}.html", entry.slug)).is_file();
                }
            }
            let ui = crate::project::ui::resolve(project, &project.config.source);
            let ctx = IndexContext {
                ui: &ui,
                source_lang: project.config.source.as_str(),
                templates: &site.templates,
                theme: &project.config.theme,
            };
            match render_index(&ctx, &index) {
                Ok(html) => put(site, "index.html", html.as_bytes(), manifest, summary),
                Err(d) => {
                    summary.failed = true;
                    summary.diagnostics.push(d);
                }
            }
        }
    }
    if let Some(base) = &project.config.base_url {
        let xml = crate::render::sitemap::sitemap(base, &plan.index);
        put(site, "sitemap.xml", xml.as_bytes(), manifest, summary);
    }
    copy_media(site, manifest, summary);
    copy_logo(site, manifest, summary);
    if project.complete() {
        remove_unpublished(out, expected, summary);
    } else {
        summary.diagnostics.push(Diagnostic::warning(Kind::Io, crate::diag::rel_path(&project.root, out), "no page was removed: the project has errors, so tradui cannot tell which pages are out of date")
            .hint("fix the errors above and build again"));
    }
}

/// Counts one output and keeps its manifest entry.
fn record(site: &Site, d: Done, manifest: &mut Manifest, summary: &mut BuildSummary) {
    if d.kept {
        kept::keep_document(site, d, manifest, summary);
        return;
    }
    // The text to paste and the share image go with their page: counted as files only.
    let page_or_pdf = !d.rel.ends_with(".txt") && !d.rel.ends_with(".png");
    if d.pdf {
        summary.pdfs += usize::from(!d.failed);
    } else if page_or_pdf {
        summary.pages += 1;
    }
    summary.failed |= d.failed;
    if d.reused && page_or_pdf {
        summary.reused += 1;
    } else if !d.failed && page_or_pdf {
        summary.rebuilt += 1;
    }
    match d.written {
        Some(true) => {
            summary.written += 1;
            summary.changed.push(d.rel.clone());
        }
        Some(false) => summary.unchanged += 1,
        None => {}
    }
    summary.diagnostics.extend(d.diagnostics);
    if let Some(entry) = d.entry {
        manifest.outputs.insert(d.rel, entry);
    }
}

/// Sorts the report, saves the manifest when it changed, and makes the build durable.
fn finish(site: &Site, manifest: &Manifest, summary: &mut BuildSummary) {
    let (project, out, old) = (site.project, site.out, &site.old);
    summary.diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    summary.diagnostics.dedup();
    summary.changed.sort();
    summary.kept.sort();
    let manifest_changed = manifest.outputs != old.outputs || manifest.fonts != old.fonts;
    if manifest_changed && let Err(e) = manifest.save(&project.root, out) {
        // Without a manifest the next build is a full one: nothing wrong is published.
        summary.diagnostics.push(
            Diagnostic::warning(
                Kind::Io,
                format!("{}/", manifest::CACHE_DIR),
                format!("cannot save the build manifest: {e}"),
            )
            .hint("the next build renders everything again; check that you may write to the project folder"),
        );
    }
    if summary.written > 0 || summary.removed > 0 || manifest_changed {
        sync_all(site, summary);
    }
    if summary.diagnostics.iter().any(|d| d.kind == Kind::Io && d.severity == Severity::Error) {
        summary.failed = true;
    }
}

/// One wait for the disk: every file written or removed (a file removed: its folder
/// holds the news) and the manifest.
fn sync_all(site: &Site, summary: &mut BuildSummary) {
    let out = site.out;
    let mut files: Vec<PathBuf> = summary
        .changed
        .iter()
        .map(|rel| out.join(rel))
        .map(|p| p.ancestors().find(|a| a.exists()).unwrap_or(out).to_path_buf())
        .collect();
    files.sort();
    files.dedup();
    files.push(Manifest::path(&site.project.root, out));
    if let Err(e) = manifest::sync_output(&files) {
        summary.diagnostics.push(
            Diagnostic::error(
                Kind::Io,
                out.display().to_string(),
                format!("cannot flush the output to disk: {e}"),
            )
            .hint("check the disk (is it full?) and build again"),
        );
    }
}

/// The PDF options of this project, and the project template if it has one.
fn pdf_options(project: &Project, options: &PdfOptions, summary: &mut BuildSummary) -> PdfOptions {
    let mut options = options.clone();
    options.site_title = project.config.title.clone();
    options.theme = project.config.theme.clone();
    options.base_url = project.config.base_url.clone();
    options.media_dir = Some(project.root.join("content"));
    options.bleed = project.config.bleed;
    options.logo = logo_path(project);
    options.fonts_dir = Some(crate::fonts::coverage::project_fonts(project));
    if options.template.is_none() {
        options.template = project_template(project, summary);
    }
    options
}

/// The project's own Typst template (`template` in tradui.toml), if it has one.
fn project_template(project: &Project, summary: &mut BuildSummary) -> Option<String> {
    let rel = project.config.template.as_ref()?;
    match crate::diag::read_text(&project.root, &project.root.join(rel)) {
        Ok(text) => Some(text),
        Err(d) => {
            summary
                .diagnostics
                .push(d.hint("fix `template` in tradui.toml, or remove it to use the built-in template"));
            summary.failed = true;
            None
        }
    }
}

/// Writes a file that is not a page or a PDF (the index, an image) when it changed.
fn put(site: &Site, rel: &str, bytes: &[u8], manifest: &mut Manifest, summary: &mut BuildSummary) {
    match render::write_file(site, rel, bytes) {
        Ok(file) => {
            if file.wrote {
                summary.written += 1;
                summary.changed.push(rel.to_string());
            } else {
                summary.unchanged += 1;
            }
            manifest.outputs.insert(rel.to_string(), file.entry(String::new(), String::new(), Vec::new()));
        }
        Err(d) => summary.diagnostics.push(d),
    }
}

/// The logo's file (`[theme] logo`): inside the project, not a link out of it.
pub(crate) fn logo_path(project: &Project) -> Option<PathBuf> {
    let logo = project.config.theme.logo.as_deref()?;
    let root = project.root.canonicalize().ok()?;
    let real = project.root.join(logo).canonicalize().ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

/// Publishes the logo as `media/logo.<extension>`, or says why it cannot.
fn copy_logo(site: &Site, manifest: &mut Manifest, summary: &mut BuildSummary) {
    let (Some(logo), Some(rel)) = (&site.project.config.theme.logo, site.project.config.theme.logo_file())
    else {
        return;
    };
    match logo_path(site.project).map(std::fs::read) {
        Some(Ok(bytes)) => put(site, &rel, &bytes, manifest, summary),
        _ => {
            summary.failed = true;
            summary.diagnostics.push(
                Diagnostic::error(
                    Kind::Config,
                    crate::project::config::CONFIG_FILE,
                    format!("`theme.logo` = \"{logo}\" cannot be read (no such file in the project, or a link out of it)"),
                )
                .at(logo_line(site.project, logo))
                .hint("put the logo file in the project folder, or fix its path in [theme]"),
            );
        }
    }
}

/// Where tradui.toml names the logo (only read when the logo cannot be).
fn logo_line(project: &Project, logo: &str) -> (usize, usize) {
    let path = project.root.join(crate::project::config::CONFIG_FILE);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let at = text.find(&format!("\"{logo}\"")).unwrap_or(0);
    crate::diag::line_col(&text, at)
}

/// Copies images that leaflets use (`content/<path>`) to `public/media/<path>`.
fn copy_media(site: &Site, manifest: &mut Manifest, summary: &mut BuildSummary) {
    let project = site.project;
    let mut seen = BTreeSet::new();
    for leaflet in &project.leaflets {
        for src in image_sources(&leaflet.blocks) {
            let Some(path) = media_path(&src) else { continue };
            if !seen.insert(path.clone()) {
                continue;
            }
            match std::fs::read(project.root.join("content").join(&path)) {
                Ok(bytes) => put(site, &format!("media/{path}"), &bytes, manifest, summary),
                Err(e) => summary.diagnostics.push(
                    Diagnostic::warning(
                        Kind::Source,
                        &leaflet.file,
                        format!("image `{path}` cannot be read: {e}"),
                    )
                    .leaflet(&leaflet.slug)
                    .hint(format!("put the image at content/{path}")),
                ),
            }
        }
    }
}

/// The image paths of `blocks`, in order (with repeats).
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

/// Removes pages and PDFs in `public/<lang>/` and posters in `public/poster/` that this
/// build did not produce.
fn remove_unpublished(out: &Path, expected: &HashSet<String>, summary: &mut BuildSummary) {
    let Ok(dirs) = std::fs::read_dir(out) else { return };
    for dir in dirs.flatten() {
        let name = dir.file_name().to_string_lossy().into_owned();
        if !dir.path().is_dir() || (crate::lang::Lang::parse(&name).is_err() && name != "poster") {
            continue;
        }
        let Ok(files) = std::fs::read_dir(dir.path()) else { continue };
        let before = summary.removed;
        for f in files.flatten() {
            let path = f.path();
            let ours =
                path.extension().is_some_and(|e| e == "html" || e == "pdf" || e == "txt" || e == "png");
            let rel = format!("{name}/{}", f.file_name().to_string_lossy());
            if ours && !expected.contains(&rel) && std::fs::remove_file(&path).is_ok() {
                summary.removed += 1;
                summary.changed.push(rel);
            }
        }
        // A language no longer built (a pseudo-locale after `build --pseudo`) leaves no
        // empty folder; a folder that holds anything else stays.
        if summary.removed > before {
            let _ = std::fs::remove_dir(dir.path());
        }
    }
}
