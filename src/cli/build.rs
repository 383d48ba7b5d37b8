//! `tradui build`: every leaflet in every published language as HTML (and PDF), plus
//! `public/index.html`. Only outputs whose inputs changed are rendered again (`--force`:
//! all of them). Exit 1 when a leaflet or a file could not be built.

use super::{ExitStatus, Out};
use crate::build::{BuildOptions, BuildSummary, build};
use crate::diag::Fatal;
use crate::project::Project;
use crate::render::pdf::PdfOptions;
use std::path::{Path, PathBuf};

pub struct Args {
    pub out: Option<PathBuf>,
    pub no_pdf: bool,
    pub pdf_a: bool,
    pub pdf_ua: bool,
    pub force: bool,
    pub pseudo: bool,
}

impl Args {
    /// The build options these arguments ask for.
    pub fn options(&self, project: &Project, progress: bool) -> BuildOptions {
        let out = self.out.clone().unwrap_or_else(|| project.root.join("public"));
        let pdf = (!self.no_pdf).then(|| PdfOptions {
            pdf_a: self.pdf_a,
            pdf_ua: self.pdf_ua,
            ..PdfOptions::from_env()
        });
        BuildOptions { out, pdf, progress, force: self.force, renderers: None, pseudo: self.pseudo }
    }
}

pub fn run(project: &Project, args: &Args, out: &mut Out) -> Result<ExitStatus, Fatal> {
    let options = args.options(project, true);
    let summary = build(project, &options)?;
    report(&summary, &options.out, out);
    if project.config.base_url.is_none() {
        out.err("note: no `base_url` in tradui.toml, so the pages have no absolute links: link previews lack og:url and og:image, the PDFs have no QR code of their page, and no sitemap.xml is written; add `base_url = \"https://...\"` (where public/ is served) to get them");
    }
    Ok(if summary.failed { ExitStatus::Problems } else { ExitStatus::Success })
}

/// Prints a build's problems and its one-line summary.
pub fn report(summary: &BuildSummary, out_dir: &Path, out: &mut Out) {
    for d in &summary.diagnostics {
        out.problem(d);
    }
    for (slug, lang, why) in &summary.skipped {
        out.err(format!("{slug}: not published in {lang}: {why}"));
    }
    out.line(summary_line(summary, out_dir));
}

/// "built 5 page(s) and 5 PDF(s) in public: 2 rebuilt, 8 up to date; ..."; with ", 4
/// kept from the last good build" when leaflets with errors kept their pages.
pub fn summary_line(summary: &BuildSummary, out_dir: &Path) -> String {
    let kept = match summary.kept.len() {
        0 => String::new(),
        n => format!("; {n} file(s) kept from the last good build (see the errors above)"),
    };
    format!(
        "built {} page(s) and {} PDF(s) in {}: {} rebuilt, {} up to date (skipped); {} file(s) written, {} unchanged, {} removed{kept}",
        summary.pages,
        summary.pdfs,
        out_dir.display(),
        summary.rebuilt,
        summary.reused,
        summary.written,
        summary.unchanged,
        summary.removed
    )
}
