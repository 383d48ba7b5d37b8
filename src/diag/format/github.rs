//! GitHub Actions workflow commands: `::error file=..,line=..,col=..,title=..::message` for
//! at most [`MAX_PER_LEVEL`] errors and as many warnings (GitHub shows no more per step),
//! then one `::notice` with the totals per language and what was left out. The step
//! summary (`$GITHUB_STEP_SUMMARY`) gets the Markdown table; the command writes it.

use super::{Report, message_with_hint};
use crate::diag::Diagnostic;

/// GitHub shows at most 10 error and 10 warning annotations of one step.
pub const MAX_PER_LEVEL: usize = 10;

pub fn render(report: &Report) -> String {
    let mut s = String::new();
    let (mut errors, mut warnings) = (0, 0);
    for d in &report.problems {
        let shown = if d.is_error() { &mut errors } else { &mut warnings };
        *shown += 1;
        if *shown <= MAX_PER_LEVEL {
            s.push_str(&annotation(report, d));
            s.push('\n');
        }
    }
    s.push_str(&notice(report, errors, warnings));
    s.push('\n');
    s
}

/// One problem as an `::error` or `::warning` command, its file from the repository root.
pub fn annotation(report: &Report, d: &Diagnostic) -> String {
    let level = if d.is_error() { "error" } else { "warning" };
    let mut props = format!("file={}", escape_property(&report.context.repo_path(&d.file)));
    if d.line > 0 {
        props.push_str(&format!(",line={},col={}", d.line, d.column));
    }
    props.push_str(&format!(",title={}", escape_property(&format!("tradui {}", d.kind.as_str()))));
    format!("::{level} {props}::{}", escape_data(&message_with_hint(d)))
}

/// The closing notice: totals, per language, and the annotations left out.
fn notice(report: &Report, errors: usize, warnings: usize) -> String {
    let s = &report.summary;
    let ctx = report.context;
    let verdict = if s.failing > 0 { "failed" } else { "passed" };
    let mut text = format!(
        "tradui {}: {verdict}, {} error(s) ({} in required languages), {} warning(s) in {} leaflet(s).",
        ctx.command, s.errors, s.failing, s.warnings, s.leaflets
    );
    for (lang, t) in &s.by_language {
        text.push_str(&format!("\n{lang}: {} error(s), {} warning(s)", t.errors, t.warnings));
    }
    let left_errors = errors.saturating_sub(MAX_PER_LEVEL);
    let left_warnings = warnings.saturating_sub(MAX_PER_LEVEL);
    if left_errors + left_warnings > 0 {
        text.push_str(&format!(
            "\n{left_errors} error(s) and {left_warnings} warning(s) are not shown as annotations (GitHub shows {MAX_PER_LEVEL} of each per step): see the step summary, or run `tradui {}` for every one",
            ctx.command
        ));
    }
    format!("::notice title={}::{}", escape_property(&format!("tradui {}", ctx.command)), escape_data(&text))
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
