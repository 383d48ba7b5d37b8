//! Build: every leaflet in every published language -> `public/<lang>/<slug>.html` (and
//! `.pdf` with a PDF backend), plus `public/index.html`.
//!
//! The phases: the status report once -> a plan (which leaflet in which language) ->
//! the key of each output (a hash of its inputs, see `cache`) -> localize only the
//! documents with an output whose key changed or whose file is gone or edited -> choose
//! the fonts for every document's characters -> render those outputs in parallel, each
//! written (atomically) as soon as it is rendered -> the index, the media, removal of
//! pages no longer published -> the manifest, and one sync of the disk for the whole build.
//!
//! Output is byte-identical for the same input, whichever outputs were skipped. Pages of
//! a language that is no longer published (below `min-coverage`, or its leaflet gone) are
//! removed, so an out-of-date translation never stays online.

pub mod key;
pub mod manifest;

use crate::diag::{Diagnostic, Fatal, Kind, Severity};
use crate::document::Document;
use crate::fonts::coverage::printed_chars;
use crate::lang::Lang;
use crate::localize::localize;
use crate::project::Project;
use crate::render::html::{
    Alternate, IndexEntry, IndexLang, PageContext, media_path, render_index, render_page,
};
use crate::render::pdf::{PdfOptions, PdfRenderer};
use crate::source::Leaflet;
use crate::status::{self, Report};
use key::{Inputs, Key, KeyHasher};
use manifest::{Entry, FontState, Manifest};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

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
    /// Files written or removed, relative to the output folder (`es/walkout.html`), sorted.
    pub changed: Vec<String>,
    /// Translations that cannot be used (syntax errors, placeables that do not match):
    /// their pages show the source text there. `serve` shows them on the page.
    pub invalid: Vec<Diagnostic>,
}

/// One output file of a job, and what the manifest knows of it.
struct Output {
    /// Relative to the output folder, `/`-separated.
    rel: String,
    key: Key,
    /// The manifest's entry, when the key is unchanged and the file intact: skip it.
    fresh: Option<Entry>,
}

struct Job<'a> {
    leaflet: &'a Leaflet,
    lang: Lang,
    html: Output,
    pdf: Option<Output>,
    /// `<slug>.txt`, the text to paste (not for pseudo-locales).
    paste: Option<Output>,
    /// `<slug>.png`, the share image (with PDFs and `base_url`; not for pseudo-locales).
    image: Option<Output>,
}

impl Job<'_> {
    fn dirty(&self) -> bool {
        self.html.fresh.is_none()
            || self.pdf.as_ref().is_some_and(|p| p.fresh.is_none())
            || self.paste.as_ref().is_some_and(|p| p.fresh.is_none())
            || self.image.as_ref().is_some_and(|p| p.fresh.is_none())
    }
}

/// A two-language PDF: the jobs of the source and of the translation.
struct Pair {
    source: usize,
    lang: usize,
    out: Output,
}

/// A plan: what to render, and where each leaflet is published.
struct Plan<'p> {
    jobs: Vec<(&'p Leaflet, Lang)>,
    index: Vec<IndexEntry>,
    published: BTreeMap<&'p str, Vec<Alternate>>,
}

/// What became of one output file.
struct Done {
    rel: String,
    pdf: bool,
    /// The new manifest entry (None: not to be reused, e.g. it had errors).
    entry: Option<Entry>,
    written: Option<bool>,
    reused: bool,
    diagnostics: Vec<Diagnostic>,
    failed: bool,
}

