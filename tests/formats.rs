//! The output formats of `check` and the other reporting commands (issue 20), on one
//! project with every kind of problem: snapshots of every format, SARIF validated
//! against the official SARIF 2.1.0 schema (`tests/fixtures/sarif/`) with Python's
//! `jsonschema`, JUnit read by Python's `junitparser`, fingerprints that survive an
//! unrelated edit, the GitHub step summary, per-leaflet `required` and `valid-until`.
//! The Python tools come from the venv `.ci/run` makes (`TRADUI_TEST_PYTHON`, else
//! `$TRADUI_VENV/bin/python`): in CI (`CI` set) a missing one fails the test; elsewhere
//! the test says why it skips.

mod common;

use assert_cmd::Command;
use common::Project;
use serde_json::Value;
use std::path::Path;

/// The day the tests take as today: after the meeting leaflet's `valid-until`.
const TODAY: &str = "2026-12-12";

/// Runs tradui with a fixed today, no CI variables, and `env` added; returns "exit: N",
/// stdout and stderr.
fn run_env(p: &Project, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::cargo_bin("tradui").unwrap();
    cmd.current_dir(&p.root).args(args).env("NO_COLOR", "1").env("TRADUI_TODAY", TODAY);
    for var in ["CI", "GITHUB_STEP_SUMMARY", "SOURCE_DATE_EPOCH"] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn run(p: &Project, args: &[&str]) -> String {
    run_env(p, args, &[])
}

/// Stdout alone.
fn stdout(report: &str) -> &str {
    let start = report.find("--- stdout\n").unwrap() + "--- stdout\n".len();
    let end = report.find("--- stderr\n").unwrap();
    &report[start..end]
}

/// The example project with one problem of every kind `check` reports, a weekly note
/// that only Spanish must be complete in, and a meeting whose day has passed.
fn every_problem() -> Project {
    let p = Project::init();
    p.edit("content/meeting.md", "+++\n", "+++\nvalid-until = 2026-12-11\n");
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers."); // stale
    p.delete_message("locales/ht/meeting.ftl", "why-p1"); // missing
    p.edit("locales/ht/meeting.ftl", "Vin nan reyinyon an", "Vin nan reyinyon an \u{0378}"); // missing-glyph
    p.edit("locales/es/meeting.ftl", "\nwhy-p1 =", "\nwhy-moved =");
    p.edit("locales/fr/meeting.ftl", "= Où : { $place }", "= Où :"); // invalid: a placeable dropped
    p.edit("locales/ar/meeting.ftl", "# en: Why it matters\n", ""); // no-record
    std::fs::remove_dir_all(p.root.join("locales/.provenance")).unwrap(); // (no record kept aside)
    p.write("locales/es/meeting.ftl", p.read("locales/es/meeting.ftl") + "\n# en: Gone\ngone = Ido\n"); // obsolete
    p.write("locales/es/nothing.ftl", "# en: x\nx = y\n"); // orphan-file
    p.write("locales/de/meeting.ftl", "# en: x\nx = y\n"); // unknown-locale
    p.edit(
        "locales/ht/meeting.ftl",
        "meeting-li2 = Mennen yon kolèg travay.",
        "meeting-li2 = { $n ->\n    [one] [Mennen](javascript:alert(1)) yon kolèg travay.\n   *[other] Mennen kolèg travay.\n}",
    ); // plural, unsafe-link
    p.write("content/note.md", "+++\nrequired = [\"es\"]\n+++\n\n# Weekly note\n\nSee you Friday.\n");
    p.write("locales/es/note.ftl", "# en: Weekly note\ntitle = Weekly note\n"); // untranslated
    p.write("tradui.toml", p.read("tradui.toml") + "\n[theme]\naccent = \"#f5c400\"\n"); // contrast
    p
}

#[test]
fn every_format_on_every_kind_of_problem() {
    let p = every_problem();
    let text = run(&p, &["check"]);
    for kind in [
        "missing",
        "stale",
        "obsolete",
        "invalid",
        "untranslated",
        "no-record",
        "missing-glyph",
        "moved",
        "orphan-file",
        "unknown-locale",
        "plural",
        "unsafe-link",
        "expired",
        "contrast",
    ] {
        assert!(text.contains(&format!("[{kind}]")), "no {kind}:\n{text}");
    }
    insta::assert_snapshot!("text", text);
    for format in ["json", "github", "sarif", "junit", "gitlab", "markdown"] {
        insta::assert_snapshot!(format, run(&p, &["check", "--format", format]));
    }
}

#[test]
fn json_kinds_are_the_text_names_and_the_summary_counts_by_language_and_leaflet() {
    let p = every_problem();
    let json: Value = serde_json::from_str(stdout(&run(&p, &["check", "--format", "json"]))).unwrap();
    let kinds: Vec<&str> =
        json["problems"].as_array().unwrap().iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"missing-glyph") && !kinds.contains(&"glyph"), "{kinds:?}");
    let summary = &json["summary"];
    assert!(summary["by_language"]["ht"]["errors"].as_u64().unwrap() >= 3, "{summary}");
    // note requires only es: of its errors (missing units), only the Spanish one fails.
    assert_eq!(summary["by_leaflet"]["note"]["errors"], 7, "{summary}");
    assert_eq!(summary["by_leaflet"]["note"]["failing"], 1, "{summary}");
    assert_eq!(summary["kinds"]["expired"], 1);
}

