//! `tradui check`: every problem, one per line with file:line:col, as text, JSON or
//! GitHub Actions annotations. Exit 1 when a required language (or the source) has an
//! error, 0 otherwise.

use super::{CheckFormat, ExitStatus, Out, select_langs};
use crate::diag::{Diagnostic, Fatal, Severity};
use crate::project::Project;
use crate::status::{self, counts_against};
use serde::Serialize;
use std::collections::BTreeMap;

pub fn run(
    project: &Project,
    format: CheckFormat,
    langs: &[String],
    out: &mut Out,
) -> Result<ExitStatus, Fatal> {
    let langs = select_langs(project, langs)?;
    let report = status::report(project);
    // Characters no font has are errors too: their PDF would be empty boxes.
    let glyphs = crate::fonts::coverage::check(project, &report, &langs);
    let problems: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .chain(&glyphs)
        .filter(|d| match d.lang.as_deref() {
            Some(l) if l != project.config.source.as_str() => langs.iter().any(|x| x.as_str() == l),
            _ => true,
        })
        .collect();
    let summary = Summary::new(project, &problems);
    match format {
        CheckFormat::Text => text(&problems, &summary, out),
        CheckFormat::Json => {
            let located: Vec<Diagnostic> = problems.iter().map(|d| d.located()).collect();
            let located: Vec<&Diagnostic> = located.iter().collect();
            let json = serde_json::to_string_pretty(&Json { problems: &located, summary: &summary })
                .expect("a report serialises");
            out.raw(&json);
            out.raw("\n");
        }
        CheckFormat::Github => github(&problems, out),
    }
    Ok(if summary.failing > 0 { ExitStatus::Problems } else { ExitStatus::Success })
}

#[derive(Serialize)]
struct Json<'a> {
    problems: &'a [&'a Diagnostic],
    summary: &'a Summary,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    /// Errors that fail the check (in the source or a required language).
    failing: usize,
    leaflets: usize,
    languages: Vec<String>,
    required: Vec<String>,
    /// Problems by kind.
    kinds: BTreeMap<&'static str, usize>,
}

impl Summary {
    fn new(project: &Project, problems: &[&Diagnostic]) -> Summary {
        let mut kinds = BTreeMap::new();
        for d in problems {
            *kinds.entry(d.kind.as_str()).or_insert(0) += 1;
        }
        Summary {
            errors: problems.iter().filter(|d| d.severity == Severity::Error).count(),
            warnings: problems.iter().filter(|d| d.severity == Severity::Warning).count(),
            failing: problems.iter().filter(|d| d.is_error() && counts_against(d, project)).count(),
            leaflets: project.leaflets.len(),
            languages: project.config.languages.iter().map(|l| l.to_string()).collect(),
            required: project.config.required.iter().map(|l| l.to_string()).collect(),
            kinds,
        }
    }
}

fn text(problems: &[&Diagnostic], summary: &Summary, out: &mut Out) {
    for d in problems {
        out.line(Out::styled(d));
    }
    let verdict = if summary.failing > 0 {
        format!("check failed: {} error(s) in required languages", summary.failing)
    } else if summary.errors > 0 {
        "check passed: the errors above are in languages that are not required".to_string()
    } else {
        "check passed".to_string()
    };
    out.err(format!(
        "{verdict} ({} error(s), {} warning(s); {} leaflet(s); required: {})",
        summary.errors,
        summary.warnings,
        summary.leaflets,
        if summary.required.is_empty() { "none".to_string() } else { summary.required.join(", ") }
    ));
}

/// GitHub Actions workflow commands: `::error file=..,line=..,col=..,title=..::message`.
fn github(problems: &[&Diagnostic], out: &mut Out) {
    for d in problems {
        let level = if d.is_error() { "error" } else { "warning" };
        let mut props = format!("file={}", escape_property(&d.file));
        if d.line > 0 {
            props.push_str(&format!(",line={},col={}", d.line, d.column));
        }
        props.push_str(&format!(",title={}", escape_property(&format!("tradui {}", d.kind.as_str()))));
        let mut message = d.message.clone();
        if let Some(h) = &d.hint {
            message.push_str("\nhint: ");
            message.push_str(h);
        }
        out.line(format!("::{level} {props}::{}", escape_data(&message)));
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
