//! A Markdown table, leaflet x language, for a pull-request comment and GitHub's step
//! summary: which leaflet is incomplete in which language, with totals.

use super::summary::Tally;
use super::{Report, Summary};

pub fn render(report: &Report) -> String {
    let s = &report.summary;
    let ctx = report.context;
    let verdict = if s.failing > 0 { "❌ failed" } else { "✅ passed" };
    let mut out = format!(
        "### tradui {}: {verdict}\n\n{} error(s) ({} in required languages), {} warning(s) in {} leaflet(s).\n\n",
        ctx.command, s.errors, s.failing, s.warnings, s.leaflets
    );
    out.push_str("| Leaflet |");
    for lang in &ctx.languages {
        out.push_str(&format!(" {} |", escape(lang)));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(ctx.languages.len()));
    out.push('\n');
    for leaflet in &ctx.leaflets {
        out.push_str(&format!("| {} |", escape(&leaflet.slug)));
        for lang in &ctx.languages {
            let t = Summary::cell(&report.problems, ctx, &leaflet.slug, lang);
            let required = leaflet.required.iter().any(|r| r == lang);
            out.push_str(&format!(" {} |", cell(&t, required)));
        }
        out.push('\n');
    }
    out.push_str("| **Total** |");
    for lang in &ctx.languages {
        let t = s.by_language.get(lang).copied().unwrap_or_default();
        out.push_str(&format!(" {} |", cell(&t, true)));
    }
    out.push('\n');
    let other = s.unscoped.errors + s.unscoped.warnings;
    if other > 0 {
        out.push_str(&format!(
            "\n{other} problem(s) belong to no leaflet or language (tradui.toml, stray files): run `tradui check` to see them.\n"
        ));
    }
    if ctx.leaflets.iter().any(|l| ctx.languages.iter().any(|g| !l.required.contains(g))) {
        out.push_str("\n*(not required)*: errors there do not fail the check.\n");
    }
    out
}

fn cell(t: &Tally, required: bool) -> String {
    let mut parts = Vec::new();
    if t.errors > 0 {
        parts.push(format!("❌ {} error(s)", t.errors));
    }
    if t.warnings > 0 {
        parts.push(format!("⚠️ {} warning(s)", t.warnings));
    }
    let mut s = if parts.is_empty() { "✅".to_string() } else { parts.join(", ") };
    if !required {
        s.push_str(" *(not required)*");
    }
    s
}

/// Text that stays text in a Markdown table cell.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
