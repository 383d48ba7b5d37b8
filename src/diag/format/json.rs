//! The JSON format: `{"problems": [...], "summary": {...}}`, one object.

use super::{Report, Summary};
use crate::diag::Diagnostic;
use serde::Serialize;

#[derive(Serialize)]
struct Json<'a> {
    problems: &'a [&'a Diagnostic],
    summary: &'a Summary,
}

pub fn render(report: &Report) -> String {
    let json = Json { problems: &report.problems, summary: &report.summary };
    let mut s = serde_json::to_string_pretty(&json).expect("a report serialises");
    s.push('\n');
    s
}
