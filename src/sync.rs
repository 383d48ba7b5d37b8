//! Sync: brings a translation file in line with its source leaflet, losing nothing.
//!
//! - a missing unit gets a stub: its source text, where it is, its placeables, and the
//!   message line commented out (the file stays valid Fluent, the unit stays missing);
//! - a stale message gets a review marker, the text it was translated from (`# was:`)
//!   and a word diff to today's text (`# change:`); its translation is kept as written;
//! - a message whose unit moved (new ID) follows it, matched by its recorded source;
//! - obsolete messages move under an `## Obsolete` heading at the end (`--prune` deletes
//!   them);
//! - translators' comments, terms and junk are kept verbatim.
//!
//! [`sync_text`] is a pure function from (old file, units) to the new file, so running it
//! twice changes nothing the second time. Files are written atomically.

use crate::catalog::{Catalog, EntryKind, REVIEW_MARKER};
use crate::diag::{Diagnostic, Kind};
use crate::source::{Leaflet, Ref, Unit, normalize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The heading of the obsolete section.
pub const OBSOLETE_HEADING: &str = "## Obsolete: these messages match no text of the leaflet any more. `tradui sync --prune` deletes them.";

/// What sync did (or would do) to one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub stubs: usize,
    pub marked_stale: usize,
    pub accepted: usize,
    pub rekeyed: usize,
    pub obsolete: usize,
    pub pruned: usize,
    pub records_added: usize,
    pub junk_kept: usize,
}

impl Changes {
    /// "2 stubs added, 1 marked for review" — or None when nothing changed.
    pub fn describe(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.stubs, "stub(s) added"),
            (self.marked_stale, "marked for review"),
            (self.accepted, "source edit(s) accepted"),
            (self.rekeyed, "re-keyed"),
            (self.obsolete, "moved to Obsolete"),
            (self.pruned, "obsolete deleted"),
            (self.records_added, "source record(s) added, marked for review"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Options of one sync run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub prune: bool,
    /// Unit IDs whose source edit is accepted without review.
    pub accept: HashSet<String>,
}

/// The parts of an old file, grouped around its messages.
struct Parts<'a> {
    /// Entries before the first message or stub.
    header: Vec<&'a str>,
    /// Messages by ID, with the entries that followed them (comments, junk, terms).
    messages: Vec<Anchor<'a>>,
    /// Stubs by unit ID, with the entries that followed them.
    stubs: HashMap<String, Vec<&'a str>>,
}

struct Anchor<'a> {
    id: String,
    text: &'a str,
    followers: Vec<&'a str>,
}

/// Is this comment entry a stub that sync wrote (its last line `# id =`)?
fn stub_id(text: &str) -> Option<String> {
    let last = text.lines().last()?.trim_end();
    let rest = last.strip_prefix("# ")?;
    let id = rest.strip_suffix(" =").or_else(|| rest.strip_suffix('='))?.trim_end();
    crate::source::is_identifier(id).then(|| id.to_string())
}

fn split<'a>(catalog: &'a Catalog) -> Parts<'a> {
    let mut parts = Parts { header: Vec::new(), messages: Vec::new(), stubs: HashMap::new() };
    enum Last {
        None,
        Message,
        Stub(String),
    }
    let mut last = Last::None;
    for e in &catalog.entries {
        let text = &catalog.text[e.range.clone()];
        match e.kind {
            EntryKind::Message => {
                parts.messages.push(Anchor { id: e.id.clone().unwrap_or_default(), text, followers: Vec::new() });
                last = Last::Message;
            }
            EntryKind::Comment if text.starts_with("## Obsolete") => {}
            EntryKind::Comment if stub_id(text).is_some() => {
                let id = stub_id(text).expect("checked");
                parts.stubs.entry(id.clone()).or_default();
                last = Last::Stub(id);
            }
            _ => match &last {
                Last::None => parts.header.push(text),
                Last::Message => parts.messages.last_mut().expect("a message came first").followers.push(text),
                Last::Stub(id) => parts.stubs.entry(id.clone()).or_default().push(text),
            },
        }
    }
    parts
}

