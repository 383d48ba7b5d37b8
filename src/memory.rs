//! Translation memory: the same sentence, already translated in a language, found again
//! for a unit that has no translation yet. `sync` uses it when it would write a stub;
//! `status` counts what it could fill.
//!
//! What the memory holds, per language: every translation that is current (its record is
//! its unit's source today and it has no review marker) in any leaflet; every message of
//! an Obsolete section that has a record and no review marker (its record is the text it
//! translates); and the glossary (`terms.ftl`: the source term's value -> the term's
//! value in the language).
//!
//! - **exact**: the same source text (whitespace-normalised): filled in as current, with a
//!   comment naming where it came from;
//! - **near**: a source text at least [`NEAR`] similar with the same placeables: filled in
//!   and marked for review, with the word diff between the two source texts.
//!
//! Similarity is the normalised Levenshtein similarity on characters,
//! `1 - edit distance / length of the longer text` (`strsim::normalized_levenshtein`);
//! 75% is the threshold Weblate and Pontoon start showing fuzzy matches at. Texts whose
//! lengths differ by more than a quarter cannot reach it and are never compared.

use crate::catalog::Catalog;
use crate::interchange::text::{message_text, pattern_text};
use crate::lang::Lang;
use crate::project::Project;
use crate::source::{Ref, normalize, placeables};
use std::collections::{BTreeSet, HashMap};

/// The lowest similarity of a near match.
pub const NEAR: f64 = 0.75;

/// One translation the memory can give again.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    source: String,
    /// The translation as interchange text (`{ $x }` placeables, plain braces).
    target: String,
    origin: String,
    refs: BTreeSet<Ref>,
    chars: usize,
}

/// A match for a unit's source text.
#[derive(Debug, Clone, PartialEq)]
pub enum Suggestion {
    Exact { target: String, origin: String },
    Near { target: String, origin: String, source: String, similarity: f64 },
}

impl Suggestion {
    pub fn target(&self) -> &str {
        match self {
            Suggestion::Exact { target, .. } | Suggestion::Near { target, .. } => target,
        }
    }
}

/// The translations of one language, ready for look-ups.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    items: Vec<Item>,
    exact: HashMap<String, usize>,
}

impl Memory {
    /// The memory of one language of a project.
    pub fn of_language(project: &Project, lang: &Lang) -> Memory {
        let mut m = Memory::default();
        for leaflet in &project.leaflets {
            if let Some(c) = project.catalog(lang, &leaflet.slug) {
                let current = |id: &str, record: &str| leaflet.unit(id).map_or(true, |u| normalize(&u.text, false) == record);
                m.add_catalog(c, &current);
            }
        }
        if let (Some(src), Some(tgt)) = (project.terms.get(&project.config.source), project.terms.get(lang)) {
            m.add_glossary(src, tgt);
        }
        m
    }

    /// Adds a catalog's translations: those with a record and no review marker for which
    /// `current(id, record)` holds (messages of units that are gone pass it).
    pub fn add_catalog(&mut self, c: &Catalog, current: &dyn Fn(&str, &str) -> bool) {
        if c.messages.iter().any(|m| c.messages.iter().filter(|n| n.id == m.id).count() > 1) {
            return;
        }
        for msg in &c.messages {
            let Some(record) = &msg.record else { continue };
            if msg.review || !current(&msg.id, record) {
                continue;
            }
            if let Some(target) = message_text(c, &msg.id) {
                let origin = format!("{} `{}`", c.file, msg.id);
                self.add(record, target, origin);
            }
        }
    }

    /// Adds the glossary: the source term's text -> the term in this language.
    pub fn add_glossary(&mut self, source: &Catalog, target: &Catalog) {
        let src = term_texts(source);
        let tgt = term_texts(target);
        for (name, text) in &src {
            if let Some((_, t)) = tgt.iter().find(|(n, _)| n == name) {
                self.add(text, t.clone(), format!("{} `-{name}`", target.file));
            }
        }
    }

