//! The status engine: a pure function from (source units, catalogs) to a [`Report`] of
//! every unit's state in every language and every problem found. `check`, `status`,
//! `sync` and `build` all read it; none of them needs an earlier command to have run.

pub mod links;
pub mod matching;
pub mod references;
pub mod expiry;

pub use expiry::expired;
pub mod values;
pub mod sms;

use crate::catalog::{Catalog, Message};
use crate::diag::{Diagnostic, Kind, Severity};
use crate::lang::Lang;
use crate::project::Project;
use crate::source::{Leaflet, Ref, Unit};
use matching::{How, Matching};
use pulldown_cmark::{Event, Parser, Tag};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A unit's state in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Current,
    Stale,
    Missing,
    Invalid,
}

/// One unit in one language.
#[derive(Debug, Clone, Serialize)]
pub struct UnitState {
    pub id: String,
    pub state: State,
    pub words: usize,
    /// Today's source text.
    pub source: String,
    /// The ID of the message that translates it (it may differ from the unit's ID when
    /// the unit moved or was renamed).
    pub message: Option<String>,
}

/// One leaflet in one translation language.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub leaflet: String,
    pub lang: Lang,
    pub required: bool,
    /// The translation file (it may not exist yet).
    pub file: String,
    pub units: Vec<UnitState>,
    /// IDs of messages whose unit no longer exists.
    pub obsolete: Vec<String>,
}

/// Counts of a cell or of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub current: usize,
    pub stale: usize,
    pub missing: usize,
    pub invalid: usize,
    pub obsolete: usize,
    pub words: usize,
    pub words_current: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.total += o.total;
        self.current += o.current;
        self.stale += o.stale;
        self.missing += o.missing;
        self.invalid += o.invalid;
        self.obsolete += o.obsolete;
        self.words += o.words;
        self.words_current += o.words_current;
    }

    /// Percentage of messages that are current, rounded down (100 when there are none).
    pub fn percent(&self) -> u32 {
        percent(self.current, self.total)
    }

    pub fn percent_words(&self) -> u32 {
        percent(self.words_current, self.words)
    }
}

fn percent(part: usize, whole: usize) -> u32 {
    (part * 100).checked_div(whole).map_or(100, |p| p as u32)
}

impl Cell {
    pub fn counts(&self) -> Counts {
        let mut c = Counts { obsolete: self.obsolete.len(), ..Counts::default() };
        for u in &self.units {
            c.total += 1;
            c.words += u.words;
            match u.state {
                State::Current => {
                    c.current += 1;
                    c.words_current += u.words;
                }
                State::Stale => c.stale += 1,
                State::Missing => c.missing += 1,
                State::Invalid => c.invalid += 1,
            }
        }
        c
    }

    pub fn state(&self, id: &str) -> Option<State> {
        self.units.iter().find(|u| u.id == id).map(|u| u.state)
    }
}

/// Every unit's state in every language, and every problem.
#[derive(Debug, Clone)]
pub struct Report {
    /// Leaflet x translation language, leaflets sorted by slug, languages in config order.
    pub cells: Vec<Cell>,
    /// Sorted by file, line, column.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn cell(&self, slug: &str, lang: &Lang) -> Option<&Cell> {
        // Cells are in leaflet order, which is by slug (see `report`).
        let start = self.cells.partition_point(|c| c.leaflet.as_str() < slug);
        self.cells[start..].iter().take_while(|c| c.leaflet == slug).find(|c| &c.lang == lang)
    }

    /// Does the report fail `check`: an error outside any language (source, config) or in
    /// a required language?
    pub fn fails(&self, project: &Project) -> bool {
        self.diagnostics.iter().any(|d| d.is_error() && counts_against(d, project))
    }
}

/// An error counts against `check` unless it belongs to a language that is not required.
pub fn counts_against(d: &Diagnostic, project: &Project) -> bool {
    match d.lang.as_deref().map(Lang::parse) {
        Some(Ok(lang)) => lang == project.config.source || project.is_required(d.leaflet.as_deref(), &lang),
        _ => true,
    }
}

