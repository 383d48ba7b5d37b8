//! Import: a PO or XLIFF file's entries back into `.ftl` text, losing nothing.
//!
//! For each entry, with `seen` the source text the translator saw in the file:
//! - an empty translation changes nothing;
//! - a new translation is written with `seen` as its record (so a source that changed
//!   after the export stays stale), marked for review when the entry is fuzzy;
//! - an unchanged translation only takes the entry's state: a cleared fuzzy flag sets the
//!   record to `seen` and removes the review marker; a new fuzzy flag adds one;
//! - when the `.ftl` message was edited after the export (its text no longer has the
//!   fingerprint the file carries) and the file brings another text, both are kept: the
//!   `.ftl` text stays, the imported one goes in an `# imported` comment, marked for review.
//!
//! Translators' comments in the file are added to the message's comments. Placeables are
//! then checked by the status engine, and its problems are reported at the entry's line.

use super::{Bundle, Entry, fingerprint, owned_comment, translator_comments};
use crate::catalog::text::{message_text, text_of_message, to_message};
use crate::catalog::{Catalog, EntryKind, REVIEW_MARKER};
use crate::diag::{Diagnostic, Kind};
use crate::lang::Lang;
use crate::project::Project;
use crate::source::{Leaflet, Unit, normalize};
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// One file to import: its path as shown to the user, and what it holds.
pub struct Import<'a> {
    pub file: &'a str,
    pub bundle: &'a Bundle,
}

/// What to tell the user about one entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Note {
    pub imported: usize,
    pub review: usize,
    pub confirmed: usize,
    pub kept_both: usize,
    pub comments: usize,
}

/// New file texts (only those that change) and every problem, at the entry's line.
#[derive(Debug, Default)]
pub struct ImportOutcome {
    /// (translation file relative to the project, new text).
    pub files: Vec<(String, String)>,
    pub diagnostics: Vec<Diagnostic>,
    /// What changed, per translation file.
    pub notes: BTreeMap<String, Note>,
}

/// The comment lines tradui owns above a message, when it sets them.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Owned {
    Keep,
    /// Keep them, with a review marker above.
    AddReview(String),
    Set {
        record: String,
        review: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    /// New message source (`id = ...`), or None to keep the body as it is.
    body: Option<String>,
    owned: Owned,
    /// Comment lines to add (translators' comments, the imported text of a conflict).
    extra: Vec<String>,
}

/// A translation file the import changes: its leaflet, its path, and the IDs it changed
/// with the entry's line and its target's line.
type Changed = (String, String, Vec<ChangedId>);

/// A message ID an import changed, with its entry's line and its target's line.
type ChangedId = (String, usize, usize);

/// One translation file planned: its path, new text, what changed and the IDs changed.
type Planned = (String, String, Note, Vec<ChangedId>);

/// Entries of the import file that are kept out: (leaflet, the entry's line).
type Refused = HashSet<(String, usize)>;

/// What the import needs at every step.
struct Context<'a> {
    project: &'a Project,
    import: &'a Import<'a>,
    lang: Lang,
    report: crate::status::Report,
}

/// Plans the import of one file into the project's `.ftl` files. A translation that
/// `check` would find invalid (a placeable dropped or misspelt, a select that does not
/// parse, an unsafe link) is kept out: it is reported at its line and written nowhere.
pub fn import(project: &Project, import: &Import) -> Result<ImportOutcome, Diagnostic> {
    let lang = target_lang(project, import)?;
    let cx = Context { project, import, lang, report: crate::status::report(project) };
    let (groups, duplicates) = group(import);
    let (mut outcome, changed) = plan_files(&cx, &groups, &Refused::new());
    let problems = check_placeables(&cx, &outcome.files, &changed);
    let refused: Refused =
        problems.iter().filter(|(d, _)| d.is_error()).map(|(_, key)| key.clone()).collect();
    if !refused.is_empty() {
        outcome = plan_files(&cx, &groups, &refused).0;
    }
    let mut diagnostics = duplicates;
    diagnostics.append(&mut outcome.diagnostics);
    diagnostics.extend(problems.into_iter().map(|(d, key)| match refused.contains(&key) {
        true => not_imported(d),
        false => d,
    }));
    outcome.diagnostics = diagnostics;
    Ok(outcome)
}

