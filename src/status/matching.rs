//! Matching: which message of a translation file translates which unit of the source.
//!
//! One rule, shared by `check`, `status`, `build` and `sync` (they read it through the
//! status report), so that they always agree. Unit IDs are positional, so an inserted
//! paragraph or a renamed heading changes IDs; a translation follows its unit anyway:
//!
//! 1. **Same ID, same text**: a message whose ID is the unit's and whose `# en:` record
//!    equals the unit's text.
//! 2. **Moved**: a message whose record equals the unit's text, wherever its ID points
//!    (first such message in file order). The text is unchanged, so it is current.
//! 3. **Renamed or edited**, best pairs first, each message and unit used once:
//!    - a heading whose section was renamed: most of the old section's children moved
//!      to the new section (step 2 found them), so the old heading's message goes with
//!      the new heading;
//!    - the same ID (an edited paragraph), or a child of a renamed section at the same
//!      place in it;
//!    - a message whose record is similar to the unit's text (a ratio of at least
//!      [`SIMILARITY`]: twice the matching characters over all characters, as Python's
//!      difflib and translation memories measure it).
//!
//!    A similar message beats a dissimilar one with the same ID: deleting a paragraph
//!    and editing the next pairs the edited one with its own old translation.
//!
//! Whatever is left is missing (units) or obsolete (messages). Only the first message
//! of an ID takes part: later ones are reported as duplicates.

use crate::catalog::Catalog;
use crate::source::{Leaflet, UnitKind};
use std::collections::{HashMap, HashSet, VecDeque};

/// The least similarity (0..1) at which a message with another ID is offered for a unit.
pub const SIMILARITY: f64 = 0.70;

/// A unit whose message at the same place is this similar (a typo fixed, a word added)
/// is not compared with other messages.
const SETTLED: f64 = 0.9;

/// Above this many (unit, message) pairs left to compare after the exact steps and the
/// same-place pairs (a leaflet rewritten wholesale), similarity is not measured between
/// different IDs, so the cost stays linear in the size of the leaflet.
const PAIR_BUDGET: usize = 10_000;

/// How a message was paired with a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Same ID.
    Id,
    /// Same text under another ID: the unit moved.
    Moved,
    /// Another ID and another text: the unit was renamed or rewritten.
    Renamed,
}

/// A unit's message: its index in `Catalog::messages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub message: usize,
    pub how: How,
}

/// The result: one entry per unit (in leaflet order), and the messages left over.
#[derive(Debug, Clone, Default)]
pub struct Matching {
    pub units: Vec<Option<Pair>>,
    /// Indices of messages that translate no unit (first of their ID only), in file order.
    pub unpaired: Vec<usize>,
}

/// Pairs the units of `leaflet` with the messages of `catalog`. Units whose ID is in
/// `skip` (their message is there but does not parse) take no part.
pub fn pair(leaflet: &Leaflet, catalog: &Catalog, skip: &HashSet<&str>) -> Matching {
    let firsts = first_messages(catalog);
    // Later messages of an ID take no part: they start out taken.
    let mut taken = vec![true; catalog.messages.len()];
    firsts.iter().for_each(|&i| taken[i] = false);
    let mut m = Matcher { leaflet, catalog, units: vec![None; leaflet.units.len()], taken, skip };
    m.same_id_same_text();
    m.moved(&firsts);
    m.renamed(&firsts);
    let unpaired = firsts.into_iter().filter(|&i| !m.taken[i]).collect();
    Matching { units: m.units, unpaired }
}

/// The first message of each ID, in file order.
fn first_messages(catalog: &Catalog) -> Vec<usize> {
    let mut seen = HashSet::new();
    (0..catalog.messages.len()).filter(|&i| seen.insert(catalog.messages[i].id.as_str())).collect()
}

struct Matcher<'a> {
    leaflet: &'a Leaflet,
    catalog: &'a Catalog,
    units: Vec<Option<Pair>>,
    /// Messages already paired (or not taking part).
    taken: Vec<bool>,
    skip: &'a HashSet<&'a str>,
}

/// (score, unit index, message index): the best scores are taken first.
type Candidate = (f64, usize, usize);

/// Where the free messages stood, for `renamed`.
#[derive(Default)]
struct Places {
    by_place: HashMap<String, Vec<usize>>,
    by_heading: HashMap<String, usize>,
}

