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

pub mod memory;

use crate::catalog::{Catalog, EntryKind, REVIEW_MARKER};
use crate::diag::{Diagnostic, Kind};
use crate::source::{Leaflet, Ref, Unit, normalize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The heading of the obsolete section.
pub const OBSOLETE_HEADING: &str =
    "## Obsolete: these messages match no text of the leaflet any more. `tradui sync --prune` deletes them.";

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
    /// Records and review markers brought back from the provenance sidecar.
    pub restored: usize,
    pub junk_kept: usize,
    /// Missing units filled from translation memory: exact (current), near (for review).
    pub memory_exact: usize,
    pub memory_near: usize,
}

impl Changes {
    /// "2 stubs added, 1 marked for review" — or None when nothing changed.
    pub fn describe(&self) -> Option<String> {
        counted(&[
            (self.stubs, "stub(s) added"),
            (self.memory_exact, "filled from translation memory"),
            (self.memory_near, "filled from a near match in translation memory, marked for review"),
            (self.marked_stale, "marked for review"),
            (self.accepted, "source edit(s) accepted"),
            (self.rekeyed, "re-keyed"),
            (self.obsolete, "moved to Obsolete"),
            (self.pruned, "obsolete deleted"),
            (self.records_added, "source record(s) added, marked for review"),
            (self.restored, "record(s) restored from locales/.provenance"),
        ])
    }
}

/// "2 stub(s) added, 1 marked for review" from (count, what) pairs, leaving out the
/// zeros; None when every count is zero.
pub fn counted(parts: &[(usize, &str)]) -> Option<String> {
    let parts: Vec<String> =
        parts.iter().filter(|(n, _)| *n > 0).map(|(n, what)| format!("{n} {what}")).collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Options of one sync run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub prune: bool,
    /// Unit IDs whose source edit is accepted without review.
    pub accept: HashSet<String>,
    /// Fill missing units from this language's translation memory instead of stubbing.
    pub memory: Option<std::sync::Arc<crate::sync::memory::Memory>>,
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
    crate::catalog::stub_id(text.lines().last()?)
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
                parts.messages.push(Anchor {
                    id: e.id.clone().unwrap_or_default(),
                    text,
                    followers: Vec::new(),
                });
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
                Last::Message => {
                    parts.messages.last_mut().expect("a message came first").followers.push(text)
                }
                Last::Stub(id) => parts.stubs.entry(id.clone()).or_default().push(text),
            },
        }
    }
    parts
}

/// Computes the new text of a translation file. `catalog` is the old file (None: new).
pub fn sync_text(
    leaflet: &Leaflet,
    catalog: Option<&Catalog>,
    source_lang: &str,
    options: &Options,
) -> (String, Changes) {
    let empty = Catalog::parse("", String::new(), source_lang);
    let catalog = catalog.unwrap_or(&empty);
    let parts = split(catalog);
    let mut changes = Changes {
        junk_kept: catalog.entries.iter().filter(|e| e.kind == EntryKind::Junk).count(),
        ..Changes::default()
    };
    let junk_ids: HashSet<String> = catalog.junk_ids().into_iter().map(str::to_string).collect();
    let assignment = assign(leaflet, catalog, &parts, &junk_ids);
    let ctx = Ctx { src: source_lang, file: &leaflet.file, options };
    changes.rekeyed = assignment.values().filter(|a| a.rekeyed).count();
    let mut out: Vec<String> = parts.header.iter().map(|s| s.to_string()).collect();
    let file = Old { catalog, parts: &parts, junk_ids: &junk_ids, assignment: &assignment };
    for unit in &leaflet.units {
        out.extend(unit_entries(unit, leaflet, &file, &ctx, &mut changes));
    }
    // Followers of stubs whose unit is gone or translated are kept, never dropped.
    let units: HashSet<&str> = leaflet.units.iter().map(|u| u.id.as_str()).collect();
    for (id, followers) in sorted(&parts.stubs) {
        if assignment.contains_key(id.as_str()) || !units.contains(id.as_str()) {
            out.extend(followers.iter().map(|s| s.to_string()));
        }
    }
    out.extend(obsolete_entries(&file, options, &mut changes));
    (joined(out, catalog), changes)
}

/// The old file, taken apart, and which of its messages goes with which unit.
struct Old<'a> {
    catalog: &'a Catalog,
    parts: &'a Parts<'a>,
    junk_ids: &'a HashSet<String>,
    assignment: &'a HashMap<String, Assigned<'a>>,
}

