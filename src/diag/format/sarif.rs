//! SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per kind (from
//! [`Kind::ALL`]) with its help, one result per problem with `ruleId`, `level`, a location
//! from the repository root and a `partialFingerprints` entry that ignores line numbers.
//! Errors that do not fail the check (a language that is not required) are `warning`.

use super::{Report, message_with_hint, unique_fingerprints};
use crate::diag::{Diagnostic, Kind};
use serde_json::{Value, json};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub fn render(report: &Report) -> String {
    let fingerprints = unique_fingerprints(&report.problems);
    let results: Vec<Value> =
        report.problems.iter().zip(&fingerprints).map(|(d, fp)| result(report, d, fp)).collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "tradui",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules(),
            }},
            "automationDetails": { "id": format!("tradui/{}/", report.context.command) },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("SARIF serialises");
    s.push('\n');
    s
}

fn rules() -> Vec<Value> {
    Kind::ALL
        .iter()
        .map(|k| {
            json!({
                "id": k.name,
                "shortDescription": { "text": k.summary },
                "help": { "text": k.help },
                "defaultConfiguration": { "level": "error" },
            })
        })
        .collect()
}

fn result(report: &Report, d: &Diagnostic, fingerprint: &str) -> Value {
    let level = if report.failing(d) {
        "error"
    } else if d.is_error() {
        "warning"
    } else {
        "note"
    };
    let mut physical = json!({ "artifactLocation": { "uri": report.context.repo_path(&d.file) } });
    if d.line > 0 {
        physical["region"] = json!({ "startLine": d.line, "startColumn": d.column.max(1) });
    }
    let mut properties = json!({ "severity": d.severity });
    for (key, value) in [("leaflet", &d.leaflet), ("lang", &d.lang), ("id", &d.id)] {
        if let Some(v) = value {
            properties[key] = json!(v);
        }
    }
    json!({
        "ruleId": d.kind.as_str(),
        "ruleIndex": d.kind as usize,
        "level": level,
        "message": { "text": message_with_hint(d) },
        "locations": [{ "physicalLocation": physical }],
        "partialFingerprints": { "tradui/v1": fingerprint },
        "properties": properties,
    })
}
