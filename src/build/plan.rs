//! The plan of a build: which leaflet is published in which language, the key of every
//! output, and whether the manifest lets it be skipped.

use super::key::{Inputs, Key, KeyHasher};
use super::manifest::Entry;
use super::{BuildSummary, Site};
use crate::diag::Diagnostic;
use crate::document::{Document, Print};
use crate::lang::Lang;
use crate::render::html::{Alternate, IndexEntry, IndexLang};
use crate::source::Leaflet;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// One output file of a job, and what the manifest knows of it.
pub(super) struct Output {
    /// Relative to the output folder, `/`-separated.
    pub rel: String,
    pub key: Key,
    /// The manifest's entry, when the key is unchanged and the file intact: skip it.
    pub fresh: Option<Entry>,
}

pub(super) struct Job<'a> {
    pub leaflet: &'a Leaflet,
    pub lang: Lang,
    pub html: Output,
    pub pdf: Option<Output>,
    /// `<slug>.txt`, the text to paste (not for pseudo-locales).
    pub paste: Option<Output>,
    /// `<slug>.png`, the share image (with PDFs and `base_url`; not for pseudo-locales).
    pub image: Option<Output>,
    /// `<slug>.<print>.pdf`: the other prints `prints` asks for (2-up, another paper).
    pub prints: Vec<(Print, Output)>,
}

impl Job<'_> {
    fn dirty(&self) -> bool {
        self.outputs().any(|o| o.fresh.is_none())
    }

    /// Every output of the job: page, PDF, text to paste, share image, other prints.
    pub fn outputs(&self) -> impl Iterator<Item = &Output> {
        [Some(&self.html), self.pdf.as_ref(), self.paste.as_ref(), self.image.as_ref()]
            .into_iter()
            .flatten()
            .chain(self.prints.iter().map(|(_, o)| o))
    }
}

/// A two-language PDF: the jobs of the source and of the translation.
pub(super) struct Pair {
    pub source: usize,
    pub lang: usize,
    pub out: Output,
}

/// The multilingual poster of a leaflet: the jobs of its languages, the source's first.
pub(super) struct Poster {
    pub jobs: Vec<usize>,
    pub out: Output,
}

/// A plan: what to render, where each leaflet is published, and the leaflets with
/// errors (none of their pages is rendered: the last good ones stay).
pub(super) struct Plan<'p> {
    pub jobs: Vec<Planned<'p>>,
    pub index: Vec<IndexEntry>,
    pub published: BTreeMap<&'p str, Vec<Alternate>>,
    pub broken: Vec<&'p Leaflet>,
}

/// A leaflet to publish in a language.
pub(super) struct Planned<'p> {
    pub leaflet: &'p Leaflet,
    pub lang: Lang,
}

/// A document and the problems of making it.
pub(super) struct Localized {
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// The documents of a build: its jobs, its two-language PDFs, and the documents
/// localized so far (by job).
pub(super) struct Work<'p> {
    pub jobs: Vec<Job<'p>>,
    pub pairs: Vec<Pair>,
    pub posters: Vec<Poster>,
    pub docs: BTreeMap<usize, Localized>,
}

/// Decides which (leaflet, language) pairs to render.
pub(super) fn plan<'p>(site: &Site<'p>, summary: &mut BuildSummary) -> Plan<'p> {
    let project = site.project;
    let langs = project.config.all_languages();
    let mut plan =
        Plan { jobs: Vec::new(), index: Vec::new(), published: BTreeMap::new(), broken: Vec::new() };
    for leaflet in &project.leaflets {
        if !project.leaflet_ok(&leaflet.slug) {
            // Nothing of it is rendered: a page with `{$name}` in it is never published.
            summary.failed = true;
            plan.broken.push(leaflet);
            continue;
        }
        let entry = plan_leaflet(site, leaflet, &langs, summary);
        let alts = entry
            .langs
            .iter()
            .filter(|l| l.published)
            .map(|l| Alternate { lang: l.lang.clone(), name: l.name.clone(), dir: l.dir })
            .collect();
        plan.published.insert(&leaflet.slug, alts);
        for l in entry.langs.iter().filter(|l| l.published) {
            let lang = Lang::parse(&l.lang).expect("planned from a valid tag");
            plan.jobs.push(Planned { leaflet, lang });
        }
        plan.index.push(entry);
    }
    plan
}

