//! Translation memory in `sync` and `status`: a sentence already translated in another
//! leaflet, the glossary or the Obsolete section fills a missing unit; a near one is
//! filled marked for review; `--no-memory` writes stubs only.

mod common;

use common::{Problem, Project, id_kinds};

fn project() -> Project {
    let p = Project::empty();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"ht\"]\n");
    p.write("locales/en/terms.ftl", "-union-name = Amazon Labor Union\n");
    p.write("locales/ht/terms.ftl", "-union-name = Sendika Travayè Amazon\n");
    p.write("content/meeting.md", "+++\n[variables]\nphone = \"555-0142\"\n+++\n# Meeting\n\nRoom A\n\nCall the union at { $phone } any hour.\n");
    p.write(
        "locales/ht/meeting.ftl",
        "# en: Meeting\nmeeting = Reyinyon\n\n# en: Room A\nmeeting-p1 = Sal A\n\n# en: Call the union at { $phone } any hour.\nmeeting-p2 = Rele sendika a nan { $phone } nenpòt lè.\n\n## Obsolete: these messages match no text of the leaflet any more. `tradui sync --prune` deletes them.\n\n# en: Bring water.\nold = Pote dlo.\n",
    );
    p.write(
        "content/walk.md",
        "+++\n[variables]\nphone = \"555-0142\"\n+++\n# Walk\n\nRoom A\n\nCall the union at { $phone } at any hour.\n\nBring water.\n\nAmazon Labor Union\n\nSomething nobody translated yet.\n",
    );
    p
}

#[test]
fn status_counts_what_memory_can_fill() {
    let p = project();
    let out = p.run(&["status"]);
    assert!(out.contains("Translation memory: `tradui sync ht` can fill 4 missing unit(s) in ht: 3 exact, 1 near (marked for review)"), "{out}");
    let json = std::process::Command::new(assert_cmd::cargo::cargo_bin("tradui"))
        .current_dir(&p.root)
        .args(["status", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["memory"]["ht"], serde_json::json!({"exact": 3, "near": 1}));
}

#[test]
fn sync_fills_exact_matches_current_and_near_ones_for_review() {
    let p = project();
    let out = p.run(&["sync", "ht"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(out.contains("locales/ht/walk.ftl: 2 stub(s) added, 3 filled from translation memory, 1 filled from a near match in translation memory, marked for review"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(ftl.contains("# memory: the same en text is translated in locales/ht/meeting.ftl `meeting-p1`\n# en: Room A\nwalk-p1 = Sal A\n"), "{ftl}");
    assert!(ftl.contains("# memory: the same en text is translated in locales/ht/meeting.ftl `old`\n# en: Bring water.\nwalk-p3 = Pote dlo.\n"), "{ftl}");
    assert!(ftl.contains("# memory: the same en text is translated in locales/ht/terms.ftl `-union-name`\n# en: Amazon Labor Union\nwalk-p4 = Sendika Travayè Amazon\n"), "{ftl}");
    assert!(ftl.contains("# REVIEW: filled from translation memory"), "{ftl}");
    assert!(ftl.contains("# change: Call the union at { $phone } {+at+} any hour.\n# en: Call the union at { $phone } at any hour.\nwalk-p2 = Rele sendika a nan { $phone } nenpòt lè.\n"), "{ftl}");
    assert!(ftl.contains("# walk-p5 ="), "{ftl}");
    // Exact matches are current; the near one is stale until reviewed; the rest missing.
    let want = [("walk", "missing"), ("walk-p2", "stale"), ("walk-p5", "missing")];
    assert_eq!(p.check(&[]).id_kinds(Problem::is_error), id_kinds(&want));
    // Running sync again changes nothing.
    let again = p.run(&["sync", "ht"]);
    assert!(again.contains("0 file(s) updated"), "{again}");
    assert_eq!(p.read("locales/ht/walk.ftl"), ftl);
}

#[test]
fn no_memory_writes_stubs_only() {
    let p = project();
    let out = p.run(&["sync", "ht", "--no-memory"]);
    assert!(out.contains("locales/ht/walk.ftl: 6 stub(s) added"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(!ftl.contains("# memory:") && !ftl.contains("Sal A"), "{ftl}");
}
