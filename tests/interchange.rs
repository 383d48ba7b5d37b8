//! PO and XLIFF round trips through the tools translators use: `msgfmt --check` and
//! `msgmerge` (GNU gettext), Python's polib (as Poedit would edit), translate-toolkit's
//! XLIFF store (as a CAT tool would), and `xmllint` with the OASIS XLIFF 1.2 schema.
//!
//! The tools are installed by `.ci/run`: gettext and libxml2-utils from apt, polib and
//! translate-toolkit in the venv (`TRADUI_TEST_PYTHON`, else `$TRADUI_VENV/bin/python`), the schema from Debian's
//! php-symfony-translation package (`TRADUI_XLIFF_SCHEMA_DIR`). A missing tool fails the
//! test with what to install; it never passes silently.

mod common;

use common::{Project, id_kinds};
use std::path::{Path, PathBuf};
use std::process::Command;

const TOML: &str = "source = \"en\"\nlanguages = [\"ht\", \"es\"]\n";

const LEAFLET: &str = "+++\ntitle = \"Walk\"\n[variables]\ndate = \"Dec 3\"\ncount = 3\n+++\n# We walk out\n\nWe walk out on { $date }.\n\nBring water.\n\nCall the union.\n\nWe are { $count } shifts.\n\nKeep { this } brace & <b>markup</b>.\n";

/// Units: title, we-walk-out (stale), -p1 (stale, placeable), -p2 and -p3 (missing),
/// -p4 (a select), -p5 (current, a plain brace and markup).
const HT: &str = "# my glossary note\n\n# en: Walk\ntitle = Mache\n\n# en: We walked out\nwe-walk-out = Nou te soti\n\n# checked with Marie\n# en: We walk on { $date }.\nwe-walk-out-p1 = Nou mache { $date }.\n\n# en: We are { $count } shifts.\nwe-walk-out-p4 = { $count ->\n    [1] Nou se yon ekip.\n   *[other] Nou se { $count } ekip.\n}\n\n# en: Keep { this } brace & <b>markup</b>.\nwe-walk-out-p5 = Kenbe { \"{\" } this { \"}\" } & <b>markup</b>.\n";

fn project() -> Project {
    let p = Project::empty();
    p.write("tradui.toml", TOML).write("content/walk.md", LEAFLET).write("locales/ht/walk.ftl", HT);
    p
}

fn python() -> String {
    let venv = std::env::var("TRADUI_VENV").map(|v| format!("{v}/bin/python")).ok();
    std::env::var("TRADUI_TEST_PYTHON").ok().or(venv).unwrap_or_else(|| "python3".into())
}

/// polib and translate-toolkit in [`python`], under the one policy for missing tools
/// (tests/common).
fn have_python_tools() -> bool {
    let py = python();
    let ok = Command::new(&py)
        .args(["-c", "import polib, translate.storage.xliff"])
        .status()
        .is_ok_and(|s| s.success());
    common::have(ok, &format!("polib and translate-toolkit for {py}"), common::VENV)
}

fn run_python(script: &str, args: &[&Path]) {
    let out = Command::new(python()).arg("-c").arg(script).args(args).output().unwrap();
    assert!(out.status.success(), "python failed: {}", String::from_utf8_lossy(&out.stderr));
}

fn tool(cmd: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}: install it (.ci/run does)"));
    (
        out.status.success(),
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
    )
}

/// The XLIFF 1.2 strict schema, with its import of xml.xsd pointed at the local copy.
fn schema_dir() -> PathBuf {
    std::env::var("TRADUI_XLIFF_SCHEMA_DIR")
        .unwrap_or_else(|_| "/usr/share/php/Symfony/Component/Translation/Resources/schemas".into())
        .into()
}

/// The schema and xmllint, under the one policy for missing tools (tests/common).
fn have_schema_tools() -> bool {
    common::have_program("xmllint", common::XMLLINT)
        && common::have(
            schema_dir().join("xliff-core-1.2-strict.xsd").is_file(),
            &format!("the XLIFF 1.2 schema in {}", schema_dir().display()),
            "run .ci/run (it unpacks Debian's php-symfony-translation), or set TRADUI_XLIFF_SCHEMA_DIR",
        )
}

fn schema(dir: &Path) -> PathBuf {
    let from = schema_dir();
    let from = from.as_path();
    let strict = std::fs::read_to_string(from.join("xliff-core-1.2-strict.xsd"))
        .unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    std::fs::copy(from.join("xml.xsd"), dir.join("xml.xsd")).unwrap();
    let local =
        strict.replace("schemaLocation=\"http://www.w3.org/2001/xml.xsd\"", "schemaLocation=\"xml.xsd\"");
    assert_ne!(local, strict, "the schema's import of xml.xsd moved");
    let path = dir.join("xliff-core-1.2-strict.xsd");
    std::fs::write(&path, local).unwrap();
    path
}

