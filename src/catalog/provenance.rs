//! Provenance kept beside the translation files, for the tools that rewrite them.
//!
//! A translation's `# en:` record lives in a comment, and translation platforms
//! (Pontoon, Weblate) and Fluent serializers drop comments when they write a file. So
//! `tradui sync` also writes `locales/.provenance/<lang>/<leaflet>.json`: for each
//! message, the record and review marker it had, its translation, and the source text
//! the reference catalog showed at that sync. When a message comes back without a record:
//!
//! - its translation is the one `sync` saw: it gets back the record and review marker it
//!   had (an untouched stale message stays stale, an untouched current one stays current);
//! - its translation changed since: it was translated from the text the reference
//!   catalog showed then, which becomes its record (current if the source has not
//!   changed since, stale otherwise);
//! - the sidecar does not know it: it has no record, and cannot count as current.
//!
//! A record written in the `.ftl` file always wins over the sidecar.

use crate::catalog::Catalog;
use crate::diag::{Diagnostic, Kind, decode_text};
use crate::source::Leaflet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// What `sync` knew of one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The `# en:` record (None: the message had none).
    pub record: Option<String>,
    /// The review marker was there.
    pub review: bool,
    /// The translation, as normalised Fluent source.
    pub translation: String,
    /// The unit's source text at that sync: what the reference catalog showed.
    pub source: String,
}

/// The sidecar of one translation file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sidecar {
    pub messages: BTreeMap<String, Entry>,
}

/// Where the sidecar of `locales/<lang>/<slug>.ftl` lives, relative to the project.
pub fn path(lang: &str, slug: &str) -> String {
    format!("locales/.provenance/{lang}/{slug}.json")
}

/// Might `lang` have sidecars? False only when its folder is known not to exist; a
/// folder that cannot be looked at is tried file by file, so the problem is reported.
pub fn has_folder(root: &std::path::Path, lang: &str) -> bool {
    let dir = root.join("locales/.provenance").join(lang);
    !matches!(std::fs::symlink_metadata(dir), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
}

impl Sidecar {
    /// Reads a sidecar; None when there is none. A sidecar that cannot be read is a
    /// warning and counts for nothing (fail closed: records it held are not trusted).
    pub fn load(root: &Path, lang: &str, slug: &str) -> (Option<Sidecar>, Option<Diagnostic>) {
        use crate::limits::{MAX_SIDECAR_BYTES, human};
        use std::io::Read;
        let rel = path(lang, slug);
        let mut bytes = Vec::new();
        // Read no more than the limit allows (and one byte to tell), whatever its size.
        let read = std::fs::File::open(root.join(&rel))
            .and_then(|f| f.take(MAX_SIDECAR_BYTES + 1).read_to_end(&mut bytes));
        match read {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, None),
            Err(e) => return (None, Some(bad(&rel, format!("cannot read it: {e}")))),
        }
        if bytes.len() as u64 > MAX_SIDECAR_BYTES {
            return (
                None,
                Some(bad(
                    &rel,
                    format!(
                        "it is larger than {}, more than `tradui sync` ever writes",
                        human(MAX_SIDECAR_BYTES as usize)
                    ),
                )),
            );
        }
        let text = match decode_text(&rel, bytes) {
            Ok(t) => t,
            Err(d) => return (None, Some(d)),
        };
        match serde_json::from_str(&text) {
            Ok(s) => (Some(s), None),
            Err(e) => (
                None,
                Some(
                    bad(&rel, format!("it is not what `tradui sync` writes: {e}")).at((e.line(), e.column())),
                ),
            ),
        }
    }

    /// The sidecar for a file `sync` has just written, with its units.
    pub fn of(catalog: &Catalog, leaflet: &Leaflet) -> Sidecar {
        let mut messages = BTreeMap::new();
        for unit in &leaflet.units {
            let Some(m) = catalog.message(&unit.id) else { continue };
            let Some(translation) = &m.value else { continue };
            let entry = Entry {
                record: m.record.clone(),
                review: m.review,
                translation: translation.clone(),
                source: unit.text.clone(),
            };
            messages.insert(unit.id.clone(), entry);
        }
        Sidecar { messages }
    }

    /// The file's text: pretty JSON, keys sorted, so diffs stay readable.
    pub fn to_text(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a sidecar serialises");
        s.push('\n');
        s
    }

    /// Gives messages that lost their record (a tool rewrote the file) the provenance
    /// this sidecar shows for them.
    pub fn apply(&self, catalog: &mut Catalog) {
        for m in catalog.messages.iter_mut().filter(|m| m.record.is_none()) {
            let (Some(entry), Some(value)) = (self.messages.get(&m.id), &m.value) else { continue };
            if *value == entry.translation {
                m.record = entry.record.clone();
                m.review = m.review || entry.review;
            } else {
                m.record = Some(entry.source.clone());
            }
            m.restored = m.record.is_some();
        }
    }
}

