//! Faults: `build` and `sync` killed at random points, and folders tradui may not read
//! or write. Every file must be the old one or the new one, never a mix or a truncated
//! file; the next run removes (and reports) what the killed one left; a folder that
//! cannot be read stops the command with exit 2 and removes nothing.

mod common;

use common::Project;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("tradui")
}

/// Every file under `dir` by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn write_all(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    let _ = std::fs::remove_dir_all(dir);
    for (rel, bytes) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

/// A small deterministic generator, seeded from the clock (the seed is printed, so a
/// failure can be replayed with TRADUI_FAULT_SEED).
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed =
            std::env::var("TRADUI_FAULT_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
            });
        eprintln!("fault seed: {seed} (TRADUI_FAULT_SEED={seed} replays it)");
        Rng(seed | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn run(root: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(bin())
        .current_dir(root)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
    )
}

/// Runs the command and kills it (SIGKILL) after `delay`.
fn run_killed(root: &Path, args: &[&str], delay: Duration) {
    let mut child = Command::new(bin())
        .current_dir(root)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .env_remove("CI")
        .spawn()
        .unwrap();
    std::thread::sleep(delay);
    let _ = child.kill();
    let _ = child.wait();
}

/// Checks that each file of `now` is its `old` or its `new` version; returns the
/// temporary files left.
fn whole_files(
    now: &BTreeMap<String, Vec<u8>>,
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
    when: &str,
) -> usize {
    let mut temporary = 0;
    for (rel, bytes) in now {
        if Path::new(rel).file_name().unwrap().to_string_lossy().starts_with(".tradui-tmp-") {
            temporary += 1;
            continue;
        }
        let ok = old.get(rel) == Some(bytes) || new.get(rel) == Some(bytes);
        assert!(ok, "{when}: {rel} is neither the old file nor the new one ({} bytes)", bytes.len());
    }
    for rel in old.keys() {
        assert!(now.contains_key(rel) || !new.contains_key(rel), "{when}: {rel} disappeared");
    }
    temporary
}

/// A project of several leaflets, so that a run takes long enough to be interrupted.
fn big_project(leaflets: usize) -> Project {
    let p = Project::init();
    let md = p.read("content/meeting.md");
    for i in 0..leaflets {
        p.write(&format!("content/m{i}.md"), &md);
        for lang in ["es", "ht", "ar", "fr"] {
            let ftl = p.read(&format!("locales/{lang}/meeting.ftl"));
            p.write(&format!("locales/{lang}/m{i}.ftl"), ftl);
        }
    }
    p
}

/// Edits every leaflet so that every page (and every translation file, for sync) changes.
fn edit_sources(p: &Project, leaflets: usize) {
    for name in std::iter::once("meeting".to_string()).chain((0..leaflets).map(|i| format!("m{i}"))) {
        p.edit(&format!("content/{name}.md"), "Bring a coworker.", "Bring two coworkers.");
        p.edit(&format!("content/{name}.md"), "time = \"6:30 PM\"", "time = \"7:00 PM\"");
    }
}

#[test]
#[ignore = "slow: kills builds of 12 leaflets mid-write; run with cargo test -- --include-ignored"]
fn an_interrupted_build_leaves_whole_files_and_the_next_build_cleans_up() {
    let leaflets = 12;
    let p = big_project(leaflets);
    let out = p.root.join("public");
    let (code, log) = run(&p.root, &["build"]);
    assert_eq!(code, 0, "{log}");
    let old = files(&out);
    edit_sources(&p, leaflets);
    // The new output, from a clean build elsewhere (incremental and clean builds agree).
    let reference = p.root.join("reference");
    let started = Instant::now();
    let (code, log) = run(&p.root, &["build", "--out", "reference"]);
    assert_eq!(code, 0, "{log}");
    let full = started.elapsed();
    let new = files(&reference);
    std::fs::remove_dir_all(&reference).unwrap();
    assert!(
        old.iter().filter(|(k, v)| new.get(*k) != Some(v)).count() > leaflets,
        "the edit should change most pages"
    );

    let mut rng = Rng::new();
    let mut interrupted = 0;
    for round in 0..8 {
        write_all(&out, &old);
        let delay = Duration::from_millis(rng.below(full.as_millis() as u64 + 1));
        run_killed(&p.root, &["build"], delay);
        let now = files(&out);
        whole_files(&now, &old, &new, &format!("round {round}, killed after {delay:?}"));
        if now != old {
            interrupted += 1;
        }
    }
    eprintln!("{interrupted} of 8 builds were killed after they had written something");

    // What a killed build leaves, the next one removes and reports.
    std::fs::write(out.join("es/.tradui-tmp-Xy12ab"), b"half a page").unwrap();
    let (code, log) = run(&p.root, &["build"]);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("warning[io]: removed 1 temporary file(s) that an interrupted run left: public/es/.tradui-tmp-Xy12ab") || log.contains("temporary file(s) that an interrupted run left"), "{log}");
    assert_eq!(files(&out), new, "after a full build the output is the new one, and only it");
}