fn not_imported(d: Diagnostic) -> Diagnostic {
    let hint = d.hint.clone().map_or(String::new(), |h| format!("{h}; "));
    d.hint(format!(
        "{hint}this translation was not imported (written nowhere): fix it in your tool or the file, then import the file again"
    ))
}

/// The entries by leaflet, each (leaflet, ID) once; a second one is a warning.
fn group<'a>(import: &'a Import) -> (BTreeMap<&'a str, Vec<&'a Entry>>, Vec<Diagnostic>) {
    let mut seen_ids = HashSet::new();
    let mut groups: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    let mut diagnostics = Vec::new();
    for e in &import.bundle.entries {
        if !seen_ids.insert((e.leaflet.as_str(), e.id.as_str())) {
            let d = Diagnostic::warning(
                Kind::Invalid,
                import.file,
                format!("`{}:{}` appears twice; the first one is used", e.leaflet, e.id),
            );
            diagnostics.push(at(import, e, d));
            continue;
        }
        groups.entry(e.leaflet.as_str()).or_default().push(e);
    }
    (groups, diagnostics)
}

/// The new text of every translation file the entries change, leaving out `refused`.
fn plan_files(
    cx: &Context,
    groups: &BTreeMap<&str, Vec<&Entry>>,
    refused: &Refused,
) -> (ImportOutcome, Vec<Changed>) {
    let mut outcome = ImportOutcome::default();
    let mut changed: Vec<Changed> = Vec::new();
    for (slug, entries) in groups {
        let Some(leaflet) = cx.project.leaflet(slug) else {
            let d = Diagnostic::warning(
                Kind::OrphanFile,
                cx.import.file,
                format!("no leaflet \"{slug}\" (content/{slug}.md): {} entr(ies) skipped", entries.len()),
            )
            .hint("export the file again from this project");
            outcome.diagnostics.push(at(cx.import, entries[0], d));
            continue;
        };
        let entries = entries.iter().filter(|e| !refused.contains(&(slug.to_string(), e.line)));
        match plan_file(cx, leaflet, entries, &mut outcome.diagnostics) {
            Some((file, text, plan_note, ids)) => {
                outcome.notes.insert(file.clone(), plan_note);
                changed.push((slug.to_string(), file.clone(), ids));
                outcome.files.push((file, text));
            }
            None => continue,
        }
    }
    (outcome, changed)
}