impl Matcher<'_> {
    fn open_units(&self) -> Vec<usize> {
        (0..self.units.len())
            .filter(|&u| self.units[u].is_none() && !self.skip.contains(self.leaflet.units[u].id.as_str()))
            .collect()
    }

    fn take(&mut self, unit: usize, message: usize, how: How) {
        self.units[unit] = Some(Pair { message, how });
        self.taken[message] = true;
    }

    fn same_id_same_text(&mut self) {
        for u in self.open_units() {
            let unit = &self.leaflet.units[u];
            let Some(i) = self.catalog.message_index(&unit.id) else { continue };
            if !self.taken[i] && self.catalog.messages[i].record.as_deref() == Some(unit.text.as_str()) {
                self.take(u, i, How::Id);
            }
        }
    }

    fn moved(&mut self, firsts: &[usize]) {
        let mut by_record: HashMap<&str, VecDeque<usize>> = HashMap::new();
        for &i in firsts {
            if let (false, Some(r)) = (self.taken[i], self.catalog.messages[i].record.as_deref()) {
                by_record.entry(r).or_default().push_back(i);
            }
        }
        for u in self.open_units() {
            let text = self.leaflet.units[u].text.as_str();
            if let Some(i) = by_record.get_mut(text).and_then(VecDeque::pop_front) {
                self.take(u, i, How::Moved);
            }
        }
    }

    fn renamed(&mut self, firsts: &[usize]) {
        let units = self.open_units();
        let messages: Vec<usize> = firsts.iter().copied().filter(|&i| !self.taken[i]).collect();
        let places = self.places(&messages);
        let (mut candidates, settled_units, settled_messages) = self.at_their_place(&units, &places);
        let units: Vec<usize> = units.into_iter().filter(|u| !settled_units.contains(u)).collect();
        let messages: Vec<usize> = messages
            .into_iter()
            .filter(|i| !settled_messages.contains(i) && self.catalog.messages[*i].record.is_some())
            .collect();
        candidates.extend(self.similar_anywhere(&units, &messages));
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, u, i) in candidates {
            if self.units[u].is_none() && !self.taken[i] {
                let how = if self.catalog.messages[i].id == self.leaflet.units[u].id {
                    How::Id
                } else {
                    How::Renamed
                };
                self.take(u, i, how);
            }
        }
    }

    /// Where each free message stood: its own ID and its ID in a renamed section
    /// (`by_place`), and the new ID of a renamed section's heading (`by_heading`).
    fn places(&self, messages: &[usize]) -> Places {
        let sections = self.section_renames();
        let mut places = Places::default();
        for &i in messages {
            let id = &self.catalog.messages[i].id;
            places.by_place.entry(id.clone()).or_default().push(i);
            if let Some(new) = renamed_child(id, &sections) {
                places.by_place.entry(new).or_default().push(i);
            }
            if let Some(new) = sections.get(id) {
                places.by_heading.insert(new.clone(), i);
            }
        }
        places
    }

    /// Candidates at each unit's own place (score: similarity, at least 0.5, + 0.01; a
    /// renamed section's heading: 3), and the units and messages whose partner there is
    /// similar enough that they need no search.
    fn at_their_place(
        &self,
        units: &[usize],
        places: &Places,
    ) -> (Vec<Candidate>, HashSet<usize>, HashSet<usize>) {
        let mut candidates = Vec::new();
        let mut settled_units = HashSet::new();
        let mut settled_messages = HashSet::new();
        for &u in units {
            let unit = &self.leaflet.units[u];
            if let Some(&i) =
                places.by_heading.get(unit.id.as_str()).filter(|_| unit.kind == UnitKind::Heading)
            {
                candidates.push((3.0, u, i));
            }
            for &i in places.by_place.get(&unit.id).into_iter().flatten() {
                // An edited unit keeps its message unless a similar one is free.
                let sim =
                    self.catalog.messages[i].record.as_deref().map_or(0.0, |r| similarity(r, &unit.text));
                candidates.push((sim.max(0.5) + 0.01, u, i));
                if sim >= SETTLED {
                    settled_units.insert(u);
                    settled_messages.insert(i);
                }
            }
        }
        (candidates, settled_units, settled_messages)
    }

    /// Pairs of any place at least [`SIMILARITY`] alike, while there are few enough.
    fn similar_anywhere(&self, units: &[usize], messages: &[usize]) -> Vec<Candidate> {
        let mut candidates = Vec::new();
        if units.len().saturating_mul(messages.len()) > PAIR_BUDGET {
            return candidates;
        }
        for &u in units {
            let text = &self.leaflet.units[u].text;
            for &i in messages {
                let sim = similarity(self.catalog.messages[i].record.as_deref().unwrap_or_default(), text);
                if sim >= SIMILARITY {
                    candidates.push((sim, u, i));
                }
            }
        }
        candidates
    }

    /// Old section ID -> new section ID, where most moved children say so.
    fn section_renames(&self) -> HashMap<String, String> {
        let mut votes: HashMap<(&str, &str), usize> = HashMap::new();
        for (u, p) in self.units.iter().enumerate() {
            let Some(Pair { message, how: How::Moved }) = p else { continue };
            let (Some((old, a)), Some((new, b))) =
                (split_child(&self.catalog.messages[*message].id), split_child(&self.leaflet.units[u].id))
            else {
                continue;
            };
            if a == b && old != new {
                *votes.entry((old, new)).or_default() += 1;
            }
        }
        let mut ranked: Vec<((&str, &str), usize)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out = HashMap::new();
        let mut targets = HashSet::new();
        for ((old, new), _) in ranked {
            if !out.contains_key(old) && targets.insert(new) {
                out.insert(old.to_string(), new.to_string());
            }
        }
        out
    }
}