/// Builds the project into `options.out`.
pub fn build(project: &Project, options: &BuildOptions) -> Result<BuildSummary, Fatal> {
    let report = status::report(project);
    let mut summary = BuildSummary::default();
    crate::fsx::check_writable(&project.root, &options.out, 1)?;
    summary.diagnostics.extend(crate::fsx::clean_and_report(&project.root, &options.out, 8));
    // Problems of the sources themselves explain what is not built.
    summary
        .diagnostics
        .extend(project.diagnostics.iter().filter(|d| matches!(d.kind, Kind::Source | Kind::Io)).cloned());
    summary.invalid =
        report.diagnostics.iter().filter(|d| d.is_error() && d.kind == Kind::Invalid).cloned().collect();
    let plan = plan(project, &report, options.pdf.is_some(), &mut summary);
    let out = &options.out;
    // A pseudo-locale build is a preview: everything is rendered.
    let old = if options.force || options.pseudo {
        Manifest::empty(out)
    } else {
        Manifest::load(&project.root, out)
    };
    let pdf_options = options.pdf.as_ref().map(|o| pdf_options(project, o, &mut summary));
    let mut jobs = keyed_jobs(project, &plan, pdf_options.as_ref(), &old, out);
    let mut pairs = pairs(project, &jobs, &old, out);
    let mut docs = localize_dirty(project, &report, &jobs, &pairs, &mut BTreeMap::new());
    if options.pseudo {
        add_pseudo(project, &mut jobs, &mut docs);
    }
    let mut fonts = old.fonts.clone();
    let renderer = match &pdf_options {
        Some(o) => choose_fonts(
            project,
            o,
            &mut jobs,
            &mut pairs,
            &mut docs,
            &report,
            &old,
            &mut fonts,
            options.renderers.as_ref(),
        ),
        None => None,
    };
    let bar = progress_bar(options.progress, docs.len());
    let mut done = render_pairs(project, &pairs, &jobs, &docs, renderer.as_deref(), &old, out);
    done.extend(render_jobs(project, &plan, &jobs, docs, renderer.as_deref(), &old, out, &bar));
    bar.finish_and_clear();
    let mut manifest = Manifest::empty(out);
    manifest.fonts = if pdf_options.is_some() { fonts } else { FontState::default() };
    let mut expected = std::collections::HashSet::new();
    for d in done {
        // An output that failed is not left online in an older version.
        if !d.failed {
            expected.insert(d.rel.clone());
        }
        record(d, &mut manifest, &mut summary);
    }
    let index_html = render_index(
        &crate::project::ui::resolve(project, &project.config.source),
        project.config.source.as_str(),
        &plan.index,
    );
    put(out, "index.html", index_html.as_bytes(), &old, &mut manifest, &mut summary);
    if let Some(base) = &project.config.base_url {
        let xml = crate::render::sitemap::sitemap(base, &plan.index);
        put(out, "sitemap.xml", xml.as_bytes(), &old, &mut manifest, &mut summary);
    }
    copy_media(project, out, &old, &mut manifest, &mut summary);
    if project.complete() {
        remove_unpublished(out, &expected, &mut summary);
    } else {
        summary.diagnostics.push(crate::diag::Diagnostic::warning(Kind::Io, crate::diag::rel_path(&project.root, out), "no page was removed: the project has errors, so tradui cannot tell which pages are out of date")
            .hint("fix the errors above and build again"));
    }
    finish(project, out, &old, &manifest, &mut summary);
    Ok(summary)
}

/// Counts one output and keeps its manifest entry.
fn record(d: Done, manifest: &mut Manifest, summary: &mut BuildSummary) {
    // The text to paste goes with its page: counted as a file, not as a page.
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
fn finish(project: &Project, out: &Path, old: &Manifest, manifest: &Manifest, summary: &mut BuildSummary) {
    summary.diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    summary.diagnostics.dedup();
    summary.changed.sort();
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
        // A file removed: its folder holds the news.
        let mut files: Vec<PathBuf> = summary
            .changed
            .iter()
            .map(|rel| out.join(rel))
            .map(|p| if p.exists() { p } else { p.parent().unwrap_or(out).to_path_buf() })
            .collect();
        files.sort();
        files.dedup();
        files.push(Manifest::path(&project.root, out));
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
    if summary.diagnostics.iter().any(|d| d.kind == Kind::Io && d.severity == Severity::Error) {
        summary.failed = true;
    }
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
                (
                    "built with errors: check the pages before sharing them",
                    "run `tradui check` and fix the errors in the source leaflet",
                )
            };
            summary.diagnostics.push(
                Diagnostic::error(Kind::Source, &leaflet.file, message).leaflet(&leaflet.slug).hint(hint),
            );
            if leaflet.units.is_empty() {
                continue;
            }
        }
        let entry = plan_leaflet(project, report, leaflet, &langs, pdf, summary);
        let alts = entry
            .langs
            .iter()
            .filter(|l| l.published)
            .map(|l| Alternate { lang: l.lang.clone(), name: l.name.clone(), dir: l.dir })
            .collect();
        plan.published.insert(&leaflet.slug, alts);
        for l in entry.langs.iter().filter(|l| l.published) {
            plan.jobs.push((leaflet, Lang::parse(&l.lang).expect("planned from a valid tag")));
        }
        plan.index.push(entry);
    }
    plan
}

