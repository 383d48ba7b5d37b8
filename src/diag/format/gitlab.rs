//! GitLab Code Quality JSON: an array of findings with a unique `fingerprint` each
//! (stable when unrelated lines move), a `check_name` from [`Kind::ALL`](crate::diag::Kind::ALL),
//! a severity and a location from the repository root.

use super::{Report, message_with_hint, unique_fingerprints};
use serde_json::{Value, json};

pub fn render(report: &Report) -> String {
    let fingerprints = unique_fingerprints(&report.problems);
    let findings: Vec<Value> = report
        .problems
        .iter()
        .zip(&fingerprints)
        .map(|(d, fp)| {
            let severity = if report.failing(d) {
                "major"
            } else if d.is_error() {
                "minor"
            } else {
                "info"
            };
            json!({
                "description": message_with_hint(d),
                "check_name": d.kind.as_str(),
                "fingerprint": fp,
                "severity": severity,
                "location": {
                    "path": report.context.repo_path(&d.file),
                    "lines": { "begin": d.line.max(1) },
                },
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&findings).expect("findings serialise");
    s.push('\n');
    s
}