/// The new text of one leaflet's translation file, when the entries change it.
fn plan_file<'a>(
    cx: &Context,
    leaflet: &Leaflet,
    entries: impl Iterator<Item = &'a &'a Entry>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Planned> {
    let file = Project::catalog_file(&cx.lang, &leaflet.slug);
    let catalog = cx.project.catalog(&cx.lang, &leaflet.slug);
    if let Some(d) = catalog.and_then(|c| crate::sync::refuse(c, &cx.project.root.join(&file))) {
        diagnostics.push(d.hint("fix this first; import left the file untouched"));
        return None;
    }
    let source = cx.project.config.source.to_string();
    let mut plan = Plan {
        import: cx.import,
        leaflet,
        catalog,
        cell: cx.report.cell(&leaflet.slug, &cx.lang),
        source: &source,
        edits: Vec::new(),
        note: Note::default(),
        diags: Vec::new(),
        ids: Vec::new(),
    };
    for e in entries {
        plan.entry(e);
    }
    diagnostics.append(&mut plan.diags);
    if plan.edits.is_empty() {
        return None;
    }
    let old = catalog.map_or("", |c| c.text.as_str());
    let text = apply(old, plan.edits);
    match sane(&file, old, &text, &source, &plan.ids) {
        Ok(()) => Some((file, text, plan.note, plan.ids)),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

fn target_lang(project: &Project, import: &Import) -> Result<Lang, Diagnostic> {
    let bad = |why: String| {
        Diagnostic::error(Kind::Config, import.file, why).hint(format!(
            "export a file for one of this project's languages: {}",
            project.config.languages.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ")
        ))
    };
    let lang = Lang::parse(&import.bundle.lang).map_err(|e| bad(format!("the file's language: {e}")))?;
    if !project.config.languages.contains(&lang) {
        return Err(bad(format!(
            "the file is in \"{lang}\", which is not a translation language of this project"
        )));
    }
    if !import.bundle.source_lang.is_empty()
        && Lang::parse(&import.bundle.source_lang).ok().as_ref() != Some(&project.config.source)
    {
        return Err(bad(format!(
            "the file translates from \"{}\", but this project's source is \"{}\"",
            import.bundle.source_lang, project.config.source
        )));
    }
    Ok(lang)
}

/// Where an entry's translation starts (its entry's first line when the file says not).
fn target_line(e: &Entry) -> usize {
    if e.target_line > 0 { e.target_line } else { e.line }
}

fn at(import: &Import, e: &Entry, d: Diagnostic) -> Diagnostic {
    let d = Diagnostic { file: import.file.to_string(), ..d };
    d.at((e.line.max(1), 1)).leaflet(&e.leaflet).id(&e.id)
}

/// The edits to one `.ftl` file.
struct Plan<'a> {
    import: &'a Import<'a>,
    leaflet: &'a Leaflet,
    catalog: Option<&'a Catalog>,
    cell: Option<&'a crate::status::Cell>,
    source: &'a str,
    /// (range of the old text, replacement, order among insertions at one point).
    edits: Vec<(Range<usize>, String, usize)>,
    note: Note,
    diags: Vec<Diagnostic>,
    /// Unit IDs changed, with the entry's line and its target's line.
    ids: Vec<ChangedId>,
}

impl Plan<'_> {
    fn entry(&mut self, e: &Entry) {
        let seen = normalize(&e.source, false);
        let unit = self.leaflet.unit(&e.id).or_else(|| self.leaflet.units.iter().find(|u| u.text == seen));
        let Some(unit) = unit else {
            if !e.target.trim().is_empty() {
                let d = Diagnostic::warning(
                    Kind::Obsolete,
                    self.import.file,
                    format!(
                        "{} has no unit `{}` any more; this translation was skipped",
                        self.leaflet.file, e.id
                    ),
                )
                .hint("export the file again: the leaflet changed since this one was made");
                self.diags.push(at(self.import, e, d));
            }
            return;
        };
        // The message that translates the unit, by the status report's matching rule (it
        // keeps its own ID when the unit moved; `sync` re-keys it).
        let matched =
            self.cell.and_then(|c| c.units.iter().find(|u| u.id == unit.id)).and_then(|u| u.message.clone());
        let message = self.catalog.and_then(|c| matched.as_deref().and_then(|id| c.message(id)));
        let msg_id = message.map_or(unit.id.as_str(), |m| m.id.as_str());
        if let Some((line, why)) = &e.problem {
            let d = Diagnostic::error(Kind::Invalid, self.import.file, why.clone()).hint(
                "this translation was not imported; in your CAT tool, give it the same tags as the source (or copy the source's tags again), then export and import it again",
            );
            self.diags.push(at(self.import, e, d).at((*line, 1)));
            return;
        }
        let body = match to_message(msg_id, &e.target) {
            Ok(Some(b)) => b,
            Ok(None) => return,
            Err(t) => {
                let d = Diagnostic::error(Kind::Invalid, self.import.file, format!("`{}`: {}", e.id, t.message))
                    .hint("keep the Fluent lines of a select as exported: `{ $n ->`, one `[key] text` per line, `*[other] text`, then `}`");
                self.diags.push(at(self.import, e, d).at((target_line(e) + t.line, 1)));
                return;
            }
        };
        let change = match (self.catalog, message) {
            (Some(c), Some(m)) => self.decide(c, m, e, &seen, body),
            _ => Some(Change {
                body: Some(body),
                owned: Owned::Set { record: seen.clone(), review: e.fuzzy.then(|| self.fuzzy_reason(e)) },
                extra: self.new_comments(None, &unit.id, e),
            }),
        };
        let Some(change) = change else { return };
        self.count(&change, message.is_none());
        self.ids.push((message.map_or(unit.id.clone(), |m| m.id.clone()), e.line, target_line(e)));
        if message.is_some_and(|m| m.id != unit.id) {
            self.ids.push((unit.id.clone(), e.line, target_line(e)));
        }
        match message {
            Some(m) => self.rewrite(&m.id, change),
            None => self.insert(unit, change),
        }
    }

    fn fuzzy_reason(&self, e: &Entry) -> String {
        format!("imported from {}:{} as needing review (fuzzy)", self.import.file, e.line)
    }

    fn decide(
        &mut self,
        c: &Catalog,
        m: &crate::catalog::Message,
        e: &Entry,
        seen: &str,
        body: String,
    ) -> Option<Change> {
        let cur = message_text(c, &m.id).unwrap_or_default();
        let new = text_of_message(&body).unwrap_or_default();
        let extra = self.new_comments(Some(c), &m.id, e);
        let current = m.record.as_deref() == Some(seen) && !m.review;
        let change = if cur == new {
            let owned = match (e.fuzzy, current) {
                (false, false) => Owned::Set { record: seen.to_string(), review: None },
                (true, true) => Owned::AddReview(self.fuzzy_reason(e)),
                _ => Owned::Keep,
            };
            Change { body: None, owned, extra }
        } else if e.base.as_deref() == Some(fingerprint(&cur).as_str()) {
            Change {
                body: Some(body),
                owned: Owned::Set { record: seen.to_string(), review: e.fuzzy.then(|| self.fuzzy_reason(e)) },
                extra,
            }
        } else {
            return self.conflict(c, m, e, &new, extra);
        };
        (change.body.is_some() || change.owned != Owned::Keep || !change.extra.is_empty()).then_some(change)
    }

    /// The `.ftl` was edited after the export and the file brings another text: keep both.
    fn conflict(
        &mut self,
        c: &Catalog,
        m: &crate::catalog::Message,
        e: &Entry,
        new: &str,
        mut extra: Vec<String>,
    ) -> Option<Change> {
        let mut lines = new.lines();
        let mut imported =
            vec![format!("imported from {}: {}", self.import.file, lines.next().unwrap_or(""))];
        imported.extend(lines.map(|l| format!("  {l}")));
        let existing = entry_text(c, &m.id);
        if existing.lines().any(|l| l.trim_start_matches('#').trim() == imported[0]) {
            return (!extra.is_empty()).then_some(Change { body: None, owned: Owned::Keep, extra });
        }
        extra.extend(imported);
        let d = Diagnostic::warning(
            Kind::Stale,
            self.import.file,
            format!("`{}` was edited in {} after the export and the file brings another translation: both are kept, marked for review", e.id, c.file),
        )
        .hint(format!("open {}, keep the better text, then delete the REVIEW and `imported` lines", c.file));
        self.diags.push(at(self.import, e, d));
        let reason = format!(
            "{}:{} brings another translation (see `imported` above); the .ftl was edited after the export. Keep one",
            self.import.file, e.line
        );
        Some(Change { body: None, owned: Owned::AddReview(reason), extra })
    }

    /// Comments from the file that the message does not have yet.
    fn new_comments(&self, c: Option<&Catalog>, id: &str, e: &Entry) -> Vec<String> {
        let have: HashSet<String> =
            c.map(|c| translator_comments(c, id, self.source)).unwrap_or_default().into_iter().collect();
        e.comments
            .iter()
            .map(|c| normalize(c, false))
            .filter(|c| !c.is_empty() && !have.contains(c))
            .map(|c| if owned_comment(&format!("# {c}"), self.source) { format!("note: {c}") } else { c })
            .collect()
    }

    fn count(&mut self, change: &Change, new: bool) {
        match (&change.body, &change.owned) {
            (_, Owned::AddReview(r)) if r.contains("brings another") => self.note.kept_both += 1,
            (Some(_), Owned::Set { review: Some(_), .. }) | (None, Owned::AddReview(_)) => {
                self.note.review += 1
            }
            (Some(_), _) => self.note.imported += 1,
            (None, Owned::Set { .. }) => self.note.confirmed += 1,
            (None, _) => self.note.comments += 1,
        }
        let _ = new;
    }

    fn crlf(&self) -> bool {
        self.catalog.is_some_and(|c| c.text.contains("\r\n"))
    }

    fn rewrite(&mut self, id: &str, change: Change) {
        let c = self.catalog.expect("a message comes from a catalog");
        let span = c
            .entries
            .iter()
            .find(|e| e.kind == EntryKind::Message && e.id.as_deref() == Some(id))
            .expect("a message has an entry");
        let old = &c.text[span.range.clone()];
        let comment_end: usize =
            old.split_inclusive('\n').take_while(|l| l.starts_with('#')).map(str::len).sum();
        let (comments, body) = old.split_at(comment_end);
        let lines: Vec<&str> = comments.lines().collect();
        let mut out: Vec<String> =
            lines.iter().filter(|l| !owned_comment(l, self.source)).map(|l| l.to_string()).collect();
        out.extend(change.extra.iter().map(|x| format!("# {x}")));
        match &change.owned {
            Owned::Keep => {
                out.extend(lines.iter().filter(|l| owned_comment(l, self.source)).map(|l| l.to_string()))
            }
            Owned::AddReview(reason) => {
                let owned: Vec<String> =
                    lines.iter().filter(|l| owned_comment(l, self.source)).map(|l| l.to_string()).collect();
                if !owned.iter().any(|l| l.trim_start_matches('#').trim_start().starts_with(REVIEW_MARKER)) {
                    out.push(review_line(reason));
                }
                out.extend(owned);
            }
            Owned::Set { record, review } => {
                out.extend(review.iter().map(|r| review_line(r)));
                out.push(format!("# {}: {record}", self.source));
            }
        }
        out.push(change.body.unwrap_or_else(|| body.trim_end().to_string()));
        let text = self.newlines(out.join("\n"));
        self.edits.push((span.range.clone(), text, 0));
    }

    fn insert(&mut self, unit: &Unit, change: Change) {
        let mut lines: Vec<String> = change.extra.iter().map(|x| format!("# {x}")).collect();
        if let Owned::Set { record, review } = &change.owned {
            lines.extend(review.iter().map(|r| review_line(r)));
            lines.push(format!("# {}: {record}", self.source));
        }
        lines.push(change.body.expect("a new message has a body"));
        let entry = lines.join("\n");
        let order = self.edits.len();
        let text = self.catalog.map_or("", |c| c.text.as_str());
        if let Some(range) = self.stub_range(&unit.id) {
            let text = self.newlines(entry);
            self.edits.push((range, text, order));
        } else if let Some(at) = self.insert_point(unit) {
            let text = self.newlines(format!("{entry}\n\n"));
            self.edits.push((at..at, text, order));
        } else {
            let end = text.len();
            let first = !self.edits.iter().any(|(r, _, _)| *r == (end..end));
            let lead = if text.is_empty() {
                if first { "" } else { "\n" }
            } else if text.ends_with("\n\n") || text.ends_with("\r\n\r\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let piece = self.newlines(format!("{lead}{entry}\n"));
            self.edits.push((end..end, piece, order));
        }
    }

    fn newlines(&self, s: String) -> String {
        if self.crlf() { s.replace('\n', "\r\n") } else { s }
    }

    /// The range of the commented-out stub `sync` wrote for a unit.
    fn stub_range(&self, id: &str) -> Option<Range<usize>> {
        let c = self.catalog?;
        c.entries
            .iter()
            .filter(|e| e.kind == EntryKind::Comment)
            .find(|e| stub_id(&c.text[e.range.clone()]) == Some(id))
            .map(|e| e.range.clone())
    }

    /// Where a new message goes: before the entry of the next unit that the file has.
    fn insert_point(&self, unit: &Unit) -> Option<usize> {
        let c = self.catalog?;
        let pos = self.leaflet.units.iter().position(|u| u.id == unit.id)?;
        for later in &self.leaflet.units[pos + 1..] {
            let found = c.entries.iter().find(|e| {
                (e.kind == EntryKind::Message && e.id.as_deref() == Some(later.id.as_str()))
                    || (e.kind == EntryKind::Comment
                        && stub_id(&c.text[e.range.clone()]) == Some(later.id.as_str()))
            });
            if let Some(e) = found {
                return Some(e.range.start);
            }
        }
        c.entries
            .iter()
            .find(|e| e.kind == EntryKind::Comment && c.text[e.range.clone()].starts_with("## Obsolete"))
            .map(|e| e.range.start)
    }
}

fn review_line(reason: &str) -> String {
    format!("# {REVIEW_MARKER} {reason}; check the translation, then delete this line.")
}

/// The unit ID of a stub `sync` wrote (its last line `# id =`).
fn stub_id(text: &str) -> Option<&str> {
    let last = text.lines().last()?.trim_end();
    let id = last.strip_prefix("# ")?.strip_suffix('=')?.trim_end();
    crate::source::is_identifier(id).then_some(id)
}

fn entry_text<'a>(c: &'a Catalog, id: &str) -> &'a str {
    c.entries
        .iter()
        .find(|e| e.kind == EntryKind::Message && e.id.as_deref() == Some(id))
        .map_or("", |e| &c.text[e.range.clone()])
}