/// The PDF options of this project, and the project template if it has one.
fn pdf_options(project: &Project, options: &PdfOptions, summary: &mut BuildSummary) -> PdfOptions {
    let mut options = options.clone();
    options.site_title = project.config.title.clone();
    options.fonts_dir = Some(crate::fonts::coverage::project_fonts(project));
    if options.template.is_none() {
        options.template = project_template(project, summary);
    }
    options
}

/// Every job with the key of its outputs, and whether the manifest lets it be skipped.
fn keyed_jobs<'p>(
    project: &Project,
    plan: &Plan<'p>,
    pdf: Option<&PdfOptions>,
    old: &Manifest,
    out: &Path,
) -> Vec<Job<'p>> {
    let inputs = Inputs::new(project);
    let pdf_settings = pdf.map(|o| {
        KeyHasher::new("pdf settings")
            .text(&format!("{:?}", (&o.template, o.timestamp, o.pdf_a, &o.site_title)))
            .finish()
    });
    plan.jobs
        .par_iter()
        .map(|(leaflet, lang)| {
            let doc = inputs.document_key(project, leaflet, lang);
            // A leaflet with errors is rendered every time, so its errors always show.
            let reusable = project.leaflet_ok(&leaflet.slug);
            let output = |rel: String, key: Key| {
                let fresh = if reusable { old.intact(out, &rel).filter(|e| e.key == key) } else { None };
                Output { rel, key, fresh }
            };
            let alternates =
                plan.published.get(leaflet.slug.as_str()).map(|a| format!("{a:?}")).unwrap_or_default();
            let html_key = doc
                .clone()
                .text("html")
                .text(&alternates)
                .text(if pdf.is_some() { "with pdf" } else { "no pdf" })
                .finish();
            let html = output(format!("{lang}/{}.html", leaflet.slug), html_key);
            let pdf = pdf_settings.as_ref().map(|s| {
                output(format!("{lang}/{}.pdf", leaflet.slug), doc.clone().text("pdf").text(s).finish())
            });
            let paste =
                Some(output(format!("{lang}/{}.txt", leaflet.slug), doc.clone().text("txt").finish()));
            let image = pdf_settings.as_ref().filter(|_| project.config.base_url.is_some()).map(|s| {
                output(format!("{lang}/{}.png", leaflet.slug), doc.clone().text("png").text(s).finish())
            });
            Job { leaflet, lang: lang.clone(), html, pdf, paste, image }
        })
        .collect()
}

/// The pseudo-locale documents (en-XA, ar-XB) of every source-language document, as
/// jobs of their own (see `pseudo`).
fn add_pseudo<'p>(project: &Project, jobs: &mut Vec<Job<'p>>, docs: &mut BTreeMap<usize, Localized>) {
    let source = &project.config.source;
    let sources: Vec<usize> = (0..jobs.len()).filter(|i| &jobs[*i].lang == source).collect();
    for i in sources {
        let Some((doc, _)) = docs.get(&i) else { continue };
        for pseudo in [crate::localize::pseudo::accented(doc), crate::localize::pseudo::mirrored(doc)] {
            let Ok(lang) = Lang::parse(&pseudo.lang) else { continue };
            let leaflet = jobs[i].leaflet;
            let output = |ext: &str| Output {
                rel: format!("{lang}/{}.{ext}", leaflet.slug),
                key: String::new(),
                fresh: None,
            };
            let job = Job {
                leaflet,
                lang: lang.clone(),
                html: output("html"),
                pdf: jobs[i].pdf.as_ref().map(|_| output("pdf")),
                paste: None,
                image: None,
            };
            docs.insert(jobs.len(), (pseudo, Vec::new()));
            jobs.push(job);
        }
    }
}

