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

/// Runs tradui in `dir`; returns "exit: N", stdout and stderr, paths redacted. After a
/// `build`, every page and PDF it wrote is checked for unresolved placeables.
pub fn tradui(dir: &Path, args: &[&str]) -> String {
    let started = std::time::SystemTime::now() - std::time::Duration::from_secs(1);
    let text = run_tradui(dir, args);
    if args.first() == Some(&"build") {
        assert_no_unresolved_placeable(&build_output(dir, args), started);
    }
    text
}

fn run_tradui(dir: &Path, args: &[&str]) -> String {
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

/// The output folder of `tradui build` run in `dir` with `args`.
fn build_output(dir: &Path, args: &[&str]) -> PathBuf {
    let value = |flag: &str| args.iter().position(|a| *a == flag).and_then(|i| args.get(i + 1));
    match value("--out") {
        Some(out) => dir.join(out),
        None => dir.join(value("--project").copied().unwrap_or(".")).join("public"),
    }
}

/// What a placeable looks like when nothing filled it: fluent-bundle's `{$name}` and
/// `{-term}`, the source's `{ $name }`, and a brace in a link address (`%7B`).
pub fn unresolved_placeable(text: &str) -> Option<String> {
    let around = |i: usize| text[i..].chars().take(24).collect::<String>();
    for (i, _) in text.match_indices('{') {
        let rest = text[i + 1..].trim_start_matches(' ');
        let mut chars = rest.chars();
        if matches!(chars.next(), Some('$' | '-')) && chars.next().is_some_and(|c| c.is_ascii_alphabetic()) {
            return Some(around(i));
        }
    }
    text.to_ascii_lowercase().find("%7b").map(around)
}

/// No page or PDF under `out` written since `since` holds an unresolved placeable (PDFs
/// are read with poppler's `pdftotext`).
pub fn assert_no_unresolved_placeable(out: &Path, since: std::time::SystemTime) {
    for entry in walkdir::WalkDir::new(out).into_iter().flatten() {
        let path = entry.path();
        let fresh = entry.metadata().ok().and_then(|m| m.modified().ok()).is_some_and(|t| t >= since);
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !fresh || !matches!(ext, "html" | "pdf") {
            continue;
        }
        let text = if ext == "html" {
            page_text(&fs::read_to_string(path).unwrap_or_default())
        } else {
            pdf_text(path)
        };
        if let Some(found) = unresolved_placeable(&text) {
            panic!("{} holds an unresolved placeable: {found:?}", path.display());
        }
    }
}

/// The text of a PDF (`pdftotext`); without poppler a failure in CI, else a skip that
/// says so.
pub fn pdf_text(path: &Path) -> String {
    match std::process::Command::new("pdftotext").arg(path).arg("-").output() {
        Ok(out) => String::from_utf8_lossy(&out.stdout).into_owned(),
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("pdftotext is needed in CI ({e}): apt-get install poppler-utils")
        }
        Err(e) => {
            eprintln!("skipped: the PDF text check of {} needs pdftotext ({e})", path.display());
            String::new()
        }
    }
}

/// A page without its style sheet and scripts (CSS has `{ -webkit-...` of its own).
pub fn page_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<style").into_iter().chain(rest.find("<script")).min() {
        out.push_str(&rest[..start]);
        let close = if rest[start..].starts_with("<style") { "</style>" } else { "</script>" };
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}
