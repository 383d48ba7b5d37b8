//! Files on disk: atomic writes, and cleaning what an interrupted run left behind.
//!
//! Every file tradui writes (pages, PDFs, translation files) goes to a temporary file in
//! the same folder, is flushed to disk, then renamed over the old one: a reader (or a run
//! killed at any point) sees the old file or the new one, never a mix or a truncated
//! file. A run killed before the rename leaves its temporary file behind; temporary files
//! have a name no one else uses (`.tradui-tmp-*`), so the next `build` or `sync` finds
//! them, removes them and says so.

use std::path::{Path, PathBuf};

/// The start of every temporary file's name.
pub const TEMP_PREFIX: &str = ".tradui-tmp-";

#[cfg(unix)]
fn default_permissions() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> std::fs::Permissions {
    tempfile::tempfile()
        .and_then(|f| f.metadata())
        .map(|m| m.permissions())
        .expect("a temporary file has permissions")
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed,
/// then renamed.
pub fn write_atomic(path: &Path, bytes: impl AsRef<[u8]>) -> std::io::Result<()> {
    staged(path, bytes.as_ref())?.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Replaces the file at `path` with `bytes`, atomically, unless it no longer holds `old`
/// (None: unless it has come to exist): an editor that saved the file while `sync` was
/// working keeps its save. The new file is written and synced first, then the old one
/// is read again and compared, then renamed over it, so the window for a lost save is
/// the rename alone. Returns false when it left the file alone.
pub fn replace_if_unchanged(
    path: &Path,
    old: Option<&str>,
    bytes: impl AsRef<[u8]>,
) -> std::io::Result<bool> {
    let tmp = staged(path, bytes.as_ref())?;
    let now = match std::fs::read(path) {
        Ok(b) => crate::diag::decode_text("", b).ok(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if now.as_deref() != old {
        return Ok(false);
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(true)
}

/// A temporary file beside `path` holding `bytes`, synced to disk, with the permissions
/// of the file it will replace (a new file is readable by all: public/ is served as it
/// is, where a temporary file is private). Renaming it over `path` is the caller's.
pub fn staged(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    let permissions = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => default_permissions(),
    };
    tmp.as_file().set_permissions(permissions)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Is this a temporary file of tradui's?
pub fn is_temporary(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(TEMP_PREFIX))
}

/// Removes the temporary files an interrupted run left in `dir` and the folders below
/// it (`depth` levels). Returns the files removed; a file that cannot be removed is
/// left and not listed. A folder that does not exist has nothing to clean.
pub fn clean_leftovers(dir: &Path, depth: usize) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    remove_temporary(dir, depth, &mut removed);
    removed.sort();
    removed
}

fn remove_temporary(dir: &Path, depth: usize, removed: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() && depth > 0 {
            remove_temporary(&entry.path(), depth - 1, removed);
        } else if kind.is_file()
            && is_temporary(Path::new(&entry.file_name()))
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed.push(entry.path());
        }
    }
}

/// Cleans `dir` as [`clean_leftovers`] does and says what it removed, as one warning
/// (paths relative to `root`), or None when there was nothing to clean.
pub fn clean_and_report(root: &Path, dir: &Path, depth: usize) -> Option<crate::diag::Diagnostic> {
    use crate::diag::{Diagnostic, Kind, rel_path};
    let removed = clean_leftovers(dir, depth);
    let first = removed.first()?;
    let names: Vec<String> = removed.iter().take(3).map(|p| rel_path(root, p)).collect();
    let more = if removed.len() > 3 { format!(" and {} more", removed.len() - 3) } else { String::new() };
    Some(
        Diagnostic::warning(Kind::Io, rel_path(root, first.parent().unwrap_or(dir)), format!("removed {} temporary file(s) that an interrupted run left: {}{more}", removed.len(), names.join(", ")))
            .hint("nothing to do: every file beside them is whole, either as it was before that run or as it wrote it"),
    )
}

/// Checks, before anything is written, that tradui may write in `dir` and its folders
/// (`depth` levels down) that exist: a folder it may not write in stops the command
/// (exit 2) with nothing changed, rather than half a build or half a sync.
pub fn check_writable(root: &Path, dir: &Path, depth: usize) -> Result<(), crate::diag::Fatal> {
    use crate::diag::{Diagnostic, Kind, rel_path};
    if !dir.is_dir() {
        return Ok(());
    }
    if let Err(e) = may_write_in(dir) {
        let rel = rel_path(root, dir);
        return Err(Diagnostic::error(
            Kind::Io,
            rel.clone(),
            format!("cannot write in the folder {rel}: {e}; nothing was changed"),
        )
        .hint(format!("make the folder writable (e.g. `chmod u+w {rel}`), then run the command again"))
        .into());
    }
    let Some(below) = depth.checked_sub(1) else { return Ok(()) };
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    // The first folder by name is the one reported, whatever order the disk lists them in.
    dirs.sort();
    dirs.iter().try_for_each(|d| check_writable(root, d, below))
}

/// Whether this process may create files in `dir`: the kernel's own answer for this
/// user (permissions, ACLs, a read-only mount), without writing anything.
#[cfg(unix)]
fn may_write_in(dir: &Path) -> std::io::Result<()> {
    use rustix::fs::{Access, access};
    access(dir, Access::WRITE_OK | Access::EXEC_OK).map_err(std::io::Error::from)
}

/// Elsewhere, try: create a temporary file there (removed at once).
#[cfg(not(unix))]
fn may_write_in(dir: &Path) -> std::io::Result<()> {
    tempfile::Builder::new().prefix(TEMP_PREFIX).tempfile_in(dir).map(drop)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_editors_save_during_sync_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.ftl");
        std::fs::write(&path, "a = editor's save\n").unwrap();
        assert!(
            !super::replace_if_unchanged(&path, Some("a = what sync read\n"), "a = sync's text\n").unwrap()
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = editor's save\n");
        assert!(
            !super::replace_if_unchanged(&dir.path().join("new.ftl"), Some("x"), "y").unwrap(),
            "a file that vanished is not written"
        );
        assert!(
            super::replace_if_unchanged(&path, Some("a = editor's save\n"), "a = sync's text\n").unwrap()
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a = sync's text\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind: {left:?}");
    }

    use super::*;

    #[test]
    fn writes_replace_and_keep_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.html");
        write_atomic(&path, "one").unwrap();
        write_atomic(&path, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert!(clean_leftovers(dir.path(), 2).is_empty());
    }

    #[test]
    fn leftovers_are_found_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("es")).unwrap();
        std::fs::write(dir.path().join("es/.tradui-tmp-Ab12"), "half").unwrap();
        std::fs::write(dir.path().join("es/keep.html"), "page").unwrap();
        std::fs::write(dir.path().join(".tmpXYZ"), "not ours").unwrap();
        let removed = clean_leftovers(dir.path(), 1);
        assert_eq!(removed, [dir.path().join("es/.tradui-tmp-Ab12")]);
        assert!(dir.path().join("es/keep.html").exists() && dir.path().join(".tmpXYZ").exists());
    }
}
