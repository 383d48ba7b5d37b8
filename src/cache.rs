//! The build manifest: what each file in `public/` was built from, so that a build
//! renders only the outputs whose inputs changed.
//!
//! Each output (a page, a PDF) is a function of its inputs: the parsed leaflet, its
//! translation file, the glossary terms it uses, its variables (part of the leaflet),
//! the settings of `tradui.toml` that reach it, the template, the fonts, and tradui
//! itself. [`Inputs`] hashes those (BLAKE3) into one [`Key`] per output. The manifest
//! records, per output file, that key and the size, modification time and hash of the
//! bytes written, plus what a skipped output must still report (its diagnostics) and,
//! for a PDF, the characters it prints (the fonts of a build are chosen for all of them).
//!
//! An output is skipped only when its key is unchanged and its file is still the one
//! written: same size and time, or else the same hash (a file touched but not changed).
//! A file deleted or edited by hand is rebuilt. Anything unreadable in the manifest
//! (missing, broken, another format) means "nothing is known": a full build.
//!
//! The manifest lives in `<project>/.tradui-cache/build-<hash of the output folder>.json`
//! (git-ignored), never in `public/`, so it is not published with the pages.

use crate::diag::Diagnostic;
use crate::lang::Lang;
use crate::project::Project;
use crate::source::{Leaflet, Ref};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The cache folder in the project (git-ignored).
pub const CACHE_DIR: &str = ".tradui-cache";
/// Bumped whenever the manifest's meaning changes; an older manifest is ignored.
const FORMAT: u32 = 1;

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

/// What the manifest knows of one output file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The hash of the inputs it was built from.
    pub key: Key,
    /// The hash of its bytes, and their size and modification time when written.
    pub hash: Key,
    pub len: u64,
    pub mtime: u128,
    /// For a PDF: the characters its document prints (sorted, each once).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub chars: String,
    /// Warnings a build of this output reported; a skipped output reports them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// The fonts of the last build's PDFs: what decided them, and which they were.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FontState {
    /// The hash of every character the PDFs print, the project's and the system's font
    /// folders: when it is unchanged, so are the fonts.
    pub inputs: Key,
    /// The hash of the fonts the renderer loaded.
    pub fonts: Key,
}

/// What each output of one output folder was built from.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
    /// The output folder, as given to the build.
    out: String,
    #[serde(default)]
    pub fonts: FontState,
    /// By path relative to the output folder, with `/` separators.
    pub outputs: BTreeMap<String, Entry>,
}

impl Manifest {
    /// An empty manifest (a full build) for `out`.
    pub fn empty(out: &Path) -> Manifest {
        Manifest { format: FORMAT, out: absolute(out).display().to_string(), ..Manifest::default() }
    }

    /// Where the manifest of `out` is kept.
    pub fn path(root: &Path, out: &Path) -> PathBuf {
        let id = KeyHasher::new("out").text(&absolute(out).display().to_string()).finish();
        root.join(CACHE_DIR).join(format!("build-{}.json", &id[..16]))
    }

    /// The manifest of the last build into `out`; empty when there is none or it cannot
    /// be trusted.
    pub fn load(root: &Path, out: &Path) -> Manifest {
        let Ok(bytes) = std::fs::read(Self::path(root, out)) else { return Self::empty(out) };
        match serde_json::from_slice::<Manifest>(&bytes) {
            Ok(m) if m.format == FORMAT && m.out == absolute(out).display().to_string() => m,
            _ => Self::empty(out),
        }
    }

    /// Writes the manifest atomically (the build's one sync makes it durable).
    pub fn save(&self, root: &Path, out: &Path) -> std::io::Result<()> {
        let path = Self::path(root, out);
        let dir = root.join(CACHE_DIR);
        std::fs::create_dir_all(&dir)?;
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            // The folder ignores itself, so a project without a .gitignore line for it
            // never commits the cache.
            write_unsynced(&ignore, b"*\n")?;
        }
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        write_unsynced(&path, &json).map(|_| ())
    }

    /// The entry of `rel` when the file on disk is still the one it records (the stat
    /// as recorded, or else the same bytes; the entry then gets the new stat).
    pub fn intact(&self, out: &Path, rel: &str) -> Option<Entry> {
        let entry = self.outputs.get(rel)?;
        let path = out.join(rel);
        let (len, mtime) = stat(&path)?;
        if len == entry.len && mtime == entry.mtime {
            return Some(entry.clone());
        }
        if len != entry.len {
            return None;
        }
        let bytes = std::fs::read(&path).ok()?;
        (content_hash(&bytes) == entry.hash).then(|| Entry { len, mtime, ..entry.clone() })
    }
}

/// `path` from the root of the file system, without `.` components: one name for one
/// folder however it was given (`public`, `./public`, `/home/x/p/public`).
pub fn absolute(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    abs.components().filter(|c| *c != std::path::Component::CurDir).collect()
}