/// The two-language PDFs `bilingual` asks for (PDF builds only).
fn pairs(project: &Project, jobs: &[Job], old: &Manifest, out: &Path) -> Vec<Pair> {
    let source = &project.config.source;
    let mut pairs = Vec::new();
    for lang in &project.config.bilingual {
        for (i, job) in jobs.iter().enumerate().filter(|(_, j)| &j.lang == lang) {
            let Some(s) = jobs.iter().position(|j| &j.lang == source && j.leaflet.slug == job.leaflet.slug)
            else {
                continue;
            };
            let (Some(a), Some(b)) = (&jobs[s].pdf, &job.pdf) else { continue };
            let key = KeyHasher::new("bilingual").text(&a.key).text(&b.key).finish();
            let rel = format!("{lang}/{}.{source}-{lang}.pdf", job.leaflet.slug);
            let reusable = project.leaflet_ok(&job.leaflet.slug);
            let fresh = if reusable { old.intact(out, &rel).filter(|e| e.key == key) } else { None };
            pairs.push(Pair { source: s, lang: i, out: Output { rel, key, fresh } });
        }
    }
    pairs
}

type Localized = (Document, Vec<Diagnostic>);

/// Localizes every job that has an output to render (or that a two-language PDF to
/// render needs) and is not in `docs` yet.
fn localize_dirty(
    project: &Project,
    report: &Report,
    jobs: &[Job],
    pairs: &[Pair],
    docs: &mut BTreeMap<usize, Localized>,
) -> BTreeMap<usize, Localized> {
    let mut wanted: BTreeSet<usize> =
        jobs.iter().enumerate().filter(|(_, j)| j.dirty()).map(|(i, _)| i).collect();
    for p in pairs.iter().filter(|p| p.out.fresh.is_none()) {
        wanted.extend([p.source, p.lang]);
    }
    let todo: Vec<usize> = wanted.into_iter().filter(|i| !docs.contains_key(i)).collect();
    let new: Vec<(usize, Localized)> = todo
        .par_iter()
        .map(|&i| {
            let job = &jobs[i];
            (i, localize(project, job.leaflet, &job.lang, report.cell(&job.leaflet.slug, &job.lang)))
        })
        .collect();
    let mut all = std::mem::take(docs);
    all.extend(new);
    all
}

/// The renderer for this build, with fonts for every character of every PDF (rendered
/// now or skipped: a clean build would choose the same fonts). When the fonts differ
/// from the last build's, every PDF is rendered again.
#[allow(clippy::too_many_arguments)]
fn choose_fonts(
    project: &Project,
    options: &PdfOptions,
    jobs: &mut [Job],
    pairs: &mut [Pair],
    docs: &mut BTreeMap<usize, Localized>,
    report: &Report,
    old: &Manifest,
    fonts: &mut FontState,
    cache: Option<&RendererCache>,
) -> Option<std::sync::Arc<PdfRenderer>> {
    let chars = |jobs: &[Job], docs: &BTreeMap<usize, Localized>| -> BTreeSet<char> {
        let mut all = BTreeSet::new();
        for (i, job) in jobs.iter().enumerate() {
            match docs.get(&i) {
                Some((doc, _)) => all.extend(printed_chars(doc, &project.config.title)),
                None => all.extend(
                    job.pdf
                        .as_ref()
                        .and_then(|p| p.fresh.as_ref())
                        .map(|e| e.chars.chars())
                        .into_iter()
                        .flatten(),
                ),
            }
        }
        all
    };
    let needed = chars(jobs, docs);
    let mut folders = vec![crate::fonts::coverage::project_fonts(project)];
    folders.extend(key::system_font_dirs());
    let ignore_system = std::env::var(crate::fonts::discovery::IGNORE_SYSTEM_FONTS).unwrap_or_default();
    let inputs = KeyHasher::new("font inputs")
        .text(&needed.iter().collect::<String>())
        .text(&key::font_folders(&folders))
        .text(&ignore_system)
        .finish();
    let any_dirty = jobs.iter().any(|j| j.pdf.as_ref().is_some_and(|p| p.fresh.is_none()))
        || pairs.iter().any(|p| p.out.fresh.is_none());
    if inputs == old.fonts.inputs && !any_dirty {
        return None;
    }
    let renderer = cached_renderer(options, &needed, &inputs, cache);
    let loaded = KeyHasher::new("fonts").text(&renderer.font_list().join("\n")).finish();
    *fonts = FontState { inputs, fonts: loaded.clone() };
    if loaded != old.fonts.fonts {
        for job in jobs.iter_mut() {
            if let Some(p) = &mut job.pdf {
                p.fresh = None;
            }
        }
        for p in pairs.iter_mut() {
            p.out.fresh = None;
        }
        let more = localize_dirty(project, report, jobs, pairs, docs);
        *docs = more;
    }
    Some(renderer)
}