/// The entries of one unit in the new file: its message brought up to date, or a
/// translation from memory, or a stub; and the entries that followed it.
fn unit_entries(unit: &Unit, leaflet: &Leaflet, old: &Old, ctx: &Ctx, changes: &mut Changes) -> Vec<String> {
    let assigned = old.assignment.get(unit.id.as_str());
    let new_id = assigned.filter(|a| a.rekeyed).map(|_| unit.id.as_str());
    let mut out = Vec::new();
    match assigned.map(|a| a.anchor) {
        Some(a) => {
            let message = old.catalog.message(&a.id).expect("an anchor is a parsed message");
            out.push(rewrite(a.text, message, unit, new_id, ctx, changes));
            out.extend(a.followers.iter().map(|s| s.to_string()));
        }
        None if old.junk_ids.contains(unit.id.as_str()) => {}
        None => {
            let followers = old.parts.stubs.get(&unit.id);
            if let Some(filled) = ctx.options.memory.as_deref().and_then(|m| m.fill(unit, ctx.src)) {
                *if filled.exact { &mut changes.memory_exact } else { &mut changes.memory_near } += 1;
                out.push(filled.text);
            } else {
                if !old.parts.stubs.contains_key(&unit.id) {
                    changes.stubs += 1;
                }
                out.push(stub(unit, leaflet, ctx.src));
            }
            out.extend(followers.into_iter().flatten().map(|s| s.to_string()));
        }
    }
    out
}

/// Messages that translate no unit: under the Obsolete heading (renamed when a live
/// message has their ID), or deleted with `--prune` (the entries after them are kept).
fn obsolete_entries(old: &Old, options: &Options, changes: &mut Changes) -> Vec<String> {
    let used: HashSet<*const Anchor> = old.assignment.values().map(|a| a.anchor as *const Anchor).collect();
    let mut seen_ids: HashSet<String> = old.assignment.keys().cloned().collect();
    let obsolete: Vec<(&Anchor, String)> = old
        .parts
        .messages
        .iter()
        .filter(|m| !used.contains(&(*m as *const Anchor)))
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
    let mut out = Vec::new();
    if options.prune {
        changes.pruned = obsolete.len();
        for (m, _) in &obsolete {
            out.extend(m.followers.iter().map(|s| s.to_string()));
        }
    } else if !obsolete.is_empty() {
        let was_obsolete = old.catalog.obsolete_section_ids();
        changes.obsolete = obsolete.iter().filter(|(m, _)| !was_obsolete.contains(m.id.as_str())).count();
        out.push(OBSOLETE_HEADING.to_string());
        for (m, id) in obsolete {
            out.push(rename(m.text, &m.id, &id));
            out.extend(m.followers.iter().map(|s| s.to_string()));
        }
    }
    out
}

/// The entries joined by blank lines, with the old file's line ends.
fn joined(out: Vec<String>, catalog: &Catalog) -> String {
    let mut text = out.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    if catalog.text.contains("\r\n") {
        text = text.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    text
}

/// Which message goes with which unit.
struct Assigned<'a> {
    anchor: &'a Anchor<'a>,
    rekeyed: bool,
}

