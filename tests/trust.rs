//! What reaches a worker is never a broken page: a leaflet with an error replaces none
//! of its published pages or PDFs (they stay byte for byte), a leaflet never published
//! gets no page, one typo is one error, and no output holds an unresolved placeable.
//! (Every `build` the tests run checks that last point: see `tests/common`.)

mod common;

use common::{Project, tree};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::fs;

fn errors(out: &str) -> Vec<&str> {
    out.lines().filter(|l| l.contains(": error[")).collect()
}

fn built() -> (Project, BTreeMap<String, Vec<u8>>) {
    let p = Project::init();
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let before = tree(&p.root.join("public"));
    (p, before)
}

#[test]
fn a_date_typo_keeps_every_page_and_pdf_and_the_fix_updates_them() {
    let (p, before) = built();
    p.edit("content/meeting.md", "date = 2026-12-10", "date = 12/11/2026");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(tree(&p.root.join("public")) == before, "every page and PDF byte-identical: {out}");
    assert!(
        out.contains("content/meeting.md:5:8: error[source]: `meeting` is not built because of this error; its last good 16 files stay as they were (en, es, ht, ar, fr, and the poster)"),
        "{out}"
    );
    // Page, PDF and text to paste in five languages, and the poster.
    assert!(out.contains("16 file(s) kept from the last good build"), "{out}");
    assert!(!out.contains("has no value"), "one error, not a cascade: {out}");
    // A failed build changes nothing, so the next one says the same.
    let again = p.run(&["build"]);
    assert_eq!(errors(&again), errors(&out));
    assert!(tree(&p.root.join("public")) == before);

    p.edit("content/meeting.md", "date = 12/11/2026", "date = 2026-12-11");
    let fixed = p.run(&["build"]);
    assert!(fixed.starts_with("exit: 0"), "{fixed}");
    assert!(fixed.contains("11 rebuilt"), "{fixed}");
    assert!(p.read("public/en/meeting.html").contains("December 11, 2026"), "the pages update");
    assert!(p.read("public/es/meeting.html").contains("11 de diciembre de 2026"));
    // And the fixed pages are those of a clean build.
    let clean = tempfile::tempdir().unwrap();
    let out = p.run(&["build", "--out", clean.path().to_str().unwrap()]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(tree(&p.root.join("public")) == tree(clean.path()), "incremental = clean after the fix");
}

#[test]
fn a_front_matter_that_does_not_parse_is_one_error_with_a_date_hint() {
    let p = Project::init();
    p.edit("content/meeting.md", "date = 2026-12-10", "date = 12/11/2026");
    let out = p.run(&["check"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    let errors = errors(&out);
    assert_eq!(
        errors,
        [
            "content/meeting.md:5:8: error[source]: front matter: `date = 12/11/2026` is not a date TOML can read"
        ],
        "{out}"
    );
    assert!(
        out.contains("hint: write the date as year-month-day without quotes, `date = 2026-12-11`, so each language shows it its own way"),
        "{out}"
    );
    assert!(!out.contains("quoted"), "no hint to make the date a string: {out}");
}

#[test]
fn a_variable_without_a_value_keeps_the_published_pages() {
    let (p, before) = built();
    p.edit("content/meeting.md", "- Bring a coworker.", "- Bring a coworker to room { $room }.");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(tree(&p.root.join("public")) == before, "{out}");
    assert!(
        out.contains("content/meeting.md:15:3: error[source]: `{ $room }` has no value: the front matter has no `room` in [variables]"),
        "{out}"
    );
    assert!(out.contains("content/meeting.md:15:3: error[source]: `meeting` is not built because of this error; its last good"), "{out}");
}

#[test]
fn a_new_leaflet_with_an_error_gets_no_page() {
    let (p, _) = built();
    p.write("content/strike.md", "# Strike\n\nOn { $date }.\n");
    p.write("content/empty.md", "");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains("content/strike.md:3:1: error[source]: `strike` is not built because of this error; it was never published, so it has no page until the error is fixed"),
        "{out}"
    );
    assert!(
        out.contains("content/empty.md:1:1: error[source]: `empty` is not built because of this error"),
        "{out}"
    );
    for lang in ["en", "es", "ht", "ar", "fr"] {
        assert!(!p.root.join(format!("public/{lang}/strike.html")).exists(), "{lang}");
        assert!(!p.root.join(format!("public/{lang}/empty.html")).exists(), "{lang}");
    }
    assert!(!p.read("public/index.html").contains("strike"), "the index lists no page that does not exist");
    assert!(p.root.join("public/en/meeting.html").exists(), "the other leaflets are built");
}

#[test]
fn a_term_no_glossary_defines_keeps_that_language_s_page() {
    let (p, before) = built();
    // The source's own glossary loses the term its text uses.
    p.edit("locales/en/terms.ftl", "-union-name = Warehouse Workers Union", "");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains(
            "content/meeting.md:12:1: error[invalid]: `meeting-p1`: Resolver error: Unknown term: -union-name"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "`meeting` in en is not built because of this error; its last good page and PDF stay as they were"
        ),
        "{out}"
    );
    let after = tree(&p.root.join("public"));
    for file in ["en/meeting.html", "en/meeting.pdf"] {
        assert!(after[file] == before[file], "{file} kept");
    }
}

#[test]
fn a_plain_build_after_a_pseudo_build_leaves_no_pseudo_folder() {
    let p = Project::init();
    let out = p.run(&["build", "--pseudo", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(p.root.join("public/en-XA/meeting.html").exists() && p.root.join("public/ar-XB").is_dir());
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(!p.root.join("public/en-XA").exists(), "{out}");
    assert!(!p.root.join("public/ar-XB").exists(), "{out}");
    assert!(p.root.join("public/es/meeting.html").exists());
}

#[test]
fn the_invariant_sees_every_form_of_an_unresolved_placeable() {
    use common::unresolved_placeable as found;
    for text in ["on {$date}.", "the { $date }", "{-union-name}", "{ -term }", "<a href=\"%7B$x%7D\">"] {
        assert!(found(text).is_some(), "{text}");
    }
    for text in ["{ \"{\" }", "a {b} c", "{-1}", "{ 2 }", "JFK8", ""] {
        assert_eq!(found(text), None, "{text}");
    }
}

/// A leaflet text from pieces: words, placeables of variables that have a value or not,
/// terms the glossary has or not, a link whose address is a placeable.
fn piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("Come"),
        Just("{ $date }"),
        Just("{ $room }"),
        Just("{ -union-name }"),
        Just("{ -no-such-term }"),
        Just("[call]({ $hotline })"),
        Just("**{ $time }**"),
        Just("{"),
        Just("}"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Whatever the leaflet, its variables and the glossary, no page holds an
    /// unresolved placeable (the check runs after every build, in `tests/common`), and a
    /// build that publishes a page exits 0 only when the page is whole.
    #[test]
    fn no_page_ever_holds_an_unresolved_placeable(
        pieces in prop::collection::vec(piece(), 1..8),
        front in prop_oneof![
            Just("date = 2026-12-10\ntime = \"6 PM\"\nhotline = \"tel:555\""),
            Just("date = 12/10/2026"),
            Just("time = \"6 PM\""),
        ],
    ) {
        let p = Project::init();
        let text = format!("+++\ntitle = \"Notice\"\n[variables]\n{front}\n+++\n\n## Notice {{#notice}}\n\n{}\n", pieces.join(" "));
        p.write("content/notice.md", &text);
        let out = p.run(&["build", "--no-pdf"]);
        prop_assert!(out.starts_with("exit: 0") || out.starts_with("exit: 1"), "{out}");
        for lang in ["en", "es"] {
            let page = p.root.join(format!("public/{lang}/notice.html"));
            if let Ok(html) = fs::read_to_string(&page) {
                prop_assert!(common::unresolved_placeable(&common::page_text(&html)).is_none(), "{html}");
            }
        }
    }
}

#[test]
fn a_page_never_published_with_an_error_is_not_in_the_index() {
    let p = Project::init();
    p.edit("locales/en/terms.ftl", "-union-name = Warehouse Workers Union", "");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains("`meeting` in en is not built because of this error; it was never published in en, so it has no page until the error is fixed"),
        "{out}"
    );
    assert!(!p.root.join("public/en/meeting.html").exists());
    let index = p.read("public/index.html");
    assert!(!index.contains("href=\"en/meeting.html\""), "{index}");
    assert!(index.contains("href=\"es/meeting.html\""), "{index}");
}
