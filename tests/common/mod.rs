//! Helpers shared by the CLI tests: a project in a temporary folder and the real binary.
#![allow(dead_code)]

pub mod devtools;

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

/// Every file under `dir`, by relative path, with its bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().display().to_string(), fs::read(e.path()).unwrap()))
        .collect()
}

/// One problem of `check --format json`, as DESIGN.md documents it: an unknown or
/// missing key fails the read, so the shape is checked wherever the helpers are used.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    pub kind: String,
    pub severity: String,
    pub leaflet: Option<String>,
    pub lang: Option<String>,
    pub id: Option<String>,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(default)]
    pub hint: Option<String>,
    /// The unit's current source text (for `missing` and `stale`).
    #[serde(default)]
    pub source: Option<String>,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == "error"
    }

    /// (id, kind), the ID empty when the problem has none.
    pub fn id_kind(&self) -> (String, String) {
        (self.id.clone().unwrap_or_default(), self.kind.clone())
    }
}

/// The `summary` object of `check --format json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    /// Errors that fail the check (in the source or a required language).
    pub failing: usize,
    pub leaflets: usize,
    pub languages: Vec<String>,
    pub required: Vec<String>,
    /// Problems by kind.
    pub kinds: std::collections::BTreeMap<String, usize>,
    /// Totals per language, per leaflet, and of problems that belong to neither.
    pub by_language: std::collections::BTreeMap<String, Totals>,
    pub by_leaflet: std::collections::BTreeMap<String, Totals>,
    pub unscoped: Totals,
}

/// Errors, warnings and failing errors of one part of the project.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub failing: usize,
}

/// What `check --format json` printed, with its exit code.
#[derive(Debug)]
pub struct Check {
    pub exit: i32,
    pub problems: Vec<Problem>,
    pub summary: Summary,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckJson {
    problems: Vec<Problem>,
    summary: Summary,
}

impl Check {
    /// The problems of one kind, in the order check printed them.
    pub fn of_kind(&self, kind: &str) -> Vec<&Problem> {
        self.problems.iter().filter(|p| p.kind == kind).collect()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }

    /// (kind, lang, id) of every error, in the order check printed them; lang and id
    /// empty where the problem has none.
    pub fn error_keys(&self) -> Vec<(String, String, String)> {
        self.errors()
            .map(|p| (p.kind.clone(), p.lang.clone().unwrap_or_default(), p.id.clone().unwrap_or_default()))
            .collect()
    }

    /// (id, kind) of the problems `keep` selects, sorted.
    pub fn id_kinds(&self, keep: impl Fn(&Problem) -> bool) -> Vec<(String, String)> {
        let mut v: Vec<_> = self.problems.iter().filter(|p| keep(p)).map(Problem::id_kind).collect();
        v.sort();
        v
    }
}

/// Sorted (id, kind) pairs, to compare with [`Check::id_kinds`].
pub fn id_kinds(v: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    v.sort();
    v
}

impl Project {
    /// Runs `check --format json` with `args` after it and reads what it printed.
    pub fn check(&self, args: &[&str]) -> Check {
        let out = Command::cargo_bin("tradui")
            .unwrap()
            .current_dir(&self.root)
            .args(["check", "--format", "json"])
            .args(args)
            .env_remove("CI")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let json: CheckJson = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "check --format json: {e}\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        Check { exit: out.status.code().unwrap_or(-1), problems: json.problems, summary: json.summary }
    }
}

// ---------------------------------------------------------------------------------------
// External tools (poppler, Chromium, gettext, xmllint, the Python tools): one policy. In
// CI (the CI variable set, as CI services and .ci/run set it) a missing tool fails the
// test; elsewhere the test is skipped, and says on the terminal what is missing and how to
// install it. Use at the top of a test: `if !common::have_program("pdftotext", POPPLER) { return; }`.

pub const POPPLER: &str = "apt-get install poppler-utils";
pub const CHROMIUM: &str = "apt-get install chromium";
pub const GETTEXT: &str = "apt-get install gettext";
pub const XMLLINT: &str = "apt-get install libxml2-utils";
/// The Python tools live in the virtual environment .ci/run makes.
pub const VENV: &str = "run .ci/run once (it makes the virtual environment), then export TRADUI_VENV=/var/tmp/tradui-venv TRADUI_TEST_PYTHON=/var/tmp/tradui-venv/bin/python";

/// Whether the tests run in CI, where nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// `true` when `found`; otherwise fails in CI, or tells the developer what is missing and
/// returns `false` so the test skips itself.
pub fn have(found: bool, what: &str, install: &str) -> bool {
    if found {
        return true;
    }
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    assert!(!in_ci(), "{test}: {what} is missing, and CI must run every test: {install}");
    // Straight to the terminal: the test harness captures `eprintln!` of passing tests.
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skipped {test}: {what} is missing; to run it: {install}");
    false
}

/// The path of `program` if it is on `PATH`.
pub fn find_program(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file())
}

/// [`have`] for a program on `PATH`.
pub fn have_program(program: &str, install: &str) -> bool {
    have(find_program(program).is_some(), &format!("`{program}`"), install)
}

/// Chromium (Debian's or Ubuntu's name), under [`have`]'s policy.
pub fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser"].iter().find_map(|p| find_program(p));
    have(found.is_some(), "Chromium", CHROMIUM).then(|| found.unwrap())
}

/// A program of the Python virtual environment (`$TRADUI_VENV/bin/<name>`), under
/// [`have`]'s policy.
pub fn venv_program(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("TRADUI_VENV")
        .map(|v| PathBuf::from(v).join("bin").join(name))
        .filter(|t| t.exists());
    have(found.is_some(), &format!("{name} in $TRADUI_VENV"), VENV).then(|| found.unwrap())
}

/// What a poppler tool (`pdftotext`, `pdfinfo`, `pdffonts`) prints; the test checked
/// [`have_poppler`] first.
pub fn poppler(tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("`{tool}`: {e}: {POPPLER}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// poppler's `pdftotext`, `pdfinfo` and `pdffonts`, under [`have`]'s policy.
pub fn have_poppler() -> bool {
    let all = ["pdftotext", "pdfinfo", "pdffonts"].iter().all(|p| find_program(p).is_some());
    have(all, "poppler (pdftotext, pdfinfo, pdffonts)", POPPLER)
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

/// The text of a PDF (`pdftotext`), under [`have`]'s policy for a missing tool.
pub fn pdf_text(path: &Path) -> String {
    if !have_poppler() {
        return String::new();
    }
    poppler("pdftotext", &[&path.display().to_string(), "-"])
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