#[test]
fn per_leaflet_required_languages_decide_the_exit() {
    let p = Project::init();
    p.write("content/note.md", "+++\nrequired = [\"es\"]\n+++\n\n# Weekly note\n\nSee you Friday.\n");
    p.write(
        "locales/es/note.ftl",
        "# en: Weekly note\ntitle = Nota semanal\n\n# en: See you Friday.\ntitle-p1 = Hasta el viernes.\n",
    );
    let out = run(&p, &["check"]);
    assert!(out.starts_with("exit: 0"), "ht, ar and fr are not required for the note:\n{out}");
    assert!(out.contains("locales/ht/note.ftl") && out.contains("error[missing]"), "{out}");
    p.edit("locales/es/note.ftl", "title-p1 = Hasta el viernes.\n", "");
    let out = run(&p, &["check"]);
    assert!(out.starts_with("exit: 1"), "es is required for the note:\n{out}");
    p.edit("content/note.md", "[\"es\"]", "[\"de\"]");
    let out = run(&p, &["check"]);
    assert!(
        out.contains("content/note.md:2:13: error[source]: front matter: `required` names \"de\", which is not a translation language of this project"),
        "{out}"
    );
}

#[test]
fn an_event_that_is_over_warns_and_its_page_says_so() {
    let p = Project::init();
    p.edit("content/meeting.md", "+++\n", "+++\nvalid-until = 2026-12-11\n");
    let before = run_env(&p, &["check"], &[("TRADUI_TODAY", "2026-12-11")]);
    assert!(before.starts_with("exit: 0") && !before.contains("expired"), "{before}");
    let after = run(&p, &["check"]);
    assert!(
        after.starts_with("exit: 0")
            && after.contains("content/meeting.md:2:1: warning[expired]: the event is over: `valid-until` is 2026-12-11 and today is 2026-12-12"),
        "{after}"
    );
    let built = run_env(&p, &["build", "--no-pdf"], &[("TRADUI_TODAY", "2026-12-11")]);
    assert!(built.starts_with("exit: 0"), "{built}");
    assert!(!p.read("public/es/meeting.html").contains("event-over"));
    // The next day the page changes without any file changing.
    assert!(run(&p, &["build", "--no-pdf"]).starts_with("exit: 0"));
    let page = p.read("public/es/meeting.html");
    assert!(page.contains("<p class=\"notice event-over\" role=\"note\">Este evento ya pasó.</p>"), "{page}");
    assert!(run(&p, &["build"]).starts_with("exit: 0"));
    if let Ok(text) =
        std::process::Command::new("pdftotext").arg(p.root.join("public/es/meeting.pdf")).arg("-").output()
    {
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("Este evento ya pasó."), "{text}");
    }
    let epoch = run_env(&p, &["check"], &[("TRADUI_TODAY", ""), ("SOURCE_DATE_EPOCH", "1797033600")]);
    assert!(epoch.contains("today is 2026-12-12"), "{epoch}");
    p.edit("content/meeting.md", "valid-until = 2026-12-11", "valid-until = \"soon\"");
    let bad = run(&p, &["check"]);
    assert!(bad.contains("content/meeting.md:2:15: error[source]: front matter"), "{bad}");
}