/// Computes the new text of a translation file. `catalog` is the old file (None: new).
pub fn sync_text(leaflet: &Leaflet, catalog: Option<&Catalog>, source_lang: &str, options: &Options) -> (String, Changes) {
    let empty = Catalog::parse("", String::new(), source_lang);
    let catalog = catalog.unwrap_or(&empty);
    let parts = split(catalog);
    let mut changes = Changes { junk_kept: catalog.entries.iter().filter(|e| e.kind == EntryKind::Junk).count(), ..Changes::default() };
    let junk_ids: HashSet<String> = catalog.junk_ids().into_iter().map(str::to_string).collect();
    let units: HashSet<&str> = leaflet.units.iter().map(|u| u.id.as_str()).collect();

    let assignment = assign(leaflet, catalog, &parts, &junk_ids);
    changes.rekeyed = assignment.values().filter(|a| a.rekeyed).count();
    let mut out: Vec<String> = parts.header.iter().map(|s| s.to_string()).collect();
    for unit in &leaflet.units {
        let assigned = assignment.get(unit.id.as_str());
        let anchor = assigned.map(|a| a.anchor);
        let new_id = assigned.filter(|a| a.rekeyed).map(|_| unit.id.as_str());
        match anchor {
            Some(a) => {
                let message = catalog.message(&a.id).expect("an anchor is a parsed message");
                out.push(rewrite(a.text, message, unit, new_id, source_lang, options, &mut changes));
                out.extend(a.followers.iter().map(|s| s.to_string()));
            }
            None if junk_ids.contains(unit.id.as_str()) => {}
            None => {
                let followers = parts.stubs.get(&unit.id);
                if !parts.stubs.contains_key(&unit.id) {
                    changes.stubs += 1;
                }
                out.push(stub(unit, leaflet, source_lang));
                out.extend(followers.into_iter().flatten().map(|s| s.to_string()));
            }
        }
    }
    // Followers of stubs whose unit is gone or translated are kept, never dropped.
    for (id, followers) in sorted(&parts.stubs) {
        if assignment.contains_key(id.as_str()) || !units.contains(id.as_str()) {
            out.extend(followers.iter().map(|s| s.to_string()));
        }
    }
    let used: Vec<&Anchor> = assignment.values().map(|a| a.anchor).collect();
    let mut seen_ids: HashSet<String> = assignment.keys().cloned().collect();
    let obsolete: Vec<(&Anchor, String)> = parts
        .messages
        .iter()
        .filter(|m| !used.iter().any(|u| std::ptr::eq(*u, *m)))
        .map(|m| {
            // An obsolete message must not share its ID with a live one.
            let mut id = m.id.clone();
            let mut n = 1;
            while !seen_ids.insert(id.clone()) {
                id = if n == 1 { format!("{}-obsolete", m.id) } else { format!("{}-obsolete-{n}", m.id) };
                n += 1;
            }
            (m, id)
        })
        .collect();
    if options.prune {
        changes.pruned = obsolete.len();
        for (m, _) in &obsolete {
            out.extend(m.followers.iter().map(|s| s.to_string()));
        }
    } else if !obsolete.is_empty() {
        let was_obsolete = old_obsolete_ids(catalog);
        changes.obsolete = obsolete.iter().filter(|(m, _)| !was_obsolete.contains(m.id.as_str())).count();
        out.push(OBSOLETE_HEADING.to_string());
        for (m, id) in obsolete {
            out.push(rename(m.text, &m.id, &id));
            out.extend(m.followers.iter().map(|s| s.to_string()));
        }
    }
    let mut text = out.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    if catalog.text.contains("\r\n") {
        text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    (text, changes)
}

/// Which message goes with which unit.
struct Assigned<'a> {
    anchor: &'a Anchor<'a>,
    rekeyed: bool,
}