/// `demands-li2` -> (`demands`, `li2`); `meeting-table1-r2-c3` -> (`meeting`, `table1-r2-c3`).
pub fn split_child(id: &str) -> Option<(&str, &str)> {
    if let Some(t) = id.rfind("-table") {
        let rest = &id[t + 1..];
        if rest.split('-').count() == 3 {
            return Some((&id[..t], rest));
        }
    }
    let dash = id.rfind('-')?;
    let suffix = &id[dash + 1..];
    let kind_len = suffix.find(|c: char| c.is_ascii_digit())?;
    let (kind, n) = suffix.split_at(kind_len);
    let child =
        matches!(kind, "p" | "li" | "q" | "img") && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    child.then(|| (&id[..dash], suffix))
}

/// The ID a child of a renamed section has now (`old-p2` -> `new-p2`).
fn renamed_child(id: &str, sections: &HashMap<String, String>) -> Option<String> {
    let (section, child) = split_child(id)?;
    sections.get(section).map(|new| format!("{new}-{child}"))
}

/// Similarity of two texts, 0..1: twice the characters they share, in order, over the
/// characters of both (Myers' diff over characters, as difflib's ratio). When the
/// lengths alone rule out a similar pair, no diff is run and the value returned is only
/// known to be below [`SIMILARITY`].
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la + lb == 0 {
        return 1.0;
    }
    // The ratio can be no more than 2 * shorter / total: skip the diff when that bound
    // is already below the threshold (half the bound stands in for the ratio).
    if (2 * la.min(lb)) as f64 / ((la + lb) as f64) < SIMILARITY * 0.9 {
        return (2 * la.min(lb)) as f64 / ((la + lb) as f64) * 0.5;
    }
    f64::from(similar::TextDiff::from_chars(a, b).ratio())
}

/// A word diff in the notation of wdiff: `[-removed words-]{+added words+}`, a run of
/// changed words in one bracket.
pub fn word_diff(old: &str, new: &str) -> String {
    use similar::{DiffTag, TextDiff};
    let diff = TextDiff::from_words(old, new);
    let (a, b) = (diff.old_slices(), diff.new_slices());
    let mut out = String::new();
    for op in diff.ops() {
        let removed: String = a[op.old_range()].concat();
        let added: String = b[op.new_range()].concat();
        match op.tag() {
            DiffTag::Equal => out.push_str(&removed),
            DiffTag::Delete => bracket(&mut out, &removed, "[-", "-]"),
            DiffTag::Insert => bracket(&mut out, &added, "{+", "+}"),
            DiffTag::Replace => {
                bracket(&mut out, &removed, "[-", "-]");
                bracket(&mut out, &added, "{+", "+}");
            }
        }
    }
    out
}

