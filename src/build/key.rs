//! The key of every output: a BLAKE3 hash of all that reaches it (the leaflet's text,
//! its translation file, the glossary terms it uses, the settings of `tradui.toml` for its
//! language, the template, the fonts and tradui itself). Equal keys mean an output may be
//! skipped; the manifest (`manifest.rs`) remembers the key each file was written with.

use crate::lang::Lang;
use crate::project::Project;
use crate::source::{Leaflet, Ref};

use std::collections::{BTreeMap, BTreeSet};

use super::manifest::stat;

/// A hash of an output's inputs, or of a file's bytes (hex, 128 bits of BLAKE3).
pub type Key = String;

/// Hashes fields into a [`Key`]; each field is length-prefixed so that no two different
/// sequences of fields hash alike.
#[derive(Clone)]
pub struct KeyHasher(blake3::Hasher);

impl KeyHasher {
    pub fn new(domain: &str) -> Self {
        let mut h = KeyHasher(blake3::Hasher::new());
        h.field(domain.as_bytes());
        h
    }

    pub fn field(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn text(&mut self, s: &str) -> &mut Self {
        self.field(s.as_bytes())
    }

    pub fn finish(&self) -> Key {
        hex(&self.0.finalize().as_bytes()[..16])
    }
}

/// The hash of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> Key {
    hex(&blake3::hash(bytes).as_bytes()[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The hashes of every input, computed once per build.
pub struct Inputs {
    engine: Key,
    leaflets: BTreeMap<String, Key>,
    /// The settings of `tradui.toml` that reach a page, by language.
    settings: BTreeMap<Lang, Key>,
}

impl Inputs {
    pub fn new(project: &Project) -> Inputs {
        use rayon::prelude::*;
        // Read once per build, not once per language: the logo and each leaflet's images.
        let logo = super::logo_path(project).and_then(|p| std::fs::read(p).ok()).map(|b| content_hash(&b));
        let leaflets = project
            .leaflets
            .par_iter()
            .map(|l| {
                let key = KeyHasher::new("leaflet and images")
                    .text(&leaflet_key(l))
                    .text(&media_key(project, l))
                    .text(logo.as_deref().unwrap_or("\u{0}no logo"))
                    .finish();
                (l.slug.clone(), key)
            })
            .collect();
        let config = &project.config;
        let settings = config
            .all_languages()
            .into_iter()
            .map(|lang| {
                let key = settings_key(config, &lang);
                (lang, key)
            })
            .collect();
        Inputs { engine: engine(), leaflets, settings }
    }

    /// The key shared by every output of `leaflet` in `lang`: the leaflet, its
    /// translation, the glossary terms they use (source and `lang`), and the settings
    /// of `tradui.toml` that reach a page in `lang`.
    pub fn document_key(&self, project: &Project, leaflet: &Leaflet, lang: &Lang) -> KeyHasher {
        let config = &project.config;
        let mut h = KeyHasher::new("document");
        h.text(&self.engine)
            .text(lang.as_str())
            .text(self.leaflets.get(&leaflet.slug).map_or("", String::as_str));
        h.text(&self.settings.get(lang).cloned().unwrap_or_else(|| settings_key(config, lang)));
        // A page says its event is over once `valid-until` has passed: today decides it.
        let over = crate::status::expiry::is_over(leaflet, crate::status::expiry::today());
        h.field(&[u8::from(over)]);
        let source = &config.source;
        let catalog = (lang != source).then(|| project.catalog(lang, &leaflet.slug)).flatten();
        h.text(catalog.map_or("", |c| c.file.as_str())).text(catalog.map_or("", |c| c.text.as_str()));
        // What decides a message's state besides the file's text: a record restored from
        // the provenance sidecar (`locales/.provenance/`). The rest comes from the text.
        for m in catalog
            .map_or(&[][..], |c| c.messages.as_slice())
            .iter()
            .filter(|m| m.restored || m.record.is_none())
        {
            h.text(&m.id)
                .text(m.record.as_deref().unwrap_or("\u{0}none"))
                .text(m.was.as_deref().unwrap_or("\u{0}none"));
            h.field(&[u8::from(m.review), u8::from(m.restored)]);
        }
        let mut used: BTreeSet<String> = leaflet.units.iter().flat_map(|u| term_refs(&u.refs)).collect();
        if let Some(c) = catalog {
            used.extend(c.messages.iter().flat_map(|m| term_refs(&m.refs)));
        }
        for glossary in [source, lang] {
            glossary_part(&mut h, project.terms.get(glossary), &used);
        }
        h.text(&format!("{:?}", crate::project::ui::resolve(project, lang)));
        h
    }
}

/// The settings of `tradui.toml` that reach a page in `lang`.
fn settings_key(config: &crate::project::config::Config, lang: &Lang) -> Key {
    KeyHasher::new("settings")
        .text(&format!(
            "{:?}",
            (
                &config.title,
                &config.source,
                config.paper,
                config.fit,
                &config.prints,
                config.fallback(lang),
                &config.base_url,
                &config.theme
            )
        ))
        .finish()
}

/// The images a leaflet's PDF prints, by their bytes: a new logo.png renders the PDFs
/// that show it again.
fn media_key(project: &Project, leaflet: &Leaflet) -> Key {
    let mut h = KeyHasher::new("images");
    for src in super::image_sources(&leaflet.blocks) {
        let bytes = crate::render::html::media_path(&src)
            .and_then(|rel| std::fs::read(project.root.join("content").join(rel)).ok());
        h.text(&src).text(&bytes.map_or_else(|| "\u{0}unreadable".to_string(), |b| content_hash(&b)));
    }
    h.finish()
}

/// The parsed leaflet: the digest of the text it was parsed from, or else field by field
/// (its private index is a HashMap, whose order is not stable, and is derived from the
/// units anyway).
fn leaflet_key(l: &Leaflet) -> Key {
    if !l.digest.is_empty() {
        return KeyHasher::new("leaflet source").text(&l.slug).text(&l.file).text(&l.digest).finish();
    }
    let fields = (
        (&l.slug, &l.file, &l.title, &l.paper, &l.fit),
        (&l.weight, &l.short, &l.prints, &l.poster),
        &l.variables,
        &l.variable_order,
        &l.variable_overrides,
        &l.units,
        &l.blocks,
        &l.title_id,
        &l.override_positions,
        &l.required,
        &l.valid_until,
    );
    KeyHasher::new("leaflet").text(&format!("{fields:?}")).finish()
}

/// Every field of [`Leaflet`]: those in [`leaflet_key`], `index` (derived) and `digest`
/// (what they all derive from, when the leaflet was parsed). A field
/// added to `Leaflet` fails the test below until it is considered here.
#[cfg(test)]
const LEAFLET_FIELDS: [&str; 20] = [
    "slug",
    "file",
    "title",
    "paper",
    "fit",
    "prints",
    "poster",
    "weight",
    "short",
    "variables",
    "variable_order",
    "variable_overrides",
    "units",
    "blocks",
    "title_id",
    "override_positions",
    "index",
    "required",
    "valid_until",
    "digest",
];

fn term_refs(refs: &BTreeSet<Ref>) -> impl Iterator<Item = String> + '_ {
    refs.iter().filter_map(|r| match r {
        Ref::Term(t) => Some(t.clone()),
        _ => None,
    })
}

/// The part of a glossary an output uses: every term it refers to (and the terms those
/// refer to), and everything in the file that is not a term (messages, broken lines),
/// so that editing one term rebuilds only the leaflets that use it.
fn glossary_part(h: &mut KeyHasher, glossary: Option<&crate::catalog::Catalog>, used: &BTreeSet<String>) {
    use crate::catalog::EntryKind;
    let Some(g) = glossary else {
        h.text("no glossary");
        return;
    };
    h.text(&g.file);
    let text = |range: &std::ops::Range<usize>| g.text.get(range.clone()).unwrap_or("");
    let mut wanted = used.clone();
    // Terms that refer to terms: grow the set until it holds still.
    loop {
        let before = wanted.len();
        let found: Vec<String> = g
            .entries
            .iter()
            .filter(|e| {
                e.kind == EntryKind::Term
                    && e.id.as_ref().is_some_and(|id| wanted.contains(id.trim_start_matches('-')))
            })
            .flat_map(|e| dash_words(text(&e.range)))
            .collect();
        wanted.extend(found);
        if wanted.len() == before {
            break;
        }
    }
    for e in &g.entries {
        let keep = match (e.kind, &e.id) {
            (EntryKind::Term, Some(id)) => wanted.contains(id.trim_start_matches('-')),
            (EntryKind::Comment, _) => false,
            _ => true,
        };
        if keep {
            h.text(text(&e.range));
        }
    }
}

/// Every `-word` in a text: the terms it may refer to (a superset, which is safe).
fn dash_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices('-') {
        let rest = &text[i + 1..];
        let len =
            rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
        if len > 0 && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()) {
            out.push(rest[..len].to_string());
        }
    }
    out
}

