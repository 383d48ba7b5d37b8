//! `tradui status`: a coverage table, leaflet x language (current / stale / missing /
//! invalid, percentage by messages and by words, totals); with `--lang`, the list of
//! what a translator of that language has to do, with the source text of each item.

use super::{ExitStatus, Format, Out, select_langs};
use crate::diag::{Diagnostic, Fatal, Kind};
use crate::lang::Lang;
use crate::project::Project;
use crate::status::{self, Cell, Counts, Report};
use serde::Serialize;
use std::collections::BTreeMap;

pub fn run(project: &Project, format: Format, wanted: &[String], out: &mut Out) -> Result<ExitStatus, Fatal> {
    let langs = select_langs(project, wanted)?;
    let report = status::report(project);
    let cells: Vec<&Cell> = report.cells.iter().filter(|c| langs.contains(&c.lang)).collect();
    let todo_langs = if wanted.is_empty() { Vec::new() } else { langs.clone() };
    let memory = memory_counts(project, &report, &langs);
    let sms = super::sms::rows(project, &report, &langs);
    match format {
        Format::Text => {
            table(&cells, &langs, out);
            memory_text(&memory, out);
            super::sms::text(&sms, out);
            for lang in &todo_langs {
                todo_text(&report, lang, out);
            }
        }
        Format::Json => {
            let mut json = json(&report, &cells, &langs);
            json.memory = memory.iter().map(|(l, c)| (l.to_string(), *c)).collect();
            json.sms = sms;
            out.rendered = true;
            out.raw(&serde_json::to_string_pretty(&json).expect("status serialises"));
            out.raw("\n");
        }
        // The CI formats: the report's problems in the languages asked for, as `check`
        // shows them (without the font check, which `check` does).
        _ => report
            .diagnostics
            .iter()
            .filter(|d| d.lang.as_deref().is_none_or(|l| langs.iter().any(|x| x.as_str() == l)))
            .for_each(|d| out.problem(d)),
    }
    Ok(ExitStatus::Success)
}

fn table(cells: &[&Cell], langs: &[Lang], out: &mut Out) {
    let width = cells.iter().map(|c| c.leaflet.chars().count()).max().unwrap_or(0).max(7);
    out.line(format!(
        "{:<width$}  {:<7}  {:>8}  {:>6}  {:>5}  {:>7}  {:>7}  {:>6}",
        "LEAFLET", "LANG", "CURRENT", "WORDS", "STALE", "MISSING", "INVALID", "OBSOL."
    ));
    let row = |name: &str, lang: &str, c: &Counts| {
        format!(
            "{:<width$}  {:<7}  {:>7}%  {:>5}%  {:>5}  {:>7}  {:>7}  {:>6}",
            name,
            lang,
            c.percent(),
            c.percent_words(),
            c.stale,
            c.missing,
            c.invalid,
            c.obsolete
        )
    };
    for c in cells {
        let lang = if c.required { c.lang.to_string() } else { format!("{}*", c.lang) };
        out.line(row(&c.leaflet, &lang, &c.counts()));
    }
    for lang in langs {
        let mut total = Counts::default();
        cells.iter().filter(|c| &c.lang == lang).for_each(|c| total.add(&c.counts()));
        out.line(row("TOTAL", lang.as_str(), &total));
    }
    if cells.iter().any(|c| !c.required) {
        out.line("* not required: its errors do not fail `tradui check`");
    }
}

/// The items a translator of `lang` has to do, in file order.
fn todo_items<'r>(report: &'r Report, lang: &Lang) -> Vec<&'r Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.lang.as_deref() == Some(lang.as_str()))
        .filter(|d| {
            d.is_error()
                && matches!(
                    d.kind,
                    Kind::Missing | Kind::Stale | Kind::NoRecord | Kind::Invalid | Kind::UnsafeLink
                )
        })
        .collect()
}

