//! Interchange: PO and XLIFF views of units and catalogs, for the tools translators
//! already use (Poedit, OmegaT, Weblate, Crowdin, Pontoon).
//!
//! - [`export_entries`] turns (units x one language's catalogs) into [`Entry`]s: today's
//!   source, the translation as text, whether it needs review, the source it was made from;
//!   [`po`] and [`xliff`] write them and read them back, with the line of every entry.
//! - [`import`] writes entries back into `.ftl` text: the record is the source the
//!   translator saw, a fuzzy entry comes back marked for review, an empty one changes
//!   nothing, and a message edited in the `.ftl` since the export is never overwritten.
//!
//! The text of a translation in a PO or XLIFF file is written like the source: Markdown
//! with `{ $name }` and `{ -term }` placeables, every other brace a plain brace. A message
//! with a select expression is the one exception: it travels as Fluent, one variant per
//! line, so that every variant can be translated and comes back as valid Fluent.

mod markup;
pub mod po;
mod write;
pub mod xliff;

pub use write::{Import, ImportOutcome, Note, import};

use crate::catalog::text;
use crate::catalog::{Catalog, EntryKind, REVIEW_MARKER};
use crate::lang::Lang;
use crate::project::Project;
use crate::source::{Leaflet, Ref, VarValue};
use crate::status::{Report, State};

/// PO or XLIFF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Po,
    Xliff,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Po => "po",
            Format::Xliff => "xlf",
        }
    }
}

/// One unit as a translator's file carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub leaflet: String,
    pub id: String,
    /// Today's source text (export); the source the translator saw (import).
    pub source: String,
    /// The translation as text ("" when there is none).
    pub target: String,
    /// Needs review: stale, marked for review, without a record, or invalid.
    pub fuzzy: bool,
    /// The source text the translation was made from, when it differs from `source`.
    pub previous: Option<String>,
    /// Where the unit is in the source (`content/walkout.md`, line).
    pub location: Option<(String, usize)>,
    /// Notes for the translator: what each placeable is.
    pub notes: Vec<String>,
    /// The translator's own comments.
    pub comments: Vec<String>,
    /// Fingerprint of the translation at export time (see [`fingerprint`]).
    pub base: Option<String>,
    /// Line of the entry in the PO or XLIFF file (import).
    pub line: usize,
    /// Line where the translation's text starts (the `msgstr`, the `<target>`), where
    /// import reports what is wrong with it.
    pub target_line: usize,
    /// Why the entry's translation cannot be imported, at which line of the file (a
    /// target whose markup tags do not pair); import reports it and skips the entry.
    pub problem: Option<(usize, String)>,
}

/// A PO or XLIFF file: its language and entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub lang: String,
    pub source_lang: String,
    pub entries: Vec<Entry>,
}

/// A file that cannot be read as PO or XLIFF: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ParseError {
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        ParseError { line, column: 1, message: message.into() }
    }
}

/// The `msgctxt` / XLIFF `id` of an entry: `leaflet:id`.
pub fn context(leaflet: &str, id: &str) -> String {
    format!("{leaflet}:{id}")
}

/// Splits `leaflet:id`.
pub fn split_context(ctx: &str) -> Option<(&str, &str)> {
    let (l, i) = ctx.split_once(':')?;
    (crate::source::is_identifier(l) && crate::source::is_identifier(i)).then_some((l, i))
}

/// A short, stable fingerprint of a translation's text (SipHash 1-3 with zero keys), so
/// that import can tell whether the `.ftl` changed since the export.
pub fn fingerprint(text: &str) -> String {
    use std::hash::Hasher;
    let mut h = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    h.write(crate::source::normalize(text, false).as_bytes());
    format!("{:016x}", h.finish())
}

/// How a variable's value reads in a language (`localize::display_value`: a date in the
/// language's own format), for the notes that say what a placeable stands for.
pub type ShowValue<'a> = &'a dyn Fn(&VarValue, &Lang) -> String;

/// The entries of one language: every unit of every leaflet (or of `only`).
pub fn export_entries(
    project: &Project,
    report: &Report,
    lang: &Lang,
    only: Option<&str>,
    show: ShowValue,
) -> Vec<Entry> {
    let mut out = Vec::new();
    for leaflet in &project.leaflets {
        if only.is_some_and(|s| s != leaflet.slug) {
            continue;
        }
        let catalog = project.catalog(lang, &leaflet.slug);
        let cell = report.cell(&leaflet.slug, lang);
        for unit in &leaflet.units {
            let matched = cell.and_then(|c| c.units.iter().find(|u| u.id == unit.id));
            let state = matched.map_or(State::Missing, |u| u.state);
            let message_id = matched.and_then(|u| u.message.as_deref());
            let mut e = Entry {
                leaflet: leaflet.slug.clone(),
                id: unit.id.clone(),
                source: unit.text.clone(),
                location: Some((leaflet.file.clone(), unit.line)),
                notes: placeable_notes(leaflet, unit.refs.iter(), lang, show),
                ..Entry::default()
            };
            if let Some((c, m)) =
                catalog.and_then(|c| message_id.and_then(|id| c.message(id)).map(|m| (c, m)))
                && let Some(target) = text::message_text(c, &m.id)
            {
                e.base = Some(fingerprint(&target));
                e.target = target;
                e.fuzzy = state != State::Current || m.review || m.record.is_none();
                e.previous = m.record.clone().filter(|r| *r != unit.text);
                e.comments = translator_comments(c, &m.id, &project.config.source.to_string());
            }
            out.push(e);
        }
    }
    out
}

