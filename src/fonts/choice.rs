//! Font choice for a build: what decides which fonts the PDFs get (every character
//! they print, the project's and the system's font folders), as one key. When the key
//! is unchanged since the last build, so are the fonts, and no PDF is rendered again for
//! them; the build (`build/render.rs`) loads the renderer with the faces for the
//! characters, and `discovery` picks the family per script.

use std::collections::BTreeSet;
use std::path::PathBuf;

/// The key of what chooses the fonts: the characters the PDFs print, the state of the
/// project's font folder and the system's, and whether system fonts are ignored.
pub fn inputs(project_fonts: PathBuf, needed: &BTreeSet<char>) -> String {
    let mut folders = vec![project_fonts];
    folders.extend(system_font_dirs());
    let ignore_system = std::env::var(super::discovery::IGNORE_SYSTEM_FONTS).unwrap_or_default();
    let mut h = Fields::new("font inputs");
    h.text(&needed.iter().collect::<String>()).text(&font_folders(&folders)).text(&ignore_system);
    h.finish()
}

/// Where fonts are installed on this system (and for this user).
pub fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts"]
            .iter()
            .map(PathBuf::from)
            .collect();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.extend([home.join(".local/share/fonts"), home.join(".fonts"), home.join("Library/Fonts")]);
    }
    if let Some(windir) = std::env::var_os("WINDIR") {
        dirs.push(PathBuf::from(windir).join("Fonts"));
    }
    dirs
}

/// The state of font folders: every folder's path and time, so that installing or
/// removing a font shows.
pub fn font_folders(dirs: &[PathBuf]) -> String {
    let mut h = Fields::new("font folders");
    for dir in dirs {
        for e in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
            if e.file_type().is_dir()
                && let Ok(mtime) = std::fs::metadata(e.path()).and_then(|m| m.modified())
            {
                let nanos = mtime.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
                h.text(&e.path().display().to_string()).field(&nanos.to_le_bytes());
            }
        }
    }
    h.finish()
}

/// Length-prefixed fields hashed with BLAKE3 (the same encoding as the build's keys).
struct Fields(blake3::Hasher);

impl Fields {
    fn new(domain: &str) -> Self {
        let mut h = Fields(blake3::Hasher::new());
        h.text(domain);
        h
    }

    fn field(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.field(s.as_bytes())
    }

    fn finish(&self) -> String {
        self.0.finalize().as_bytes()[..16].iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_changes_with_the_characters_and_the_folders() {
        let dir = tempfile::TempDir::new().unwrap();
        let a: BTreeSet<char> = "abc".chars().collect();
        let b: BTreeSet<char> = "abd".chars().collect();
        let fonts = dir.path().join("fonts");
        assert_eq!(inputs(fonts.clone(), &a), inputs(fonts.clone(), &a));
        assert_ne!(inputs(fonts.clone(), &a), inputs(fonts.clone(), &b));
        let before = font_folders(std::slice::from_ref(&fonts));
        std::fs::create_dir_all(fonts.join("new")).unwrap();
        assert_ne!(before, font_folders(&[fonts]));
    }
}
