//! Rendering: the fonts for every PDF's characters, then every output that changed,
//! in parallel, each written (temp file + rename) as soon as it is ready.

use super::key::{Key, KeyHasher};
use super::manifest::{self, Entry, FontState};
use super::plan::{Job, Localized, Output, Plan, Work};
use super::{RendererCache, Site};
use crate::diag::{Diagnostic, Kind};
use crate::document::{Document, Print};
use crate::fonts::coverage::printed_chars;
use crate::render::html::{PageContext, render_page};
use crate::render::pdf::{PdfOptions, PdfRenderer};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What became of one output file.
pub(super) struct Done {
    pub rel: String,
    pub pdf: bool,
    /// The new manifest entry (None: not to be reused, e.g. it had errors).
    pub entry: Option<Entry>,
    pub written: Option<bool>,
    pub reused: bool,
    pub diagnostics: Vec<Diagnostic>,
    pub failed: bool,
    /// Not written: its document has an error, so the last good file stays.
    pub kept: bool,
}

/// A file as `write_file` left it: whether it wrote, and the hash, size and time.
pub(super) struct FileState {
    pub wrote: bool,
    pub hash: Key,
    pub len: u64,
    pub mtime: u128,
}

impl FileState {
    pub fn entry(self, key: Key, chars: String, diagnostics: Vec<Diagnostic>) -> Entry {
        Entry { key, hash: self.hash, len: self.len, mtime: self.mtime, chars, diagnostics }
    }
}

/// A rendered output, ready to be written.
struct Rendered<'b> {
    bytes: &'b [u8],
    pdf: bool,
    /// Whether a later build may skip it (it had no errors).
    reusable: bool,
    diagnostics: Vec<Diagnostic>,
    /// For a PDF: the characters it prints.
    chars: String,
}

/// Localizes and renders every output of the plan that changed; returns what became
/// of each output and the fonts of this build's PDFs.
pub(super) fn render(site: &Site, plan: &Plan) -> (Vec<Done>, FontState) {
    let mut work = super::plan::work(site, plan);
    let mut fonts = site.old.fonts.clone();
    let renderer = site.pdf.as_ref().and_then(|o| choose_fonts(site, o, &mut work, &mut fonts));
    let bar = progress_bar(site.options.progress, work.docs.len());
    let mut done = render_pairs(site, &work, renderer.as_deref());
    done.extend(render_posters(site, &work, renderer.as_deref()));
    done.extend(render_jobs(site, plan, work, renderer.as_deref(), &bar));
    bar.finish_and_clear();
    (done, fonts)
}

/// The renderer for this build, with fonts for every character of every PDF (rendered
/// now or skipped: a clean build would choose the same fonts). When the fonts differ
/// from the last build's, every PDF is rendered again.
fn choose_fonts(
    site: &Site,
    options: &PdfOptions,
    work: &mut Work,
    fonts: &mut FontState,
) -> Option<Arc<PdfRenderer>> {
    let needed = needed_chars(site, work);
    let inputs = crate::fonts::choice::inputs(crate::fonts::coverage::project_fonts(site.project), &needed);
    let any_dirty = work.jobs.iter().any(|j| j.pdf.as_ref().is_some_and(|p| p.fresh.is_none()))
        || work.pairs.iter().any(|p| p.out.fresh.is_none())
        || work.posters.iter().any(|p| p.out.fresh.is_none());
    if inputs == site.old.fonts.inputs && !any_dirty {
        return None;
    }
    let renderer = cached_renderer(options, &needed, &inputs, site.options.renderers.as_ref());
    let loaded = KeyHasher::new("fonts").text(&renderer.font_list().join("\n")).finish();
    *fonts = FontState { inputs, fonts: loaded.clone() };
    if loaded != site.old.fonts.fonts {
        for job in work.jobs.iter_mut() {
            if let Some(p) = &mut job.pdf {
                p.fresh = None;
            }
        }
        for out in
            work.pairs.iter_mut().map(|p| &mut p.out).chain(work.posters.iter_mut().map(|p| &mut p.out))
        {
            out.fresh = None;
        }
        super::plan::localize_dirty(site, work);
    }
    Some(renderer)
}