/// A renderer for `needed`: the cached one when it was made for the same characters,
/// font folders and options (the same fonts, so the same bytes), else a new one.
fn cached_renderer(
    options: &PdfOptions,
    needed: &BTreeSet<char>,
    inputs: &Key,
    cache: Option<&RendererCache>,
) -> std::sync::Arc<PdfRenderer> {
    let key = KeyHasher::new("renderer").text(inputs).text(&format!("{options:?}")).finish();
    let Some(cache) = cache else { return std::sync::Arc::new(PdfRenderer::new(options.clone(), needed)) };
    let mut slot = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, r)) = slot.as_ref().filter(|(k, _)| *k == key) {
        return std::sync::Arc::clone(r);
    }
    let renderer = std::sync::Arc::new(PdfRenderer::new(options.clone(), needed));
    *slot = Some((key, std::sync::Arc::clone(&renderer)));
    renderer
}

/// Renders and writes the two-language PDFs whose inputs changed.
fn render_pairs(
    project: &Project,
    pairs: &[Pair],
    jobs: &[Job],
    docs: &BTreeMap<usize, Localized>,
    renderer: Option<&PdfRenderer>,
    old: &Manifest,
    out: &Path,
) -> Vec<Done> {
    in_parallel(pairs.iter().collect(), |p| {
        let (Some(renderer), None) = (renderer, &p.out.fresh) else { return reused(&p.out, true) };
        let (Some((a, _)), Some((b, _))) = (docs.get(&p.source), docs.get(&p.lang)) else {
            return reused(&p.out, true);
        };
        let job = &jobs[p.lang];
        let reusable = project.leaflet_ok(&job.leaflet.slug);
        match renderer.render_bilingual(a, b) {
            Ok(bytes) => written(out, &p.out, &bytes, old, reusable, Vec::new(), String::new(), true),
            Err(e) => failed(
                &p.out,
                pdf_error(
                    &p.out.rel,
                    job,
                    &e.to_string(),
                    "fix the template or report this with the leaflet attached",
                ),
            ),
        }
    })
}

/// Renders and writes every job's outputs that changed, each as soon as it is ready;
/// outputs that did not change are reported as the manifest recorded them.
#[allow(clippy::too_many_arguments)]
fn render_jobs(
    project: &Project,
    plan: &Plan,
    jobs: &[Job],
    mut docs: BTreeMap<usize, Localized>,
    renderer: Option<&PdfRenderer>,
    old: &Manifest,
    out: &Path,
    bar: &indicatif::ProgressBar,
) -> Vec<Done> {
    let rendered = AtomicUsize::new(0);
    let work: Vec<(usize, Option<Localized>)> = (0..jobs.len()).map(|i| (i, docs.remove(&i))).collect();
    let done: Vec<Vec<Done>> = in_parallel(work, |(i, doc)| {
        let job = &jobs[i];
        let Some((doc, diags)) = doc else {
            return [Some(&job.html), job.pdf.as_ref(), job.paste.as_ref(), job.image.as_ref()]
                .into_iter()
                .flatten()
                .map(|o| reused(o, o.rel.ends_with(".pdf")))
                .collect();
        };
        let result = render_job(project, plan, job, &doc, diags, renderer, old, out);
        bar.inc(1);
        // Typst's cache would grow without bound on a long build.
        if renderer.is_some() && (rendered.fetch_add(1, Ordering::Relaxed) + 1).is_multiple_of(64) {
            PdfRenderer::evict(4);
        }
        result
    });
    done.into_iter().flatten().collect()
}