/// tradui itself: its version and, for builds made from source, the executable's size
/// and time, so that a rebuilt tradui never reuses what an older one rendered.
fn engine() -> Key {
    let mut h = KeyHasher::new("engine");
    h.text(env!("CARGO_PKG_VERSION"));
    if let Some((len, mtime)) = std::env::current_exe().ok().and_then(|p| stat(&p)) {
        h.field(&len.to_le_bytes()).field(&mtime.to_le_bytes());
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_a_leaflet_is_in_its_key_or_said_to_be_derived() {
        let (leaflet, _) = crate::source::parse_leaflet("t", "content/t.md", "# Hi\n\nText.\n");
        let debug = format!("{leaflet:#?}");
        let fields: Vec<&str> = debug
            .lines()
            .filter_map(|l| l.strip_prefix("    "))
            .filter(|l| !l.starts_with(' ') && l.contains(": "))
            .filter_map(|l| l.split(':').next())
            .collect();
        assert_eq!(
            fields, LEAFLET_FIELDS,
            "a field was added to Leaflet: put it in leaflet_key (or say why not)"
        );
        let same = crate::source::parse_leaflet("t", "content/t.md", "# Hi\n\nText.\n").0;
        assert_eq!(leaflet_key(&leaflet), leaflet_key(&same));
        let edited = crate::source::parse_leaflet("t", "content/t.md", "# Hi\n\nText!\n").0;
        assert_ne!(leaflet_key(&leaflet), leaflet_key(&edited));
        let moved = crate::source::parse_leaflet("t", "content/u.md", "# Hi\n\nText.\n").0;
        assert_ne!(leaflet_key(&leaflet), leaflet_key(&moved));
        // A leaflet not parsed from a file is keyed by its fields.
        let made = |text: &str| {
            Leaflet::from_units(
                "t",
                "content/t.md",
                edited.units.iter().cloned().map(|mut u| (u.text = text.into(), u).1).collect(),
            )
        };
        assert_ne!(leaflet_key(&made("a")), leaflet_key(&made("b")));
    }

    #[test]
    fn fields_are_length_prefixed() {
        let ab_c = KeyHasher::new("t").text("ab").text("c").finish();
        let a_bc = KeyHasher::new("t").text("a").text("bc").finish();
        assert_ne!(ab_c, a_bc);
        assert_eq!(ab_c.len(), 32);
    }

    #[test]
    fn dash_words_finds_term_references() {
        assert_eq!(dash_words("-a = { -union-name } of x-y {-b}"), vec!["a", "union-name", "b"]);
    }
}
