//! The totals every format shows: errors, warnings and failing errors, overall, by
//! kind, by language and by leaflet (the JSON `summary`).

use super::Context;
use crate::diag::Diagnostic;
use serde::Serialize;
use std::collections::BTreeMap;

/// Errors, warnings and the errors that fail the command.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    /// Errors that fail the check (in the source or a required language).
    pub failing: usize,
}

impl Tally {
    fn add(&mut self, d: &Diagnostic, failing: bool) {
        if d.is_error() {
            self.errors += 1;
            self.failing += usize::from(failing);
        } else {
            self.warnings += 1;
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    /// Errors that fail the check (in the source or a required language).
    pub failing: usize,
    pub leaflets: usize,
    pub languages: Vec<String>,
    pub required: Vec<String>,
    /// Problems by kind.
    pub kinds: BTreeMap<&'static str, usize>,
    /// Totals by language (every translation language, and the source when it has problems).
    pub by_language: BTreeMap<String, Tally>,
    /// Totals by leaflet (every leaflet).
    pub by_leaflet: BTreeMap<String, Tally>,
    /// The problems that belong to no leaflet or no language (tradui.toml, stray files).
    pub unscoped: Tally,
}

impl Summary {
    pub fn new(problems: &[&Diagnostic], ctx: &Context) -> Summary {
        let mut total = Tally::default();
        let mut kinds = BTreeMap::new();
        let mut by_language: BTreeMap<String, Tally> =
            ctx.languages.iter().map(|l| (l.clone(), Tally::default())).collect();
        let mut by_leaflet: BTreeMap<String, Tally> =
            ctx.leaflets.iter().map(|l| (l.slug.clone(), Tally::default())).collect();
        let mut unscoped = Tally::default();
        for d in problems {
            let failing = d.is_error() && ctx.counts_against(d);
            total.add(d, failing);
            *kinds.entry(d.kind.as_str()).or_insert(0) += 1;
            if let Some(lang) = &d.lang {
                by_language.entry(lang.clone()).or_default().add(d, failing);
            }
            if let Some(slug) = &d.leaflet {
                by_leaflet.entry(slug.clone()).or_default().add(d, failing);
            }
            if d.lang.is_none() && d.leaflet.is_none() {
                unscoped.add(d, failing);
            }
        }
        Summary {
            errors: total.errors,
            warnings: total.warnings,
            failing: total.failing,
            leaflets: ctx.leaflets.len(),
            languages: ctx.languages.clone(),
            required: ctx.required.clone(),
            kinds,
            by_language,
            by_leaflet,
            unscoped,
        }
    }

    /// The tally of one leaflet in one language.
    pub fn cell(problems: &[&Diagnostic], ctx: &Context, slug: &str, lang: &str) -> Tally {
        let mut t = Tally::default();
        for d in problems {
            if d.leaflet.as_deref() == Some(slug) && d.lang.as_deref() == Some(lang) {
                t.add(d, ctx.counts_against(d));
            }
        }
        t
    }
}