fn todo_text(report: &Report, lang: &Lang, out: &mut Out) {
    let items = todo_items(report, lang);
    let words: usize =
        items.iter().filter_map(|d| d.source.as_ref()).map(|s| s.split_whitespace().count()).sum();
    out.line("");
    if items.is_empty() {
        out.line(format!(
            "Nothing to do for {lang} ({}): every leaflet is translated and current.",
            lang.native_name()
        ));
        return;
    }
    out.line(format!(
        "To do for {lang} ({}): {} item(s), {words} word(s) of source text",
        lang.native_name(),
        items.len()
    ));
    for d in items {
        let place = if d.line > 0 { format!("{}:{}:{}", d.file, d.line, d.column) } else { d.file.clone() };
        let id = d.id.as_deref().unwrap_or("-");
        out.line(format!("  {place}  {}  {id}", d.kind.as_str()));
        match &d.source {
            Some(s) => out.line(format!("      {s}")),
            None => out.line(format!("      {}", d.message)),
        }
    }
}

#[derive(Serialize)]
struct Json<'a> {
    leaflets: Vec<JsonCell<'a>>,
    totals: BTreeMap<String, JsonCounts>,
    /// For each language asked for with --lang: what is left to do.
    todo: BTreeMap<String, Vec<&'a Diagnostic>>,
    /// For each language: missing units `sync` can fill from translation memory.
    memory: BTreeMap<String, MemoryCounts>,
    /// Each leaflet's short version per language: SMS segments and encoding.
    sms: Vec<super::sms::SmsRow>,
}

/// Missing units translation memory can fill: exact matches, near ones (for review).
#[derive(Debug, Clone, Copy, Serialize)]
struct MemoryCounts {
    exact: usize,
    near: usize,
}

fn memory_counts(project: &Project, report: &Report, langs: &[Lang]) -> Vec<(Lang, MemoryCounts)> {
    langs
        .iter()
        .map(|l| {
            let missing = report.cells.iter().any(|c| &c.lang == l && c.counts().missing > 0);
            let (exact, near) = if missing {
                crate::sync::memory::fillable(
                    project,
                    report,
                    l,
                    &crate::sync::memory::Memory::of_language(project, l),
                )
            } else {
                (0, 0)
            };
            (l.clone(), MemoryCounts { exact, near })
        })
        .collect()
}

fn memory_text(memory: &[(Lang, MemoryCounts)], out: &mut Out) {
    for (lang, c) in memory.iter().filter(|(_, c)| c.exact + c.near > 0) {
        out.line(format!(
            "Translation memory: `tradui sync {lang}` can fill {} missing unit(s) in {lang}: {} exact, {} near (marked for review)",
            c.exact + c.near,
            c.exact,
            c.near
        ));
    }
}

#[derive(Serialize)]
struct JsonCell<'a> {
    leaflet: &'a str,
    lang: &'a Lang,
    required: bool,
    file: &'a str,
    #[serde(flatten)]
    counts: JsonCounts,
}

#[derive(Serialize)]
struct JsonCounts {
    #[serde(flatten)]
    counts: Counts,
    percent: u32,
    percent_words: u32,
}

impl From<Counts> for JsonCounts {
    fn from(counts: Counts) -> Self {
        JsonCounts { counts, percent: counts.percent(), percent_words: counts.percent_words() }
    }
}

fn json<'a>(report: &'a Report, cells: &[&'a Cell], langs: &[Lang]) -> Json<'a> {
    let leaflets = cells
        .iter()
        .map(|c| JsonCell {
            leaflet: &c.leaflet,
            lang: &c.lang,
            required: c.required,
            file: &c.file,
            counts: c.counts().into(),
        })
        .collect();
    let mut totals = BTreeMap::new();
    for lang in langs {
        let mut t = Counts::default();
        cells.iter().filter(|c| &c.lang == lang).for_each(|c| t.add(&c.counts()));
        totals.insert(lang.to_string(), t.into());
    }
    let todo = langs.iter().map(|l| (l.to_string(), todo_items(report, l))).collect();
    Json { leaflets, totals, todo, memory: BTreeMap::new(), sms: Vec::new() }
}