/// Every character the PDFs of this build print: from the documents localized now, and
/// as the manifest recorded them for the others.
fn needed_chars(site: &Site, work: &Work) -> BTreeSet<char> {
    let mut all = BTreeSet::new();
    for (i, job) in work.jobs.iter().enumerate() {
        match work.docs.get(&i) {
            Some(Localized { doc, .. }) => {
                all.extend(printed_chars(doc, &site.project.config.printed_words()))
            }
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
}

/// A renderer for `needed`: the cached one when it was made for the same characters,
/// font folders and options (the same fonts, so the same bytes), else a new one.
fn cached_renderer(
    options: &PdfOptions,
    needed: &BTreeSet<char>,
    inputs: &Key,
    cache: Option<&RendererCache>,
) -> Arc<PdfRenderer> {
    let key = KeyHasher::new("renderer").text(inputs).text(&format!("{options:?}")).finish();
    let Some(cache) = cache else { return Arc::new(PdfRenderer::new(options.clone(), needed)) };
    let mut slot = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, r)) = slot.as_ref().filter(|(k, _)| *k == key) {
        return Arc::clone(r);
    }
    let renderer = Arc::new(PdfRenderer::new(options.clone(), needed));
    *slot = Some((key, Arc::clone(&renderer)));
    renderer
}