/// Pushes `text` in brackets, with the spaces around it outside them.
fn bracket(out: &mut String, text: &str, open: &str, close: &str) {
    let inner = text.trim();
    if inner.is_empty() {
        out.push_str(if open == "[-" { "" } else { text });
        return;
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    out.push_str(&format!("{lead}{open}{inner}{close}{trail}"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse_leaflet;

    fn pairs(md: &str, ftl: &str) -> Vec<(String, Option<(String, How)>)> {
        let l = parse_leaflet("t", "content/t.md", md).0;
        let c = Catalog::parse("x", ftl.to_string(), "en");
        let m = pair(&l, &c, &HashSet::new());
        l.units
            .iter()
            .zip(m.units)
            .map(|(u, p)| (u.id.clone(), p.map(|p| (c.messages[p.message].id.clone(), p.how))))
            .collect()
    }

    fn of<'a>(v: &'a [(String, Option<(String, How)>)], id: &str) -> Option<(&'a str, How)> {
        v.iter().find(|(u, _)| u == id).and_then(|(_, p)| p.as_ref().map(|(m, h)| (m.as_str(), *h)))
    }

    const FTL: &str = "# en: Hi\nhi = Bonjou\n\n# en: Alpha text here.\nhi-p1 = A\n\n# en: Beta text here.\nhi-p2 = B\n\n# en: Gamma text here.\nhi-p3 = C\n";

    #[test]
    fn an_inserted_paragraph_shifts_nothing() {
        let v = pairs("# Hi\n\nAlpha text here.\n\nNew words.\n\nBeta text here.\n\nGamma text here.\n", FTL);
        assert_eq!(of(&v, "hi-p1"), Some(("hi-p1", How::Id)));
        assert_eq!(of(&v, "hi-p2"), None);
        assert_eq!(of(&v, "hi-p3"), Some(("hi-p2", How::Moved)));
        assert_eq!(of(&v, "hi-p4"), Some(("hi-p3", How::Moved)));
    }

    #[test]
    fn a_renamed_heading_keeps_its_message_through_its_children() {
        let v = pairs("# Hello\n\nAlpha text here.\n\nBeta text here.\n", FTL);
        assert_eq!(of(&v, "hello"), Some(("hi", How::Renamed)));
        assert_eq!(of(&v, "hello-p2"), Some(("hi-p2", How::Moved)));
    }

    #[test]
    fn deleting_one_paragraph_and_editing_the_next_pairs_by_similarity() {
        let v = pairs("# Hi\n\nBeta text here!\n\nGamma text here.\n", FTL);
        assert_eq!(of(&v, "hi-p1"), Some(("hi-p2", How::Renamed)));
        assert_eq!(of(&v, "hi-p2"), Some(("hi-p3", How::Moved)));
    }

    #[test]
    fn an_edited_paragraph_keeps_its_id() {
        let v = pairs("# Hi\n\nSomething else entirely.\n\nBeta text here.\n\nGamma text here.\n", FTL);
        assert_eq!(of(&v, "hi-p1"), Some(("hi-p1", How::Id)));
    }

    #[test]
    fn one_message_never_serves_two_units() {
        let v =
            pairs("# Hi\n\nAlpha text here.\n\nAlpha text here.\n", "# en: Alpha text here.\nhi-p1 = A\n");
        assert_eq!(of(&v, "hi-p1"), Some(("hi-p1", How::Id)));
        assert_eq!(of(&v, "hi-p2"), None);
    }

    #[test]
    fn children_ids() {
        assert_eq!(split_child("demands-li2"), Some(("demands", "li2")));
        assert_eq!(split_child("meeting-table1-r2-c3"), Some(("meeting", "table1-r2-c3")));
        assert_eq!(split_child("my-list"), None);
        assert_eq!(split_child("intro-p10"), Some(("intro", "p10")));
    }

    #[test]
    fn similarity_is_a_ratio() {
        assert!(similarity("Paid breaks of ten minutes.", "Paid breaks of fifteen minutes.") > 0.8);
        assert!(similarity("Alpha", "Completely different words") < SIMILARITY);
        assert_eq!(similarity("", ""), 1.0);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Whatever the file holds, a message translates at most one unit, and a message
        /// whose ID and record match its unit is always that unit's.
        #[test]
        fn pairs_are_one_to_one(
            texts in proptest::collection::vec("[a-c]{1,3}( [a-c]{1,3}){0,3}", 1..8),
            records in proptest::collection::vec((0usize..10, "[a-c]{1,3}( [a-c]{1,3}){0,3}", proptest::bool::ANY), 0..10),
        ) {
            let md: String = std::iter::once("# Hi\n\n".to_string()).chain(texts.iter().map(|t| format!("{t}\n\n"))).collect();
            let l = parse_leaflet("t", "content/t.md", &md).0;
            let ftl: String = records.iter().map(|(n, r, keep)| if *keep { format!("# en: {r}\nhi-p{n} = x\n\n") } else { format!("hi-p{n} = x\n\n") }).collect();
            let c = Catalog::parse("x", ftl, "en");
            let m = pair(&l, &c, &HashSet::new());
            let used: Vec<usize> = m.units.iter().flatten().map(|p| p.message).collect();
            let distinct: HashSet<usize> = used.iter().copied().collect();
            proptest::prop_assert_eq!(used.len(), distinct.len());
            for (unit, p) in l.units.iter().zip(&m.units) {
                if let Some(i) = c.message_index(&unit.id)
                    && c.messages[i].record.as_deref() == Some(unit.text.as_str()) {
                        proptest::prop_assert_eq!(p.map(|p| p.message), Some(i));
                    }
            }
            for i in &m.unpaired {
                proptest::prop_assert!(!distinct.contains(i));
            }
        }
    }
}
