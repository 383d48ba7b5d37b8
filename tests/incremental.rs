//! Incremental builds: after every kind of edit, a build that reuses the last one writes
//! exactly the bytes a clean build writes, and renders only what the edit reaches.

mod common;

use common::{Project, tree};
use std::fs;

/// Builds incrementally into public/, then from scratch into a new folder, and compares.
/// Returns the incremental build's output.
fn build_and_compare(p: &Project) -> String {
    let incremental = p.run(&["build"]);
    let clean_dir = tempfile::tempdir().unwrap();
    let clean = p.run(&["build", "--out", clean_dir.path().to_str().unwrap()]);
    assert_eq!(exit(&incremental), exit(&clean), "incremental:\n{incremental}\nclean:\n{clean}");
    assert!(clean.contains(" 0 up to date"), "a new output folder is a full build: {clean}");
    let (a, b) = (tree(&p.root.join("public")), tree(clean_dir.path()));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "the same files");
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs from a clean build after:\n{incremental}");
    }
    // The problems reported are the same too (paths aside).
    assert_eq!(
        stderr(&incremental),
        stderr(&clean).replace(&clean_dir.path().display().to_string(), "[OUT]").replace("[OUT]", "")
    );
    incremental
}

fn exit(out: &str) -> &str {
    out.lines().next().unwrap()
}

fn stderr(out: &str) -> String {
    out.split("--- stderr\n").nth(1).unwrap_or("").to_string()
}

/// "N rebuilt, M up to date" from a build's summary.
fn counts(out: &str) -> (usize, usize) {
    let line = out.lines().find(|l| l.starts_with("built ")).unwrap_or_else(|| panic!("no summary: {out}"));
    let nums: Vec<usize> = line
        .split(": ")
        .nth(1)
        .unwrap()
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (nums[0], nums[1])
}

/// The example project plus a second leaflet that uses no glossary term.
fn project() -> Project {
    let p = Project::init();
    p.write("content/notice.md", "+++\ntitle = \"Notice\"\n[variables]\nroom = \"B\"\n+++\n\n## Notice {#notice}\n\nThe break room { $room } is open.\n");
    p.write("locales/es/notice.ftl", "# en: Notice\ntitle = Aviso\n");
    p
}

#[test]
#[ignore = "slow: a clean build per edit; run with cargo test -- --include-ignored"]
fn every_kind_of_edit_rebuilds_what_it_reaches_and_matches_a_clean_build() {
    let p = project();
    assert_eq!(counts(&build_and_compare(&p)), (22, 0), "first build");
    assert_eq!(counts(&build_and_compare(&p)), (0, 22), "nothing changed");

    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    assert_eq!(
        counts(&build_and_compare(&p)),
        (11, 11),
        "a source paragraph: every language of that leaflet"
    );

    p.edit("locales/ht/meeting.ftl", "Tout travayè", "Tout travayè yo");
    assert_eq!(counts(&build_and_compare(&p)), (3, 19), "a translation: its page and PDF, and the poster");

    p.edit("content/meeting.md", "time = \"6:30 PM\"", "time = \"7:00 PM\"");
    assert_eq!(counts(&build_and_compare(&p)), (11, 11), "a variable: every language of its leaflet");

    p.edit(
        "locales/es/terms.ftl",
        "-union-name = Warehouse Workers Union",
        "-union-name = Sindicato de Trabajadores",
    );
    assert_eq!(
        counts(&build_and_compare(&p)),
        (3, 19),
        "a term in one language: the pages that use it in that language"
    );

    p.write(
        "locales/es/terms.ftl",
        fs::read_to_string(p.root.join("locales/es/terms.ftl")).unwrap() + "-unused = Nada\n",
    );
    assert_eq!(counts(&build_and_compare(&p)), (0, 22), "a term nobody uses");

    p.edit("tradui.toml", "required = [\"es\", \"ht\", \"ar\", \"fr\"]", "required = [\"es\", \"ht\"]");
    assert_eq!(counts(&build_and_compare(&p)), (0, 22), "a setting no page shows");

    p.edit("tradui.toml", "title = \"Our leaflets\"", "title = \"Local 12 leaflets\"");
    assert_eq!(counts(&build_and_compare(&p)), (22, 0), "the site title is on every page");

    p.write(
        "tradui.toml",
        fs::read_to_string(p.root.join("tradui.toml")).unwrap()
            + "[fallback.languages.fr]\nmin-coverage = 100\n",
    );
    p.edit("locales/fr/meeting.ftl", "why-p1 =", "why-p9 =");
    let out = build_and_compare(&p);
    assert!(out.contains("meeting: not published in fr"), "{out}");
    assert_eq!(
        counts(&out),
        (10, 8),
        "fr no longer published (both leaflets): the switcher of their other pages changes"
    );

    p.write("print.typ", "#import \"/lib.typ\": *\n#let data = json(\"/doc.json\")\n#set page(paper: \"a5\")\n= Custom: #data.title\n#blocks(data, data.doc.blocks)\n");
    p.write(
        "tradui.toml",
        fs::read_to_string(p.root.join("tradui.toml"))
            .unwrap()
            .replace("paper = \"letter\"", "paper = \"letter\"\ntemplate = \"print.typ\""),
    );
    let out = build_and_compare(&p);
    assert_eq!(counts(&out), (10, 8), "a template: every PDF (and poster), no page: {out}");

    fs::remove_file(p.root.join("content/notice.md")).unwrap();
    let out = build_and_compare(&p);
    assert!(!p.root.join("public/es/notice.html").exists());
    assert_eq!(counts(&out), (0, 9), "a leaflet removed: its outputs go, nothing else changes");
}

