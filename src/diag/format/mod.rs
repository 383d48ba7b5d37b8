//! The output formats of every reporting command, each a view of the same list of
//! diagnostics and the same [`Context`]: one module per format (`text`, `json`, `github`,
//! `sarif`, `junit`, `gitlab`, `markdown`), all reading kind names from [`Kind::ALL`](super::Kind::ALL).

pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod summary;
pub mod text;

use super::Diagnostic;
use std::collections::HashMap;

pub use summary::Summary;

/// The formats `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per problem with file:line:col (the default).
    Text,
    /// One JSON object: `{"problems": [...], "summary": {...}}`.
    Json,
    /// GitHub Actions annotations, a closing notice with totals, and the step summary.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML, for GitLab's merge-request test report and Jenkins.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// A Markdown table, leaflet x language, for a pull-request comment.
    Markdown,
}

/// One leaflet as the formats show it.
#[derive(Debug, Clone, Default)]
pub struct LeafletInfo {
    pub slug: String,
    /// Its source file, relative to the project.
    pub file: String,
    /// The languages its errors fail in (its front matter's `required`, else the project's).
    pub required: Vec<String>,
}

/// What a format needs to know of the project beside the problems.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The command that reports (`check`, `sync`...).
    pub command: String,
    pub source: String,
    /// The translation languages, in tradui.toml's order.
    pub languages: Vec<String>,
    /// The project's required languages.
    pub required: Vec<String>,
    pub leaflets: Vec<LeafletInfo>,
    /// The project folder relative to the repository root, with `/` and a trailing `/`
    /// (empty when the project is the repository): SARIF, GitHub and GitLab want paths
    /// from the repository root.
    pub repo_prefix: String,
}

impl Context {
    /// Whether an error fails the command: in the source, outside any language, or in a
    /// language required for its leaflet.
    pub fn counts_against(&self, d: &Diagnostic) -> bool {
        let Some(lang) = d.lang.as_deref() else { return true };
        if lang == self.source {
            return true;
        }
        let leaflet = d.leaflet.as_deref().and_then(|s| self.leaflets.iter().find(|l| l.slug == s));
        let required = leaflet.map_or(&self.required, |l| &l.required);
        required.iter().any(|r| r == lang)
    }

    /// A project path as a path from the repository root.
    pub fn repo_path(&self, file: &str) -> String {
        format!("{}{file}", self.repo_prefix)
    }
}

/// The problems to show, sorted, with their context and totals.
pub struct Report<'a> {
    pub problems: Vec<&'a Diagnostic>,
    pub context: &'a Context,
    pub summary: Summary,
}

impl<'a> Report<'a> {
    pub fn new(problems: Vec<&'a Diagnostic>, context: &'a Context) -> Report<'a> {
        let summary = Summary::new(&problems, context);
        Report { problems, context, summary }
    }

    /// Whether a problem fails the command (an error that counts against it).
    pub fn failing(&self, d: &Diagnostic) -> bool {
        d.is_error() && self.context.counts_against(d)
    }
}

/// The document a non-text format prints for a report (text is printed line by line by
/// the command, with colour).
pub fn render(format: Format, report: &Report) -> String {
    match format {
        Format::Text => text::render(report),
        Format::Json => json::render(report),
        Format::Github => github::render(report),
        Format::Sarif => sarif::render(report),
        Format::Junit => junit::render(report),
        Format::Gitlab => gitlab::render(report),
        Format::Markdown => markdown::render(report),
    }
}

/// A fingerprint of a problem that does not change when unrelated lines move: a hash of
/// its kind, leaflet, language, message ID, file and message, never its line.
pub fn fingerprint(d: &Diagnostic) -> String {
    let mut h = blake3::Hasher::new();
    for part in [
        d.kind.as_str(),
        d.leaflet.as_deref().unwrap_or(""),
        d.lang.as_deref().unwrap_or(""),
        d.id.as_deref().unwrap_or(""),
        &d.file,
        &d.message,
    ] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().to_hex()[..32].to_string()
}

/// The fingerprints of a list, made unique: a second problem with the same fingerprint
/// gets `-2`, a third `-3`, in the list's order.
pub fn unique_fingerprints(problems: &[&Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    problems
        .iter()
        .map(|d| {
            let base = fingerprint(d);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        })
        .collect()
}

/// Message and hint as one text.
pub(crate) fn message_with_hint(d: &Diagnostic) -> String {
    match &d.hint {
        Some(h) => format!("{}\nhint: {h}", d.message),
        None => d.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Kind;

    #[test]
    fn fingerprints_ignore_the_line_and_are_made_unique() {
        let a = Diagnostic::error(Kind::Missing, "locales/es/x.ftl", "no translation").lang("es").at((3, 1));
        let b = a.clone().at((9, 1));
        assert_eq!(fingerprint(&a), fingerprint(&b));
        let ids = unique_fingerprints(&[&a, &b]);
        assert_eq!(ids[1], format!("{}-2", ids[0]));
        assert_ne!(fingerprint(&a), fingerprint(&a.clone().lang("ht")));
    }

    #[test]
    fn per_leaflet_required_languages_decide_what_fails() {
        let ctx = Context {
            source: "en".into(),
            required: vec!["es".into(), "ht".into()],
            leaflets: vec![LeafletInfo {
                slug: "note".into(),
                file: String::new(),
                required: vec!["es".into()],
            }],
            ..Context::default()
        };
        let d = |leaflet: &str, lang: &str| {
            Diagnostic::error(Kind::Missing, "f", "m").leaflet(leaflet).lang(lang)
        };
        assert!(ctx.counts_against(&d("note", "es")));
        assert!(!ctx.counts_against(&d("note", "ht")));
        assert!(ctx.counts_against(&d("other", "ht")));
        assert!(ctx.counts_against(&d("note", "en")));
    }
}
