//! The CI recipes of README.md ("For CI") work as written: every command of their
//! `run:` and `script:` lines (but the install, which `cargo install` would do) runs, in
//! order, with this build's `tradui` on the PATH, on a project made by `tradui init` in
//! a git repository with a remote, as a runner would: all pass on a clean project; after
//! a source edit made as in a web editor, the GitHub sync step commits and pushes the
//! stubs and review markers, `sync --check` then passes and `check` fails on what is stale.

mod common;

use common::Project;
use std::path::Path;
use std::process::Command;

/// The recipes' commands: per fenced YAML block of the "For CI" section, in order.
fn recipes() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("\n## For CI\n").expect("README has a For CI section");
    let section = &readme[start..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |i| i + 1)];
    let mut blocks = Vec::new();
    let mut rest = section;
    while let Some(open) = rest.find("```yaml\n") {
        let body = &rest[open + "```yaml\n".len()..];
        let close = body.find("\n```").unwrap();
        blocks.push(commands(&body[..close]));
        rest = &body[close..];
    }
    blocks
}

/// The shell commands of one YAML block: `run: cmd`, `run: |` and its lines, and the items
/// of `script:` lists; the install lines left out.
fn commands(yaml: &str) -> Vec<String> {
    let lines: Vec<&str> = yaml.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start().trim_start_matches("- ");
        if let Some(cmd) = line.strip_prefix("run: ") {
            if cmd == "|" {
                let mut script = Vec::new();
                let base = indent(lines[i]);
                while i + 1 < lines.len() && indent(lines[i + 1]) > base {
                    i += 1;
                    script.push(lines[i].trim());
                }
                out.push(script.join("\n"));
            } else {
                out.push(cmd.to_string());
            }
        } else if line == "script:" {
            while i + 1 < lines.len() && lines[i + 1].trim_start().starts_with("- ") {
                i += 1;
                out.push(lines[i].trim_start()[2..].to_string());
            }
        }
        i += 1;
    }
    out.retain(|c| !c.contains("cargo install"));
    out
}

/// Runs one command as a runner's shell would; returns its exit code and output.
fn sh(root: &Path, cmd: &str, summary: &Path) -> (i32, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_tradui")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("bash")
        .args(["-e", "-o", "pipefail", "-c", cmd])
        .current_dir(root)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("GITHUB_STEP_SUMMARY", summary)
        .env_remove("CI")
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn git(root: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=Organizer", "-c", "user.email=organizer@example.org"])
        .args(args)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A project in a git repository whose `main` tracks a bare remote, as a checkout has it.
fn repository() -> (Project, tempfile::TempDir) {
    let p = Project::init();
    let remote = tempfile::TempDir::new().unwrap();
    git(remote.path(), &["init", "-q", "--bare", "-b", "main"]);
    git(&p.root, &["init", "-q", "-b", "main"]);
    git(&p.root, &["add", "-A"]);
    git(&p.root, &["commit", "-q", "-m", "leaflets"]);
    git(&p.root, &["remote", "add", "origin", remote.path().to_str().unwrap()]);
    git(&p.root, &["push", "-q", "-u", "origin", "main"]);
    (p, remote)
}

#[test]
fn the_ci_recipes_pass_on_a_clean_project() {
    let blocks = recipes();
    assert!(blocks.len() >= 2, "the GitHub and GitLab recipes: {blocks:?}");
    let (p, _remote) = repository();
    let summary = p.root.join("summary.md");
    for cmd in blocks.iter().flatten() {
        let (code, out) = sh(&p.root, cmd, &summary);
        assert_eq!(code, 0, "`{cmd}` failed on a clean project:\n{out}");
    }
    let sarif: serde_json::Value = serde_json::from_str(&p.read("tradui.sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(p.read("tradui-junit.xml").starts_with("<?xml"));
    assert_eq!(p.read("gl-code-quality.json"), "[]\n");
    assert!(p.read("summary.md").contains("### tradui check: ✅ passed"));
    assert!(p.root.join("public/index.html").is_file() && p.root.join("public/es/meeting.pdf").is_file());
    assert_eq!(
        git(&p.root, &["log", "--format=%s"]).lines().count(),
        1,
        "nothing to sync, nothing committed"
    );
}

#[test]
fn a_web_editor_edit_gets_its_sync_commit_and_check_blocks_it() {
    let github = recipes().into_iter().next().unwrap();
    let (p, remote) = repository();
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    git(&p.root, &["commit", "-q", "-am", "Update meeting.md"]);
    let summary = p.root.join("summary.md");
    let mut codes = Vec::new();
    for cmd in &github {
        let (code, out) = sh(&p.root, cmd, &summary);
        codes.push((cmd.clone(), code, out));
        if code != 0 {
            break; // the runner stops the job here
        }
    }
    let failed = codes.last().unwrap();
    assert_eq!((failed.0.as_str(), failed.1), ("tradui check --format github", 1), "{codes:#?}");
    assert!(failed.2.contains("::error file=locales/es/meeting.ftl,line="), "{}", failed.2);
    let pushed = git(remote.path(), &["log", "--format=%s", "main"]);
    assert!(pushed.starts_with("tradui sync: stubs and review markers"), "{pushed}\n{codes:#?}");
    assert_eq!(sh(&p.root, "tradui sync --check", &summary).0, 0);
    assert!(p.read("locales/es/meeting.ftl").contains("Bring two coworkers."));
}
