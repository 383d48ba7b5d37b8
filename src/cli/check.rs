//! `tradui check`: every problem, one per line with file:line:col, or as one document
//! in any `--format` (see [`crate::diag::format`]). Exit 1 when a leaflet's required
//! language (or the source) has an error, 0 otherwise.

use super::{ExitStatus, Out, select_langs};
use crate::diag::format::{Format, Report, text};
use crate::diag::{Diagnostic, Fatal};
use crate::project::Project;
use crate::status;

pub fn run(project: &Project, langs: &[String], out: &mut Out) -> Result<ExitStatus, Fatal> {
    let langs = select_langs(project, langs)?;
    let report = status::report(project);
    // Characters no font has are errors too: their PDF would be empty boxes.
    let glyphs = crate::fonts::coverage::check(project, &report, &langs);
    let expired = status::expired(project);
    // A template `build` could not use (a syntax error, a link out of the project).
    let templates = crate::render::html::Templates::load(&project.root).1;
    let problems: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .chain(&glyphs)
        .chain(&expired)
        .chain(&templates)
        .filter(|d| match d.lang.as_deref() {
            Some(l) if l != project.config.source.as_str() => langs.iter().any(|x| x.as_str() == l),
            _ => true,
        })
        .collect();
    let mut context = out.context.clone();
    context.languages.retain(|l| langs.iter().any(|x| x.as_str() == l));
    out.context = context.clone();
    let shown = Report::new(problems, &context);
    if out.format == Format::Text {
        for d in &shown.problems {
            out.line(Out::styled(d));
        }
        out.err(text::verdict(&shown));
    } else {
        for d in &shown.problems {
            out.problem(d);
        }
    }
    Ok(if shown.summary.failing > 0 { ExitStatus::Problems } else { ExitStatus::Success })
}
