//! The JSON format: `{"problems": [...], "summary": {...}}`, one object.

use super::{Report, Summary};
use crate::diag::Diagnostic;
use serde::Serialize;

#[derive(Serialize)]
struct Json<'a> {
    problems: &'a [&'a Diagnostic],
    summary: &'a Summary,
}

/// Every problem at a line and column of 1 or more: a whole-file problem is at 1:1, as
/// DESIGN.md's 1-based positions want.
pub fn render(report: &Report) -> String {
    let located: Vec<Diagnostic> = report.problems.iter().map(|d| d.located()).collect();
    let located: Vec<&Diagnostic> = located.iter().collect();
    let json = Json { problems: &located, summary: &report.summary };
    let mut s = serde_json::to_string_pretty(&json).expect("a report serialises");
    s.push('\n');
    s
}