/// Size and modification time (nanoseconds since the epoch) of a file.
pub fn stat(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    Some((meta.len(), mtime))
}

/// Replaces `path` with `bytes` atomically (a temporary file renamed over it) without
/// waiting for the disk; [`sync_output`] makes a whole build durable at once. Returns
/// the new file's size and modification time.
pub fn write_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<(u64, u128)> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(crate::fsx::TEMP_PREFIX).tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().set_permissions(permissions(path))?;
    tmp.persist(path).map_err(|e| e.error)?;
    stat(path).ok_or_else(|| std::io::Error::other("the file just written cannot be read"))
}

/// The permissions of the file being replaced; a new file is readable by all (`public/`
/// is served as it is), where a temporary file is private.
fn permissions(path: &Path) -> std::fs::Permissions {
    if let Ok(m) = std::fs::metadata(path) {
        return m.permissions();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o644)
    }
    #[cfg(not(unix))]
    {
        tempfile::tempfile().and_then(|f| f.metadata()).map(|m| m.permissions()).expect("a temporary file has permissions")
    }
}

/// Makes the files written durable, with as few waits for the disk as the count allows:
/// up to 32 files, an `fsync` of each and of their folders; more, one `syncfs` of the
/// file system (Linux; elsewhere, an `fsync` of each). A build of a thousand files waits
/// for the disk once, and a build of one edited page does not wait for the whole disk.
pub fn sync_output(files: &[PathBuf]) -> std::io::Result<()> {
    const FEW: usize = 32;
    if files.len() > FEW && cfg!(target_os = "linux") {
        #[cfg(target_os = "linux")]
        {
            let mut seen = BTreeSet::new();
            for f in files {
                let Some(dir) = f.parent() else { continue };
                let Ok(handle) = std::fs::File::open(dir) else { continue };
                let dev = std::os::unix::fs::MetadataExt::dev(&handle.metadata()?);
                if seen.insert(dev) {
                    rustix::fs::syncfs(&handle)?;
                }
            }
        }
        return Ok(());
    }
    let dirs: BTreeSet<PathBuf> = files.iter().filter_map(|f| f.parent().map(Path::to_path_buf)).collect();
    sync_all_at_once(files)?;
    // The new names are durable once their folder is (after the files' bytes are).
    #[cfg(unix)]
    sync_all_at_once(&dirs.into_iter().collect::<Vec<_>>())?;
    Ok(())
}

/// `fsync`s each path, all at once: the disk's journal commits the waits together.
fn sync_all_at_once(paths: &[PathBuf]) -> std::io::Result<()> {
    std::thread::scope(|scope| {
        let waits: Vec<_> = paths.iter().map(|p| scope.spawn(move || std::fs::File::open(p)?.sync_all())).collect();
        waits.into_iter().try_for_each(|w| w.join().unwrap_or_else(|_| Err(std::io::Error::other("a sync thread failed"))))
    })
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
        let leaflets = project.leaflets.par_iter().map(|l| (l.slug.clone(), leaflet_key(l))).collect();
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
        h.text(&self.engine).text(lang.as_str()).text(self.leaflets.get(&leaflet.slug).map_or("", String::as_str));
        h.text(&self.settings.get(lang).cloned().unwrap_or_else(|| settings_key(config, lang)));
        let source = &config.source;
        let catalog = (lang != source).then(|| project.catalog(lang, &leaflet.slug)).flatten();
        h.text(catalog.map_or("", |c| c.file.as_str())).text(catalog.map_or("", |c| c.text.as_str()));
        // What decides a message's state besides the file's text: a record restored from
        // the provenance sidecar (`locales/.provenance/`). The rest comes from the text.
        for m in catalog.map_or(&[][..], |c| c.messages.as_slice()).iter().filter(|m| m.restored || m.record.is_none()) {
            h.text(&m.id).text(m.record.as_deref().unwrap_or("\u{0}none")).text(m.was.as_deref().unwrap_or("\u{0}none"));
            h.field(&[u8::from(m.review), u8::from(m.restored)]);
        }
        let mut used: BTreeSet<String> = leaflet.units.iter().flat_map(|u| term_refs(&u.refs)).collect();
        if let Some(c) = catalog {
            used.extend(c.messages.iter().flat_map(|m| term_refs(&m.refs)));
        }
        for glossary in [source, lang] {
            glossary_part(&mut h, project.terms.get(glossary), &used);
        }
        h
    }
}

/// The settings of `tradui.toml` that reach a page in `lang`.
fn settings_key(config: &crate::config::Config, lang: &Lang) -> Key {
    KeyHasher::new("settings").text(&format!("{:?}", (&config.title, &config.source, config.paper, config.fallback(lang)))).finish()
}