/// Applies non-overlapping edits (insertions at one point keep their order).
fn apply(old: &str, mut edits: Vec<(Range<usize>, String, usize)>) -> String {
    edits.sort_by_key(|(r, _, order)| (r.start, r.end, *order));
    let mut out = String::with_capacity(old.len() + edits.iter().map(|e| e.1.len()).sum::<usize>());
    let mut last = 0;
    for (range, text, _) in edits {
        out.push_str(&old[last..range.start.max(last)]);
        out.push_str(&text);
        last = range.end.max(last);
    }
    out.push_str(&old[last..]);
    out
}

/// The new file must parse as well as the old one did, with every imported message in it.
fn sane(file: &str, old: &str, new: &str, source: &str, ids: &[ChangedId]) -> Result<(), Diagnostic> {
    let before = Catalog::parse(file, old.to_string(), source);
    let after = Catalog::parse(file, new.to_string(), source);
    let junk = |c: &Catalog| c.entries.iter().filter(|e| e.kind == EntryKind::Junk).count();
    // Each imported entry's message (a re-keyed one under its old ID) must be there.
    let missing = ids.iter().find(|(id, line, _)| {
        after.message(id).is_none()
            && !ids.iter().any(|(o, l, _)| l == line && o != id && after.message(o).is_some())
    });
    if junk(&after) > junk(&before) || missing.is_some() {
        return Err(Diagnostic::error(
            Kind::Io,
            file,
            "import would have broken this file; it is left untouched",
        )
        .hint("please report this as a tradui bug, with the file you imported"));
    }
    Ok(())
}