/// Maps `items` on as many threads as rayon has (RAYON_NUM_THREADS), results in order.
///
/// Not rayon's own pool: Typst uses rayon inside a compilation, and a rayon worker that
/// waits for it may start another document on the same stack, and so on a thousand
/// documents deep. These threads only wait, so each document has a stack of its own.
fn in_parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = rayon::current_num_threads().clamp(1, items.len().max(1));
    let count = items.len();
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let results = std::sync::Mutex::new(Vec::with_capacity(count));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let work = || loop {
                let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                let Some((i, item)) = next else { break };
                let r = f(item);
                results.lock().unwrap_or_else(|e| e.into_inner()).push((i, r));
            };
            // Typst's layout recurses deeply on long documents: the main thread's stack size.
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn_scoped(scope, work)
                .expect("a thread can be started");
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Renders one document's outputs that changed, and writes them.
#[allow(clippy::too_many_arguments)]
fn render_job(
    project: &Project,
    plan: &Plan,
    job: &Job,
    doc: &Document,
    diags: Vec<Diagnostic>,
    renderer: Option<&PdfRenderer>,
    old: &Manifest,
    out: &Path,
) -> Vec<Done> {
    let reusable = project.leaflet_ok(&job.leaflet.slug) && !diags.iter().any(Diagnostic::is_error);
    let mut done = Vec::with_capacity(2);
    if job.html.fresh.is_some() {
        done.push(reused(&job.html, false));
    } else {
        let alternates = plan.published.get(doc.slug.as_str()).map_or(&[][..], Vec::as_slice);
        let ctx = PageContext {
            site_title: &project.config.title,
            alternates,
            pdf: job.pdf.is_some(),
            base_url: project.config.base_url.as_deref(),
            image: job.image.is_some(),
        };
        let html = render_page(doc, &ctx);
        done.push(written(
            out,
            &job.html,
            html.as_bytes(),
            old,
            reusable,
            diags.clone(),
            String::new(),
            false,
        ));
    }
    done.extend(job.paste.as_ref().map(|o| paste_text(project, o, doc, old, out, reusable)));
    done.extend(job.image.as_ref().map(|o| share_image(o, doc, renderer, (old, out), reusable)));
    let (Some(pdf), Some(renderer)) = (&job.pdf, renderer) else {
        done.extend(job.pdf.as_ref().map(|p| reused(p, true)));
        return done;
    };
    if pdf.fresh.is_some() {
        done.push(reused(pdf, true));
        return done;
    }
    let missing = renderer.missing_glyphs(doc);
    if !missing.is_empty() {
        // No PDF full of empty boxes: the build fails and says what to install.
        done.push(failed(pdf, crate::fonts::coverage::error(project, doc, &missing)));
        return done;
    }
    let pdf_diags: Vec<Diagnostic> = Vec::new();
    let chars: String = printed_chars(doc, &project.config.title).into_iter().collect();
    match renderer.render(doc) {
        Ok(bytes) => {
            let reusable = reusable && !pdf_diags.iter().any(Diagnostic::is_error);
            done.push(written(out, pdf, &bytes, old, reusable, pdf_diags, chars, true));
        }
        Err(e) => {
            let d = pdf_error(
                &pdf.rel,
                job,
                &e.to_string(),
                "the HTML page was written; fix the template or report this with the leaflet attached",
            );
            done.push(failed(pdf, d));
        }
    }
    done
}

/// The text to paste (`render::text`), written when it changed.
fn paste_text(
    project: &Project,
    o: &Output,
    doc: &Document,
    old: &Manifest,
    out: &Path,
    reusable: bool,
) -> Done {
    if o.fresh.is_some() {
        return reused(o, false);
    }
    let text = crate::render::text::whatsapp_text(doc, project.config.base_url.as_deref());
    written(out, o, text.as_bytes(), old, reusable, Vec::new(), String::new(), false)
}