/// Which languages a leaflet is published in, and its coverage in each.
fn plan_leaflet(site: &Site, leaflet: &Leaflet, langs: &[Lang], summary: &mut BuildSummary) -> IndexEntry {
    let project = site.project;
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
    let mut entry = IndexEntry {
        slug: leaflet.slug.clone(),
        title,
        weight: leaflet.weight,
        date,
        langs: Vec::new(),
        prints: if site.options.pdf.is_some() { other_prints(site, leaflet) } else { Vec::new() },
        poster: site.options.pdf.is_some() && project.config.posters,
    };
    for lang in langs {
        let percent = site.report.cell(&leaflet.slug, lang).map_or(100, |c| c.counts().percent());
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
            pdf: site.options.pdf.is_some(),
        });
    }
    entry
}

/// The work of a build: every job keyed, the two-language PDFs, the pseudo-locales, and
/// the documents of every output to render.
pub(super) fn work<'p>(site: &Site, plan: &Plan<'p>) -> Work<'p> {
    let jobs = keyed_jobs(site, plan);
    let pairs = pairs(site, &jobs);
    let posters = posters(site, &jobs);
    let mut work = Work { jobs, pairs, posters, docs: BTreeMap::new() };
    localize_dirty(site, &mut work);
    if site.options.pseudo {
        add_pseudo(site, &mut work);
    }
    work
}

/// Every job with the key of its outputs, and whether the manifest lets it be skipped.
fn keyed_jobs<'p>(site: &Site, plan: &Plan<'p>) -> Vec<Job<'p>> {
    let project = site.project;
    let inputs = Inputs::new(project);
    let pdf = site.pdf.as_ref();
    let pdf_settings = pdf.map(|o| {
        KeyHasher::new("pdf settings")
            .text(&format!("{:?}", (&o.template, o.timestamp, o.pdf_a, o.pdf_ua, &o.site_title, o.bleed)))
            .finish()
    });
    // The project's templates/ decide every page.
    let templates =
        KeyHasher::new("templates").text(&format!("{:?}", site.templates.project_sources())).finish();
    plan.jobs
        .par_iter()
        .map(|&Planned { leaflet, ref lang }| {
            let doc = inputs.document_key(project, leaflet, lang);
            let output = |rel: String, key: Key| {
                let fresh = site.old.intact(site.out, &rel).filter(|e| e.key == key);
                Output { rel, key, fresh }
            };
            let alternates =
                plan.published.get(leaflet.slug.as_str()).map(|a| format!("{a:?}")).unwrap_or_default();
            let html_key = doc
                .clone()
                .text("html")
                .text(&templates)
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
            let prints = pdf_settings.as_ref().map_or_else(Vec::new, |s| {
                other_prints(site, leaflet)
                    .into_iter()
                    .map(|p| {
                        let rel = format!("{lang}/{}.{}.pdf", leaflet.slug, p.name());
                        (p, output(rel, doc.clone().text("print").text(p.name()).text(s).finish()))
                    })
                    .collect()
            });
            Job { leaflet, lang: lang.clone(), html, pdf, paste, image, prints }
        })
        .collect()
}

/// The prints of a leaflet besides its page-sized PDF (`prints` of its front matter, else
/// of `tradui.toml`), each once: a full page on the leaflet's own paper is that PDF.
pub(super) fn other_prints(site: &Site, leaflet: &Leaflet) -> Vec<Print> {
    let config = &site.project.config;
    let paper = leaflet.paper.unwrap_or(config.paper);
    let mut prints: Vec<Print> = Vec::new();
    for p in leaflet.prints.as_ref().unwrap_or(&config.prints) {
        if *p != Print::Full(paper) && !prints.contains(p) {
            prints.push(*p);
        }
    }
    prints
}

/// The pseudo-locale documents (en-XA, ar-XB) of every source-language document, as
/// jobs of their own (see `pseudo`).
fn add_pseudo(site: &Site, work: &mut Work) {
    let source = &site.project.config.source;
    let sources: Vec<usize> = (0..work.jobs.len()).filter(|i| &work.jobs[*i].lang == source).collect();
    for i in sources {
        let Some(Localized { doc, .. }) = work.docs.get(&i) else { continue };
        for pseudo in [crate::localize::pseudo::accented(doc), crate::localize::pseudo::mirrored(doc)] {
            let Ok(lang) = Lang::parse(&pseudo.lang) else { continue };
            let leaflet = work.jobs[i].leaflet;
            let output = |ext: &str| Output {
                rel: format!("{lang}/{}.{ext}", leaflet.slug),
                key: String::new(),
                fresh: None,
            };
            let job = Job {
                leaflet,
                lang: lang.clone(),
                html: output("html"),
                pdf: work.jobs[i].pdf.as_ref().map(|_| output("pdf")),
                paste: None,
                image: None,
                prints: Vec::new(),
            };
            work.docs.insert(work.jobs.len(), Localized { doc: pseudo, diagnostics: Vec::new() });
            work.jobs.push(job);
        }
    }
}