    fn add(&mut self, source: &str, target: String, origin: String) {
        let source = normalize(source, false);
        if source.is_empty() || target.trim().is_empty() || self.exact.contains_key(&source) {
            return;
        }
        let refs = placeables(&source).into_iter().map(|(_, r)| r).collect();
        let chars = source.chars().count();
        self.exact.insert(source.clone(), self.items.len());
        self.items.push(Item { source, target, origin, refs, chars });
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The best match for a source text: exact, else the most similar near match (the
    /// first added wins a tie), else None.
    pub fn lookup(&self, source: &str) -> Option<Suggestion> {
        let source = normalize(source, false);
        if let Some(&i) = self.exact.get(&source) {
            let it = &self.items[i];
            return Some(Suggestion::Exact { target: it.target.clone(), origin: it.origin.clone() });
        }
        let refs: BTreeSet<Ref> = placeables(&source).into_iter().map(|(_, r)| r).collect();
        let n = source.chars().count();
        let mut best: Option<(f64, &Item)> = None;
        for it in &self.items {
            if it.refs != refs || !lengths_can_match(n, it.chars) {
                continue;
            }
            let s = similarity(&source, &it.source);
            if s >= NEAR && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, it));
            }
        }
        best.map(|(similarity, it)| Suggestion::Near { target: it.target.clone(), origin: it.origin.clone(), source: it.source.clone(), similarity })
    }
}

/// A message filled in from memory, as `sync` writes it in place of a stub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    /// The entry: its comment lines and the message.
    pub text: String,
    /// An exact match (current); otherwise a near one (marked for review).
    pub exact: bool,
}

impl Memory {
    /// The entry `sync` writes for a missing unit, when the memory has a match:
    /// exact: the translation with today's record and a comment naming its origin;
    /// near: the same, with a review marker and the difference between the two sources.
    pub fn fill(&self, unit: &crate::source::Unit, src: &str) -> Option<Filled> {
        let suggestion = self.lookup(&unit.text)?;
        let body = crate::interchange::text::to_message(&unit.id, suggestion.target()).ok()??;
        let source = normalize(&unit.text, false);
        let lines = match &suggestion {
            Suggestion::Exact { origin, .. } => vec![format!("# memory: the same {src} text is translated in {origin}"), format!("# {src}: {source}")],
            Suggestion::Near { origin, source: theirs, similarity, .. } => vec![
                format!("# memory: from {origin}, whose {src} text is {}% similar", (similarity * 100.0).floor()),
                format!("# {} filled from translation memory: update it to the {src} text below, then delete this line.", crate::catalog::REVIEW_MARKER),
                format!("# was: {theirs}"),
                format!("# change: {}", crate::matching::word_diff(theirs, &source)),
                format!("# {src}: {source}"),
            ],
        };
        let text = format!("{}\n{body}", lines.join("\n"));
        Some(Filled { text, exact: matches!(suggestion, Suggestion::Exact { .. }) })
    }
}

/// Normalised Levenshtein similarity on characters, 0.0 to 1.0.
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

/// Can two texts of these lengths (in characters) be [`NEAR`] similar? The edit distance
/// is at least the difference of the lengths.
fn lengths_can_match(a: usize, b: usize) -> bool {
    let longer = a.max(b);
    longer == 0 || (a.abs_diff(b) as f64) / (longer as f64) <= 1.0 - NEAR
}

/// (term name, its text) of a glossary, selects left out.
fn term_texts(c: &Catalog) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(c.text.as_str()).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Term(t) => {
                let text = pattern_text(&t.value);
                (!crate::interchange::text::is_select(&text)).then(|| (t.id.name.to_string(), text))
            }
            _ => None,
        })
        .collect()
}

