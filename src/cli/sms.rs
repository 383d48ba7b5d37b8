//! The SMS cost `tradui status` reports: each leaflet's short version (title and facts,
//! and the page's address with `base_url`) in each language, counted in segments.

use super::Out;
use crate::lang::Lang;
use crate::project::Project;
use crate::status::Report;
use crate::status::sms::{Sms, segments};
use serde::Serialize;

/// One leaflet's short version in one language, and its cost.
#[derive(Debug, Serialize)]
pub struct SmsRow {
    pub leaflet: String,
    pub lang: String,
    #[serde(flatten)]
    pub sms: Sms,
    /// The text counted.
    pub text: String,
}

/// The rows for `langs` (the source language first when asked for), leaflet by leaflet.
pub fn rows(project: &Project, report: &Report, langs: &[Lang]) -> Vec<SmsRow> {
    let mut out = Vec::new();
    let all =
        std::iter::once(&project.config.source).chain(langs.iter().filter(|l| **l != project.config.source));
    let all: Vec<&Lang> = all.collect();
    for leaflet in &project.leaflets {
        for lang in &all {
            let cell = report.cell(&leaflet.slug, lang);
            let (doc, _) = crate::localize::localize(project, leaflet, lang, cell);
            let text = crate::render::text::short_text(&doc, true, project.config.base_url.as_deref());
            let text = text.trim_end().to_string();
            out.push(SmsRow {
                leaflet: leaflet.slug.clone(),
                lang: lang.to_string(),
                sms: segments(&text),
                text,
            });
        }
    }
    out
}

/// The table under the coverage table.
pub fn text(rows: &[SmsRow], out: &mut Out) {
    if rows.is_empty() {
        return;
    }
    let width = rows.iter().map(|r| r.leaflet.chars().count()).max().unwrap_or(0).max(7);
    out.line("");
    out.line("SMS: the short version (title and facts) as one text message");
    out.line(format!(
        "{:<width$}  {:<8}  {:>8}  {:<8}  {:>5}",
        "LEAFLET", "LANG", "SEGMENTS", "ENCODING", "CHARS"
    ));
    for r in rows {
        let why = r
            .sms
            .ucs2_because
            .map(|c| format!("  ('{c}' U+{:04X} is not in GSM-7)", c as u32))
            .unwrap_or_default();
        out.line(format!(
            "{:<width$}  {:<8}  {:>8}  {:<8}  {:>5}{why}",
            r.leaflet,
            r.lang,
            r.sms.segments,
            r.sms.encoding.as_str(),
            r.sms.units
        ));
    }
}