fn assert_valid_xliff(p: &Project, file: &str) {
    let dir = tempfile::tempdir().unwrap();
    let xsd = schema(dir.path());
    let (ok, out) = tool(
        "xmllint",
        &["--noout", "--nonet", "--schema", xsd.to_str().unwrap(), p.root.join(file).to_str().unwrap()],
    );
    assert!(ok, "{file} is not valid XLIFF 1.2:\n{out}");
}

/// (id, kind) of every ht problem `check` reports.
fn problems(p: &Project) -> Vec<(String, String)> {
    p.check(&["--lang", "ht"]).id_kinds(|d| d.lang.as_deref() == Some("ht"))
}

#[test]
fn po_export_is_what_msgfmt_accepts() {
    if !(common::have_program("msgfmt", common::GETTEXT)) {
        return;
    }
    let p = project();
    let out = p.run(&["export", "ht", "--format", "po"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let po = p.read("export/ht.po");
    let (ok, msg) =
        tool("msgfmt", &["--check", "-o", "/dev/null", p.root.join("export/ht.po").to_str().unwrap()]);
    assert!(ok && msg.is_empty(), "msgfmt --check warns of nothing: {msg}");
    // The revision date is when the translations last changed (the newest .ftl), so the
    // same files give the same file.
    let again = p.run(&["export", "ht", "--format", "po", "--out", "again"]);
    assert!(again.starts_with("exit: 0"), "{again}");
    assert_eq!(p.read("again/ht.po"), po);
    assert!(!po.contains("YEAR-MO-DA"), "{po}");
    assert!(
        po.contains("\"Language: ht\\n\"\n") && po.contains("\"Plural-Forms: nplurals=1; plural=0;\\n\"\n"),
        "{po}"
    );
    assert!(po.contains("\"Content-Type: text/plain; charset=UTF-8\\n\""));
    // Stale: fuzzy with the source it was translated from; a placeable note; the location.
    assert!(
        po.contains("# checked with Marie\n#. { $date } is replaced by \"2026-12-03\"")
            || po.contains("# checked with Marie\n#. { $date } is replaced by \"Dec 3\" (set in the leaflet); keep { $date } exactly as written.\n"),
        "{po}"
    );
    assert!(po.contains("#: content/walk.md:9\n#, fuzzy\n#| msgctxt \"walk:we-walk-out-p1\"\n#| msgid \"We walk on { $date }.\"\nmsgctxt \"walk:we-walk-out-p1\"\nmsgid \"We walk out on { $date }.\"\nmsgstr \"Nou mache { $date }.\"\n"), "{po}");
    assert!(po.contains("msgctxt \"walk:we-walk-out-p2\"\nmsgid \"Bring water.\"\nmsgstr \"\"\n"), "{po}");
    assert!(po.contains("msgstr \"\"\n\"{ $count ->\\n\"\n\"    [1] Nou se yon ekip.\\n\"\n"), "{po}");
    assert!(
        po.contains("msgstr \"Kenbe { this } & <b>markup</b>.\"")
            || po.contains("msgstr \"Kenbe { this } brace"),
        "{po}"
    );
    let ar = p.run(&["export", "es", "--format", "po", "--leaflet", "walk", "--out", "out"]);
    assert!(ar.starts_with("exit: 0"), "{ar}");
    assert!(p.read("out/walk.es.po").contains("\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\""));
}

#[test]
fn export_then_import_changes_no_byte() {
    let p = project();
    for format in ["po", "xliff"] {
        assert!(p.run(&["export", "ht", "--format", format]).starts_with("exit: 0"));
    }
    let before = p.bytes("locales/ht/walk.ftl");
    let out = p.run(&["import", "export/ht.po", "export/ht.xlf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(out.contains("0 translation file(s) updated"), "{out}");
    assert_eq!(p.bytes("locales/ht/walk.ftl"), before);
}

/// Poedit's work, done with polib: fill a missing entry, fix a fuzzy one and clear its
/// flag, leave one fuzzy, add a comment. Then `msgfmt --check`, import, and `check`.
#[test]
#[ignore = "slow: Python round trip; run with cargo test -- --include-ignored"]
fn po_round_trip_through_polib() {
    if !(have_python_tools() && common::have_program("msgfmt", common::GETTEXT)) {
        return;
    }
    let p = project();
    p.run(&["export", "ht"]);
    let po = p.root.join("export/ht.po");
    run_python(
        r#"
import sys, polib
po = polib.pofile(sys.argv[1])
for e in po:
    if e.msgctxt == "walk:we-walk-out-p2":
        e.msgstr = "Pote dlo."
        e.tcomment = "short on purpose"
    if e.msgctxt == "walk:we-walk-out-p1":
        e.msgstr = "Nou soti nan { $date }."
        e.flags.remove("fuzzy")
        e.previous_msgid = None
        e.previous_msgctxt = None
    if e.msgctxt == "walk:we-walk-out-p4":
        e.msgstr = e.msgstr.replace("Nou se yon ekip.", "Nou se yon sèl ekip.")
po.save(sys.argv[1])
"#,
        &[&po],
    );
    let (ok, msg) = tool("msgfmt", &["--check", "-o", "/dev/null", po.to_str().unwrap()]);
    assert!(ok, "{msg}");
    let out = p.run(&["import", "export/ht.po"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(out.contains("locales/ht/walk.ftl: 3 translation(s) imported"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(ftl.contains("# checked with Marie\n# en: We walk out on { $date }.\nwe-walk-out-p1 = Nou soti nan { $date }.\n"), "{ftl}");
    assert!(
        ftl.contains("# short on purpose\n# en: Bring water.\nwe-walk-out-p2 = Pote dlo.\n\n# en: We are"),
        "{ftl}"
    );
    assert!(ftl.contains("   *[other] Nou se { $count } ekip.\n"), "{ftl}");
    assert!(ftl.starts_with("# my glossary note\n"), "{ftl}");
    // Left fuzzy: still stale; left empty: still missing; nothing else.
    assert_eq!(problems(&p), id_kinds(&[("we-walk-out", "stale"), ("we-walk-out-p3", "missing")]));
    // Importing the same file again changes nothing.
    let again = p.read("locales/ht/walk.ftl");
    assert!(p.run(&["import", "export/ht.po"]).starts_with("exit: 0"));
    assert_eq!(p.read("locales/ht/walk.ftl"), again);
}

/// A source that changed after the export stays stale: the record is what the
/// translator saw. And `msgmerge` carries a translation into a newer export.
#[test]
#[ignore = "slow: Python round trip; run with cargo test -- --include-ignored"]
fn record_is_the_source_the_translator_saw_and_msgmerge_keeps_work() {
    if !(have_python_tools() && common::have_program("msgmerge", common::GETTEXT)) {
        return;
    }
    let p = project();
    p.run(&["export", "ht"]);
    let old = p.root.join("export/ht.po");
    run_python(
        r#"
import sys, polib
po = polib.pofile(sys.argv[1])
for e in po:
    if e.msgctxt == "walk:we-walk-out-p2": e.msgstr = "Pote dlo."
    if e.msgctxt == "walk:we-walk-out-p3": e.msgstr = "Rele sendika a."
po.save(sys.argv[1])
"#,
        &[&old],
    );
    p.edit("content/walk.md", "Call the union.", "Call the union today.");
    p.run(&["export", "ht", "--out", "new"]);
    let merged = p.root.join("merged.po");
    let (ok, msg) = tool(
        "msgmerge",
        &[
            "--quiet",
            "-o",
            merged.to_str().unwrap(),
            old.to_str().unwrap(),
            p.root.join("new/ht.po").to_str().unwrap(),
        ],
    );
    assert!(ok, "{msg}");
    let out = p.run(&["import", "merged.po"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(ftl.contains("# en: Bring water.\nwe-walk-out-p2 = Pote dlo.\n"), "{ftl}");
    // msgmerge offers the old translation of the changed text as fuzzy: marked for review.
    assert!(ftl.contains("we-walk-out-p3 = Rele sendika a.\n"), "{ftl}");
    let p3 = &ftl[ftl.find("Rele sendika").unwrap().saturating_sub(300)..];
    assert!(p3.contains("# REVIEW: imported from merged.po:"), "{ftl}");
    // The old file, imported as is, records the old source: stale, not current.
    let p2 = project();
    p2.run(&["export", "ht"]);
    std::fs::copy(&old, p2.root.join("export/ht.po")).unwrap();
    p2.edit("content/walk.md", "Call the union.", "Call the union today.");
    assert!(p2.run(&["import", "export/ht.po"]).starts_with("exit: 0"));
    assert!(
        p2.read("locales/ht/walk.ftl").contains("# en: Call the union.\nwe-walk-out-p3 = Rele sendika a.\n")
    );
    assert!(
        problems(&p2).contains(&("we-walk-out-p3".to_string(), "stale".to_string())),
        "{:?}",
        problems(&p2)
    );
}

/// A CAT tool's work, done with translate-toolkit's XLIFF store; the file stays valid
/// against the XLIFF 1.2 schema before and after.
#[test]
#[ignore = "slow: Python round trip; run with cargo test -- --include-ignored"]
fn xliff_round_trip_through_translate_toolkit_and_the_schema() {
    if !(have_python_tools() && have_schema_tools()) {
        return;
    }
    let p = project();
    let out = p.run(&["export", "ht", "--format", "xliff"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert_valid_xliff(&p, "export/ht.xlf");
    let x = p.read("export/ht.xlf");
    assert!(x.contains("<target state=\"needs-review-translation\">Nou mache <x id=\"var:date\" ctype=\"x-fluent-variable\" equiv-text=\"{ $date }\"/>.</target>"), "{x}");
    assert!(x.contains("<note from=\"tradui-previous-source\" annotates=\"source\">This translation was made from an older text: We walk on { $date }.</note>"), "{x}");
    assert!(x.contains("<target state=\"needs-translation\"></target>"), "{x}");
    assert!(x.contains("xml:space=\"preserve\""));
    run_python(
        r#"
import sys
from translate.storage import xliff
path = sys.argv[1]
store = xliff.xlifffile.parsefile(open(path, "rb"))
for u in store.units:
    uid = u.getid().split("walk:")[-1]
    if uid == "we-walk-out-p2":
        u.target = "Pote dlo."
        u.markfuzzy(False)
    if uid == "we-walk-out-p1":
        # A CAT tool keeps the protected placeable and edits the words around it.
        target = u.xmlelement.find("{urn:oasis:names:tc:xliff:document:1.2}target")
        target.text = "Nou soti nan "
        target.set("state", "translated")
    if uid == "we-walk-out":
        u.target = "Nou soti"
        u.markfuzzy(True)
open(path, "wb").write(bytes(store))
"#,
        &[&p.root.join("export/ht.xlf")],
    );
    assert_valid_xliff(&p, "export/ht.xlf");
    let out = p.run(&["import", "export/ht.xlf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(
        ftl.contains("# en: We walk out on { $date }.\nwe-walk-out-p1 = Nou soti nan { $date }.\n"),
        "{ftl}"
    );
    assert!(ftl.contains("# en: Bring water.\nwe-walk-out-p2 = Pote dlo.\n"), "{ftl}");
    assert!(ftl.contains("# REVIEW: imported from export/ht.xlf:"), "{ftl}");
    assert!(ftl.contains("\nwe-walk-out = Nou soti\n"), "{ftl}");
    assert_eq!(problems(&p), id_kinds(&[("we-walk-out", "stale"), ("we-walk-out-p3", "missing")]));
}

#[test]
fn a_message_edited_after_the_export_is_never_overwritten() {
    let p = project();
    p.run(&["export", "ht"]);
    p.edit("locales/ht/walk.ftl", "title = Mache", "title = Mache ansanm");
    p.edit("export/ht.po", "msgstr \"Mache\"", "msgstr \"Ann mache\"");
    let out = p.run(&["import", "export/ht.po"]);
    assert!(out.contains("`title` was edited in locales/ht/walk.ftl after the export"), "{out}");
    assert!(out.contains("1 kept both"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(ftl.contains("# imported from export/ht.po: Ann mache\n# REVIEW: export/ht.po:"), "{ftl}");
    assert!(ftl.contains("title = Mache ansanm\n"), "{ftl}");
    assert!(problems(&p).contains(&("title".to_string(), "stale".to_string())));
    // Importing again adds nothing more.
    let once = p.read("locales/ht/walk.ftl");
    p.run(&["import", "export/ht.po"]);
    assert_eq!(p.read("locales/ht/walk.ftl"), once);
}

#[test]
fn placeable_mismatches_are_reported_at_the_po_line() {
    let p = project();
    p.run(&["export", "ht"]);
    let po = p.read("export/ht.po");
    let msgstr = po.lines().position(|l| l == "msgstr \"Nou mache { $date }.\"").unwrap() + 1;
    let before = p.read("locales/ht/walk.ftl");
    p.edit("export/ht.po", "msgstr \"Nou mache { $date }.\"", "msgstr \"Nou mache { $dat }.\"");
    p.edit(
        "export/ht.po",
        "msgid \"Bring water.\"\nmsgstr \"\"",
        "msgid \"Bring water.\"\nmsgstr \"Pote dlo.\"",
    );
    let out = p.run(&["import", "export/ht.po"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    // At the msgstr line, and kept out of the .ftl; the rest of the file is imported.
    assert!(out.contains(&format!("export/ht.po:{msgstr}:1: error[invalid]: `we-walk-out-p1` uses `{{ $dat }}` where the source text has `{{ $date }}`")), "{out}");
    assert!(out.contains("this translation was not imported (written nowhere)"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(!ftl.contains("$dat }") && ftl.contains("we-walk-out-p1 = Nou mache { $date }.\n"), "{ftl}");
    assert_eq!(
        ftl,
        before.replace(
            "\n\n# en: We are",
            "\n\n# en: Bring water.\nwe-walk-out-p2 = Pote dlo.\n\n# en: We are"
        )
    );
}

#[test]
fn malformed_files_are_errors_with_their_line_and_change_nothing() {
    let p = project();
    p.run(&["export", "ht"]);
    let before = p.bytes("locales/ht/walk.ftl");
    p.edit("export/ht.po", "msgstr \"Mache\"", "msgstr \"Mache");
    let line = p.read("export/ht.po").lines().position(|l| l == "msgstr \"Mache").unwrap() + 1;
    let out = p.run(&["import", "export/ht.po"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains(&format!(
            "export/ht.po:{line}:1: error[invalid]: not a valid PO file: expected a \"quoted string\""
        )),
        "{out}"
    );
    p.write(
        "bad.xlf",
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file target-language=\"ht\"><body>\n</xliff>\n",
    );
    let out = p.run(&["import", "bad.xlf"]);
    assert!(out.contains("bad.xlf:4:"), "{out}");
    assert_eq!(p.bytes("locales/ht/walk.ftl"), before);
}

#[test]
fn hostile_content_never_becomes_markup_and_never_expands() {
    let p = project();
    p.run(&["export", "ht", "--format", "xliff"]);
    let before = p.bytes("locales/ht/walk.ftl");
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n]>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"x\" source-language=\"en\" target-language=\"ht\" datatype=\"plaintext\"><body><trans-unit id=\"walk:title\"><source>Walk</source><target>&lol2;</target></trans-unit></body></file></xliff>\n";
    p.write("laughs.xlf", laughs);
    let out = p.run(&["import", "laughs.xlf"]);
    assert!(
        out.starts_with("exit: 1")
            && out.contains("laughs.xlf:2:1: error[invalid]: not a valid XLIFF file: the file has a DOCTYPE"),
        "{out}"
    );
    assert_eq!(p.bytes("locales/ht/walk.ftl"), before);
    // Markup in a PO: written as text; a javascript: link: refused, as check would.
    p.run(&["export", "ht"]);
    p.edit(
        "export/ht.po",
        "msgctxt \"walk:we-walk-out-p2\"\nmsgid \"Bring water.\"\nmsgstr \"\"",
        "msgctxt \"walk:we-walk-out-p2\"\nmsgid \"Bring water.\"\nmsgstr \"<script>alert(1)</script> &lt;b&gt;\\nevil = x\"",
    );
    p.edit(
        "export/ht.po",
        "msgctxt \"walk:we-walk-out-p3\"\nmsgid \"Call the union.\"\nmsgstr \"\"",
        "msgctxt \"walk:we-walk-out-p3\"\nmsgid \"Call the union.\"\nmsgstr \"[Rele](javascript:alert(1))\"",
    );
    let out = p.run(&["import", "export/ht.po"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(out.contains("error[unsafe-link]: `we-walk-out-p3` links to `javascript:alert(1)`"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(ftl.contains("we-walk-out-p2 = <script>alert(1)</script> &lt;b&gt; evil = x\n"), "{ftl}");
    assert!(!ftl.contains("javascript:"), "the unsafe link is written nowhere: {ftl}");
    assert!(!ftl.contains("\nevil ="), "a newline in a msgstr must not start a new message");
    let out = p.run(&["build", "--no-pdf"]);
    let html = p.read("public/ht/walk.html");
    assert!(!html.contains("<script>alert"), "{out}");
    assert!(!html.contains("javascript:"));
}

#[test]
fn import_refuses_a_language_the_project_does_not_have() {
    let p = project();
    p.run(&["export", "ht"]);
    p.edit("export/ht.po", "\"Language: ht\\n\"", "\"Language: de\\n\"");
    let out = p.run(&["import", "export/ht.po"]);
    assert!(
        out.starts_with("exit: 1")
            && out.contains("the file is in \"de\", which is not a translation language of this project"),
        "{out}"
    );
}

mod properties {
    use proptest::prelude::*;
    use tradui::catalog::text::{text_of_message, to_message};
    use tradui::interchange::{Bundle, Entry, po, xliff};
    use tradui::source::normalize;

    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-zA-Z]{1,8}",
            Just("{".to_string()),
            Just("}".to_string()),
            Just("{ $date }".to_string()),
            Just("{ -union-name }".to_string()),
            Just("\"quoted\"".to_string()),
            Just("\\".to_string()),
            Just("\\n".to_string()),
            Just("\t".to_string()),
            Just("<b>x</b>".to_string()),
            Just("&amp; &lol;".to_string()),
            Just("]]>".to_string()),
            Just("#".to_string()),
            Just("msgstr \"".to_string()),
            Just("نحن نضرب".to_string()),
            Just("Kreyòl".to_string()),
            Just("[note]".to_string()),
            Just("*".to_string()),
            Just("**strong { $date }**".to_string()),
            Just("_em_".to_string()),
            Just("[a link](https://example.org/{ $date } \"t\")".to_string()),
            Just("`co*de`".to_string()),
            Just("***both***".to_string()),
        ];
        prop::collection::vec(piece, 1..8).prop_map(|parts| normalize(&parts.join(" "), false))
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("msgid \"".to_string()),
            Just("msgstr[0] \"x\"\n".to_string()),
            Just("\"\\\n".to_string()),
            Just("#, fuzzy\n".to_string()),
            Just("<trans-unit id=\"a:b\">".to_string()),
            Just("</target></source>".to_string()),
            Just("<!DOCTYPE x [<!ENTITY a \"aaaa\">]>".to_string()),
            Just("&a;&#0;&#xD800;".to_string()),
            Just("<x id=\"1\" equiv-text=\"{ $date }\"/>".to_string()),
            "[\\PC]{0,12}",
        ]
    }

    fn entries() -> impl Strategy<Value = Vec<Entry>> {
        prop::collection::vec(
            (text(), text(), any::<bool>(), proptest::option::of(text()), proptest::option::of(text())),
            1..6,
        )
        .prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (source, target, fuzzy, previous, comment))| Entry {
                    leaflet: "walk".into(),
                    id: format!("walk-p{i}"),
                    fuzzy: fuzzy && !target.is_empty(),
                    previous: previous.filter(|_| fuzzy && !target.is_empty()),
                    comments: comment.into_iter().collect(),
                    base: Some(format!("{i:016x}")),
                    source,
                    target,
                    ..Entry::default()
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the text holds, a PO file gives back exactly what was written.
        #[test]
        fn po_round_trips(entries in entries()) {
            let b = Bundle { lang: "ht".into(), source_lang: "en".into(), entries };
            let back = po::parse(&po::write(&b, "nplurals=1; plural=0;", "2026-12-03 18:30+0000")).unwrap();
            prop_assert_eq!(back.entries.len(), b.entries.len());
            for (a, e) in back.entries.iter().zip(&b.entries) {
                prop_assert_eq!(Entry { line: 0, target_line: 0, ..a.clone() }, e.clone());
            }
        }

        /// And so does an XLIFF file (the state travels as needs-review / translated).
        #[test]
        fn xliff_round_trips(entries in entries()) {
            let b = Bundle { lang: "ht".into(), source_lang: "en".into(), entries };
            let back = xliff::parse(&xliff::write(&b)).unwrap();
            prop_assert_eq!(back.entries.len(), b.entries.len());
            for (a, e) in back.entries.iter().zip(&b.entries) {
                prop_assert_eq!(&a.source, &e.source);
                prop_assert_eq!(&a.target, &e.target);
                prop_assert_eq!(&a.problem, &None, "our own tags always pair");
                prop_assert_eq!(a.fuzzy, e.fuzzy);
                prop_assert_eq!(&a.comments, &e.comments);
                prop_assert_eq!(&a.base, &e.base);
            }
        }

        /// Any text given as a PO or XLIFF file (a well-formed export, cut and spliced
        /// with fragments of either format) parses or is refused with a line inside the
        /// file: never a panic.
        #[test]
        fn po_and_xliff_parsers_take_anything(entries in entries(), cut in 0usize..2000, junk in prop::collection::vec(fragment(), 0..6)) {
            let b = Bundle { lang: "ht".into(), source_lang: "en".into(), entries };
            for file in [po::write(&b, "nplurals=1; plural=0;", "2026-12-03 18:30+0000"), xliff::write(&b)] {
                let mut at = cut.min(file.len());
                while !file.is_char_boundary(at) {
                    at -= 1;
                }
                let text = format!("{}{}", &file[..at], junk.concat());
                let lines = text.lines().count().max(1) + 1;
                for result in [po::parse(&text).map(|_| ()), xliff::parse(&text).map(|_| ())] {
                    if let Err(e) = result {
                        prop_assert!(e.line >= 1 && e.line <= lines, "line {} of {}: {}", e.line, lines, e.message);
                    }
                }
            }
        }

        /// A translation becomes exactly one valid Fluent message and comes back unchanged.
        #[test]
        fn text_becomes_one_fluent_message(t in text()) {
            prop_assume!(!t.is_empty());
            let m = to_message("m", &t).unwrap().unwrap();
            let c = tradui::catalog::Catalog::parse("x.ftl", format!("{m}\n"), "en");
            prop_assert!(c.errors.is_empty(), "{}", m);
            prop_assert_eq!(c.messages.len(), 1);
            prop_assert_eq!(text_of_message(&m), Some(t));
        }
    }
}

/// A unit whose message still has its old ID (the text moved) is exported with that
/// translation, and import updates that message instead of adding a second one.
#[test]
fn import_follows_moved_units() {
    let p = project();
    p.edit(
        "locales/ht/walk.ftl",
        "# my glossary note\n",
        "# my glossary note\n\n# en: Bring water.\nwe-walk-out-p9 = Pote dlo.\n",
    );
    p.run(&["export", "ht"]);
    let po = p.read("export/ht.po");
    assert!(
        po.contains("msgctxt \"walk:we-walk-out-p2\"\nmsgid \"Bring water.\"\nmsgstr \"Pote dlo.\"\n"),
        "{po}"
    );
    p.edit("export/ht.po", "msgstr \"Pote dlo.\"", "msgstr \"Pote dlo fre.\"");
    let out = p.run(&["import", "export/ht.po"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let ftl = p.read("locales/ht/walk.ftl");
    assert!(ftl.contains("# en: Bring water.\nwe-walk-out-p9 = Pote dlo fre.\n"), "{ftl}");
    assert!(!ftl.contains("we-walk-out-p2 ="), "{ftl}");
}

/// A language with no translation file yet: import creates it, one entry after another.
#[test]
fn import_creates_a_new_translation_file() {
    let p = project();
    p.run(&["export", "es"]);
    p.edit(
        "export/es.po",
        "msgid \"Bring water.\"\nmsgstr \"\"",
        "msgid \"Bring water.\"\nmsgstr \"Traigan agua.\"",
    );
    p.edit(
        "export/es.po",
        "msgid \"Call the union.\"\nmsgstr \"\"",
        "msgid \"Call the union.\"\nmsgstr \"Llamen al sindicato.\"",
    );
    let out = p.run(&["import", "export/es.po"]);
    assert!(
        out.starts_with("exit: 0") && out.contains("locales/es/walk.ftl: 2 translation(s) imported"),
        "{out}"
    );
    assert_eq!(
        p.read("locales/es/walk.ftl"),
        "# en: Bring water.\nwe-walk-out-p2 = Traigan agua.\n\n# en: Call the union.\nwe-walk-out-p3 = Llamen al sindicato.\n"
    );
}

const MARKUP: &str = "# Meet\n\nMeet at **{ $time }** on [our strike page](https://example.org/strike).\n\nBring `water` and *friends*.\n";

/// Markup as tags: a CAT tool (translate-toolkit's store, its text edited around the
/// tags as a translator does) gives back the same Markdown; a target that lost a closing
/// tag is refused at its line, and the rest of the file is still imported.
#[test]
fn xliff_markup_is_tags_a_cat_tool_keeps_and_a_lost_tag_is_refused() {
    let p = Project::empty();
    p.write("tradui.toml", TOML)
        .write("content/meet.md", "+++\n[variables]\ntime = \"6 PM\"\n+++\n".to_string() + MARKUP)
        .write("locales/ht/meet.ftl", "# content/meet.md:5\n# en: Meet\nmeet = Reyinyon\n");
    let out = p.run(&["export", "ht", "--format", "xliff"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert_valid_xliff(&p, "export/ht.xlf");
    let x = p.read("export/ht.xlf");
    assert!(x.contains("<source>Meet at <bpt id=\"b1\" ctype=\"bold\">**</bpt><x id=\"var:time\" ctype=\"x-fluent-variable\" equiv-text=\"{ $time }\"/><ept id=\"b1\">**</ept> on <bpt id=\"a1\" ctype=\"link\">[</bpt>our strike page<ept id=\"a1\">](https://example.org/strike)</ept>.</source>"), "{x}");
    assert!(!x.contains("from=\"translator\""), "a stub's location line is no translator's note: {x}");
    p.write("locales/ht/meet.ftl", "# content/meet.md:5\n# en: Meet\nmeet = Reyinyon\n\n# en: Bring `water` and *friends*.\nmeet-p2 = Pote `dlo` ak *zanmi*.\n");
    let again = p.run(&["export", "ht", "--format", "xliff", "--out", "again"]);
    assert!(again.starts_with("exit: 0"), "{again}");
    let untouched = p.run(&["import", "again/ht.xlf"]);
    assert!(
        untouched.contains("0 translation file(s) updated"),
        "an untouched export changes nothing: {untouched}"
    );
    run_python(
        r#"
import sys
from translate.storage import xliff
path = sys.argv[1]
store = xliff.xlifffile.parsefile(open(path, "rb"))
NS = "{urn:oasis:names:tc:xliff:document:1.2}"
for u in store.units:
    uid = u.getid().split("meet:")[-1]
    src = u.xmlelement.find(NS + "source")
    tgt = u.xmlelement.find(NS + "target")
    # The tool shows the tags: copy the source's tags into the target, translate the words.
    tags = [c for c in src if c.tag in (NS + "bpt", NS + "ept", NS + "x")]
    assert uid == "meet" or tags, uid
    # translate-toolkit reads them as tags (placeables), not as text.
    shown = [type(e).__name__ for e in u.rich_source[0].flatten()]
    assert uid == "meet" or shown.count("UnknownXML") >= 4, (uid, shown)
    if uid not in ("meet-p1", "meet-p2"):
        continue
    for c in list(tgt):
        tgt.remove(c)
    import copy
    for c in src:
        tgt.append(copy.deepcopy(c))
    tgt.text = {"meet-p1": "Nou rankontre a ", "meet-p2": "Pote "}[uid]
    words = {"meet-p1": ["", "", " sou ", "paj grèv nou an", "."], "meet-p2": ["dlo", " ak ", "zanmi", "."]}[uid]
    for c, w in zip(list(tgt), words + [""] * 9):
        c.tail = w
    tgt.set("state", "translated")
    if uid == "meet-p2":
        # This one loses its last closing tag, as a careless edit would.
        last = [c for c in tgt if c.tag == NS + "ept"][-1]
        prev = last.getprevious()
        prev.tail = (prev.tail or "") + (last.tail or "")
        tgt.remove(last)
open(path, "wb").write(bytes(store))
"#,
        &[&p.root.join("export/ht.xlf")],
    );
    assert_valid_xliff(&p, "export/ht.xlf");
    let edited = p.read("export/ht.xlf");
    let x = edited.find("Pote ").unwrap();
    let line = edited[..x].lines().count();
    let out = p.run(&["import", "export/ht.xlf"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains(&format!("export/ht.xlf:{line}:1: error[invalid]: `meet-p2`: the tag opened here (id \"i1\", Markdown `*`) is never closed")),
        "{out}\n{edited}"
    );
    let ftl = p.read("locales/ht/meet.ftl");
    assert!(
        ftl.contains(
            "meet-p1 = Nou rankontre a **{ $time }** sou [paj grèv nou an](https://example.org/strike).\n"
        ),
        "{ftl}"
    );
    assert!(
        ftl.contains("meet-p2 = Pote `dlo` ak *zanmi*.\n") && ftl.matches("meet-p2").count() == 1,
        "the refused translation is written nowhere; the .ftl keeps its own: {ftl}"
    );
}

/// A variable's note shows its value as the language reads it (a date in its own format).
#[test]
fn variable_notes_read_as_the_language_does() {
    let p = Project::empty();
    p.write("tradui.toml", TOML)
        .write("content/meet.md", "+++\n[variables]\ndate = 2026-12-17\n+++\n# Meet on { $date }\n");
    for (lang, date) in [("es", "17 de diciembre de 2026"), ("ht", "17 desanm 2026")] {
        assert!(p.run(&["export", lang]).starts_with("exit: 0"));
        let po = p.read(&format!("export/{lang}.po"));
        assert!(
            po.contains(&format!("#. {{ $date }} is replaced by \"{date}\" (set in the leaflet)")),
            "{po}"
        );
    }
}

/// The same markup through a PO file and polib (as Poedit edits it): the Markdown comes
/// back as the translator wrote it, and `msgfmt --check` stays silent.
#[test]
fn po_with_markup_round_trips_through_polib() {
    let p = Project::empty();
    p.write("tradui.toml", TOML)
        .write("content/meet.md", "+++\n[variables]\ntime = \"6 PM\"\n+++\n".to_string() + MARKUP);
    assert!(p.run(&["export", "ht"]).starts_with("exit: 0"));
    let po = p.root.join("export/ht.po");
    run_python(
        r#"
import sys, polib
po = polib.pofile(sys.argv[1])
for e in po:
    if e.msgctxt == "meet:meet-p1":
        assert "**{ $time }**" in e.msgid and "[our strike page](https://example.org/strike)" in e.msgid, e.msgid
        e.msgstr = "Nou rankontre a **{ $time }** sou [paj grèv nou an](https://example.org/strike)."
    if e.msgctxt == "meet:meet-p2":
        e.msgstr = "Pote `dlo` ak *zanmi*."
po.save(sys.argv[1])
"#,
        &[&po],
    );
    let (ok, msg) = tool("msgfmt", &["--check", "-o", "/dev/null", po.to_str().unwrap()]);
    assert!(ok && msg.is_empty(), "{msg}");
    let out = p.run(&["import", "export/ht.po"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let ftl = p.read("locales/ht/meet.ftl");
    assert!(
        ftl.contains(
            "meet-p1 = Nou rankontre a **{ $time }** sou [paj grèv nou an](https://example.org/strike).\n"
        ) && ftl.contains("meet-p2 = Pote `dlo` ak *zanmi*.\n"),
        "{ftl}"
    );
}