/// What each placeable of a unit stands for, in words a translator understands.
fn placeable_notes<'a>(
    leaflet: &Leaflet,
    refs: impl Iterator<Item = &'a Ref>,
    lang: &Lang,
    show: ShowValue,
) -> Vec<String> {
    let vars = leaflet.variables_for(lang.as_str());
    refs.map(|r| match r {
        Ref::Var(v) => match vars.get(v.as_str()) {
            Some(value) => format!(
                "{r} is replaced by \"{}\" (set in the leaflet); keep {r} exactly as written.",
                show(value, lang)
            ),
            None => format!("{r} is replaced by a value; keep {r} exactly as written."),
        },
        Ref::Term(_) => format!("{r} is a glossary term (terms.ftl); keep {r} exactly as written."),
        Ref::Message(_) => format!("{r} is replaced by another message; keep it exactly as written."),
    })
    .collect()
}

/// When the translations of `lang` last changed, in seconds since the epoch, for the
/// PO file's `PO-Revision-Date`: the newest modification time of its files (the
/// leaflets' translation files and the glossary, or, for a language with none yet, the
/// leaflets), never the clock, so that the same files give the same export.
pub fn last_revised(project: &Project, lang: &Lang, only: Option<&str>) -> u64 {
    let leaflets = project.leaflets.iter().filter(|l| only.is_none_or(|s| s == l.slug));
    let mtime = |rel: &str| {
        let meta = std::fs::metadata(project.root.join(rel)).ok()?;
        meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok().map(|d| d.as_secs())
    };
    let mut files: Vec<String> = leaflets.clone().map(|l| Project::catalog_file(lang, &l.slug)).collect();
    files.push(format!("locales/{lang}/terms.ftl"));
    let newest = files.iter().filter_map(|f| mtime(f)).max();
    newest.or_else(|| leaflets.filter_map(|l| mtime(&l.file)).max()).unwrap_or(0)
}

/// Comment lines above a message that tradui did not write: the translators' own.
pub fn translator_comments(catalog: &Catalog, id: &str, source_lang: &str) -> Vec<String> {
    let Some(entry) =
        catalog.entries.iter().find(|e| e.kind == EntryKind::Message && e.id.as_deref() == Some(id))
    else {
        return Vec::new();
    };
    catalog.text[entry.range.clone()]
        .lines()
        .take_while(|l| l.starts_with('#'))
        .filter(|l| !owned_comment(l, source_lang))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        // The line translation memory writes says where a text came from: tradui's.
        .filter(|l| !l.is_empty() && !l.starts_with("memory:"))
        .collect()
}

/// The comment lines tradui writes and rewrites above a message (as `sync` does),
/// with the location line of the stub it came from (`# content/strike.md:21`).
pub(crate) fn owned_comment(line: &str, source_lang: &str) -> bool {
    let Some(rest) = line.strip_prefix('#') else { return false };
    let rest = rest.trim_start();
    location_line(rest)
        || rest.starts_with(&format!("{source_lang}:"))
        || rest.starts_with(REVIEW_MARKER)
        || rest.starts_with("was:")
        || rest.starts_with("change:")
}

/// `content/strike.md:21`, or `content/strike.md:21 - keep { $date } as written`: the
/// line `sync` writes in a stub to say where the unit is.
fn location_line(rest: &str) -> bool {
    let Some((path, after)) = rest.split_once(".md:") else { return false };
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    !path.is_empty()
        && !path.contains(char::is_whitespace)
        && digits > 0
        && (after[digits..].trim().is_empty() || after[digits..].starts_with(" - keep "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_translators_comments_are_theirs() {
        let text = "# checked with Marie\n# content/walk.md:9\n# memory: the same en text is translated in other.ftl\n# REVIEW: look\n# en: Hi\nhi = Bonjou\n";
        let c = Catalog::parse("locales/ht/walk.ftl", text.to_string(), "en");
        assert_eq!(translator_comments(&c, "hi", "en"), ["checked with Marie"]);
    }

    #[test]
    fn a_stubs_location_line_is_tradui_s_not_the_translator_s() {
        for owned in ["# content/strike.md:21", "# content/t.md:3 - keep { $date } as written", "# en: Hi"] {
            assert!(owned_comment(owned, "en"), "{owned}");
        }
        for theirs in ["# checked with Marie", "# see content/strike.md:21 for why", "# notes.md:x"] {
            assert!(!owned_comment(theirs, "en"), "{theirs}");
        }
    }

    #[test]
    fn contexts_round_trip() {
        assert_eq!(split_context(&context("walkout", "walkout-p1")), Some(("walkout", "walkout-p1")));
        assert_eq!(split_context("walkout"), None);
        assert_eq!(split_context("walk out:x"), None);
    }

    #[test]
    fn fingerprints_ignore_whitespace_only() {
        assert_eq!(fingerprint("a  b\n"), fingerprint("a b"));
        assert_ne!(fingerprint("a b"), fingerprint("a c"));
        assert_eq!(fingerprint("a b").len(), 16);
    }
}