#[test]
#[ignore = "slow: kills syncs of 40 leaflets; run with cargo test -- --include-ignored"]
fn an_interrupted_sync_leaves_whole_files_and_the_next_sync_cleans_up() {
    let leaflets = 40;
    let p = big_project(leaflets);
    edit_sources(&p, leaflets);
    let locales = p.root.join("locales");
    let old = files(&locales);
    let copy = p.root.join("../copy");
    write_all(&copy.join("locales"), &old);
    for dir in ["content", "tradui.toml"] {
        let _ = std::process::Command::new("cp").args(["-r"]).arg(p.root.join(dir)).arg(&copy).status();
    }
    let started = Instant::now();
    let (code, log) = run(&copy, &["sync"]);
    assert_eq!(code, 0, "{log}");
    let full = started.elapsed();
    let new = files(&copy.join("locales"));
    assert_ne!(old, new);

    let mut rng = Rng::new();
    for round in 0..8 {
        write_all(&locales, &old);
        let delay = Duration::from_millis(rng.below(full.as_millis() as u64 + 1));
        run_killed(&p.root, &["sync"], delay);
        whole_files(&files(&locales), &old, &new, &format!("round {round}, killed after {delay:?}"));
    }
    std::fs::write(locales.join("ht/.tradui-tmp-Q9"), b"# en: half").unwrap();
    // Sync also writes files one folder deeper (provenance sidecars).
    std::fs::create_dir_all(locales.join(".provenance/ht")).unwrap();
    std::fs::write(locales.join(".provenance/ht/.tradui-tmp-P1"), b"{").unwrap();
    let (code, log) = run(&p.root, &["sync"]);
    assert_eq!(code, 0, "{log}");
    assert!(log.contains("temporary file(s) that an interrupted run left"), "{log}");
    assert!(
        !locales.join("ht/.tradui-tmp-Q9").exists()
            && !locales.join(".provenance/ht/.tradui-tmp-P1").exists(),
        "{log}"
    );
    let now = files(&locales);
    for (rel, bytes) in &new {
        assert!(
            now.get(rel) == Some(bytes),
            "after a full sync, {rel} differs from a sync that was never interrupted:\n{}\n---- wanted:\n{}",
            String::from_utf8_lossy(now.get(rel).map_or(&[][..], |b| b)),
            String::from_utf8_lossy(bytes)
        );
    }
    let extra: Vec<&String> = now.keys().filter(|k| !new.contains_key(*k)).collect();
    assert!(extra.is_empty(), "left behind: {extra:?}");
}

// ---------------------------------------------------------------------------------------
// Folders tradui may not read or write. Permissions do not bind root, so as root the
// command runs as `nobody` (setpriv, util-linux).