/// Computes the report for the whole project.
pub fn report(project: &Project) -> Report {
    let mut diagnostics = project.diagnostics.clone();
    source_terms(project, &mut diagnostics);
    literal_values(project, &mut diagnostics);
    diagnostics
        .extend(project.leaflets.iter().flat_map(|l| crate::status::references::check_source(project, l)));
    let pairs: Vec<(&Leaflet, &Lang)> = project
        .leaflets
        .iter()
        .flat_map(|l| project.config.languages.iter().map(move |lang| (l, lang)))
        .collect();
    use rayon::prelude::*;
    let results: Vec<(Cell, Vec<Diagnostic>)> =
        pairs.par_iter().map(|(l, lang)| leaflet_status(project, l, lang)).collect();
    let mut cells = Vec::with_capacity(results.len());
    for (cell, diags) in results {
        cells.push(cell);
        diagnostics.extend(diags);
    }
    for (lang, terms) in &project.terms {
        diagnostics.extend(terms.errors.iter().cloned().map(|d| d.lang(lang.as_str())));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
    debug_assert!(cells.is_sorted_by(|a, b| a.leaflet <= b.leaflet), "Project::load sorts leaflets by slug");
    Report { cells, diagnostics }
}

/// Terms the source uses must be defined in the source language's glossary.
fn source_terms(project: &Project, diags: &mut Vec<Diagnostic>) {
    let source = &project.config.source;
    let defined: HashSet<&str> =
        project.terms.get(source).map(|t| t.terms.iter().map(String::as_str).collect()).unwrap_or_default();
    for l in &project.leaflets {
        for u in &l.units {
            for r in &u.refs {
                if let Ref::Term(t) = r
                    && !defined.contains(t.as_str())
                {
                    diags.push(
                            Diagnostic::error(Kind::Source, &l.file, format!("`{r}` is not defined in locales/{source}/terms.ftl"))
                                .at((u.line, u.column))
                                .leaflet(&l.slug)
                                .id(&u.id)
                                .hint(format!("add `-{t} = ...` to locales/{source}/terms.ftl (and to each language's terms.ftl)")),
                        );
                }
            }
        }
    }
}

fn leaflet_status(project: &Project, leaflet: &Leaflet, lang: &Lang) -> (Cell, Vec<Diagnostic>) {
    let file = Project::catalog_file(lang, &leaflet.slug);
    let catalog = project.catalog(lang, &leaflet.slug);
    let terms = project.terms.get(lang);
    let mut ctx = Ctx { project, leaflet, lang, file: &file, diags: Vec::new() };
    let junk_ids = catalog.map(Catalog::junk_ids).unwrap_or_default();
    let matching = match catalog {
        Some(c) => matching::pair(leaflet, c, &junk_ids),
        None => Matching { units: vec![None; leaflet.units.len()], unpaired: Vec::new() },
    };
    let mut obsolete = Vec::new();
    let paired = matching.units.iter().flatten().filter_map(|p| catalog.map(|c| &c.messages[p.message]));
    let unrenderable = crate::status::references::check_translations(catalog, terms, paired);
    let unrenderable_ids: HashSet<String> = unrenderable.iter().filter_map(|d| d.id.clone()).collect();
    ctx.diags.extend(unrenderable);
    if let Some(c) = catalog {
        ctx.diags.extend(c.errors.iter().cloned());
        ctx.duplicates(c);
        obsolete = ctx.obsolete(c, &matching.unpaired);
    }
    let mut units = Vec::with_capacity(leaflet.units.len());
    for (unit, pair) in leaflet.units.iter().zip(&matching.units) {
        let (state, message) = match (pair, catalog) {
            (Some(p), Some(c)) if unrenderable_ids.contains(&c.messages[p.message].id) => {
                (State::Invalid, Some(c.messages[p.message].id.clone()))
            }
            (Some(p), Some(c)) => {
                let m = &c.messages[p.message];
                (ctx.translated(unit, m, p.how, c, terms), Some(m.id.clone()))
            }
            _ if junk_ids.contains(unit.id.as_str()) => (State::Invalid, None),
            _ => {
                ctx.missing(unit, catalog);
                (State::Missing, None)
            }
        };
        units.push(UnitState {
            id: unit.id.clone(),
            state,
            words: unit.words(),
            source: unit.text.clone(),
            message,
        });
    }
    let required = project.is_required(Some(&leaflet.slug), lang);
    let diags = ctx
        .diags
        .into_iter()
        .map(|d| {
            let d = if d.leaflet.is_none() { d.leaflet(&leaflet.slug) } else { d };
            if d.lang.is_none() { d.lang(lang.as_str()) } else { d }
        })
        .collect();
    (Cell { leaflet: leaflet.slug.clone(), lang: lang.clone(), required, file, units, obsolete }, diags)
}

struct Ctx<'a> {
    project: &'a Project,
    leaflet: &'a Leaflet,
    lang: &'a Lang,
    file: &'a str,
    diags: Vec<Diagnostic>,
}