/// The share image (`render::share`), when its fonts have every character (else the
/// PDF's error says what to install, and no image is written).
fn share_image(
    o: &Output,
    doc: &Document,
    renderer: Option<&PdfRenderer>,
    (old, out): (&Manifest, &Path),
    reusable: bool,
) -> Done {
    match renderer {
        _ if o.fresh.is_some() => reused(o, false),
        Some(r) if r.missing_glyphs(doc).is_empty() => match crate::render::share::share_image(r, doc) {
            Ok(png) => written(out, o, &png, old, reusable, Vec::new(), String::new(), false),
            Err(e) => failed(
                o,
                Diagnostic::error(Kind::Io, format!("public/{}", o.rel), e.to_string())
                    .leaflet(&doc.slug)
                    .lang(&doc.lang)
                    .hint("the page and PDF were written; report this with the leaflet attached"),
            ),
        },
        _ => Done {
            rel: o.rel.clone(),
            pdf: false,
            entry: None,
            written: None,
            reused: false,
            diagnostics: Vec::new(),
            failed: true,
        },
    }
}

fn pdf_error(rel: &str, job: &Job, message: &str, hint: &str) -> Diagnostic {
    Diagnostic::error(Kind::Io, format!("public/{rel}"), message)
        .leaflet(&job.leaflet.slug)
        .lang(job.lang.as_str())
        .hint(hint)
}

/// An output skipped: the manifest's entry, and the warnings it recorded.
fn reused(o: &Output, pdf: bool) -> Done {
    let entry = o.fresh.clone();
    let diagnostics = entry.as_ref().map(|e| e.diagnostics.clone()).unwrap_or_default();
    // Without an entry the output could not be made (no renderer): it failed.
    let failed = entry.is_none();
    Done { rel: o.rel.clone(), pdf, entry, written: None, reused: !failed, diagnostics, failed }
}

fn failed(o: &Output, d: Diagnostic) -> Done {
    Done {
        rel: o.rel.clone(),
        pdf: o.rel.ends_with(".pdf"),
        entry: None,
        written: None,
        reused: false,
        diagnostics: vec![d],
        failed: true,
    }
}

/// Writes a rendered output and makes its manifest entry.
#[allow(clippy::too_many_arguments)]
fn written(
    out: &Path,
    o: &Output,
    bytes: &[u8],
    old: &Manifest,
    reusable: bool,
    diagnostics: Vec<Diagnostic>,
    chars: String,
    pdf: bool,
) -> Done {
    match write_file(out, &o.rel, bytes, old) {
        Ok((wrote, hash, len, mtime)) => {
            let entry = reusable.then(|| Entry {
                key: o.key.clone(),
                hash,
                len,
                mtime,
                chars,
                diagnostics: diagnostics.clone(),
            });
            Done {
                rel: o.rel.clone(),
                pdf,
                entry,
                written: Some(wrote),
                reused: false,
                diagnostics,
                failed: false,
            }
        }
        Err(d) => {
            let mut diagnostics = diagnostics;
            diagnostics.push(d);
            Done {
                rel: o.rel.clone(),
                pdf,
                entry: None,
                written: None,
                reused: false,
                diagnostics,
                failed: true,
            }
        }
    }
}

/// Writes `bytes` to `out/rel` unless the file already has them. Returns whether it
/// wrote, and the hash, size and time of the file.
fn write_file(
    out: &Path,
    rel: &str,
    bytes: &[u8],
    old: &Manifest,
) -> Result<(bool, Key, u64, u128), Diagnostic> {
    let hash = key::content_hash(bytes);
    let path = out.join(rel);
    if let Some(e) = old.outputs.get(rel).filter(|e| e.hash == hash)
        && manifest::stat(&path) == Some((e.len, e.mtime))
    {
        return Ok((false, hash, e.len, e.mtime));
    }
    if let Some((len, mtime)) = manifest::stat(&path).filter(|(len, _)| *len == bytes.len() as u64)
        && std::fs::read(&path).is_ok_and(|b| b == bytes)
    {
        return Ok((false, hash, len, mtime));
    }
    match manifest::write_unsynced(&path, bytes) {
        Ok((len, mtime)) => Ok((true, hash, len, mtime)),
        Err(e) => Err(Diagnostic::error(Kind::Io, path.display().to_string(), format!("cannot write: {e}"))
            .hint("check that you may write to the output folder")),
    }
}