#[cfg(unix)]
mod permissions {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn is_root() -> bool {
        std::fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0).unwrap_or(false)
    }

    /// Runs tradui as a user the permissions apply to.
    fn run_unprivileged(p: &Project, args: &[&str]) -> (i32, String) {
        let mut cmd = if is_root() {
            // Let nobody reach the project.
            let mut dir = p.root.clone();
            while let Some(parent) = dir.parent() {
                if dir.starts_with(std::env::temp_dir()) && dir != std::env::temp_dir() {
                    let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
                    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode | 0o755)).unwrap();
                }
                dir = parent.to_path_buf();
            }
            // A copy of the binary nobody may run, wherever the target folder is.
            let copy = p.root.parent().unwrap().join("tradui-for-nobody");
            if !copy.exists() {
                std::fs::copy(bin(), &copy).unwrap();
                std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
            }
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(copy);
            c
        } else {
            Command::new(bin())
        };
        let out = cmd.current_dir(&p.root).args(args).env("NO_COLOR", "1").env_remove("CI").output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
        )
    }

    fn chmod(p: &Project, rel: &str, mode: u32) {
        std::fs::set_permissions(p.root.join(rel), std::fs::Permissions::from_mode(mode)).unwrap();
    }

    fn open_everything(p: &Project) {
        for e in walkdir::WalkDir::new(&p.root).into_iter().flatten() {
            let mode = if e.file_type().is_dir() { 0o777 } else { 0o666 };
            std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode)).unwrap();
        }
    }

    #[test]
    fn an_unreadable_content_folder_stops_every_command_and_removes_nothing() {
        let p = Project::init();
        let (code, log) = run(&p.root, &["build", "--no-pdf"]);
        assert_eq!(code, 0, "{log}");
        open_everything(&p);
        let published = files(&p.root.join("public"));
        chmod(&p, "content", 0o000);
        for args in [&["check"][..], &["status"], &["sync"], &["build", "--no-pdf"]] {
            let (code, log) = run_unprivileged(&p, args);
            assert_eq!(code, 2, "{args:?}: {log}");
            assert!(
                log.contains("content: error[io]: cannot read the folder content/: Permission denied"),
                "{args:?}: {log}"
            );
            assert!(!log.contains("check passed"), "{log}");
        }
        chmod(&p, "content", 0o777);
        assert_eq!(files(&p.root.join("public")), published, "nothing was removed");
    }

    #[test]
    fn an_unreadable_locale_folder_is_an_error_not_missing_translations() {
        let p = Project::init();
        open_everything(&p);
        let before = p.bytes("locales/es/meeting.ftl");
        chmod(&p, "locales/es", 0o000);
        for args in [&["check"][..], &["sync"], &["build", "--no-pdf"]] {
            let (code, log) = run_unprivileged(&p, args);
            assert_eq!(code, 2, "{args:?}: {log}");
            assert!(
                log.contains("locales/es: error[io]: cannot read the folder locales/es/: Permission denied"),
                "{args:?}: {log}"
            );
            assert!(!log.contains("missing"), "{log}");
        }
        chmod(&p, "locales/es", 0o777);
        assert_eq!(p.bytes("locales/es/meeting.ftl"), before);
    }

    #[test]
    fn a_read_only_folder_is_a_clear_error_and_nothing_is_lost() {
        let p = Project::init();
        p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
        open_everything(&p);
        let before = p.bytes("locales/ht/meeting.ftl");
        chmod(&p, "locales/ht", 0o555);
        let (code, log) = run_unprivileged(&p, &["sync", "ht"]);
        assert_eq!(code, 2, "{log}");
        assert!(
            log.contains("locales/ht: error[io]: cannot write in the folder locales/ht: Permission denied"),
            "{log}"
        );
        assert!(log.contains("nothing was changed"), "{log}");
        chmod(&p, "locales/ht", 0o777);
        assert_eq!(p.bytes("locales/ht/meeting.ftl"), before);
        let leftovers = std::fs::read_dir(p.root.join("locales/ht"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".tradui-tmp-"))
            .count();
        assert_eq!(leftovers, 0);

        // The same for the output folder of a build: its pages stay as they were.
        let (code, log) = run(&p.root, &["build", "--no-pdf"]);
        assert_eq!(code, 0, "{log}");
        open_everything(&p);
        let published = files(&p.root.join("public"));
        p.edit("locales/es/meeting.ftl", "Por qué importa", "Por qué es importante");
        chmod(&p, "public/es", 0o555);
        let (code, log) = run_unprivileged(&p, &["build", "--no-pdf"]);
        assert_eq!(code, 2, "{log}");
        assert!(
            log.contains("public/es: error[io]: cannot write in the folder public/es: Permission denied"),
            "{log}"
        );
        chmod(&p, "public/es", 0o777);
        assert_eq!(files(&p.root.join("public"))["es/meeting.html"], published["es/meeting.html"]);
    }
}