/// Matches messages to units: first a message whose ID and record both match; then a
/// message whose record matches a unit's source exactly follows that unit (re-keying);
/// then a message keeps its unit by ID (stale). The rest is obsolete. Only the first of
/// messages sharing an ID takes part.
fn assign<'a>(leaflet: &Leaflet, catalog: &Catalog, parts: &'a Parts<'a>, junk: &HashSet<String>) -> HashMap<String, Assigned<'a>> {
    let record = |a: &Anchor| catalog.message(&a.id).and_then(|m| m.record.clone());
    let source = |id: &str| leaflet.unit(id).map(|u| normalize(&u.text, false));
    let mut firsts: Vec<&'a Anchor<'a>> = Vec::new();
    for m in &parts.messages {
        if !firsts.iter().any(|f| f.id == m.id) {
            firsts.push(m);
        }
    }
    let mut out: HashMap<String, Assigned<'a>> = HashMap::new();
    let mut taken = vec![false; firsts.len()];
    for (i, m) in firsts.iter().enumerate() {
        if source(&m.id).is_some() && record(m) == source(&m.id) {
            out.insert(m.id.clone(), Assigned { anchor: m, rekeyed: false });
            taken[i] = true;
        }
    }
    for unit in &leaflet.units {
        if out.contains_key(&unit.id) || junk.contains(&unit.id) {
            continue;
        }
        let src = Some(normalize(&unit.text, false));
        if let Some(i) = (0..firsts.len()).find(|&i| !taken[i] && record(firsts[i]) == src) {
            taken[i] = true;
            out.insert(unit.id.clone(), Assigned { anchor: firsts[i], rekeyed: firsts[i].id != unit.id });
        }
    }
    for (i, m) in firsts.iter().enumerate() {
        if !taken[i] && source(&m.id).is_some() && !out.contains_key(&m.id) {
            taken[i] = true;
            out.insert(m.id.clone(), Assigned { anchor: m, rekeyed: false });
        }
    }
    out
}

/// Length of the comment lines at the start of an entry (CRLF or LF).
fn comment_len(text: &str) -> usize {
    text.split_inclusive('\n').take_while(|l| l.starts_with('#')).map(str::len).sum()
}

/// Renames a message entry's ID (the first occurrence after its comment lines).
fn rename(text: &str, old: &str, new: &str) -> String {
    if old == new {
        return text.to_string();
    }
    let body_start = comment_len(text);
    let (comment, body) = text.split_at(body_start);
    match body.strip_prefix(old) {
        Some(rest) => format!("{comment}{new}{rest}"),
        None => text.to_string(),
    }
}

fn sorted<'a, V>(m: &'a HashMap<String, V>) -> Vec<(&'a String, &'a V)> {
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by_key(|(k, _)| *k);
    v
}

/// IDs of messages that already sit under the Obsolete heading.
fn old_obsolete_ids(catalog: &Catalog) -> HashSet<&str> {
    let mut after = false;
    let mut ids = HashSet::new();
    for e in &catalog.entries {
        if e.kind == EntryKind::Comment && catalog.text[e.range.clone()].starts_with("## Obsolete") {
            after = true;
        } else if after && e.kind == EntryKind::Message {
            ids.extend(e.id.as_deref());
        }
    }
    ids
}

/// The comment lines tradui owns above a message.
fn owned(line: &str, source_lang: &str) -> bool {
    let Some(rest) = line.strip_prefix('#') else { return false };
    let rest = rest.trim_start();
    rest.starts_with(&format!("{source_lang}:")) || rest.starts_with(REVIEW_MARKER) || rest.starts_with("was:") || rest.starts_with("change:")
}

/// An existing message, brought up to date: its translation is never touched.
fn rewrite(text: &str, m: &crate::catalog::Message, unit: &Unit, new_id: Option<&str>, src: &str, options: &Options, changes: &mut Changes) -> String {
    let body_start = comment_len(text);
    let (comment, body) = text.split_at(body_start);
    let body = match new_id {
        Some(new) => rename(body, &m.id, new),
        None => body.to_string(),
    };
    let lines: Vec<&str> = comment.lines().collect();
    let theirs: Vec<&str> = lines.iter().copied().filter(|l| !owned(l, src)).collect();
    let source = normalize(&unit.text, false);
    let was = lines.iter().find_map(|l| l.strip_prefix("# was:")).map(|s| s.trim().to_string());
    let mut mine: Vec<String> = Vec::new();
    match &m.record {
        None => {
            changes.records_added += 1;
            mine.push(format!("# {REVIEW_MARKER} no record of the {src} text this was translated from; check it, then delete this line."));
            mine.push(format!("# {src}: {source}"));
        }
        Some(r) if *r == source && !m.review => return rename(text, &m.id, new_id.unwrap_or(&m.id)),
        // Accepting a source edit also clears a review marker an earlier sync put there.
        Some(r) if options.accept.contains(&unit.id) && (m.review || *r != source) => {
            changes.accepted += 1;
            mine.push(format!("# {src}: {source}"));
        }
        Some(r) if *r == source => return rename(text, &m.id, new_id.unwrap_or(&m.id)),
        Some(r) => {
            if !m.review {
                changes.marked_stale += 1;
            }
            let old = was.unwrap_or_else(|| r.clone());
            mine.push(format!("# {REVIEW_MARKER} the {src} text changed. Update the translation, then delete this line."));
            mine.push(format!("# was: {old}"));
            mine.push(format!("# change: {}", word_diff(&old, &source)));
            mine.push(format!("# {src}: {source}"));
        }
    }
    let mut out: Vec<String> = theirs.iter().map(|s| s.to_string()).collect();
    out.extend(mine);
    out.push(body);
    out.join("\n")
}