/// Problems `check` would report on the imported messages, at their targets' lines,
/// each with its entry (leaflet, the entry's line).
fn check_placeables(
    cx: &Context,
    files: &[(String, String)],
    changed: &[Changed],
) -> Vec<(Diagnostic, (String, usize))> {
    if files.is_empty() {
        return Vec::new();
    }
    let project = cx.project;
    let mut catalogs = project.catalogs.clone();
    let source = project.config.source.to_string();
    for ((slug, file, _), (_, text)) in changed.iter().zip(files) {
        catalogs.insert((cx.lang.clone(), slug.clone()), Catalog::parse(file, text.clone(), &source));
    }
    let after = project.with_catalogs(catalogs);
    let report = crate::status::report(&after);
    let mut out = Vec::new();
    for d in report.diagnostics {
        if d.lang.as_deref() != Some(cx.lang.as_str())
            || matches!(d.kind, Kind::Missing | Kind::Stale | Kind::Obsolete | Kind::NoRecord)
        {
            continue;
        }
        let Some((slug, _, ids)) =
            changed.iter().find(|(slug, file, _)| d.leaflet.as_deref() == Some(slug) && d.file == *file)
        else {
            continue;
        };
        let Some((_, entry, line)) = ids.iter().find(|(id, ..)| d.id.as_deref() == Some(id)) else {
            continue;
        };
        let d = Diagnostic { file: cx.import.file.to_string(), line: *line, column: 1, ..d };
        out.push((d, (slug.clone(), *entry)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_order() {
        let edits = vec![(4..5, "X".to_string(), 0), (0..0, "a".to_string(), 1), (0..0, "b".to_string(), 2)];
        assert_eq!(apply("0123456", edits), "ab0123X56");
    }

    #[test]
    fn stub_ids_are_read() {
        assert_eq!(stub_id("# en: Hi\n# content/t.md:1\n# hi ="), Some("hi"));
        assert_eq!(stub_id("# just a note"), None);
    }
}