/// How many missing units of each leaflet the memory can fill, (exact, near).
pub fn fillable(project: &Project, report: &crate::status::Report, lang: &Lang, memory: &Memory) -> (usize, usize) {
    let (mut exact, mut near) = (0, 0);
    for leaflet in &project.leaflets {
        let Some(cell) = report.cell(&leaflet.slug, lang) else { continue };
        for u in cell.units.iter().filter(|u| u.state == crate::status::State::Missing) {
            match memory.lookup(&u.source) {
                Some(Suggestion::Exact { .. }) => exact += 1,
                Some(Suggestion::Near { .. }) => near += 1,
                None => {}
            }
        }
    }
    (exact, near)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(file: &str, text: &str) -> Catalog {
        Catalog::parse(file, text.to_string(), "en")
    }

    fn memory(text: &str) -> Memory {
        let mut m = Memory::default();
        m.add_catalog(&catalog("locales/ht/meeting.ftl", text), &|_, _| true);
        m
    }

    #[test]
    fn exact_matches_name_their_origin() {
        let m = memory("# en: Room A\nroom = Sal A\n\n# en: Call { $phone } now.\ncall = Rele { $phone } kounye a.\n");
        assert_eq!(m.lookup("Room  A"), Some(Suggestion::Exact { target: "Sal A".into(), origin: "locales/ht/meeting.ftl `room`".into() }));
        assert_eq!(m.lookup("Call { $phone } now.").unwrap().target(), "Rele { $phone } kounye a.");
    }

    #[test]
    fn near_matches_need_75_percent_and_the_same_placeables() {
        let m = memory("# en: Call the union at { $phone } any hour.\ncall = Rele sendika a { $phone } nenpòt lè.\n");
        match m.lookup("Call the union at { $phone } at any hour.") {
            Some(Suggestion::Near { similarity, source, .. }) => {
                assert!(similarity >= NEAR && similarity < 1.0, "{similarity}");
                assert_eq!(source, "Call the union at { $phone } any hour.");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(m.lookup("Call the union at { $fax } any hour."), None, "other placeables");
        assert_eq!(m.lookup("Bring water and a friend to the meeting."), None, "too different");
    }

    #[test]
    fn stale_reviewed_and_unrecorded_messages_are_not_memory() {
        let m = memory("# REVIEW: the en text changed\n# en: Room A\nroom = Sal A\n\nnorecord = Sal B\n");
        assert!(m.is_empty());
        let mut m = Memory::default();
        m.add_catalog(&catalog("x.ftl", "# en: Room A\nroom = Sal A\n"), &|_, record| record == "Room B");
        assert!(m.is_empty(), "a record that is not the unit's source today is stale");
    }

    #[test]
    fn the_glossary_is_memory() {
        let mut m = Memory::default();
        m.add_glossary(&catalog("locales/en/terms.ftl", "-union-name = Amazon Labor Union\n"), &catalog("locales/ht/terms.ftl", "-union-name = Sendika Travayè Amazon\n"));
        assert_eq!(m.lookup("Amazon Labor Union").unwrap().target(), "Sendika Travayè Amazon");
    }

    #[test]
    fn the_threshold_is_inclusive_and_lengths_prune() {
        // 4 characters of 16 differ: exactly 75%.
        let m = memory("# en: aaaaaaaaaaaaaaaa\nx = b\n");
        assert!(matches!(m.lookup("aaaaaaaaaaaacccc"), Some(Suggestion::Near { similarity, .. }) if (similarity - 0.75).abs() < 1e-9));
        assert_eq!(m.lookup("aaaaaaaaaaaccccc"), None);
        assert!(lengths_can_match(100, 75) && !lengths_can_match(100, 74));
    }

    #[test]
    fn filled_entries_are_valid_fluent_with_the_right_state() {
        let m = memory("# en: Room A\nroom = Sal A\n\n# en: Meet in room B at { $time }.\nb = Rankont nan sal B a { $time }.\n");
        let (l, _) = crate::source::parse_leaflet("t", "content/t.md", "# Room A\n\nMeet in room C at { $time }.\n");
        let exact = m.fill(&l.units[0], "en").unwrap();
        assert!(exact.exact);
        assert_eq!(exact.text, "# memory: the same en text is translated in locales/ht/meeting.ftl `room`\n# en: Room A\nroom-a = Sal A");
        let near = m.fill(&l.units[1], "en").unwrap();
        assert!(!near.exact);
        let c = Catalog::parse("x.ftl", format!("{}\n\n{}\n", exact.text, near.text), "en");
        assert!(c.errors.is_empty(), "{}", near.text);
        assert!(!c.messages[0].review && c.messages[0].record.as_deref() == Some("Room A"));
        assert!(c.messages[1].review, "a near match is marked for review");
        assert_eq!(c.messages[1].record.as_deref(), Some("Meet in room C at { $time }."));
        assert!(near.text.contains("# change: Meet in room [-B-]{+C+} at"), "{}", near.text);
    }

    #[test]
    fn ties_go_to_the_first_added() {
        let m = memory("# en: Meet at gate 1.\na = Rankont nan pòtay 1.\n\n# en: Meet at gate 2.\nb = Rankont nan pòtay 2.\n");
        assert!(matches!(m.lookup("Meet at gate 3."), Some(Suggestion::Near { origin, .. }) if origin.ends_with("`a`")));
    }
}