fn bad(rel: &str, why: String) -> Diagnostic {
    Diagnostic::warning(Kind::Io, rel, format!("the provenance sidecar is ignored: {why}")).hint(
        "run `tradui sync` to write it again; until then, messages without a `# en:` record are not current",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse_leaflet;

    fn catalog(ftl: &str) -> Catalog {
        Catalog::parse("locales/es/t.ftl", ftl.to_string(), "en")
    }

    #[test]
    fn a_rewritten_file_keeps_each_verdict() {
        let leaflet = parse_leaflet("t", "content/t.md", "# Hi\n\nTen minutes.\n\nBring water.\n").0;
        let synced = catalog(
            "# en: Hi\nhi = Hola\n\n# REVIEW: the en text changed.\n# en: Ten minutes.\nhi-p1 = Diez\n\n# en: Bring water.\nhi-p2 = Traiga agua\n",
        );
        let sidecar = Sidecar::of(&synced, &leaflet);
        // A platform drops every comment, and a translator updates hi-p2 there.
        let mut rewritten = catalog("hi = Hola\nhi-p1 = Diez\nhi-p2 = Traigan agua\nnew = Nuevo\n");
        sidecar.apply(&mut rewritten);
        let m = |id: &str| rewritten.messages.iter().find(|m| m.id == id).unwrap().clone();
        assert_eq!((m("hi").record.as_deref(), m("hi").review), (Some("Hi"), false));
        assert_eq!((m("hi-p1").record.as_deref(), m("hi-p1").review), (Some("Ten minutes."), true));
        assert_eq!((m("hi-p2").record.as_deref(), m("hi-p2").review), (Some("Bring water."), false));
        assert_eq!(m("new").record, None);
    }

    #[test]
    fn a_record_in_the_file_wins() {
        let leaflet = parse_leaflet("t", "content/t.md", "# Hi\n").0;
        let sidecar = Sidecar::of(&catalog("# en: Hi\nhi = Hola\n"), &leaflet);
        let mut c = catalog("# en: Hello\nhi = Hola\n");
        sidecar.apply(&mut c);
        assert_eq!(c.messages[0].record.as_deref(), Some("Hello"));
        assert!(!c.messages[0].restored);
    }

    #[test]
    fn a_sidecar_past_the_limit_is_not_read_whole_and_counts_for_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(path("es", "t"));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let f = std::fs::File::create(&file).unwrap();
        // A sparse file: far past the limit, without writing it out.
        f.set_len(crate::limits::MAX_SIDECAR_BYTES * 64).unwrap();
        let (sidecar, warning) = Sidecar::load(dir.path(), "es", "t");
        assert!(sidecar.is_none());
        let w = warning.expect("a warning");
        assert!(w.message.contains("larger than 16 MiB"), "{w}");
        assert_eq!(w.file, "locales/.provenance/es/t.json");
    }
}