/// Writes a file that is not a page or a PDF (the index, an image) when it changed.
fn put(
    out: &Path,
    rel: &str,
    bytes: &[u8],
    old: &Manifest,
    manifest: &mut Manifest,
    summary: &mut BuildSummary,
) {
    match write_file(out, rel, bytes, old) {
        Ok((wrote, hash, len, mtime)) => {
            if wrote {
                summary.written += 1;
                summary.changed.push(rel.to_string());
            } else {
                summary.unchanged += 1;
            }
            manifest.outputs.insert(
                rel.to_string(),
                Entry { key: String::new(), hash, len, mtime, chars: String::new(), diagnostics: Vec::new() },
            );
        }
        Err(d) => summary.diagnostics.push(d),
    }
}

/// Which languages a leaflet is published in, and its coverage in each.
fn plan_leaflet(
    project: &Project,
    report: &Report,
    leaflet: &Leaflet,
    langs: &[Lang],
    pdf: bool,
    summary: &mut BuildSummary,
) -> IndexEntry {
    let title = leaflet
        .title_id
        .as_deref()
        .and_then(|id| leaflet.unit(id))
        .map_or_else(|| leaflet.slug.clone(), |u| u.text.clone());
    let date = match leaflet.variables.get("date") {
        Some(crate::source::VarValue::Date { year, month, day }) => {
            Some(format!("{year:04}-{month:02}-{day:02}"))
        }
        _ => None,
    };
    let mut entry =
        IndexEntry { slug: leaflet.slug.clone(), title, weight: leaflet.weight, date, langs: Vec::new() };
    for lang in langs {
        let percent = report.cell(&leaflet.slug, lang).map_or(100, |c| c.counts().percent());
        let min = project.config.fallback(lang).min_coverage;
        let ok = *lang == project.config.source || percent >= u32::from(min);
        if !ok {
            summary.skipped.push((
                leaflet.slug.clone(),
                lang.to_string(),
                format!("{percent}% translated, below the {min}% minimum"),
            ));
        }
        entry.langs.push(IndexLang {
            lang: lang.to_string(),
            name: lang.native_name(),
            dir: lang.direction(),
            percent,
            published: ok,
            pdf,
        });
    }
    entry
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

fn progress_bar(wanted: bool, len: usize) -> indicatif::ProgressBar {
    let hidden = !wanted || len == 0 || std::env::var_os("CI").is_some();
    if hidden {
        return indicatif::ProgressBar::hidden();
    }
    // The stderr target draws only on a terminal.
    let bar =
        indicatif::ProgressBar::with_draw_target(Some(len as u64), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} documents {msg}") {
        bar.set_style(style);
    }
    bar
}

/// Copies images that leaflets use (`content/<path>`) to `public/media/<path>`.
fn copy_media(
    project: &Project,
    out: &Path,
    old: &Manifest,
    manifest: &mut Manifest,
    summary: &mut BuildSummary,
) {
    let mut seen = BTreeSet::new();
    for leaflet in &project.leaflets {
        for src in image_sources(&leaflet.blocks) {
            let Some(path) = media_path(&src) else { continue };
            if !seen.insert(path.clone()) {
                continue;
            }
            match std::fs::read(project.root.join("content").join(&path)) {
                Ok(bytes) => put(out, &format!("media/{path}"), &bytes, old, manifest, summary),
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
fn remove_unpublished(out: &Path, expected: &std::collections::HashSet<String>, summary: &mut BuildSummary) {
    let Ok(dirs) = std::fs::read_dir(out) else { return };
    for dir in dirs.flatten() {
        let name = dir.file_name().to_string_lossy().into_owned();
        if !dir.path().is_dir() || Lang::parse(&name).is_err() {
            continue;
        }
        let Ok(files) = std::fs::read_dir(dir.path()) else { continue };
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
    }
}
