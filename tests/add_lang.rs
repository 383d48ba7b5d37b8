//! `tradui add-lang TAG` against real projects: tradui.toml edited with its comments and
//! layout kept, stubs for every leaflet, the glossary, and what to do next.

mod common;

use common::Project;

#[test]
fn add_lang_keeps_the_settings_comments_and_writes_stubs_and_the_glossary() {
    let p = Project::init();
    let toml = p.read("tradui.toml");
    assert!(toml.contains("# "), "the example settings have comments: {toml}");
    // Before: sync of a language the project does not have says how to add it.
    let out = p.run(&["sync", "bn"]);
    assert!(out.starts_with("exit: 2") && out.contains("`tradui add-lang bn`"), "{out}");

    let out = p.run(&["add-lang", "bn"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let expected = toml
        .replace(
            "languages = [\"es\", \"ht\", \"ar\", \"fr\"]",
            "languages = [\"es\", \"ht\", \"ar\", \"fr\", \"bn\"]",
        )
        .replace(
            "required = [\"es\", \"ht\", \"ar\", \"fr\"]",
            "required = [\"es\", \"ht\", \"ar\", \"fr\", \"bn\"]",
        );
    assert_ne!(expected, toml, "the example lists both: {toml}");
    assert_eq!(p.read("tradui.toml"), expected, "only the two lists change");
    assert!(out.contains("tradui.toml: \"bn\" (বাংলা) added to `languages` and `required`"), "{out}");
    assert!(out.contains("locales/bn/meeting.ftl: 7 stub(s) added"), "{out}");
    assert!(out.contains("locales/bn/terms.ftl: 1 term(s) from the en glossary"), "{out}");
    assert!(out.contains("next: translate the stubs in locales/bn/"), "{out}");
    let terms = p.read("locales/bn/terms.ftl");
    assert!(terms.contains("\n-union-name = Warehouse Workers Union\n"), "{terms}");

    // The first check after translating a message that uses the glossary is clean there.
    let ftl = p.read("locales/bn/meeting.ftl");
    let stub = ftl.lines().find(|l| l.starts_with("# meeting-p1 =")).unwrap().to_string();
    p.edit(
        "locales/bn/meeting.ftl",
        &stub,
        "meeting-p1 = { -union-name } এর সভায় সকল কর্মী স্বাগত, { $date } { $time }।",
    );
    let out = p.run(&["check", "--lang", "bn"]);
    assert!(!out.contains("union-name"), "{out}");
    assert!(!out.contains("meeting-p1"), "{out}");
    assert!(out.contains("error[missing]: no bn translation of `meeting`"), "the rest is still to do: {out}");

    // Again (after the sync that tidies the stub's location line): nothing changes.
    p.run(&["sync", "bn"]);
    let before = (p.read("tradui.toml"), p.read("locales/bn/meeting.ftl"), p.read("locales/bn/terms.ftl"));
    let out = p.run(&["add-lang", "bn"]);
    assert!(out.contains("\"bn\" is already in `languages`"), "{out}");
    assert_eq!(
        before,
        (p.read("tradui.toml"), p.read("locales/bn/meeting.ftl"), p.read("locales/bn/terms.ftl"))
    );
}

#[test]
fn add_lang_refuses_a_bad_tag_and_the_source() {
    let p = Project::init();
    let toml = p.read("tradui.toml");
    let out = p.run(&["add-lang", "bengali!"]);
    assert!(out.starts_with("exit: 2") && out.contains("add-lang: error[config]: \"bengali!\""), "{out}");
    let out = p.run(&["add-lang", "en"]);
    assert!(out.starts_with("exit: 2") && out.contains("is the source language"), "{out}");
    assert_eq!(p.read("tradui.toml"), toml);
}

#[test]
fn without_a_required_list_add_lang_says_the_language_is_required() {
    let p = Project::empty();
    p.write("tradui.toml", "# mine\nsource = \"en\"\nlanguages = [\n  \"es\",\n]\n")
        .write("content/a.md", "# Hello\n");
    let out = p.run(&["add-lang", "pt-BR"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert_eq!(p.read("tradui.toml"), "# mine\nsource = \"en\"\nlanguages = [\n  \"es\",\n  \"pt-BR\",\n]\n");
    assert!(out.contains("every language is required"), "{out}");
    assert!(p.read("locales/pt-BR/a.ftl").contains("# hello ="), "{}", p.read("locales/pt-BR/a.ftl"));
}
