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
//! 75% is the threshold Weblate and Pontoon start showing fuzzy matches at. A character
//! trigram index picks the candidates: texts that cannot reach 75% (too few trigrams in
//! common, or lengths more than a quarter apart) are never compared, and of the rest at
//! most [`MAX_COMPARED`], those sharing the most trigrams, are, so a look-up costs the
//! same in a small memory and a large one. A near match found is always at least 75%
//! similar; in a memory full of near-identical sentences it may not be the very best.

use crate::catalog::Catalog;
use crate::catalog::text::pattern_text;
use crate::lang::Lang;
use crate::project::Project;
use crate::source::{Ref, normalize, placeables};
use std::collections::{BTreeSet, HashMap};

/// The lowest similarity of a near match.
pub const NEAR: f64 = 0.75;

/// How many candidates (those sharing the most trigrams) a near look-up compares at
/// most, so that its cost does not grow with the size of the memory.
pub const MAX_COMPARED: usize = 32;

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

/// Each trigram of the memory's sources -> (entry, count) pairs.
type GramIndex = HashMap<[char; 3], Vec<(u32, u16)>>;

/// The translations of one language, ready for look-ups.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    items: Vec<Item>,
    exact: HashMap<String, usize>,
    /// Character trigram -> (item, how many times the item has it): the q-gram index
    /// that keeps near look-ups from comparing every pair.
    /// Built on the first near look-up (exact ones need none of it).
    grams: std::sync::OnceLock<GramIndex>,
}

