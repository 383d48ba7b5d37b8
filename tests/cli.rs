//! The real `tradui` binary against real projects in temporary folders: exit code,
//! stdout and stderr, snapshotted with the temporary path redacted.

mod common;

use assert_cmd::Command;
use common::{Project, tradui};
use std::fs;

#[test]
fn init_creates_a_project_that_passes_check() {
    let p = Project::init();
    insta::assert_snapshot!(p.run(&["check"]), @r"
    exit: 0
    --- stdout
    --- stderr
    check passed (0 error(s), 0 warning(s); 1 leaflet(s); required: es, ht, ar, fr)
    ");
}

#[test]
fn init_writes_what_sync_would() {
    let p = Project::init();
    assert!(p.read("locales/en/meeting.ftl").contains("\nmeeting = Come to the meeting\n"));
    assert!(p.read("locales/.provenance/es/meeting.json").contains("\"meeting\""));
    let out = p.run(&["sync", "--check"]);
    assert!(out.starts_with("exit: 0") && out.contains("0 file(s) would change"), "{out}");
}

#[test]
fn init_refuses_an_existing_project() {
    let p = Project::init();
    let out = p.run(&["init", "."]);
    assert!(out.starts_with("exit: 2"), "{out}");
    assert!(out.contains("./tradui.toml: error[config]: a tradui project already exists here"), "{out}");
}

#[test]
fn a_source_edit_makes_every_translation_stale() {
    let p = Project::init();
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    insta::assert_snapshot!(p.run(&["check", "--lang", "ht"]));
}

#[test]
fn missing_translations_point_at_the_source() {
    let p = Project::init();
    p.edit("content/meeting.md", "- Bring a coworker.", "- Bring a coworker.\n- Wear your union pin.");
    let out = p.run(&["check", "--lang", "es"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains("content/meeting.md:16:3: error[missing]: no es translation of `meeting-li3`: \"Wear your union pin.\""),
        "{out}"
    );
}

#[test]
fn misspelt_variable_is_invalid() {
    let p = Project::init();
    p.edit("locales/fr/meeting.ftl", "Où : { $place }", "Où : { $plac }");
    let out = p.run(&["check"]);
    assert!(out.contains("locales/fr/meeting.ftl:11:1: error[invalid]: `meeting-li1` uses `{ $plac }` where the source text has `{ $place }`"), "{out}");
}

#[test]
fn errors_in_a_language_that_is_not_required_do_not_fail() {
    let p = Project::init();
    p.edit(
        "tradui.toml",
        "required = [\"es\", \"ht\", \"ar\", \"fr\"]",
        "required = [\"es\", \"ht\", \"fr\"]",
    );
    p.delete_message("locales/ar/meeting.ftl", "why-p1");
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(out.contains("error[missing]: no ar translation of `why-p1`"), "{out}");
    assert!(out.contains("check passed: the errors above are in languages that are not required"), "{out}");
    let check = p.check(&[]);
    assert_eq!(check.exit, 0);
    assert_eq!(check.error_keys(), [("missing".into(), "ar".into(), "why-p1".into())]);
    assert_eq!((check.summary.errors, check.summary.failing), (1, 0));
    assert_eq!(check.summary.required, ["es", "ht", "fr"]);
}

#[test]
fn json_has_the_documented_shape() {
    let p = Project::init();
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    p.delete_message("locales/es/meeting.ftl", "why-p1");
    p.write(
        "locales/es/meeting.ftl",
        p.read("locales/es/meeting.ftl")
            + "\n# en: A paragraph that was deleted.\ngone-p1 = Un párrafo borrado.\n",
    );
    // `Check` reads every documented key and refuses any other.
    let check = p.check(&[]);
    assert_eq!(check.exit, 1);
    let missing = check.of_kind("missing");
    assert_eq!(missing.len(), 1, "{missing:?}");
    let missing = missing[0];
    assert_eq!(missing.source.as_deref(), Some("When we speak *together*, management listens."));
    assert_eq!(missing.severity, "error");
    assert_eq!(
        (missing.leaflet.as_deref(), missing.lang.as_deref(), missing.id.as_deref()),
        (Some("meeting"), Some("es"), Some("why-p1"))
    );
    assert_eq!(missing.file, "content/meeting.md");
    assert!(missing.line >= 1 && missing.column >= 1, "{missing:?}");
    let stale = check.of_kind("stale");
    assert_eq!(stale.len(), 4);
    assert_eq!(stale[0].source.as_deref(), Some("Bring two coworkers."));
    assert_eq!((stale[0].line, stale[0].column), (14, 1));
    let obsolete = check.of_kind("obsolete");
    assert_eq!(obsolete.len(), 1, "{obsolete:?}");
    assert_eq!(obsolete[0].severity, "warning");
    assert_eq!(obsolete[0].source, None, "only missing and stale carry the source");
    assert_eq!(check.summary.failing, 5);
    assert_eq!((check.summary.errors, check.summary.warnings), (5, 1));
    assert_eq!(check.summary.kinds.get("missing"), Some(&1));
}

#[test]
fn github_annotations() {
    let p = Project::init();
    p.delete_message("locales/ht/meeting.ftl", "why-p1");
    insta::assert_snapshot!(p.run(&["check", "--format", "github", "--lang", "ht"]));
}

#[test]
fn status_table_and_todo_list() {
    let p = Project::init();
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    p.delete_message("locales/ht/meeting.ftl", "why-p1");
    insta::assert_snapshot!(p.run(&["status", "--lang", "ht"]));
    let all = p.run(&["status"]);
    assert!(all.contains("meeting  es            85%"), "{all}");
}

#[test]
fn status_json() {
    let p = Project::init();
    p.delete_message("locales/ht/meeting.ftl", "why-p1");
    p.write(
        "locales/ht/meeting.ftl",
        p.read("locales/ht/meeting.ftl") + "\n# en: A paragraph that was deleted.\ngone-p1 = Yon paragraf.\n",
    );
    let out = Command::cargo_bin("tradui")
        .unwrap()
        .current_dir(&p.root)
        .args(["status", "--format", "json", "--lang", "ht"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["leaflets"][0]["missing"], 1);
    assert_eq!(json["leaflets"][0]["obsolete"], 1);
    assert_eq!(json["totals"]["ht"]["current"], 6);
    assert_eq!(json["todo"]["ht"][0]["id"], "why-p1");
    assert_eq!(json["todo"]["ht"][0]["source"], "When we speak *together*, management listens.");
}

#[test]
fn colour_only_when_asked() {
    let p = Project::init();
    p.delete_message("locales/ht/meeting.ftl", "why-p1");
    assert!(!p.run(&["check"]).contains('\u{1b}'));
    let out = Command::cargo_bin("tradui")
        .unwrap()
        .current_dir(&p.root)
        .args(["check", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\u{1b}["));
}

// ---- bad input: one clear line with file:line:col and a hint, non-zero exit, no panic

fn assert_fails(out: &str, code: u8, first_line: &str) {
    assert!(out.starts_with(&format!("exit: {code}\n")), "{out}");
    assert!(out.contains(first_line), "expected {first_line:?} in\n{out}");
    assert!(out.contains("hint: "), "no hint in\n{out}");
    assert!(!out.contains("panicked"), "{out}");
}

#[test]
fn malformed_toml() {
    let p = Project::init();
    p.edit("tradui.toml", "source = \"en\"", "source = \"en");
    assert_fails(&p.run(&["check"]), 2, "tradui.toml:2:13: error[config]: invalid basic string");
}

#[test]
fn unknown_config_key() {
    let p = Project::init();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\"]\nrequire = [\"es\"]\n");
    assert_fails(&p.run(&["status"]), 2, "tradui.toml:3:1: error[config]: unknown field `require`");
}

#[test]
fn invalid_language_tag() {
    let p = Project::init();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\", \"kreyol ayisyen\"]\n");
    assert_fails(
        &p.run(&["check"]),
        2,
        "tradui.toml:2:20: error[config]: `languages`: \"kreyol ayisyen\" is not a valid language tag",
    );
}

#[test]
fn front_matter_that_never_closes() {
    let p = Project::init();
    p.edit(
        "content/meeting.md",
        "place = \"Union hall, 2nd floor\"\n+++",
        "place = \"Union hall, 2nd floor\"\n",
    );
    assert_fails(
        &p.run(&["check"]),
        1,
        "content/meeting.md:1:1: error[source]: the front matter opened on line 1 never closes",
    );
}

#[test]
fn broken_front_matter() {
    let p = Project::init();
    p.edit("content/meeting.md", "time = \"6:30 PM\"", "time = 6:30 PM");
    assert_fails(&p.run(&["check"]), 1, "content/meeting.md:6:");
}

#[test]
fn invalid_utf8() {
    let p = Project::init();
    p.write("locales/ht/meeting.ftl", b"# en: Union meeting this week\ntitle = Reyinyon \xff\n");
    assert_fails(
        &p.run(&["check", "--lang", "ht"]),
        1,
        "locales/ht/meeting.ftl:2:18: error[io]: the file is not valid UTF-8 text",
    );
}

#[test]
fn byte_order_mark_and_crlf_are_accepted() {
    let p = Project::init();
    let ftl = fs::read_to_string(p.root.join("locales/es/meeting.ftl")).unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(ftl.replace('\n', "\r\n").as_bytes());
    p.write("locales/es/meeting.ftl", bytes);
    let md = fs::read_to_string(p.root.join("content/meeting.md")).unwrap();
    p.write("content/meeting.md", format!("\u{feff}{}", md.replace('\n', "\r\n")));
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 0"), "{out}");
}

#[test]
fn empty_leaflet() {
    let p = Project::init();
    p.write("content/empty.md", "");
    assert_fails(
        &p.run(&["check"]),
        1,
        "content/empty.md:1:1: error[source]: the leaflet has no text to translate",
    );
}

#[test]
fn ftl_full_of_junk() {
    let p = Project::init();
    p.write("locales/ht/meeting.ftl", "this is not fluent\n{ neither }\n= nor this\n");
    let out = p.run(&["check", "--lang", "ht"]);
    assert_fails(&out, 1, "locales/ht/meeting.ftl:1:");
    assert!(out.contains("error[invalid]: Fluent syntax error"), "{out}");
    assert!(out.contains("error[missing]: no ht translation of `title`"), "{out}");
    // Junk makes no message: every unit is missing, and each piece of junk is invalid.
    let check = p.check(&["--lang", "ht"]);
    assert!(check.of_kind("invalid").iter().all(|d| d.file == "locales/ht/meeting.ftl" && d.is_error()));
    assert!(!check.of_kind("invalid").is_empty());
    assert!(check.of_kind("missing").iter().any(|d| d.id.as_deref() == Some("title")));
    assert!(check.problems.iter().all(|d| matches!(d.kind.as_str(), "invalid" | "missing")), "{check:?}");
}

#[test]
fn locale_folder_not_in_the_config() {
    let p = Project::init();
    p.write("locales/vi/meeting.ftl", "title = Họp công đoàn\n");
    assert_fails(
        &p.run(&["check"]),
        1,
        "locales/vi: error[unknown-locale]: locale folder for \"vi\", which tradui.toml does not list",
    );
}

#[test]
fn translation_file_without_a_leaflet() {
    let p = Project::init();
    p.write("locales/ht/meting.ftl", "title = x\n");
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(out.contains("locales/ht/meting.ftl: warning[orphan-file]"), "{out}");
}

#[test]
fn missing_content_folder() {
    let p = Project::empty();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\"]\n");
    assert_fails(&p.run(&["check"]), 2, "content: error[config]: the project has no content/ folder");
}

#[test]
fn not_a_project() {
    let p = Project::empty();
    assert_fails(&p.run(&["status"]), 2, "error[config]: no tradui.toml here: this is not a tradui project");
}

#[test]
fn unknown_lang_option() {
    let p = Project::init();
    assert_fails(
        &p.run(&["check", "--lang", "vi"]),
        2,
        "--lang: error[config]: \"vi\" is not a translation language of this project",
    );
}

#[test]
fn project_option_points_elsewhere() {
    let p = Project::init();
    let parent = p.root.parent().unwrap();
    let out = tradui(parent, &["--project", "p", "check"]);
    assert!(out.starts_with("exit: 0"), "{out}");
}

#[test]
fn duplicate_and_empty_messages() {
    let p = Project::init();
    p.edit(
        "locales/es/meeting.ftl",
        "# en: Why it matters\nwhy = Por qué importa",
        "# en: Why it matters\nwhy = Por qué importa\nwhy = Otra vez",
    );
    // A message with an attribute but no value: there is nothing to show for its unit.
    p.edit(
        "locales/es/meeting.ftl",
        "why-p1 = Cuando hablamos *juntos*, la gerencia escucha.",
        "why-p1 =\n    .attr = x",
    );
    let out = p.run(&["check", "--lang", "es"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains(
            "locales/es/meeting.ftl:18:1: error[invalid]: `why` is defined twice; only the last one is used"
        ),
        "{out}"
    );
    assert!(out.contains("locales/es/meeting.ftl:21:1: error[invalid]: `why-p1` has no text"), "{out}");
    assert!(out.contains("hint: write the translation after `=`"), "{out}");
}

#[test]
fn plural_categories_are_checked_per_language() {
    let p = Project::init();
    p.edit(
        "locales/ht/meeting.ftl",
        "meeting-li2 = Mennen yon kolèg travay.",
        "meeting-li2 = { $n ->\n    [one] Mennen yon kolèg travay.\n   *[other] Mennen kolèg travay.\n}",
    );
    let out = p.run(&["check", "--lang", "ht"]);
    assert!(
        out.contains("warning[plural]: `meeting-li2`: Kreyòl ayisyen (ht) has no `one` plural form"),
        "{out}"
    );
}

// ---- sync

#[test]
fn sync_adds_stubs_marks_stale_and_is_idempotent() {
    let p = Project::init();
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    p.edit("content/meeting.md", "## Why it matters {#why}", "- Wear your pin.\n\n## Why it matters {#why}");
    let out = p.run(&["sync", "--check", "ht"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    let before = fs::read_to_string(p.root.join("locales/ht/meeting.ftl")).unwrap();
    insta::assert_snapshot!(p.run(&["sync", "ht"]));
    let after = fs::read_to_string(p.root.join("locales/ht/meeting.ftl")).unwrap();
    assert_ne!(before, after);
    for line in before.lines().filter(|l| l.contains(" = ")) {
        assert!(after.contains(line), "lost {line:?}");
    }
    insta::assert_snapshot!("synced_ht_file", after);
    let again = p.run(&["sync", "ht"]);
    assert!(again.contains("sync: 0 file(s) updated, 2 up to date"), "{again}");
    assert!(p.run(&["sync", "--check", "ht"]).starts_with("exit: 0"));
    // The translator updates the translation and deletes the marker: current again.
    let fixed = after
        .replace("# REVIEW: the en text changed. Update the translation, then delete this line.\n", "")
        .replace("meeting-li2 = Mennen yon kolèg travay.", "meeting-li2 = Mennen de kolèg travay.");
    p.write("locales/ht/meeting.ftl", fixed);
    let check = p.run(&["check", "--lang", "ht"]);
    assert!(!check.contains("meeting-li2"), "{check}");
    assert!(check.contains("error[missing]: no ht translation of `meeting-li3`"), "{check}");
    let check = p.check(&["--lang", "ht"]);
    assert_eq!(
        check.id_kinds(|d| d.lang.as_deref() == Some("ht")),
        common::id_kinds(&[("meeting-li3", "missing")])
    );
}

#[test]
fn sync_leaves_bad_files_untouched() {
    let p = Project::init();
    p.edit("locales/es/meeting.ftl", "# en: Why it matters\nwhy = Por qué importa", "why = Uno\n\nwhy = Dos");
    let before = fs::read(p.root.join("locales/es/meeting.ftl")).unwrap();
    let out = p.run(&["sync", "es"]);
    assert_fails(&out, 1, "error[invalid]: `why` is defined twice; sync left the file untouched");
    assert_eq!(before, fs::read(p.root.join("locales/es/meeting.ftl")).unwrap());
}

#[test]
fn sync_leaves_read_only_files_untouched() {
    let p = Project::init();
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    let path = p.root.join("locales/fr/meeting.ftl");
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    let before = fs::read(&path).unwrap();
    let out = p.run(&["sync", "fr"]);
    assert_fails(&out, 1, "locales/fr/meeting.ftl: error[io]: the file is read-only; sync left it untouched");
    assert_eq!(before, fs::read(&path).unwrap());
}

#[test]
fn sync_keeps_junk_and_warns() {
    let p = Project::init();
    let ftl = fs::read_to_string(p.root.join("locales/ar/meeting.ftl")).unwrap();
    p.write("locales/ar/meeting.ftl", format!("{ftl}\nbroken = {{ oops\n"));
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    let out = p.run(&["sync", "ar"]);
    assert!(
        out.contains("warning[invalid]: 1 piece(s) of Fluent that do not parse kept as they are"),
        "{out}"
    );
    assert!(fs::read_to_string(p.root.join("locales/ar/meeting.ftl")).unwrap().contains("broken = { oops"));
}

#[test]
fn sync_accepts_a_minor_source_edit() {
    let p = Project::init();
    p.edit("content/meeting.md", "Bring a coworker.", "Bring a co-worker.");
    let out = p.run(&["sync", "--accept-source", "meeting:meeting-li2"]);
    assert!(out.contains("locales/es/meeting.ftl: 1 source edit(s) accepted"), "{out}");
    assert!(p.run(&["check"]).starts_with("exit: 0"));
    let bad = p.run(&["sync", "--accept-source", "meeting:nope"]);
    assert_fails(&bad, 2, "--accept-source: error[config]: content/meeting.md has no unit \"nope\"");
}

#[test]
fn sync_creates_files_for_new_leaflets() {
    let p = Project::init();
    p.write("content/strike.md", "# Strike vote\n\nVote *yes*.\n");
    let out = p.run(&["sync"]);
    assert!(out.contains("locales/ht/strike.ftl: 2 stub(s) added"), "{out}");
    assert_eq!(p.check(&[]).summary.kinds.get("missing"), Some(&8));
}

#[test]
fn sync_refuses_an_unknown_language() {
    let p = Project::init();
    assert_fails(&p.run(&["sync", "vi"]), 2, "\"vi\" is not a translation language of this project");
}

#[test]
fn each_variant_keeps_the_placeables() {
    let p = Project::init();
    p.edit(
        "locales/es/meeting.ftl",
        "meeting-p1 = Todos",
        "meeting-p1 = { $time ->\n    [noon] Todos a { -union-name } el { $date } al mediodía.\n   *[other] Todos el { $date } a las { $time }.\n}\nx = Todos",
    );
    let out = p.run(&["check", "--lang", "es"]);
    assert!(out.contains("locales/es/meeting.ftl:8:1: error[invalid]: `meeting-p1`: the [other] variant drops `{ -union-name }`"), "{out}");
    assert!(!out.contains("[noon] variant"), "{out}");
}

#[test]
fn sync_names_a_locale_folder_not_in_the_config() {
    let p = Project::init();
    p.write("locales/vi/meeting.ftl", "title = Họp công đoàn\n");
    let out = p.run(&["sync"]);
    assert!(
        out.contains(
            "locales/vi: error[unknown-locale]: locale folder for \"vi\", which tradui.toml does not list"
        ),
        "{out}"
    );
    assert_eq!(p.read("locales/vi/meeting.ftl"), "title = Họp công đoàn\n", "the file is left untouched");
}

#[test]
fn locale_folder_spelled_differently_from_its_tag() {
    let p = Project::init();
    fs::rename(p.root.join("locales/fr"), p.root.join("locales/FR")).unwrap();
    let out = p.run(&["check", "--lang", "fr"]);
    assert!(
        out.contains("locales/FR: error[unknown-locale]: locale folder \"FR\" should be spelled \"fr\""),
        "{out}"
    );
}
