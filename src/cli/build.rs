//! `tradui build`: every leaflet in every published language as HTML (and PDF), plus
//! `public/index.html`. Exit 1 when a leaflet or a file could not be built.

use super::{ExitStatus, Out};
use crate::build::{BuildOptions, build};
use crate::render::pdf::PdfOptions;
use crate::diag::Fatal;
use crate::project::Project;
use std::path::PathBuf;

pub struct Args {
    pub out: Option<PathBuf>,
    pub no_pdf: bool,
    pub pdf_a: bool,
    pub pseudo: bool,
}

pub fn run(project: &Project, args: &Args, out: &mut Out) -> Result<ExitStatus, Fatal> {
    let out_dir = args.out.clone().unwrap_or_else(|| project.root.join("public"));
    let pdf = (!args.no_pdf).then(|| PdfOptions { pdf_a: args.pdf_a, ..PdfOptions::from_env() });
    let options = BuildOptions { out: out_dir.clone(), pdf, progress: true, pseudo: args.pseudo };
    let summary = build(project, &options)?;
    for d in &summary.diagnostics {
        out.err(Out::styled(d));
    }
    for (slug, lang, why) in &summary.skipped {
        out.err(format!("{slug}: not published in {lang}: {why}"));
    }
    out.line(format!(
        "built {} page(s) and {} PDF(s) in {}: {} file(s) written, {} unchanged, {} removed",
        summary.pages,
        summary.pdfs,
        out_dir.display(),
        summary.written,
        summary.unchanged,
        summary.removed
    ));
    Ok(if summary.failed { ExitStatus::Problems } else { ExitStatus::Success })
}