/// The parsed leaflet: the digest of the text it was parsed from, or else field by field
/// (its private index is a HashMap, whose order is not stable, and is derived from the
/// units anyway).
fn leaflet_key(l: &Leaflet) -> Key {
    if !l.digest.is_empty() {
        return KeyHasher::new("leaflet source").text(&l.slug).text(&l.file).text(&l.digest).finish();
    }
    let fields = (&l.slug, &l.file, &l.title, &l.paper, &l.variables, &l.variable_overrides, &l.units, &l.blocks, &l.title_id, &l.override_positions);
    KeyHasher::new("leaflet").text(&format!("{fields:?}")).finish()
}

/// Every field of [`Leaflet`]: those in [`leaflet_key`], `index` (derived) and `digest`
/// (what they all derive from, when the leaflet was parsed). A field
/// added to `Leaflet` fails the test below until it is considered here.
#[cfg(test)]
const LEAFLET_FIELDS: [&str; 12] = ["slug", "file", "title", "paper", "variables", "variable_overrides", "units", "blocks", "title_id", "override_positions", "index", "digest"];

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
            .filter(|e| e.kind == EntryKind::Term && e.id.as_ref().is_some_and(|id| wanted.contains(id.trim_start_matches('-'))))
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
        let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
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

/// Where fonts are installed on this system (and for this user).
pub fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts"].iter().map(PathBuf::from).collect();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.extend([home.join(".local/share/fonts"), home.join(".fonts"), home.join("Library/Fonts")]);
    }
    if let Some(windir) = std::env::var_os("WINDIR") {
        dirs.push(PathBuf::from(windir).join("Fonts"));
    }
    dirs
}

/// The state of font folders: every folder and font file's path, size and time, so that
/// installing or removing a font shows.
pub fn font_folders(dirs: &[PathBuf]) -> Key {
    let mut h = KeyHasher::new("font folders");
    for dir in dirs {
        for e in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
            if e.file_type().is_dir() {
                if let Some((_, mtime)) = stat(e.path()) {
                    h.text(&e.path().display().to_string()).field(&mtime.to_le_bytes());
                }
            }
        }
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
        let fields: Vec<&str> = debug.lines().filter_map(|l| l.strip_prefix("    ")).filter(|l| !l.starts_with(' ') && l.contains(": ")).filter_map(|l| l.split(':').next()).collect();
        assert_eq!(fields, LEAFLET_FIELDS, "a field was added to Leaflet: put it in leaflet_key (or say why not)");
        let same = crate::source::parse_leaflet("t", "content/t.md", "# Hi\n\nText.\n").0;
        assert_eq!(leaflet_key(&leaflet), leaflet_key(&same));
        let edited = crate::source::parse_leaflet("t", "content/t.md", "# Hi\n\nText!\n").0;
        assert_ne!(leaflet_key(&leaflet), leaflet_key(&edited));
        let moved = crate::source::parse_leaflet("t", "content/u.md", "# Hi\n\nText.\n").0;
        assert_ne!(leaflet_key(&leaflet), leaflet_key(&moved));
        // A leaflet not parsed from a file is keyed by its fields.
        let made = |text: &str| Leaflet::from_units("t", "content/t.md", edited.units.iter().cloned().map(|mut u| (u.text = text.into(), u).1).collect());
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

    #[test]
    fn a_touched_file_with_the_same_bytes_is_intact_and_an_edited_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let (len, mtime) = write_unsynced(&out.join("a.html"), b"hello").unwrap();
        let mut m = Manifest::empty(out);
        let entry = Entry { key: "k".into(), hash: content_hash(b"hello"), len, mtime, chars: String::new(), diagnostics: vec![] };
        m.outputs.insert("a.html".into(), entry.clone());
        assert_eq!(m.intact(out, "a.html"), Some(entry.clone()));
        std::fs::write(out.join("a.html"), b"hello").unwrap();
        assert_eq!(m.intact(out, "a.html").map(|e| e.hash), Some(entry.hash.clone()));
        std::fs::write(out.join("a.html"), b"jello").unwrap();
        assert_eq!(m.intact(out, "a.html"), None);
        std::fs::remove_file(out.join("a.html")).unwrap();
        assert_eq!(m.intact(out, "a.html"), None);
    }

    #[test]
    fn a_manifest_round_trips_and_a_broken_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut m = Manifest::empty(&out);
        m.outputs.insert("x".into(), Entry { key: "k".into(), hash: "h".into(), len: 1, mtime: 2, chars: "ab".into(), diagnostics: vec![] });
        m.save(dir.path(), &out).unwrap();
        assert_eq!(Manifest::load(dir.path(), &out).outputs, m.outputs);
        std::fs::write(Manifest::path(dir.path(), &out), b"{ broken").unwrap();
        assert!(Manifest::load(dir.path(), &out).outputs.is_empty());
    }
}