/// A word diff in the notation of wdiff: `[-removed-]{+added+}`.
pub fn word_diff(old: &str, new: &str) -> String {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(old, new);
    let mut out = String::new();
    for change in diff.iter_all_changes() {
        let v = change.value();
        match change.tag() {
            ChangeTag::Equal => out.push_str(v),
            ChangeTag::Delete if v.trim().is_empty() => {}
            ChangeTag::Insert if v.trim().is_empty() => out.push_str(v),
            ChangeTag::Delete => out.push_str(&format!("[-{v}-]")),
            ChangeTag::Insert => out.push_str(&format!("{{+{v}+}}")),
        }
    }
    out
}

/// A stub for a missing unit: commented out, so the file stays valid Fluent.
fn stub(unit: &Unit, leaflet: &Leaflet, src: &str) -> String {
    let mut lines = vec![format!("# {src}: {}", unit.text)];
    let mut note = format!("# {}:{}", leaflet.file, unit.line);
    let refs: Vec<String> = unit.refs.iter().map(Ref::to_string).collect();
    if !refs.is_empty() {
        note.push_str(&format!(" - keep {} as written", refs.join(" ")));
    }
    lines.push(note);
    lines.push(format!("# {} =", unit.id));
    lines.join("\n")
}

/// Why a file is left untouched.
pub fn refuse(catalog: &Catalog, path: &Path) -> Option<Diagnostic> {
    let mut seen = HashSet::new();
    for m in &catalog.messages {
        if !seen.insert(m.id.as_str()) {
            return Some(
                Diagnostic::error(Kind::Invalid, &catalog.file, format!("`{}` is defined twice; sync left the file untouched", m.id))
                    .at((m.line, m.column))
                    .id(&m.id)
                    .hint("delete one of the two messages, then run sync again"),
            );
        }
    }
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Some(
            Diagnostic::error(Kind::Io, &catalog.file, "the file is read-only; sync left it untouched")
                .hint("make the file writable (chmod u+w), then run sync again"),
        );
    }
    None
}