/// Renders and writes the two-language PDFs whose inputs changed.
fn render_pairs(site: &Site, work: &Work, renderer: Option<&PdfRenderer>) -> Vec<Done> {
    in_parallel(work.pairs.iter().collect(), |p| {
        let (Some(renderer), None) = (renderer, &p.out.fresh) else { return reused(&p.out, true) };
        let (Some(a), Some(b)) = (work.docs.get(&p.source), work.docs.get(&p.lang)) else {
            return reused(&p.out, true);
        };
        if a.diagnostics.iter().chain(&b.diagnostics).any(Diagnostic::is_error) {
            return kept(&p.out, Vec::new());
        }
        let job = &work.jobs[p.lang];
        match renderer.render_bilingual(&a.doc, &b.doc) {
            Ok(bytes) => {
                let r = Rendered {
                    bytes: &bytes,
                    pdf: true,
                    reusable: true,
                    diagnostics: Vec::new(),
                    chars: String::new(),
                };
                written(site, &p.out, r)
            }
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

/// Renders and writes the posters whose inputs changed. A language whose PDF cannot be
/// made for want of a font is left out (its PDF's error says what to install).
fn render_posters(site: &Site, work: &Work, renderer: Option<&PdfRenderer>) -> Vec<Done> {
    in_parallel(work.posters.iter().collect(), |p| {
        let (Some(renderer), None) = (renderer, &p.out.fresh) else { return reused(&p.out, true) };
        let Some(docs) = p.jobs.iter().map(|i| work.docs.get(i)).collect::<Option<Vec<_>>>() else {
            return reused(&p.out, true);
        };
        if docs.iter().flat_map(|d| &d.diagnostics).any(Diagnostic::is_error) {
            return kept(&p.out, Vec::new());
        }
        let printable: Vec<&Document> =
            docs.iter().map(|d| &d.doc).filter(|d| renderer.missing_glyphs(d).is_empty()).collect();
        match renderer.render_poster(&printable, site.project.config.base_url.as_deref()) {
            Ok(bytes) => written(
                site,
                &p.out,
                Rendered {
                    bytes: &bytes,
                    pdf: true,
                    reusable: true,
                    diagnostics: Vec::new(),
                    chars: String::new(),
                },
            ),
            Err(e) => failed(
                &p.out,
                pdf_error(
                    &p.out.rel,
                    &work.jobs[p.jobs[0]],
                    &e.to_string(),
                    "fix the leaflet or report this with it attached",
                ),
            ),
        }
    })
}

/// Renders and writes every job's outputs that changed, each as soon as it is ready;
/// outputs that did not change are reported as the manifest recorded them.
fn render_jobs(
    site: &Site,
    plan: &Plan,
    mut work: Work,
    renderer: Option<&PdfRenderer>,
    bar: &indicatif::ProgressBar,
) -> Vec<Done> {
    let rendered = AtomicUsize::new(0);
    let docs: Vec<(usize, Option<Localized>)> =
        (0..work.jobs.len()).map(|i| (i, work.docs.remove(&i))).collect();
    let jobs = &work.jobs;
    let done: Vec<Vec<Done>> = in_parallel(docs, |(i, doc)| {
        let job = &jobs[i];
        let Some(doc) = doc else {
            return job.outputs().map(|o| reused(o, o.rel.ends_with(".pdf"))).collect();
        };
        let result = render_job(site, plan, job, doc, renderer);
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

/// Renders one document's outputs that changed, and writes them. A document with an
/// error replaces neither of its files: the last good ones stay.
fn render_job(
    site: &Site,
    plan: &Plan,
    job: &Job,
    Localized { doc, diagnostics: diags }: Localized,
    renderer: Option<&PdfRenderer>,
) -> Vec<Done> {
    if diags.iter().any(Diagnostic::is_error) {
        let mut done = vec![kept(&job.html, diags)];
        done.extend(job.outputs().skip(1).map(|o| kept(o, Vec::new())));
        return done;
    }
    let mut done = Vec::with_capacity(4);
    if job.html.fresh.is_some() {
        done.push(reused(&job.html, false));
    } else {
        let alternates = plan.published.get(doc.slug.as_str()).map_or(&[][..], Vec::as_slice);
        let ctx = PageContext {
            site_title: &site.project.config.title,
            alternates,
            pdf: job.pdf.is_some(),
            templates: &site.templates,
            theme: &site.project.config.theme,
            base_url: site.project.config.base_url.as_deref(),
            image: job.image.is_some(),
        };
        match render_page(&doc, &ctx) {
            Ok(html) => {
                let r = Rendered {
                    bytes: html.as_bytes(),
                    pdf: false,
                    reusable: true,
                    diagnostics: diags,
                    chars: String::new(),
                };
                done.push(written(site, &job.html, r));
            }
            // A template error: the last good page stays, as for an error in the text.
            Err(d) => done.push(kept(&job.html, vec![d])),
        }
    }
    done.extend(job.paste.as_ref().map(|o| paste_text(site, o, &doc)));
    done.extend(job.image.as_ref().map(|o| share_image(site, o, &doc, renderer)));
    let (Some(pdf), Some(renderer)) = (&job.pdf, renderer) else {
        done.extend(job.pdf.as_ref().map(|p| reused(p, true)));
        done.extend(job.prints.iter().map(|(_, o)| reused(o, true)));
        return done;
    };
    let prints = std::iter::once((None, pdf)).chain(job.prints.iter().map(|(p, o)| (Some(*p), o)));
    for (print, o) in prints {
        done.push(if o.fresh.is_some() {
            reused(o, true)
        } else {
            render_pdf(site, job, o, &doc, renderer, print)
        });
    }
    done
}

/// Renders and writes one PDF (the page-sized one, or another `print`), unless a
/// character no font has would print as a box.
fn render_pdf(
    site: &Site,
    job: &Job,
    pdf: &Output,
    doc: &Document,
    renderer: &PdfRenderer,
    print: Option<Print>,
) -> Done {
    let project = site.project;
    let missing = renderer.missing_glyphs(doc);
    if !missing.is_empty() {
        // No PDF full of empty boxes: the build fails and says what to install.
        return failed(pdf, crate::fonts::coverage::error(project, doc, &missing));
    }
    if site.pdf.as_ref().is_some_and(|o| o.pdf_ua)
        && let Some(d) = image_without_alt(site, job, doc)
    {
        return failed(pdf, d);
    }
    let chars: String = printed_chars(doc, &project.config.printed_words()).into_iter().collect();
    let rendered = print.map_or_else(|| renderer.render(doc), |p| renderer.render_print(doc, p));
    match rendered {
        Ok(bytes) => written(
            site,
            pdf,
            Rendered { bytes: &bytes, pdf: true, reusable: true, diagnostics: Vec::new(), chars },
        ),
        Err(e @ crate::render::pdf::PdfError::Overflow { .. }) => {
            let what = print.map_or(String::new(), |p| format!(" in its {} print", p.name()));
            let d = Diagnostic::error(
                Kind::Source,
                &job.leaflet.file,
                format!("`{}` in {} does not fit its pages{what}: {e}", job.leaflet.slug, job.lang),
            )
            .at((1, 1))
            .leaflet(&job.leaflet.slug)
            .lang(job.lang.as_str())
            .hint("shorten the text, or let it run longer (`fit = 2`, or `fit = \"none\"` in the front matter); no PDF is written");
            failed(pdf, d)
        }
        Err(e) => {
            let d = match renderer.undecodable_image(doc) {
                Some((src, why)) => bad_image(site, job, &src, &why),
                None => pdf_error(
                    &pdf.rel,
                    job,
                    &e.to_string(),
                    "the HTML page was written; fix the template or report this with the leaflet attached",
                ),
            };
            failed(pdf, d)
        }
    }
}

/// An image the PDF cannot print, as an error at its line in the leaflet.
fn bad_image(site: &Site, job: &Job, src: &str, why: &str) -> Diagnostic {
    Diagnostic::error(Kind::Source, job.leaflet.file.clone(), format!("the image `{src}` cannot be printed: {why}"))
        .at(image_line(site, job, src).map_or((1, 1), |(line, col)| (line, col + 2)))
        .leaflet(&job.leaflet.slug)
        .lang(job.lang.as_str())
        .hint("save the picture again as PNG, JPEG or SVG (an image editor's \"Export\"), or remove it; the HTML page was written, no PDF")
}

/// Where the leaflet's Markdown uses the image `src`: the `](` before its address.
fn image_line(site: &Site, job: &Job, src: &str) -> Option<(usize, usize)> {
    let text = std::fs::read_to_string(site.project.root.join(&job.leaflet.file)).ok()?;
    text.find(&format!("]({src}")).map(|o| crate::diag::line_col(&text, o))
}

/// PDF/UA-1 needs an alternative text for every image: the first image of `doc` with
/// none, as an error at its line in the leaflet.
fn image_without_alt(site: &Site, job: &Job, doc: &Document) -> Option<Diagnostic> {
    fn find(blocks: &[crate::document::Block]) -> Option<&str> {
        use crate::document::Block;
        blocks.iter().find_map(|b| match b {
            Block::Image { src, alt } if alt.plain().trim().is_empty() => Some(src.as_str()),
            Block::Quote { blocks } => find(blocks),
            Block::List { items, .. } => items.iter().find_map(|i| find(i)),
            _ => None,
        })
    }
    let src = find(&doc.blocks)?;
    let file = &job.leaflet.file;
    let at = image_line(site, job, src).unwrap_or((1, 1));
    Some(
        Diagnostic::error(
            Kind::Source,
            file.clone(),
            format!("the image `{src}` has no alt text, and a PDF/UA file needs one for every image"),
        )
        .at(at)
        .leaflet(&job.leaflet.slug)
        .lang(job.lang.as_str())
        .hint("describe the image between the brackets, e.g. `![Workers on the picket line](picket.jpg)`, then run `tradui sync`"),
    )
}

/// The text to paste (`render::text`), written when it changed.
fn paste_text(site: &Site, o: &Output, doc: &Document) -> Done {
    if o.fresh.is_some() {
        return reused(o, false);
    }
    let text = crate::render::text::whatsapp_text(doc, site.project.config.base_url.as_deref());
    let r = Rendered {
        bytes: text.as_bytes(),
        pdf: false,
        reusable: true,
        diagnostics: Vec::new(),
        chars: String::new(),
    };
    written(site, o, r)
}

/// The share image (`render::share`), when its fonts have every character (else the
/// PDF's error says what to install, and no image is written).
fn share_image(site: &Site, o: &Output, doc: &Document, renderer: Option<&PdfRenderer>) -> Done {
    match renderer {
        _ if o.fresh.is_some() => reused(o, false),
        Some(r) if r.missing_glyphs(doc).is_empty() => match crate::render::share::share_image(r, doc) {
            Ok(png) => written(
                site,
                o,
                Rendered {
                    bytes: &png,
                    pdf: false,
                    reusable: true,
                    diagnostics: Vec::new(),
                    chars: String::new(),
                },
            ),
            Err(e) => failed(
                o,
                Diagnostic::error(Kind::Io, format!("public/{}", o.rel), e.to_string())
                    .leaflet(&doc.slug)
                    .lang(&doc.lang)
                    .hint("the page and PDF were written; report this with the leaflet attached"),
            ),
        },
        _ => Done { failed: true, ..unwritten(o) },
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
    Done { rel: o.rel.clone(), pdf, entry, written: None, reused: !failed, diagnostics, failed, kept: false }
}

fn failed(o: &Output, d: Diagnostic) -> Done {
    Done { diagnostics: vec![d], failed: true, ..unwritten(o) }
}

/// An output whose document has an error: the file stays as it is.
fn kept(o: &Output, diagnostics: Vec<Diagnostic>) -> Done {
    Done { diagnostics, kept: true, ..unwritten(o) }
}

fn unwritten(o: &Output) -> Done {
    Done {
        rel: o.rel.clone(),
        pdf: o.rel.ends_with(".pdf"),
        entry: None,
        written: None,
        reused: false,
        diagnostics: Vec::new(),
        failed: false,
        kept: false,
    }
}

/// Writes a rendered output and makes its manifest entry.
fn written(site: &Site, o: &Output, r: Rendered) -> Done {
    match write_file(site, &o.rel, r.bytes) {
        Ok(file) => {
            let wrote = file.wrote;
            let entry = r.reusable.then(|| file.entry(o.key.clone(), r.chars, r.diagnostics.clone()));
            let diagnostics = r.diagnostics;
            Done { entry, written: Some(wrote), diagnostics, pdf: r.pdf, ..unwritten(o) }
        }
        Err(d) => {
            let mut diagnostics = r.diagnostics;
            diagnostics.push(d);
            Done { diagnostics, failed: true, pdf: r.pdf, ..unwritten(o) }
        }
    }
}

/// Writes `bytes` to `out/rel` unless the file already has them.
pub(super) fn write_file(site: &Site, rel: &str, bytes: &[u8]) -> Result<FileState, Diagnostic> {
    let hash = super::key::content_hash(bytes);
    let path = site.out.join(rel);
    if let Some(e) = site.old.outputs.get(rel).filter(|e| e.hash == hash)
        && manifest::stat(&path) == Some((e.len, e.mtime))
    {
        return Ok(FileState { wrote: false, hash, len: e.len, mtime: e.mtime });
    }
    if let Some((len, mtime)) = manifest::stat(&path).filter(|(len, _)| *len == bytes.len() as u64)
        && std::fs::read(&path).is_ok_and(|b| b == bytes)
    {
        return Ok(FileState { wrote: false, hash, len, mtime });
    }
    match manifest::write_unsynced(&path, bytes) {
        Ok((len, mtime)) => Ok(FileState { wrote: true, hash, len, mtime }),
        Err(e) => Err(Diagnostic::error(Kind::Io, path.display().to_string(), format!("cannot write: {e}"))
            .hint("check that you may write to the output folder")),
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