#[test]
fn fingerprints_stay_when_unrelated_lines_move() {
    let p = every_problem();
    let before = run(&p, &["check", "--format", "sarif"]);
    let gitlab_before = run(&p, &["check", "--format", "gitlab"]);
    // A blank paragraph above everything: every line below moves down.
    p.edit("content/meeting.md", "## Come to the meeting", "\n\n## Come to the meeting");
    for path in [
        "locales/es/meeting.ftl",
        "locales/ht/meeting.ftl",
        "locales/fr/meeting.ftl",
        "locales/ar/meeting.ftl",
    ] {
        p.write(path, format!("\n\n{}", p.read(path)));
    }
    let after = run(&p, &["check", "--format", "sarif"]);
    let prints = |doc: &str| -> Vec<(String, String, u64)> {
        let v: Value = serde_json::from_str(stdout(doc)).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let line = r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64().unwrap_or(0);
                (
                    r["ruleId"].as_str().unwrap().to_string(),
                    r["partialFingerprints"]["tradui/v1"].as_str().unwrap().to_string(),
                    line,
                )
            })
            .collect()
    };
    let (a, b) = (prints(&before), prints(&after));
    assert_eq!(a.len(), b.len());
    let fa: std::collections::BTreeSet<_> = a.iter().map(|(k, f, _)| (k.clone(), f.clone())).collect();
    let fb: std::collections::BTreeSet<_> = b.iter().map(|(k, f, _)| (k.clone(), f.clone())).collect();
    assert_eq!(fa, fb, "a fingerprint changed");
    assert!(a.iter().zip(&b).any(|(x, y)| x.2 != y.2), "no line moved: the test proves nothing");
    let gitlab = |doc: &str| -> Vec<String> {
        let v: Value = serde_json::from_str(stdout(doc)).unwrap();
        let mut f: Vec<String> =
            v.as_array().unwrap().iter().map(|x| x["fingerprint"].as_str().unwrap().to_string()).collect();
        f.sort();
        f
    };
    let g = gitlab(&gitlab_before);
    let unique: std::collections::BTreeSet<_> = g.iter().collect();
    assert_eq!(unique.len(), g.len(), "GitLab fingerprints must be unique");
    assert_eq!(g, gitlab(&run(&p, &["check", "--format", "gitlab"])));
}

#[test]
fn github_leaves_out_what_it_cannot_show_and_writes_the_step_summary() {
    let p = Project::init();
    // 14 missing units in ht: more than GitHub shows.
    for (i, _) in (0..7).enumerate() {
        p.write(&format!("content/extra{i}.md"), "# Extra\n\nOne more thing.\n");
    }
    let summary = p.root.join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let out = run_env(
        &p,
        &["check", "--format", "github", "--lang", "ht"],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())],
    );
    let errors = stdout(&out).lines().filter(|l| l.starts_with("::error ")).count();
    assert_eq!(errors, 10, "{out}");
    let notice = stdout(&out).lines().last().unwrap();
    assert!(notice.starts_with("::notice title=tradui check::tradui check: failed, 14 error(s)"), "{notice}");
    assert!(notice.contains("4 error(s) and 0 warning(s) are not shown as annotations"), "{notice}");
    let table = std::fs::read_to_string(&summary).unwrap();
    assert!(table.starts_with("earlier step\n### tradui check: ❌ failed"), "{table}");
    assert!(table.contains("| extra0 | ❌ 2 error(s) |"), "{table}");
    assert_eq!(
        table["earlier step\n".len()..],
        *stdout(&run(&p, &["check", "--format", "markdown", "--lang", "ht"]))
    );
}

#[test]
fn errors_that_stop_the_tool_come_in_the_format_asked_for() {
    let p = Project::init();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\"]\nbogus = 1\n");
    for command in [&["check"][..], &["status"], &["sync"], &["build", "--no-pdf"]] {
        let mut args = command.to_vec();
        args.extend(["--format", "json"]);
        let out = run(&p, &args);
        assert!(out.starts_with("exit: 2"), "{out}");
        let json: Value = serde_json::from_str(stdout(&out)).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(json["problems"][0]["kind"], "config");
        assert_eq!(json["problems"][0]["line"], 3);
    }
    let sarif = run(&p, &["check", "--format", "sarif"]);
    assert!(sarif.starts_with("exit: 2"), "{sarif}");
    let v: Value = serde_json::from_str(stdout(&sarif)).unwrap();
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "config");
    let junit = run(&p, &["check", "--format", "junit"]);
    assert!(
        junit.starts_with("exit: 2")
            && junit.contains("<testcase name=\"project files\" classname=\"tradui.project\">"),
        "{junit}"
    );
    assert!(junit.contains("type=\"config\">tradui.toml:3:1: error[config]"), "{junit}");
    let github = run(&p, &["check", "--format", "github"]);
    assert!(
        stdout(&github).starts_with("::error file=tradui.toml,line=3,col=1,title=tradui config::"),
        "{github}"
    );
}