/// Pairs messages with units by the rule every command shares (see `matching`).
fn assign<'a>(
    leaflet: &Leaflet,
    catalog: &Catalog,
    parts: &'a Parts<'a>,
    junk: &HashSet<String>,
) -> HashMap<String, Assigned<'a>> {
    debug_assert_eq!(parts.messages.len(), catalog.messages.len(), "one anchor per parsed message");
    let skip: HashSet<&str> = junk.iter().map(String::as_str).collect();
    let matching = crate::status::matching::pair(leaflet, catalog, &skip);
    let mut out = HashMap::new();
    for (unit, pair) in leaflet.units.iter().zip(&matching.units) {
        if let Some(p) = pair {
            let anchor = &parts.messages[p.message];
            out.insert(unit.id.clone(), Assigned { anchor, rekeyed: anchor.id != unit.id });
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

fn sorted<V>(m: &HashMap<String, V>) -> Vec<(&String, &V)> {
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by_key(|(k, _)| *k);
    v
}

/// The comment lines tradui owns above a message: the record, the review marker with
/// its `was:` and `change:` lines, and the location line of the stub it came from.
fn owned(line: &str, source_lang: &str, leaflet_file: &str) -> bool {
    let Some(rest) = line.strip_prefix('#') else { return false };
    let rest = rest.trim_start();
    let location = rest.strip_prefix(leaflet_file).and_then(|r| r.strip_prefix(':')).is_some_and(|r| {
        let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0 && (r[digits..].trim().is_empty() || r[digits..].starts_with(" - keep "))
    });
    location
        || rest.starts_with(&format!("{source_lang}:"))
        || rest.starts_with(REVIEW_MARKER)
        || rest.starts_with("was:")
        || rest.starts_with("change:")
}

/// An existing message, brought up to date: its translation is never touched; the lines
/// tradui owns above it are written afresh from its state, so leftovers of a finished
/// review go away.
fn rewrite(
    text: &str,
    m: &crate::catalog::Message,
    unit: &Unit,
    new_id: Option<&str>,
    ctx: &Ctx,
    changes: &mut Changes,
) -> String {
    let body_start = comment_len(text);
    let (comment, body) = text.split_at(body_start);
    let body = match new_id {
        Some(new) => rename(body, &m.id, new),
        None => body.to_string(),
    };
    let lines: Vec<&str> = comment.lines().collect();
    let mut out: Vec<String> =
        lines.iter().filter(|l| !owned(l, ctx.src, ctx.file)).map(|s| s.to_string()).collect();
    let review_line = lines
        .iter()
        .find(|l| l.trim_start_matches('#').trim_start().starts_with(REVIEW_MARKER))
        .map(|l| l.to_string());
    out.extend(owned_lines(m, unit, review_line, ctx, changes));
    out.push(body);
    let new = out.join("\n");
    // A CRLF file keeps its line ends.
    if text.replace("\r\n", "\n") == new { text.to_string() } else { new }
}

/// What `rewrite` needs to know besides the message.
struct Ctx<'a> {
    src: &'a str,
    file: &'a str,
    options: &'a Options,
}

/// The record, review marker, `was:` and `change:` lines a message should have now.
fn owned_lines(
    m: &crate::catalog::Message,
    unit: &Unit,
    review_line: Option<String>,
    ctx: &Ctx,
    changes: &mut Changes,
) -> Vec<String> {
    let src = ctx.src;
    let source = normalize(&unit.text, false);
    if m.restored {
        changes.restored += 1;
    }
    let record_line = format!("# {src}: {source}");
    if ctx.options.accept.contains(&unit.id) && (m.review || m.record.as_deref() != Some(source.as_str())) {
        // Accepting a source edit also clears a review marker an earlier sync put there.
        changes.accepted += 1;
        return vec![record_line];
    }
    let Some(record) = &m.record else {
        changes.records_added += 1;
        let review = review_line.unwrap_or_else(|| format!("# {REVIEW_MARKER} no record of the {src} text this was translated from; check it, then delete this line."));
        return vec![review, record_line];
    };
    if *record == source && !m.review {
        return vec![record_line];
    }
    // The text the translation was last confirmed for.
    let confirmed = if m.review { m.was.clone().unwrap_or_else(|| record.clone()) } else { record.clone() };
    let review = match review_line {
        Some(line) if m.review => line,
        _ => {
            changes.marked_stale += usize::from(!m.restored || !m.review);
            format!(
                "# {REVIEW_MARKER} the {src} text changed. Update the translation, then delete this line."
            )
        }
    };
    let mut lines = vec![review];
    if confirmed != source {
        lines.push(format!("# was: {confirmed}"));
        lines.push(format!("# change: {}", word_diff(&confirmed, &source)));
    }
    lines.push(record_line);
    lines
}

pub use crate::status::matching::word_diff;

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

/// The reference catalog of a leaflet: today's source text as Fluent, one message per
/// unit (`locales/<source>/<slug>.ftl`), the file translation platforms and
/// compare-locales read. No comment above a message: a platform that copies the
/// reference file's comments into a translation must not copy anything that looks like
/// a `# en:` record.
pub fn reference_text(leaflet: &Leaflet, source_lang: &str) -> String {
    let mut out = format!(
        "### Reference catalog: the {source_lang} text of {}, written by `tradui sync`.\n### Edit the leaflet, not this file.\n\n",
        leaflet.file
    );
    for u in &leaflet.units {
        out.push_str(&format!("{} = {}\n", u.id, u.fluent_pattern()));
    }
    out
}

/// What a translation file says, layout aside: its messages with their provenance (the
/// sidecar's included), terms, junk and translators' comments, each sorted. Blank lines,
/// the order of entries, where a serializer put a comment, stubs and `sync`'s own
/// `was:`/`change:`/location lines are layout.
pub fn meaning(catalog: &Catalog, source_lang: &str, leaflet_file: &str) -> Vec<String> {
    let mut out: Vec<String> = catalog
        .messages
        .iter()
        .map(|m| format!("message {} = {:?} record {:?} review {}", m.id, m.value, m.record, m.review))
        .collect();
    for e in &catalog.entries {
        let text = &catalog.text[e.range.clone()];
        let stub = e.kind == EntryKind::Comment && stub_id(text).is_some();
        for line in text.lines() {
            let line = line.trim_end();
            let comment = line.starts_with('#');
            let ours = owned(line, source_lang, leaflet_file) || line.starts_with("## Obsolete") || stub;
            if comment && !ours {
                out.push(format!("comment {line}"));
            }
        }
        if matches!(e.kind, EntryKind::Term | EntryKind::Junk) {
            let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
            out.push(format!("{:?} {}", e.kind, normalize(&body.join("\n"), false)));
        }
    }
    out.sort();
    out
}

/// Why a file is left untouched.
pub fn refuse(catalog: &Catalog, path: &Path) -> Option<Diagnostic> {
    let mut seen = HashSet::new();
    for m in &catalog.messages {
        if !seen.insert(m.id.as_str()) {
            return Some(
                Diagnostic::error(
                    Kind::Invalid,
                    &catalog.file,
                    format!("`{}` is defined twice; sync left the file untouched", m.id),
                )
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
        assert_eq!(
            text,
            "# en: Hi\n# content/t.md:1\n# hi =\n\n# en: We walk on { $date }.\n# content/t.md:3 - keep { $date } as written\n# hi-p1 =\n"
        );
        let c = Catalog::parse("x", text.clone(), "en");
        assert!(c.errors.is_empty() && c.messages.is_empty());
        assert_eq!(sync("# Hi\n\nWe walk on { $date }.\n", &text), (text, Changes::default()));
    }

    #[test]
    fn stale_units_are_marked_with_a_diff() {
        let (text, ch) = sync(
            "# Hi\n\nBring two friends.\n",
            "# en: Hi\nhi = Bonjou\n\n# my note\n# en: Bring a friend.\nhi-p1 = Mennen yon zanmi.\n",
        );
        assert_eq!(ch.marked_stale, 1);
        assert!(text.contains("# my note\n# REVIEW: the en text changed. Update the translation, then delete this line.\n# was: Bring a friend.\n# change: Bring [-a-]{+two+} [-friend.-]{+friends.+}\n# en: Bring two friends.\nhi-p1 = Mennen yon zanmi.\n"), "{text}");
        let c = Catalog::parse("x", text.clone(), "en");
        assert!(c.messages[1].review);
        assert_eq!(sync("# Hi\n\nBring two friends.\n", &text).0, text);
    }

    #[test]
    fn accepting_after_a_review_marker_clears_it() {
        let md = "# Hi\n\nBring a friend!\n";
        let (marked, _) =
            sync(md, "# en: Hi\nhi = Bonjou\n\n# en: Bring a friend.\nhi-p1 = Mennen yon zanmi.\n");
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
        let c = Catalog::parse(
            "x",
            "# en: Hi\nhi = Bonjou\n\n# en: Bring a friend.\nhi-p1 = Mennen yon zanmi.\n".into(),
            "en",
        );
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
        assert!(
            text.ends_with(&format!("{OBSOLETE_HEADING}\n\n# en: Old text.\nhi-p2-obsolete = Vye tèks.\n")),
            "{text}"
        );
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
        assert!(
            text.starts_with(
                "### Kreyòl notes\n\n# en: Hi\nhi = Bonjou\n\n## a group note\n\nhi-p1 = { broken\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_stub_left_right_above_a_message_is_not_stubbed_twice() {
        let md = "# Hi\n\nText.\n";
        let (stubbed, _) = sync(md, "");
        // The translator wrote the message under the stub, with no blank line between.
        let ftl = stubbed.replace("# hi-p1 =", "# hi-p1 =\nhi-p1 = Tèks.").replace("# hi =", "# hi =\n");
        let c = Catalog::parse("x", ftl.clone(), "en");
        assert_eq!(
            c.messages.iter().map(|m| (m.id.as_str(), m.record.clone())).collect::<Vec<_>>(),
            [("hi-p1", None)]
        );
        let (text, ch) = sync(md, &ftl);
        assert_eq!(text.matches("# hi-p1 =").count(), 0, "{text}");
        assert_eq!(text.matches("# hi =").count(), 1, "{text}");
        assert_eq!(ch.stubs, 0);
        assert_eq!(sync(md, &text).0, text);
    }

    #[test]
    fn a_crlf_file_ending_in_a_lone_cr_settles_in_one_sync() {
        let md = "# Hi\n\nNew.\n";
        for ftl in
            ["# en: Hi\r\nhi = Bonjou\r", "# en: Hi\r\nhi = Bonjou\r\n\r\n# en: New.\r\nhi-p1 = Nouvo\r"]
        {
            let (once, _) = sync(md, ftl);
            assert_eq!(sync(md, &once).0, once, "{once:?}");
            assert!(!once.replace("\r\n", "").contains(['\r', '\n']), "{once:?}");
        }
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
        // The stub's location line goes; the record stays.
        let (cleaned, changes) = sync("# Hi\n", &filled);
        assert_eq!((cleaned.as_str(), changes), ("# en: Hi\nhi = Bonjou\n", Changes::default()));
        assert_eq!(sync("# Hi\n", &cleaned).0, cleaned);
    }
}