pub use crate::fsx::write_atomic;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse_leaflet;

    fn leaflet(md: &str) -> Leaflet {
        parse_leaflet("t", "content/t.md", md).0
    }

    fn sync(md: &str, ftl: &str) -> (String, Changes) {
        let l = leaflet(md);
        let c = Catalog::parse("locales/ht/t.ftl", ftl.to_string(), "en");
        sync_text(&l, Some(&c), "en", &Options::default())
    }

    #[test]
    fn stubs_for_missing_units() {
        let (text, ch) = sync("# Hi\n\nWe walk on { $date }.\n", "");
        assert_eq!(ch.stubs, 2);
        assert_eq!(text, "# en: Hi\n# content/t.md:1\n# hi =\n\n# en: We walk on { $date }.\n# content/t.md:3 - keep { $date } as written\n# hi-p1 =\n");
        let c = Catalog::parse("x", text.clone(), "en");
        assert!(c.errors.is_empty() && c.messages.is_empty());
        assert_eq!(sync("# Hi\n\nWe walk on { $date }.\n", &text), (text, Changes::default()));
    }

    #[test]
    fn stale_units_are_marked_with_a_diff() {
        let (text, ch) = sync("# Hi\n\nBring two friends.\n", "# en: Hi\nhi = Bonjou\n\n# my note\n# en: Bring a friend.\nhi-p1 = Mennen yon zanmi.\n");
        assert_eq!(ch.marked_stale, 1);
        assert!(text.contains("# my note\n# REVIEW: the en text changed. Update the translation, then delete this line.\n# was: Bring a friend.\n# change: Bring [-a-]{+two+} [-friend.-]{+friends.+}\n# en: Bring two friends.\nhi-p1 = Mennen yon zanmi.\n"), "{text}");
        let c = Catalog::parse("x", text.clone(), "en");
        assert!(c.messages[1].review);
        assert_eq!(sync("# Hi\n\nBring two friends.\n", &text).0, text);
    }

    #[test]
    fn accepting_after_a_review_marker_clears_it() {
        let md = "# Hi\n\nBring a friend!\n";
        let (marked, _) = sync(md, "# en: Hi\nhi = Bonjou\n\n# en: Bring a friend.\nhi-p1 = Mennen yon zanmi.\n");
        assert!(marked.contains("# REVIEW:"));
        let c = Catalog::parse("x", marked, "en");
        let opts = Options { accept: ["hi-p1".to_string()].into(), ..Options::default() };
        let (text, ch) = sync_text(&leaflet(md), Some(&c), "en", &opts);
        assert_eq!(ch.accepted, 1);
        assert!(text.ends_with("\n# en: Bring a friend!\nhi-p1 = Mennen yon zanmi.\n"), "{text}");
    }

    #[test]
    fn accepting_a_source_edit() {
        let l = leaflet("# Hi\n\nBring a friend!\n");
        let c = Catalog::parse("x", "# en: Hi\nhi = Bonjou\n\n# en: Bring a friend.\nhi-p1 = Mennen yon zanmi.\n".into(), "en");
        let opts = Options { accept: ["hi-p1".to_string()].into(), ..Options::default() };
        let (text, ch) = sync_text(&l, Some(&c), "en", &opts);
        assert_eq!(ch.accepted, 1);
        assert!(text.ends_with("# en: Bring a friend!\nhi-p1 = Mennen yon zanmi.\n"), "{text}");
    }

    #[test]
    fn moved_units_are_rekeyed_and_obsolete_ones_kept() {
        // A paragraph was inserted before "Moving text." and "Old text." was deleted.
        let ftl = "# en: Hi\nhi = Bonjou\n\n# en: Moving text.\nhi-p1 = Tèks k ap deplase.\n\n# en: Old text.\nhi-p2 = Vye tèks.\n";
        let md = "# Hi\n\nA new paragraph.\n\nMoving text.\n";
        let (text, ch) = sync(md, ftl);
        assert_eq!((ch.rekeyed, ch.obsolete, ch.stubs), (1, 1, 1));
        assert!(text.contains("# en: A new paragraph.\n# content/t.md:3\n# hi-p1 =\n\n# en: Moving text.\nhi-p2 = Tèks k ap deplase."), "{text}");
        assert!(text.ends_with(&format!("{OBSOLETE_HEADING}\n\n# en: Old text.\nhi-p2-obsolete = Vye tèks.\n")), "{text}");
        let c = Catalog::parse("x", text.clone(), "en");
        assert!(c.errors.is_empty());
        let (again, ch2) = sync(md, &text);
        assert_eq!(again, text);
        assert_eq!(ch2.describe(), None);
    }

    #[test]
    fn prune_deletes_obsolete() {
        let (text, ch) = {
            let l = leaflet("# Hi\n");
            let c = Catalog::parse("x", "# en: Hi\nhi = Bonjou\n\n# en: Gone\ngone = Ale\n".into(), "en");
            sync_text(&l, Some(&c), "en", &Options { prune: true, ..Options::default() })
        };
        assert_eq!(ch.pruned, 1);
        assert_eq!(text, "# en: Hi\nhi = Bonjou\n");
    }

    #[test]
    fn junk_and_comments_are_kept_verbatim() {
        let ftl = "### Kreyòl notes\n\n# en: Hi\nhi = Bonjou\n\n## a group note\n\nhi-p1 = { broken\n";
        let (text, ch) = sync("# Hi\n\nText.\n", ftl);
        assert_eq!(ch.junk_kept, 1);
        assert_eq!(ch.stubs, 0, "a unit whose message is junk is not stubbed");
        assert!(text.starts_with("### Kreyòl notes\n\n# en: Hi\nhi = Bonjou\n\n## a group note\n\nhi-p1 = { broken\n"), "{text}");
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let (text, _) = sync("# Hi\n\nNew.\n", "# en: Hi\r\nhi = Bonjou\r\n");
        assert!(text.contains("hi = Bonjou\r\n\r\n# en: New.\r\n"), "{text:?}");
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn filled_stub_becomes_a_message() {
        let (stubbed, _) = sync("# Hi\n", "");
        let filled = stubbed.replace("# hi =", "hi = Bonjou");
        let c = Catalog::parse("x", filled.clone(), "en");
        assert_eq!(c.messages[0].record.as_deref(), Some("Hi"));
        assert_eq!(sync("# Hi\n", &filled), (filled, Changes::default()));
    }
}