#[test]
fn sync_build_and_import_report_in_the_format_asked_for() {
    let p = every_problem();
    let out = run(&p, &["sync", "--check", "--format", "gitlab"]);
    let v: Value = serde_json::from_str(stdout(&out)).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert!(v.as_array().is_some(), "{out}");
    assert!(out.contains("sync: "), "the closing line goes to stderr: {out}");
    p.write("content/broken.md", "+++\npaper = \"a3\"\n+++\n\n# Broken\n");
    let out = run(&p, &["build", "--no-pdf", "--format", "json"]);
    let v: Value = serde_json::from_str(stdout(&out)).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["problems"][0]["file"], "content/broken.md", "{out}");
    assert!(out.contains("built "), "the closing line goes to stderr: {out}");
    let out = run(&p, &["import", "nothing.po", "--format", "json"]);
    let v: Value = serde_json::from_str(stdout(&out)).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["problems"][0]["kind"], "io", "{out}");
    let out = run(&p, &["status", "--format", "junit"]);
    assert!(stdout(&out).starts_with("<?xml"), "{out}");
}

/// The venv's python when it can import `module`; None (with the reason printed) when
/// it cannot and this is not CI; a failure in CI.
fn python_with(module: &str) -> Option<String> {
    let venv = std::env::var("TRADUI_VENV").map(|v| format!("{v}/bin/python")).ok();
    let py = std::env::var("TRADUI_TEST_PYTHON").ok().or(venv).unwrap_or_else(|| "python3".into());
    let ok = std::process::Command::new(&py)
        .args(["-c", &format!("import {module}")])
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        return Some(py);
    }
    let why = format!("{py} cannot import {module}: run .ci/run, or `{py} -m pip install {module}`");
    assert!(std::env::var_os("CI").is_none(), "{why}");
    eprintln!("skipped: {why}");
    None
}

fn python(py: &str, script: &str, args: &[&Path]) -> String {
    let out = std::process::Command::new(py).arg("-c").arg(script).args(args).output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{text}");
    text
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let Some(py) = python_with("jsonschema") else { return };
    let p = every_problem();
    let doc = p.root.join("check.sarif");
    std::fs::write(&doc, stdout(&run(&p, &["check", "--format", "sarif"]))).unwrap();
    let clean = Project::init();
    let empty = clean.root.join("clean.sarif");
    std::fs::write(&empty, stdout(&run(&clean, &["check", "--format", "sarif"]))).unwrap();
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sarif/sarif-schema-2.1.0.json");
    let script = "import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft4Validator.check_schema(schema)
for path in sys.argv[2:]:
    doc = json.load(open(path))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    for e in errors:
        print(path, list(e.path), e.message)
    assert not errors, path
    print(path, 'valid,', len(doc['runs'][0]['results']), 'results')
";
    let out = python(&py, script, &[&schema, &doc, &empty]);
    assert!(out.contains("check.sarif valid,") && out.contains("clean.sarif valid, 0 results"), "{out}");
}

#[test]
fn junit_is_read_by_junitparser() {
    let Some(py) = python_with("junitparser") else { return };
    let p = every_problem();
    let doc = p.root.join("check.xml");
    std::fs::write(&doc, stdout(&run(&p, &["check", "--format", "junit"]))).unwrap();
    let script = "import sys
from junitparser import JUnitXml, Failure
xml = JUnitXml.fromfile(sys.argv[1])
for suite in xml:
    for case in suite:
        failures = [r for r in case.result if isinstance(r, Failure)]
        print(suite.name, '|', case.classname, '|', case.name, '|', 'FAIL' if failures else 'ok', '|', failures[0].message if failures else '')
";
    let out = python(&py, script, &[&doc]);
    insta::assert_snapshot!("junitparser", out);
    assert!(out.contains("tradui check ht | tradui.meeting | meeting [ht] | FAIL |"), "{out}");
    assert!(
        out.contains("tradui check ht | tradui.note | note [ht] | ok |"),
        "ht is not required for the note: {out}"
    );
}

#[test]
fn paths_are_from_the_repository_root_when_the_project_is_in_a_subfolder() {
    let p = Project::init();
    p.delete_message("locales/ht/meeting.ftl", "why-p1");
    // The project is the folder `p` of a repository.
    std::fs::create_dir(p.root.parent().unwrap().join(".git")).unwrap();
    let sarif: Value = serde_json::from_str(stdout(&run(&p, &["check", "--format", "sarif"]))).unwrap();
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "p/content/meeting.md");
    let github = run(&p, &["check", "--format", "github"]);
    assert!(stdout(&github).starts_with("::error file=p/content/meeting.md,line=19,col=1,"), "{github}");
    let gitlab: Value = serde_json::from_str(stdout(&run(&p, &["check", "--format", "gitlab"]))).unwrap();
    assert_eq!(gitlab[0]["location"]["path"], "p/content/meeting.md");
    // Text stays relative to the project, as every other message.
    assert!(run(&p, &["check"]).contains("content/meeting.md:19:1: error[missing]"));
}