#[test]
fn a_deleted_or_hand_edited_output_is_rebuilt() {
    let p = project();
    build_and_compare(&p);
    fs::remove_file(p.root.join("public/ht/meeting.pdf")).unwrap();
    fs::write(p.root.join("public/es/notice.html"), "edited by hand").unwrap();
    let out = build_and_compare(&p);
    assert_eq!(counts(&out), (2, 20), "{out}");
    assert!(p.bytes("public/ht/meeting.pdf").starts_with(b"%PDF"));
    // Touched but not changed: no rebuild.
    let page = p.bytes("public/ar/meeting.html");
    fs::write(p.root.join("public/ar/meeting.html"), &page).unwrap();
    assert_eq!(counts(&build_and_compare(&p)), (0, 22));
    // A lost manifest is a full build with the same bytes.
    fs::remove_dir_all(p.root.join(".tradui-cache")).unwrap();
    assert_eq!(counts(&build_and_compare(&p)), (22, 0));
}

#[test]
fn warnings_are_reported_again_when_their_output_is_skipped() {
    let p = project();
    p.edit("content/notice.md", "is open.", "is open. [More](javascript:alert(1))");
    let first = p.run(&["build"]);
    assert!(first.contains("content/notice.md:9:1: warning[unsafe-link]"), "{first}");
    let again = build_and_compare(&p);
    assert_eq!(counts(&again), (0, 22));
    assert_eq!(stderr(&first), stderr(&again), "the same warnings, though nothing was rendered");
}

#[test]
fn a_broken_leaflet_fails_every_build_not_only_the_first() {
    let p = project();
    build_and_compare(&p);
    p.edit("content/notice.md", "room = \"B\"", "room = ");
    let first = p.run(&["build"]);
    assert!(first.starts_with("exit: 1"), "{first}");
    let again = p.run(&["build"]);
    assert!(again.starts_with("exit: 1"), "an error is never skipped into an all-clear: {again}");
    assert_eq!(stderr(&first), stderr(&again));
}

#[test]
fn a_record_restored_from_the_provenance_sidecar_is_an_input_too() {
    let p = Project::init();
    let sync = p.run(&["sync"]);
    assert!(sync.starts_with("exit: 0"), "{sync}");
    build_and_compare(&p);
    // A tool dropped the record: the sidecar gives it back, and the page is unchanged.
    p.edit("locales/ht/meeting.ftl", "# en: Bring a coworker.\n", "");
    build_and_compare(&p);
    assert!(p.read("public/ht/meeting.html").contains("Mennen yon kolèg travay."));
    // Only the sidecar changes: the verdict changes (stale), so the page must too.
    let sidecar = "locales/.provenance/ht/meeting.json";
    assert!(p.read(sidecar).contains("\"record\": \"Bring a coworker.\""), "{}", p.read(sidecar));
    p.edit(sidecar, "\"record\": \"Bring a coworker.\"", "\"record\": \"Bring an older coworker.\"");
    let out = build_and_compare(&p);
    assert_eq!(counts(&out), (3, 8), "{out}");
    assert!(
        !p.read("public/ht/meeting.html").contains("Mennen yon kolèg travay."),
        "a stale translation is not shown"
    );
}
