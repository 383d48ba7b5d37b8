//! The text format: `file:line:col: severity[kind]: message` with a hint on the next
//! line, and the closing verdict of `check`.

use super::Report;
use crate::diag::{Diagnostic, Severity};
use std::fmt;

/// Styles for the parts of a rendered diagnostic (all plain for `Display`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Styles {
    pub location: anstyle::Style,
    pub error: anstyle::Style,
    pub warning: anstyle::Style,
    pub hint: anstyle::Style,
}

impl Diagnostic {
    /// `file:line:col: severity[kind]: message`, then `  hint: ...` on the next line.
    pub fn render(&self, st: &Styles) -> String {
        let mut s = format!("{}{}", st.location.render(), self.file);
        if self.line > 0 {
            s.push_str(&format!(":{}:{}", self.line, self.column));
        }
        let (sev, label) = match self.severity {
            Severity::Error => (st.error, "error"),
            Severity::Warning => (st.warning, "warning"),
        };
        s.push_str(&format!(
            "{}: {}{label}[{}]{}: {}",
            st.location.render_reset(),
            sev.render(),
            self.kind.as_str(),
            sev.render_reset(),
            self.message
        ));
        if let Some(hint) = &self.hint {
            s.push_str(&format!("\n  {}hint{}: {hint}", st.hint.render(), st.hint.render_reset()));
        }
        s
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&Styles::default()))
    }
}

/// The closing line of `check`: passed or failed, with the totals.
pub fn verdict(report: &Report) -> String {
    let s = &report.summary;
    let verdict = if s.failing > 0 {
        format!("check failed: {} error(s) in required languages", s.failing)
    } else if s.errors > 0 {
        "check passed: the errors above are in languages that are not required".to_string()
    } else {
        "check passed".to_string()
    };
    format!(
        "{verdict} ({} error(s), {} warning(s); {} leaflet(s); required: {})",
        s.errors,
        s.warnings,
        s.leaflets,
        if s.required.is_empty() { "none".to_string() } else { s.required.join(", ") }
    )
}

/// Every problem without colour, one per line, then the verdict.
pub fn render(report: &Report) -> String {
    let mut s = String::new();
    for d in &report.problems {
        s.push_str(&d.to_string());
        s.push('\n');
    }
    s.push_str(&verdict(report));
    s.push('\n');
    s
}