/// A source edit this small (a typo, a comma) may need no new translation.
const MINOR_EDIT: f64 = 0.9;

impl Ctx<'_> {
    fn source_name(&self) -> String {
        self.project.config.source.to_string()
    }

    fn at(&self, m: &Message, kind: Kind, severity: Severity, message: String) -> Diagnostic {
        Diagnostic::new(kind, severity, self.file, message).at((m.line, m.column)).id(&m.id)
    }

    fn missing(&mut self, unit: &Unit, catalog: Option<&Catalog>) {
        let lang = self.lang;
        let hint = match catalog.and_then(|c| c.stubs.get(&unit.id)) {
            Some((line, _)) => format!(
                "translate the stub at {}:{line}: delete the `# ` before `{} =` and write the translation after `=`",
                self.file, unit.id
            ),
            None => format!(
                "translate it in {}; `tradui sync {lang}` adds a stub with the source text",
                self.file
            ),
        };
        self.diags.push(
            Diagnostic::error(
                Kind::Missing,
                &self.leaflet.file,
                format!("no {lang} translation of `{}`: \"{}\"", unit.id, unit.text),
            )
            .at((unit.line, unit.column))
            .id(&unit.id)
            .source(&unit.text)
            .hint(hint),
        );
    }

    fn duplicates(&mut self, c: &Catalog) {
        let mut seen = HashSet::new();
        for m in &c.messages {
            if !seen.insert(m.id.as_str()) {
                let d = self
                    .at(
                        m,
                        Kind::Invalid,
                        Severity::Error,
                        format!("`{}` is defined twice; only the last one is used", m.id),
                    )
                    .hint("delete one of the two messages");
                self.diags.push(d);
            }
        }
    }

    /// Messages that translate no unit of the leaflet.
    fn obsolete(&mut self, c: &Catalog, unpaired: &[usize]) -> Vec<String> {
        // A source with an error may have lost units: its translations are not obsolete.
        if !self.project.leaflet_ok(&self.leaflet.slug) {
            return Vec::new();
        }
        let kept = c.obsolete_section_ids();
        let mut obsolete = Vec::new();
        for &i in unpaired {
            let m = &c.messages[i];
            obsolete.push(m.id.clone());
            let hint = if kept.contains(m.id.as_str()) {
                "it is kept under \"Obsolete\" at the end of the file; `tradui sync --prune` deletes it (git history keeps it)".to_string()
            } else {
                format!("`tradui sync {}` moves it under \"Obsolete\" at the end of the file", self.lang)
            };
            let d = self
                .at(
                    m,
                    Kind::Obsolete,
                    Severity::Warning,
                    format!("`{}` matches no text of {} any more", m.id, self.leaflet.file),
                )
                .hint(hint);
            self.diags.push(d);
        }
        obsolete
    }

    fn translated(
        &mut self,
        unit: &Unit,
        m: &Message,
        how: How,
        catalog: &Catalog,
        terms: Option<&Catalog>,
    ) -> State {
        let Some(value) = &m.value else {
            let d = self
                .at(m, Kind::Invalid, Severity::Error, format!("`{}` has no text", m.id))
                .hint("write the translation after `=`");
            self.diags.push(d);
            return State::Invalid;
        };
        let mut invalid = self.check_refs(unit, m, catalog, terms);
        invalid |= !invalid && self.check_variants(unit, m);
        invalid |= self.check_links(m, value);
        invalid |= self.check_functions(m, value);
        self.check_plurals(m);
        if invalid {
            return State::Invalid;
        }
        // A value the translation does not keep is never published; the text may be
        // stale as well, which is reported too (its diff shows the changed value).
        let mismatch = self.check_values(unit, m, value);
        self.check_markup(unit, m, value);
        self.untranslated(unit, m, value);
        let state = self.record_state(unit, m, how);
        if mismatch { State::Invalid } else { state }
    }

    /// Current or stale, from the message's record and review marker.
    fn record_state(&mut self, unit: &Unit, m: &Message, how: How) -> State {
        let Some(record) = &m.record else {
            self.no_record(unit, m);
            return State::Stale;
        };
        // Records and unit texts are both whitespace-normalised when parsed.
        if m.review || *record != unit.text {
            self.stale(unit, m, how, record);
            return State::Stale;
        }
        if how == How::Moved {
            let d = self
                .at(
                    m,
                    Kind::Moved,
                    Severity::Warning,
                    format!("`{}` is translated here under its old ID `{}` (the text moved)", unit.id, m.id),
                )
                .source(&unit.text)
                .hint(format!(
                    "nothing to translate: `tradui sync {}` renames the message to `{}`",
                    self.lang, unit.id
                ));
            self.diags.push(d);
        }
        State::Current
    }

    fn untranslated(&mut self, unit: &Unit, m: &Message, value: &str) {
        let copy =
            if unit.text.contains(['{', '}']) { value == unit.fluent_pattern() } else { value == unit.text };
        if copy && looks_like_prose(&unit.text) {
            let d = self
                .at(
                    m,
                    Kind::Untranslated,
                    Severity::Warning,
                    format!("`{}` is a copy of the {} text", m.id, self.source_name()),
                )
                .hint("translate it, or keep it if the text is the same in this language (a name, a number)");
            self.diags.push(d);
        }
    }

    /// Fail closed: without a record nobody can show the translation is current.
    fn no_record(&mut self, unit: &Unit, m: &Message) {
        let (source, lang) = (self.source_name(), self.lang);
        let d = self
            .at(
                m,
                Kind::NoRecord,
                Severity::Error,
                format!("`{}` has no `# {source}:` record of the text it was translated from, so it cannot count as current (a tool may have rewritten the file without its comments)", m.id),
            )
            .source(&unit.text)
            .hint(format!(
                "compare the translation with today's text: \"{}\". If it is right, put `# {source}: {}` on the line above it; `tradui sync {lang}` writes that line with a REVIEW line to delete once you have checked",
                unit.text, unit.text
            ));
        self.diags.push(d);
    }

    fn stale(&mut self, unit: &Unit, m: &Message, how: How, record: &str) {
        let source = self.source_name();
        // The text the translation was last confirmed for.
        let confirmed = m.was.as_deref().filter(|_| m.review).unwrap_or(record);
        let change = if confirmed == unit.text {
            String::new()
        } else {
            format!("; change: {}", matching::word_diff(confirmed, &unit.text))
        };
        let why = match how {
            How::Renamed => format!(
                "`{}` is the translation of `{}` (renamed or moved and edited), made from an older {source} text{change}",
                m.id, unit.id
            ),
            _ if confirmed == unit.text => format!("`{}` is marked for review", m.id),
            _ => format!("`{}` was translated from an older {source} text{change}", m.id),
        };
        let mut hint = format!(
            "update the translation to today's text, then set its `# {source}:` line to it and delete any REVIEW line: \"{}\"",
            unit.text
        );
        // Keeping the translation of an edit that changes a number, a link or a placeable
        // would keep a wrong value: no such hint then.
        if confirmed != unit.text
            && matching::similarity(confirmed, &unit.text) >= MINOR_EDIT
            && !values::edit_touches_values(confirmed, &unit.text)
        {
            hint.push_str(&format!(
                ". If the edit does not change the meaning (a typo), `tradui sync --accept-source {}:{}` keeps the translation as it is",
                self.leaflet.slug, unit.id
            ));
        }
        let d = self.at(m, Kind::Stale, Severity::Error, why).source(&unit.text).hint(hint);
        self.diags.push(d);
    }

    /// Placeables must match the source: no `$variable` or `-term` dropped, added or
    /// misspelt; terms must exist in the language's glossary.
    fn check_refs(&mut self, unit: &Unit, m: &Message, catalog: &Catalog, terms: Option<&Catalog>) -> bool {
        if self.misspelt_ref(unit, m) {
            return true;
        }
        let added = self.added_refs(unit, m, catalog, terms);
        let dropped = self.dropped_refs(unit, m);
        let unknown = self.unknown_terms(m, catalog, terms);
        added || dropped || unknown
    }

    /// One placeable added and one of the same kind dropped: a misspelling.
    fn misspelt_ref(&mut self, unit: &Unit, m: &Message) -> bool {
        let added: Vec<&Ref> = m.refs.difference(&unit.refs).collect();
        let dropped: Vec<&Ref> = unit.refs.difference(&m.refs).collect();
        let (([a @ Ref::Var(_)], [d @ Ref::Var(_)]) | ([a @ Ref::Term(_)], [d @ Ref::Term(_)])) =
            (&added[..], &dropped[..])
        else {
            return false;
        };
        let diag = self
            .at(
                m,
                Kind::Invalid,
                Severity::Error,
                format!("`{}` uses `{a}` where the source text has `{d}`", m.id),
            )
            .hint(format!("a misspelling? write `{d}` exactly as in the source"));
        self.diags.push(diag);
        true
    }

    /// Placeables the translation adds: a term the glossary has and a message that
    /// exists are fine.
    fn added_refs(&mut self, unit: &Unit, m: &Message, catalog: &Catalog, terms: Option<&Catalog>) -> bool {
        let mut invalid = false;
        for r in m.refs.difference(&unit.refs) {
            let (what, hint) = match r {
                Ref::Term(t) if term_known(t, catalog, terms) => continue,
                Ref::Var(_) | Ref::Term(_) => (
                    format!("uses `{r}`, which the source text does not have"),
                    format!("check the spelling against the source: \"{}\"", unit.text),
                ),
                Ref::Message(id) if catalog.message(id).is_some() => continue,
                Ref::Message(_) => (
                    format!("refers to message `{r}`, which does not exist"),
                    "a variable is written { $name } and a term { -name }".to_string(),
                ),
            };
            let d = self.at(m, Kind::Invalid, Severity::Error, format!("`{}` {what}", m.id)).hint(hint);
            self.diags.push(d);
            invalid = true;
        }
        invalid
    }

    /// Placeables of the source the translation drops (a variable it selects on counts
    /// as kept).
    fn dropped_refs(&mut self, unit: &Unit, m: &Message) -> bool {
        let selectors: BTreeSet<&str> = m.selects.iter().filter_map(|s| s.var.as_deref()).collect();
        let mut invalid = false;
        for r in unit.refs.difference(&m.refs) {
            if matches!(r, Ref::Var(v) if selectors.contains(v.as_str())) {
                continue;
            }
            let d = self
                .at(
                    m,
                    Kind::Invalid,
                    Severity::Error,
                    format!("`{}` drops `{r}`, which the source text has", m.id),
                )
                .hint(format!("write `{r}` where it belongs in the translation, exactly as in the source"));
            self.diags.push(d);
            invalid = true;
        }
        invalid
    }

    /// Terms the translation uses that its glossary does not define.
    fn unknown_terms(&mut self, m: &Message, catalog: &Catalog, terms: Option<&Catalog>) -> bool {
        let mut invalid = false;
        for r in m.refs.iter() {
            let Ref::Term(t) = r else { continue };
            if term_known(t, catalog, terms) {
                continue;
            }
            let lang = self.lang;
            let d = self
                .at(
                    m,
                    Kind::Invalid,
                    Severity::Error,
                    format!("`{}` uses `{r}`, which locales/{lang}/terms.ftl does not define", m.id),
                )
                .hint(format!("add `-{t} = ...` to locales/{lang}/terms.ftl"));
            self.diags.push(d);
            invalid = true;
        }
        invalid
    }

    /// Every number, time, phone number, link and e-mail address of the source must be
    /// in the translation, unless a `# tradui: values-ok` line confirms it.
    fn check_values(&mut self, unit: &Unit, m: &Message, value: &str) -> bool {
        let source = values::source_values(&unit.text);
        if source.is_empty() {
            return false;
        }
        let confirmed = m.values_ok.as_deref().map(values::values).unwrap_or_default();
        let found = values::compare(&source, &values::translation_values(value), &confirmed);
        let src = self.source_name();
        for miss in &found {
            let (what, was) = (miss.source.shape.name(), &miss.source.text);
            let message = match &miss.instead {
                Some(t) => format!("`{}` has `{}` where the {src} text has the {what} `{was}`", m.id, t.text),
                None => format!("`{}` drops the {what} `{was}`, which the {src} text has", m.id),
            };
            let all: Vec<&str> = source.iter().map(|v| v.text.as_str()).collect();
            let d = self.at(m, Kind::Mismatch, Severity::Error, message).source(&unit.text).hint(format!(
                "write `{was}` as the {src} text does (in this language's digits and format if you like); if the translation is right as it is (the number in words), confirm it with the line `# {} {}` above the message",
                values::CONFIRM,
                all.join(" ")
            ));
            self.diags.push(d);
        }
        !found.is_empty()
    }

    /// Emphasis, links and inline code of the source that the translation drops.
    fn check_markup(&mut self, unit: &Unit, m: &Message, value: &str) {
        let source = markup_counts(&unit.text);
        if source.iter().all(|&n| n == 0) {
            return;
        }
        let translation = markup_counts(&values::fluent_text(value));
        const NAMES: [&str; 4] = ["**bold**", "*emphasis*", "link", "`code`"];
        for ((name, s), t) in NAMES.iter().zip(source).zip(translation) {
            if t < s {
                let d = self
                    .at(
                        m,
                        Kind::Markup,
                        Severity::Warning,
                        format!("`{}` has {t} {name} where the {} text has {s}", m.id, self.source_name()),
                    )
                    .source(&unit.text)
                    .hint(format!("keep the markup of the source around the same words: \"{}\"", unit.text));
                self.diags.push(d);
            }
        }
    }

    /// Each variant of a select must keep the source's placeables (but the number it
    /// selects on, which a form like "one shift" may leave out).
    fn check_variants(&mut self, unit: &Unit, m: &Message) -> bool {
        let mut bad = false;
        for s in &m.selects {
            for (key, own) in s.keys.iter().zip(&s.variant_refs) {
                let outside: BTreeSet<&Ref> = m
                    .refs
                    .iter()
                    .filter(|r| !s.variant_refs.iter().any(|v| v.contains(*r)) || own.contains(*r))
                    .collect();
                for r in &unit.refs {
                    let is_selector = matches!(r, Ref::Var(v) if s.var.as_deref() == Some(v.as_str()));
                    if !is_selector && !outside.contains(r) {
                        let d = self
                            .at(
                                m,
                                Kind::Invalid,
                                Severity::Error,
                                format!("`{}`: the [{key}] variant drops `{r}`", m.id),
                            )
                            .hint(format!("write `{r}` in every variant, exactly as in the source"));
                        self.diags.push(d);
                        bad = true;
                    }
                }
            }
        }
        bad
    }

    /// Functions must be ones tradui formats, with options it knows: anything else would
    /// reach the page as `{FUNCTION()}`.
    fn check_functions(&mut self, m: &Message, value: &str) -> bool {
        if !value.contains('(') {
            return false;
        }
        let vars = self.leaflet.variables_for(self.lang.as_str());
        let found = crate::source::functions::problems(value, &vars);
        for (message, hint) in &found {
            let d = self
                .at(m, Kind::Invalid, Severity::Error, format!("`{}` {message}", m.id))
                .hint(hint.clone());
            self.diags.push(d);
        }
        !found.is_empty()
    }

    /// Links a translation adds must be safe to publish.
    fn check_links(&mut self, m: &Message, value: &str) -> bool {
        let mut bad = false;
        if !value.contains("](") && !value.contains('<') && !value.contains("]:") {
            return false;
        }
        for event in Parser::new(value) {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event
                && !crate::status::links::safe_url(&dest_url)
            {
                let d = self
                    .at(
                        m,
                        Kind::UnsafeLink,
                        Severity::Error,
                        format!("`{}` links to `{dest_url}`, which tradui will not publish", m.id),
                    )
                    .hint("links may use https:, http:, mailto: or tel:, or point inside the site");
                self.diags.push(d);
                bad = true;
            }
        }
        bad
    }

    /// A select on plural categories must use the language's CLDR categories.
    fn check_plurals(&mut self, m: &Message) {
        const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
        for s in &m.selects {
            let idents: Vec<&str> =
                s.keys.iter().map(String::as_str).filter(|k| k.parse::<f64>().is_err()).collect();
            if idents.is_empty() || !idents.iter().all(|k| CATEGORIES.contains(k)) {
                continue;
            }
            let cats = self.lang.plural_categories();
            let name = self.lang.native_name();
            for k in &idents {
                if !cats.contains(k) {
                    let d = self
                        .at(
                            m,
                            Kind::Plural,
                            Severity::Warning,
                            format!(
                                "`{}`: {name} ({}) has no `{k}` plural form; that variant is never used",
                                m.id, self.lang
                            ),
                        )
                        .hint(format!("{} uses: {}", self.lang, cats.join(", ")));
                    self.diags.push(d);
                }
            }
            let absent: Vec<&str> = cats.iter().copied().filter(|c| !idents.contains(c)).collect();
            if !absent.is_empty() {
                let d = self
                    .at(
                        m,
                        Kind::Plural,
                        Severity::Warning,
                        format!(
                            "`{}`: no variant for the {} plural form(s) {}",
                            m.id,
                            self.lang,
                            absent.join(", ")
                        ),
                    )
                    .hint("add the variants, or make sure the default variant reads well for those numbers");
                self.diags.push(d);
            }
        }
    }
}

