//! Helpers shared by the CLI tests: a project in a temporary folder and the real binary.
#![allow(dead_code)]

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A project made by `tradui init`, in a temporary folder.
pub struct Project {
    _dir: TempDir,
    pub root: PathBuf,
}

impl Project {
    pub fn init() -> Project {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("p");
        let out = tradui(dir.path(), &["init", "p"]);
        assert!(out.starts_with("exit: 0"), "{out}");
        Project { _dir: dir, root }
    }

    pub fn empty() -> Project {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("p");
        fs::create_dir_all(&root).unwrap();
        Project { _dir: dir, root }
    }

    pub fn write(&self, path: &str, text: impl AsRef<[u8]>) -> &Self {
        let p = self.root.join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
        self
    }

    pub fn edit(&self, path: &str, from: &str, to: &str) -> &Self {
        let text = fs::read_to_string(self.root.join(path)).unwrap();
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(path, text.replacen(from, to, 1))
    }

    /// Deletes a message and the comment lines above it from a `.ftl` file.
    pub fn delete_message(&self, path: &str, id: &str) -> &Self {
        let text = self.read(path);
        let mut lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with(&format!("{id} =")))
            .unwrap_or_else(|| panic!("{path} has no {id}"));
        let mut start = at;
        while start > 0 && lines[start - 1].starts_with('#') {
            start -= 1;
        }
        let mut end = at + 1;
        while end < lines.len() && lines[end].starts_with(' ') {
            end += 1;
        }
        lines.drain(start..end);
        self.write(path, lines.join("\n") + "\n")
    }

    pub fn run(&self, args: &[&str]) -> String {
        tradui(&self.root, args)
    }

    pub fn read(&self, path: &str) -> String {
        fs::read_to_string(self.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn bytes(&self, path: &str) -> Vec<u8> {
        fs::read(self.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }
}

/// Runs tradui in `dir`; returns "exit: N", stdout and stderr, paths redacted.
pub fn tradui(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("tradui")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env_remove("CI")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.replace(&dir.display().to_string(), "[DIR]")
}