impl Memory {
    /// The memory of one language of a project.
    pub fn of_language(project: &Project, lang: &Lang) -> Memory {
        let mut m = Memory::default();
        for leaflet in &project.leaflets {
            if let Some(c) = project.catalog(lang, &leaflet.slug) {
                let current = |id: &str, record: &str| {
                    leaflet.unit(id).is_none_or(|u| normalize(&u.text, false) == record)
                };
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
        let mut ids = std::collections::HashSet::new();
        if !c.messages.iter().all(|m| ids.insert(m.id.as_str())) {
            return;
        }
        // The file is parsed once for the texts of all its messages.
        let resource = fluent_syntax::parser::parse(c.text.as_str()).unwrap_or_else(|(r, _)| r);
        let texts: HashMap<&str, String> = resource
            .body
            .iter()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => {
                    m.value.as_ref().map(|v| (m.id.name, pattern_text(v)))
                }
                _ => None,
            })
            .collect();
        for msg in &c.messages {
            let Some(record) = &msg.record else { continue };
            if msg.review || !current(&msg.id, record) {
                continue;
            }
            if let Some(target) = texts.get(msg.id.as_str()).cloned() {
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
        self.grams = std::sync::OnceLock::new();
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
        for (i, bound) in self.candidates(&source, n).into_iter().take(MAX_COMPARED) {
            if best.is_some_and(|(b, _)| bound < b) {
                // Candidates come best bound first: none left can beat the best.
                break;
            }
            let it = &self.items[i];
            if it.refs != refs || !lengths_can_match(n, it.chars) {
                continue;
            }
            let s = similarity(&source, &it.source);
            if s >= NEAR
                && best.is_none_or(|(b, bi)| {
                    s > b || (s == b && std::ptr::from_ref(it) < std::ptr::from_ref(bi))
                })
            {
                best = Some((s, it));
            }
        }
        best.map(|(similarity, it)| Suggestion::Near {
            target: it.target.clone(),
            origin: it.origin.clone(),
            source: it.source.clone(),
            similarity,
        })
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
        let body = crate::catalog::text::to_message(&unit.id, suggestion.target()).ok()??;
        let source = normalize(&unit.text, false);
        let lines = match &suggestion {
            Suggestion::Exact { origin, .. } => vec![
                format!("# memory: the same {src} text is translated in {origin}"),
                format!("# {src}: {source}"),
            ],
            Suggestion::Near { origin, source: theirs, similarity, .. } => vec![
                format!(
                    "# memory: from {origin}, whose {src} text is {}% similar",
                    (similarity * 100.0).floor()
                ),
                format!(
                    "# {} filled from translation memory: update it to the {src} text below, then delete this line.",
                    crate::catalog::REVIEW_MARKER
                ),
                format!("# was: {theirs}"),
                format!("# change: {}", crate::status::matching::word_diff(theirs, &source)),
                format!("# {src}: {source}"),
            ],
        };
        let text = format!("{}\n{body}", lines.join("\n"));
        Some(Filled { text, exact: matches!(suggestion, Suggestion::Exact { .. }) })
    }
}

impl Memory {
    /// Items that may be [`NEAR`] similar to a text of `n` characters, each with an upper
    /// bound of its similarity, best bound first. The q-gram lemma: two texts at edit
    /// distance `d` share at least `max(len) - 2 - 3d` character trigrams (counted with
    /// repeats), so sharing `k` means `d >= (max(len) - 2 - k) / 3`; items whose bound is
    /// under [`NEAR`] are never compared. Only texts of at most 8 characters can match
    /// while sharing no trigram: those are scanned.
    fn candidates(&self, text: &str, n: usize) -> Vec<(usize, f64)> {
        let grams = self.grams.get_or_init(|| {
            let mut index: HashMap<[char; 3], Vec<(u32, u16)>> = HashMap::new();
            for (i, it) in self.items.iter().enumerate() {
                for (gram, n) in trigrams(&it.source) {
                    index.entry(gram).or_default().push((i as u32, n));
                }
            }
            index
        });
        let mut shared = vec![0u32; self.items.len()];
        let mut touched = Vec::new();
        for (gram, q) in trigrams(text) {
            for &(item, c) in grams.get(&gram).map_or(&[][..], Vec::as_slice) {
                let slot = &mut shared[item as usize];
                if *slot == 0 {
                    touched.push(item as usize);
                }
                *slot += u32::from(q.min(c));
            }
        }
        if n <= 8 {
            touched.extend((0..self.items.len()).filter(|&i| self.items[i].chars <= 8 && shared[i] == 0));
        }
        let mut out: Vec<(usize, f64)> = touched
            .into_iter()
            .filter_map(|i| {
                let longer = n.max(self.items[i].chars).max(1);
                // The fewest edits that leave this many trigrams in common.
                let missing = (longer as isize - 2 - shared[i] as isize).max(0) as usize;
                let bound = 1.0 - missing.div_ceil(3) as f64 / longer as f64;
                (bound >= NEAR).then_some((i, bound))
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}

/// The character trigrams of a text, with how many times each occurs.
fn trigrams(text: &str) -> Vec<([char; 3], u16)> {
    let chars: Vec<char> = text.chars().collect();
    let mut counts: HashMap<[char; 3], u16> = HashMap::new();
    for w in chars.windows(3) {
        *counts.entry([w[0], w[1], w[2]]).or_default() += 1;
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_unstable();
    v
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
pub fn term_texts(c: &Catalog) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(c.text.as_str()).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Term(t) => {
                let text = pattern_text(&t.value);
                (!crate::catalog::text::is_select(&text)).then(|| (t.id.name.to_string(), text))
            }
            _ => None,
        })
        .collect()
}

/// How many missing units of each leaflet the memory can fill, (exact, near).
pub fn fillable(
    project: &Project,
    report: &crate::status::Report,
    lang: &Lang,
    memory: &Memory,
) -> (usize, usize) {
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
        let m = memory(
            "# en: Room A\nroom = Sal A\n\n# en: Call { $phone } now.\ncall = Rele { $phone } kounye a.\n",
        );
        assert_eq!(
            m.lookup("Room  A"),
            Some(Suggestion::Exact {
                target: "Sal A".into(),
                origin: "locales/ht/meeting.ftl `room`".into()
            })
        );
        assert_eq!(m.lookup("Call { $phone } now.").unwrap().target(), "Rele { $phone } kounye a.");
    }

    #[test]
    fn near_matches_need_75_percent_and_the_same_placeables() {
        let m = memory(
            "# en: Call the union at { $phone } any hour.\ncall = Rele sendika a { $phone } nenpòt lè.\n",
        );
        match m.lookup("Call the union at { $phone } at any hour.") {
            Some(Suggestion::Near { similarity, source, .. }) => {
                assert!((NEAR..1.0).contains(&similarity), "{similarity}");
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
        m.add_glossary(
            &catalog("locales/en/terms.ftl", "-union-name = Amazon Labor Union\n"),
            &catalog("locales/ht/terms.ftl", "-union-name = Sendika Travayè Amazon\n"),
        );
        assert_eq!(m.lookup("Amazon Labor Union").unwrap().target(), "Sendika Travayè Amazon");
    }

    #[test]
    fn the_threshold_is_inclusive_and_lengths_prune() {
        // 4 characters of 16 differ: exactly 75%.
        let m = memory("# en: aaaaaaaaaaaaaaaa\nx = b\n");
        assert!(
            matches!(m.lookup("aaaaaaaaaaaacccc"), Some(Suggestion::Near { similarity, .. }) if (similarity - 0.75).abs() < 1e-9)
        );
        assert_eq!(m.lookup("aaaaaaaaaaaccccc"), None);
        assert!(lengths_can_match(100, 75) && !lengths_can_match(100, 74));
    }

    #[test]
    fn filled_entries_are_valid_fluent_with_the_right_state() {
        let m = memory(
            "# en: Room A\nroom = Sal A\n\n# en: Meet in room B at { $time }.\nb = Rankont nan sal B a { $time }.\n",
        );
        let (l, _) =
            crate::source::parse_leaflet("t", "content/t.md", "# Room A\n\nMeet in room C at { $time }.\n");
        let exact = m.fill(&l.units[0], "en").unwrap();
        assert!(exact.exact);
        assert_eq!(
            exact.text,
            "# memory: the same en text is translated in locales/ht/meeting.ftl `room`\n# en: Room A\nroom-a = Sal A"
        );
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
    fn the_index_never_misses_a_near_match() {
        // Brute force over many similar texts agrees with the q-gram index.
        let words = [
            "walk", "out", "at", "gate", "4", "bring", "water", "room", "a", "b", "call", "us", "now", "é",
            "آب",
        ];
        let mut texts = Vec::new();
        for i in 0..60usize {
            let t: Vec<&str> =
                (0..(1 + i % 7)).map(|j| words[(i * 7 + j * 3 + i / 5) % words.len()]).collect();
            texts.push(t.join(" "));
        }
        let mut m = Memory::default();
        for (i, t) in texts.iter().enumerate().take(30) {
            m.add(t, format!("t{i}"), format!("o{i}"));
        }
        let mut found = 0;
        for q in &texts[30..] {
            let brute = m
                .items
                .iter()
                .filter(|it| it.source != *q && similarity(q, &it.source) >= NEAR)
                .map(|it| similarity(q, &it.source))
                .fold(None, |b: Option<f64>, s| Some(b.map_or(s, |b| b.max(s))));
            let got = match m.lookup(q) {
                Some(Suggestion::Near { similarity, .. }) => Some(similarity),
                Some(Suggestion::Exact { .. }) => Some(1.0),
                None => None,
            };
            if m.exact.contains_key(q) {
                continue;
            }
            assert_eq!(got, brute, "{q}");
            found += usize::from(got.is_some());
        }
        assert!(found >= 3, "the texts must give near matches to compare ({found})");
    }

    #[test]
    fn ties_go_to_the_first_added() {
        let m = memory(
            "# en: Meet at gate 1.\na = Rankont nan pòtay 1.\n\n# en: Meet at gate 2.\nb = Rankont nan pòtay 2.\n",
        );
        assert!(
            matches!(m.lookup("Meet at gate 3."), Some(Suggestion::Near { origin, .. }) if origin.ends_with("`a`"))
        );
    }
}