/// The two-language PDFs `bilingual` asks for (PDF builds only).
fn pairs(site: &Site, jobs: &[Job]) -> Vec<Pair> {
    let source = &site.project.config.source;
    let mut pairs = Vec::new();
    for lang in &site.project.config.bilingual {
        for (i, job) in jobs.iter().enumerate().filter(|(_, j)| &j.lang == lang) {
            let Some(s) = jobs.iter().position(|j| &j.lang == source && j.leaflet.slug == job.leaflet.slug)
            else {
                continue;
            };
            let (Some(a), Some(b)) = (&jobs[s].pdf, &job.pdf) else { continue };
            let key = KeyHasher::new("bilingual").text(&a.key).text(&b.key).finish();
            let rel = format!("{lang}/{}.{source}-{lang}.pdf", job.leaflet.slug);
            let fresh = site.old.intact(site.out, &rel).filter(|e| e.key == key);
            pairs.push(Pair { source: s, lang: i, out: Output { rel, key, fresh } });
        }
    }
    pairs
}

/// The poster of every leaflet (PDF builds only), keyed by its languages' PDFs.
fn posters(site: &Site, jobs: &[Job]) -> Vec<Poster> {
    let mut posters: Vec<Poster> = Vec::new();
    if !site.project.config.posters {
        return posters;
    }
    for (i, job) in jobs.iter().enumerate().filter(|(_, j)| j.pdf.is_some()) {
        match posters.last_mut() {
            Some(p) if jobs[p.jobs[0]].leaflet.slug == job.leaflet.slug => p.jobs.push(i),
            _ => {
                let out = Output {
                    rel: format!("poster/{}.pdf", job.leaflet.slug),
                    key: String::new(),
                    fresh: None,
                };
                posters.push(Poster { jobs: vec![i], out });
            }
        }
    }
    for p in &mut posters {
        let mut key = KeyHasher::new("poster");
        for &i in &p.jobs {
            key.text(&jobs[i].pdf.as_ref().expect("jobs with a PDF").key);
        }
        p.out.key = key.finish();
        p.out.fresh = site.old.intact(site.out, &p.out.rel).filter(|e| e.key == p.out.key);
    }
    posters
}

/// Localizes every job that has an output to render (or that a two-language PDF to
/// render needs) and is not localized yet.
pub(super) fn localize_dirty(site: &Site, work: &mut Work) {
    let mut wanted: BTreeSet<usize> =
        work.jobs.iter().enumerate().filter(|(_, j)| j.dirty()).map(|(i, _)| i).collect();
    for p in work.pairs.iter().filter(|p| p.out.fresh.is_none()) {
        wanted.extend([p.source, p.lang]);
    }
    for p in work.posters.iter().filter(|p| p.out.fresh.is_none()) {
        wanted.extend(&p.jobs);
    }
    let todo: Vec<usize> = wanted.into_iter().filter(|i| !work.docs.contains_key(i)).collect();
    let jobs = &work.jobs;
    let new: Vec<(usize, Localized)> = todo
        .par_iter()
        .map(|&i| {
            let job = &jobs[i];
            let cell = site.report.cell(&job.leaflet.slug, &job.lang);
            let (doc, diagnostics) = crate::localize::localize(site.project, job.leaflet, &job.lang, cell);
            (i, Localized { doc, diagnostics })
        })
        .collect();
    work.docs.extend(new);
}

/// The leaflet's position of its first error, for the message that says its pages were
/// kept.
pub(super) fn first_error<'d>(diags: impl IntoIterator<Item = &'d Diagnostic>) -> Option<&'d Diagnostic> {
    diags.into_iter().filter(|d| d.is_error()).min_by(|a, b| a.sort_key().cmp(&b.sort_key()))
}

/// The errors of a leaflet itself (in no one language): why it is not built.
pub(super) fn leaflet_errors<'d>(site: &'d Site, slug: &str) -> impl Iterator<Item = &'d Diagnostic> {
    let slug = slug.to_string();
    site.project
        .diagnostics
        .iter()
        .filter(move |d| d.is_error() && d.lang.is_none() && d.leaflet.as_deref() == Some(slug.as_str()))
}
