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
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::key::{Key, KeyHasher, content_hash};

/// The cache folder in the project (git-ignored).
pub const CACHE_DIR: &str = ".tradui-cache";
/// Bumped whenever the manifest's meaning changes; an older manifest is ignored.
const FORMAT: u32 = 1;

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
        tempfile::tempfile()
            .and_then(|f| f.metadata())
            .map(|m| m.permissions())
            .expect("a temporary file has permissions")
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
        let waits: Vec<_> =
            paths.iter().map(|p| scope.spawn(move || std::fs::File::open(p)?.sync_all())).collect();
        waits
            .into_iter()
            .try_for_each(|w| w.join().unwrap_or_else(|_| Err(std::io::Error::other("a sync thread failed"))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touched_file_with_the_same_bytes_is_intact_and_an_edited_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let (len, mtime) = write_unsynced(&out.join("a.html"), b"hello").unwrap();
        let mut m = Manifest::empty(out);
        let entry = Entry {
            key: "k".into(),
            hash: content_hash(b"hello"),
            len,
            mtime,
            chars: String::new(),
            diagnostics: vec![],
        };
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
        m.outputs.insert(
            "x".into(),
            Entry {
                key: "k".into(),
                hash: "h".into(),
                len: 1,
                mtime: 2,
                chars: "ab".into(),
                diagnostics: vec![],
            },
        );
        m.save(dir.path(), &out).unwrap();
        assert_eq!(Manifest::load(dir.path(), &out).outputs, m.outputs);
        std::fs::write(Manifest::path(dir.path(), &out), b"{ broken").unwrap();
        assert!(Manifest::load(dir.path(), &out).outputs.is_empty());
    }
}