fn term_known(t: &str, catalog: &Catalog, terms: Option<&Catalog>) -> bool {
    terms.is_some_and(|c| c.terms.iter().any(|x| x == t)) || catalog.terms.iter().any(|x| x == t)
}

/// How many strong, emphasis, link and code spans a Markdown text has.
fn markup_counts(text: &str) -> [usize; 4] {
    let mut n = [0; 4];
    if !text.contains(['*', '_', '[', '`', '<']) {
        return n;
    }
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Strong) => n[0] += 1,
            Event::Start(Tag::Emphasis) => n[1] += 1,
            Event::Start(Tag::Link { .. }) => n[2] += 1,
            Event::Code(_) => n[3] += 1,
            _ => {}
        }
    }
    n
}

/// Dates, times and phone numbers written into the source text: a variable would change
/// every language at once.
fn literal_values(project: &Project, diags: &mut Vec<Diagnostic>) {
    for l in &project.leaflets {
        for u in &l.units {
            for v in values::source_values(&u.text).iter().filter(|v| values::is_fact(v)) {
                diags.push(
                    Diagnostic::warning(
                        Kind::LiteralValue,
                        &l.file,
                        format!("`{}` writes the {} `{}` into the text", u.id, v.shape.name(), v.text),
                    )
                    .at((u.line, u.column))
                    .leaflet(&l.slug)
                    .id(&u.id)
                    .hint(format!(
                        "if it may change, put it in the front matter's [variables] (`name = \"{}\"`) and write `{{ $name }}` here: a new value then reaches every language without a new translation",
                        v.text
                    )),
                );
            }
        }
    }
}

/// Is the text something a translator would translate (more than a number or a code)?
fn looks_like_prose(text: &str) -> bool {
    text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count() >= 2
}

/// Totals per language over all leaflets.
pub fn totals_by_lang(report: &Report) -> BTreeMap<Lang, Counts> {
    let mut out: BTreeMap<Lang, Counts> = BTreeMap::new();
    for c in &report.cells {
        out.entry(c.lang.clone()).or_default().add(&c.counts());
    }
    out
}
