//! Properties of the front ends on arbitrary input: no panic, and the invariants the
//! rest of the pipeline relies on (unique IDs, positions inside the file, safe links).

use proptest::prelude::*;
use std::collections::HashSet;
use tradui::catalog::Catalog;
use tradui::document::Inline;
use tradui::localize::{inlines, safe_url};
use tradui::source::{is_identifier, parse_leaflet};

/// Markdown-ish text: fragments that exercise block and inline syntax.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ]{0,12}",
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("## Heading {#pinned}".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("> ".to_string()),
        Just("| a | b |\n|---|---|\n| c | d |".to_string()),
        Just("![alt](x.png)".to_string()),
        Just("[link](javascript:alert(1))".to_string()),
        Just("**".to_string()),
        Just("`".to_string()),
        Just("{ $date }".to_string()),
        Just("{ -term }".to_string()),
        Just("{".to_string()),
        Just("+++\n".to_string()),
        Just("<script>".to_string()),
        Just("مرحبا".to_string()),
        Just("\r\n".to_string()),
        Just("    ".to_string()),
        Just("```\n".to_string()),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

fn fluentish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z-]{1,8}",
        Just(" = ".to_string()),
        Just("\n".to_string()),
        Just("# en: ".to_string()),
        Just("# REVIEW: x\n".to_string()),
        Just("{ $x }".to_string()),
        Just("{ -t }".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("\n    ".to_string()),
        Just("[one]".to_string()),
        Just("*[other]".to_string()),
        Just("->".to_string()),
        Just("## ".to_string()),
        Just("\r\n".to_string()),
        Just("ë".to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn links(inlines: &[Inline], out: &mut Vec<String>) {
    for i in inlines {
        match i {
            Inline::Link { url, content } => {
                out.push(url.clone());
                links(content, out);
            }
            Inline::Emph { content } | Inline::Strong { content } | Inline::Strike { content } => {
                links(content, out)
            }
            _ => {}
        }
    }
}

/// Is (line, column) a place in `text` (1-based, columns in characters), or the file as
/// a whole (line 0)?
fn inside(text: &str, line: usize, column: usize) -> bool {
    if line == 0 {
        return true;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    line >= 1
        && column >= 1
        && lines.get(line - 1).is_some_and(|l| column <= l.trim_end_matches('\r').chars().count() + 1)
}

fn front_matterish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("title = \"T\"\n".to_string()),
        Just("paper = \"a4\"\n".to_string()),
        Just("paper = letter\n".to_string()),
        Just("[variables]\n".to_string()),
        Just("[variables.es]\n".to_string()),
        Just("[variables.klingon]\n".to_string()),
        Just("date = 2026-12-03\n".to_string()),
        Just("when = 2026-12-03T18:00:00-05:00\n".to_string()),
        Just("n = 123456789012345678\n".to_string()),
        Just(
            "x = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n"
                .to_string()
        ),
        Just("t = { a = { b = { c = 1 } } }\n".to_string()),
        Just("place = \"Gate 4\"\n".to_string()),
        Just("unknown = 1\n".to_string()),
        Just("\"".to_string()),
        Just("=".to_string()),
        Just("é\n".to_string()),
        "[a-z ]{0,6}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| format!("+++\n{}+++\n# Hi {{ $place }}\n", v.concat()))
}

fn configish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("source = \"en\"\n".to_string()),
        Just("languages = [\"es\", \"ar\"]\n".to_string()),
        Just("languages = [\"xx-!!\"]\n".to_string()),
        Just("required = [\"fr\"]\n".to_string()),
        Just("template = \"../x\"\n".to_string()),
        Just("template = \"/etc/x\"\n".to_string()),
        Just("template = \"t.typ\"\n".to_string()),
        Just("bilingual = [\"es\"]\n".to_string()),
        Just("[fallback]\nstale = \"translation\"\n".to_string()),
        Just("[fallback.languages.ar]\nmin-coverage = 300\n".to_string()),
        Just("paper = \"a5\"\n".to_string()),
        Just("title = \"Ünïon\"\n".to_string()),
        Just("=\"\n".to_string()),
        "[a-z =\\[\\]\"]{0,8}",
    ];
    prop::collection::vec(piece, 0..10).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn front_matter_errors_point_into_the_file(md in front_matterish()) {
        let (leaflet, diags) = parse_leaflet("t", "content/t.md", &md);
        for d in &diags {
            prop_assert!(inside(&md, d.line, d.column), "{d} is outside\n{md}");
            prop_assert_eq!(d.leaflet.as_deref(), Some("t"));
        }
        for u in &leaflet.units {
            prop_assert!(inside(&md, u.line, u.column));
        }
    }

    #[test]
    fn config_errors_point_into_the_file(toml in configish()) {
        if let Err(fatal) = tradui::project::config::Config::parse(&toml) {
            prop_assert!(!fatal.0.is_empty());
            for d in &fatal.0 {
                prop_assert!(inside(&toml, d.line, d.column), "{d} is outside\n{toml}");
            }
        }
    }

    #[test]
    fn deep_or_odd_fluent_never_crashes(ftl in fluentish(), depth in 0usize..400) {
        let deep = format!("{ftl}\nd = {}x{}\n", "{ ".repeat(depth), " }".repeat(depth));
        match tradui::limits::check_fluent("x.ftl", &deep) {
            Ok(()) => {
                let c = Catalog::parse("x.ftl", deep.clone(), "en");
                for d in &c.errors {
                    prop_assert!(inside(&deep, d.line, d.column), "{d}");
                }
            }
            Err(d) => {
                prop_assert!(depth > tradui::limits::MAX_NESTING || ftl.contains('{'), "refused at depth {depth}: {d}");
                prop_assert!(inside(&deep, d.line, d.column), "{d}");
            }
        }
    }

    #[test]
    fn deep_or_odd_markdown_never_crashes(md in markdownish(), depth in 0usize..300, kind in 0usize..3) {
        let nest = ["> ", "- ", "*a "][kind].repeat(depth);
        let text = format!("{md}\n\n{nest}x\n");
        let (leaflet, diags) = parse_leaflet("t", "content/t.md", &text);
        for d in &diags {
            prop_assert!(inside(&text, d.line, d.column), "{d}");
        }
        for u in &leaflet.units {
            prop_assert!(inside(&text, u.line, u.column), "{:?}", u);
        }
    }

    #[test]
    fn leaflets_parse_without_panic(md in markdownish()) {
        let (leaflet, _) = parse_leaflet("t", "content/t.md", &md);
        let mut seen = HashSet::new();
        for u in &leaflet.units {
            prop_assert!(seen.insert(u.id.clone()), "duplicate ID {}", u.id);
            prop_assert!(is_identifier(&u.id), "bad ID {:?}", u.id);
            prop_assert!(!u.text.trim().is_empty());
            prop_assert!(u.line >= 1 && inside(&md, u.line, u.column));
        }
    }

    #[test]
    fn catalogs_parse_without_panic(ftl in fluentish()) {
        let c = Catalog::parse("x.ftl", ftl.clone(), "en");
        let mut end = 0;
        for e in &c.entries {
            prop_assert!(e.range.start >= end && e.range.end <= ftl.len(), "{:?}", e);
            end = e.range.end;
        }
        for m in &c.messages {
            prop_assert!(ftl[m.offset..].starts_with(m.id.as_str()));
        }
        for d in &c.errors {
            prop_assert!(d.line >= 1 && inside(&ftl, d.line, d.column), "{d}");
        }
        for m in &c.messages {
            prop_assert!(inside(&ftl, m.line, m.column));
        }
    }

    #[test]
    fn inline_links_are_always_safe(md in markdownish(), url in "[a-zA-Z:/\t ]{0,20}") {
        let text = format!("{md} [x]({url}) [y](<{url}>)");
        let parsed = inlines(&text, &mut |_| {});
        let mut found = Vec::new();
        links(&parsed, &mut found);
        for u in found {
            prop_assert!(safe_url(&u), "unsafe link kept: {u:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Hostile and unlucky input through the real binary (issue 9): a clear error with
// file:line:col, the right exit code, and nothing lost.

mod common;

use common::Project;

const LANGS: [&str; 4] = ["es", "ht", "ar", "fr"];

fn ftl_bytes(p: &Project) -> Vec<Vec<u8>> {
    LANGS.iter().map(|l| p.bytes(&format!("locales/{l}/meeting.ftl"))).collect()
}

fn exit(out: &str) -> &str {
    out.lines().next().unwrap_or("")
}

#[test]
fn a_source_that_does_not_parse_never_empties_its_translations() {
    let p = Project::init();
    let before = ftl_bytes(&p);
    p.edit(
        "content/meeting.md",
        "place = \"Union hall, 2nd floor\"\n+++\n",
        "place = \"Union hall, 2nd floor\"\n\n",
    );
    for args in [&["sync", "--prune"][..], &["sync"], &["sync", "es"]] {
        let out = p.run(args);
        assert_eq!(exit(&out), "exit: 1", "{args:?}: {out}");
        assert!(
            out.contains(
                "content/meeting.md:1:1: error[source]: the front matter opened on line 1 never closes"
            ),
            "{out}"
        );
        assert!(!out.contains("obsolete"), "{out}");
        assert_eq!(ftl_bytes(&p), before, "{args:?} changed a translation file");
    }
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    let check = p.check(&[]);
    assert_eq!(check.summary.kinds.get("obsolete"), None, "{check:?}");
    assert!(check.errors().all(|d| d.lang.is_none()), "only the source is broken: {check:?}");
    let status = p.run(&["status", "--format", "json"]);
    assert!(!status.contains("\"obsolete\": 1") && status.contains("\"obsolete\": 0"), "{status}");
}

#[test]
fn a_broken_source_does_not_publish_empty_pages_nor_remove_good_ones() {
    let p = Project::init();
    let out = p.run(&["build", "--no-pdf"]);
    assert_eq!(exit(&out), "exit: 0", "{out}");
    let page = p.bytes("public/es/meeting.html");
    p.edit(
        "content/meeting.md",
        "place = \"Union hall, 2nd floor\"\n+++\n",
        "place = \"Union hall, 2nd floor\"\n\n",
    );
    let out = p.run(&["build", "--no-pdf"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    assert!(out.contains("no page was removed"), "{out}");
    assert_eq!(p.bytes("public/es/meeting.html"), page);
}

fn deep_placeables(n: usize) -> String {
    format!("# en: Why it matters\nwhy = {}x{}\n", "{ ".repeat(n), " }".repeat(n))
}

#[test]
fn deeply_nested_fluent_is_an_error_not_a_crash() {
    let p = Project::init();
    let ftl = p.read("locales/ht/meeting.ftl");
    let deep = ftl.replace("# en: Why it matters\nwhy = Poukisa sa enpòtan\n", &deep_placeables(5000));
    assert_ne!(deep, ftl, "the example changed: adapt the test");
    p.write("locales/ht/meeting.ftl", &deep);
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    assert!(out.contains("locales/ht/meeting.ftl:17:39: error[io]: placeables are nested more than 16 levels deep, tradui's limit"), "{out}");
    let out = p.run(&["sync"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    assert!(
        out.contains("locales/ht/meeting.ftl:17:39: error[io]: placeables are nested"),
        "sync says why it left the file: {out}"
    );
    assert_eq!(p.read("locales/ht/meeting.ftl"), deep);
    // The translation file is not read, so the page shows the source text (the build's
    // policy for a file that does not parse); what matters is that nothing crashes.
    let out = p.run(&["build"]);
    assert!(exit(&out) == "exit: 0" || exit(&out) == "exit: 1", "{out}");
    assert_eq!(p.read("locales/ht/meeting.ftl"), deep);
}

#[test]
fn deeply_nested_markdown_is_an_error_not_a_crash() {
    for (what, body, col) in [
        ("quotes", format!("{}deep\n", "> ".repeat(10_000)), 33),
        ("list", format!("{}item\n", "- ".repeat(20_000)), 0),
        ("emphasis", format!("{}x{}\n", "*a _b ".repeat(3000), "_ a*".repeat(3000)), 0),
    ] {
        let p = Project::init();
        p.write("content/deep.md", format!("# Deep\n\n{body}"));
        let out = p.run(&["check"]);
        assert_eq!(exit(&out), "exit: 1", "{what}: {out}");
        assert!(out.contains("content/deep.md:3:"), "{what}: {out}");
        assert!(out.contains("are nested more than 16 levels deep, tradui's limit"), "{what}: {out}");
        if col > 0 {
            assert!(out.contains(&format!("content/deep.md:3:{col}: error[source]")), "{what}: {out}");
        }
        let out = p.run(&["build"]);
        assert_eq!(exit(&out), "exit: 1", "{what}: {out}");
        assert!(!out.contains("JSON"), "{what}: {out}");
        let out = p.run(&["sync"]);
        assert_eq!(exit(&out), "exit: 1", "{what}: {out}");
    }
}

#[test]
fn nesting_up_to_the_limit_renders() {
    // 4 quotes, 6 lists and 6 inline levels inside one another: 16, the limit.
    let p = Project::init();
    let mut md = String::from("# Deep\n\n");
    for i in 0..6 {
        md.push_str(&format!("> > > > {}- level {i}\n", "  ".repeat(i)));
    }
    md.pop();
    md.push_str(" *a **b ~~c [d *e **f** g*](https://x.org)~~ h** i*\n");
    p.write("content/deep.md", &md);
    let out = p.run(&["check", "--lang", "es"]);
    assert!(!out.contains("nested"), "{out}");
    let out = p.run(&["build", "--out", "out"]);
    assert_eq!(exit(&out), "exit: 0", "{out}");
    assert!(p.root.join("out/es/deep.pdf").is_file(), "{out}");
    // One more level is refused.
    p.write("content/deep.md", md.replace("> > > > ", "> > > > > "));
    let out = p.run(&["check", "--lang", "es"]);
    assert!(out.contains("nested more than 16 levels"), "{out}");
}

#[test]
fn the_template_stays_inside_the_project() {
    let p = Project::init();
    p.write("../secret.txt", "SECRET");
    for (setting, at) in [("../secret.txt", "8:12"), ("/etc/hostname", "8:12")] {
        p.edit("tradui.toml", "paper = \"letter\"", &format!("paper = \"letter\"\ntemplate = \"{setting}\""));
        let out = p.run(&["build"]);
        assert_eq!(exit(&out), "exit: 2", "{out}");
        assert!(
            out.contains(&format!("tradui.toml:{at}: error[config]: `template` = \"{setting}\"")),
            "{out}"
        );
        p.edit("tradui.toml", &format!("\ntemplate = \"{setting}\""), "");
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(p.root.join("../secret.txt"), p.root.join("t.typ")).unwrap();
        p.edit("tradui.toml", "paper = \"letter\"", "paper = \"letter\"\ntemplate = \"t.typ\"");
        let out = p.run(&["check"]);
        assert_eq!(exit(&out), "exit: 2", "{out}");
        assert!(
            out.contains("error[config]: `template` = \"t.typ\" leads outside the project through a link"),
            "{out}"
        );
    }
}

#[test]
fn references_that_cannot_be_rendered_fail_check() {
    let p = Project::init();
    p.edit("locales/ht/terms.ftl", "-union-name = ", "-union-name = { -union-name } ");
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    assert!(out.contains("locales/ht/meeting.ftl:8:1: error[invalid]: `meeting-p1` cannot be shown: its references go round in a circle, `-union-name` -> `-union-name`"), "{out}");

    let p = Project::init();
    p.edit("locales/es/meeting.ftl", "why = Por qué importa", "why = { why-p1 }");
    p.edit(
        "locales/es/meeting.ftl",
        "why-p1 = Cuando hablamos *juntos*, la gerencia escucha.",
        "why-p1 = { why }",
    );
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    assert!(
        out.contains(
            "`why` cannot be shown: its references go round in a circle, `why` -> `why-p1` -> `why`"
        ),
        "{out}"
    );

    let p = Project::init();
    let chain: String = (0..12).map(|i| format!("-t{i} = {{ -t{} }} {{ -t{} }}\n", i + 1, i + 1)).collect();
    p.edit("locales/fr/terms.ftl", "-union-name = ", &format!("{chain}-t12 = x\n-union-name = {{ -t0 }} "));
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    assert!(out.contains("`meeting-p1` expands to more than 100 placeables"), "{out}");

    // In the source language's glossary, the source text itself cannot be shown.
    let p = Project::init();
    p.edit("locales/en/terms.ftl", "-union-name = ", "-union-name = { -union-name } ");
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    assert!(out.contains("content/meeting.md:12:1: error[source]: `meeting-p1` cannot be shown: the terms it uses go round in a circle, `-union-name` -> `-union-name`"), "{out}");
}

fn check_says(p: &Project, exit_code: &str, what: &str) {
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), exit_code, "{out}");
    assert!(out.contains(what), "wanted {what:?} in\n{out}");
}

#[test]
fn a_pinned_id_used_twice_is_an_error() {
    let p = Project::init();
    p.edit("content/meeting.md", "## Why it matters {#why}", "## Why it matters {#meeting}");
    check_says(
        &p,
        "exit: 1",
        "content/meeting.md:17:19: error[source]: the ID `meeting` is pinned here but already used earlier in the leaflet",
    );
}

#[test]
fn unknown_front_matter_keys_are_errors() {
    let p = Project::init();
    p.edit(
        "content/meeting.md",
        "title = \"Union meeting this week\"",
        "title = \"Union meeting this week\"\nauthor = \"Rosa\"",
    );
    check_says(&p, "exit: 1", "content/meeting.md:3:1: error[source]: front matter: unknown field `author`");
    // A table under [variables] whose name is a language tag is checked as one.
    let p = Project::init();
    p.edit("content/meeting.md", "+++\n\n##", "\n[variables.de]\nroom = \"B\"\n+++\n\n##");
    check_says(&p, "exit: 1", "error[source]: [variables.de] sets `room`, which [variables] does not define");
    // "venue" is no language CLDR knows: a table of that name is a mistaken variable.
    let p = Project::init();
    p.edit("content/meeting.md", "+++\n\n##", "\n[variables.venue]\nroom = \"B\"\n+++\n\n##");
    check_says(&p, "exit: 1", "error[source]: variable `venue` must be text, a number or a date");
}

#[test]
fn variables_for_a_language_the_project_lacks_are_errors() {
    let p = Project::init();
    p.edit("content/meeting.md", "+++\n\n##", "\n[variables.de]\nplace = \"Gewerkschaftshaus\"\n+++\n\n##");
    check_says(
        &p,
        "exit: 1",
        "content/meeting.md:9:2: error[source]: [variables.de] is for \"de\", which is not a language of this project",
    );
}

#[test]
fn a_date_time_with_a_zone_is_an_error() {
    let p = Project::init();
    p.edit("content/meeting.md", "date = 2026-12-10", "date = 2026-12-10T18:30:00-05:00");
    check_says(
        &p,
        "exit: 1",
        "content/meeting.md:5:1: error[source]: variable `date` is a TOML time or date-time (2026-12-10T18:30:00-05:00)",
    );
}

#[test]
fn a_number_too_large_to_show_exactly_is_an_error() {
    let p = Project::init();
    p.edit("content/meeting.md", "time = \"6:30 PM\"", "time = \"6:30 PM\"\nmembers = 123456789012345678");
    check_says(
        &p,
        "exit: 1",
        "content/meeting.md:7:1: error[source]: variable `members` is a number too large to show exactly (123456789012345678)",
    );
}

#[test]
fn control_characters_are_errors_where_they_are() {
    let p = Project::init();
    p.edit("content/meeting.md", "management listens.", "management\u{0} listens.");
    check_says(
        &p,
        "exit: 1",
        "content/meeting.md:19:37: error[io]: the file contains the control character U+0000, which is not text",
    );
    let p = Project::init();
    p.edit("locales/es/meeting.ftl", "Por qué importa", "Por qué\u{1b}[2J importa");
    check_says(
        &p,
        "exit: 1",
        "locales/es/meeting.ftl:17:14: error[io]: the file contains the control character U+001B",
    );
    let out = p.run(&["build", "--no-pdf"]);
    assert!(!p.read("public/es/meeting.html").contains('\u{1b}'), "{out}");
    // Written as escapes: in the front matter an error, in a translation dropped.
    let p = Project::init();
    p.edit(
        "content/meeting.md",
        "place = \"Union hall, 2nd floor\"",
        "place = \"Union hall\\u0000, 2nd floor\"",
    );
    check_says(
        &p,
        "exit: 1",
        "content/meeting.md:7:1: error[source]: variable `place` holds a control character",
    );
    let p = Project::init();
    p.edit("locales/es/meeting.ftl", "Por qué importa", "Por qué{ \"\\u0000\" } importa");
    p.run(&["build", "--no-pdf"]);
    let html = p.read("public/es/meeting.html");
    assert!(html.contains("Por qué importa") && !html.contains('\u{0}'), "{html}");
}

#[test]
fn a_protocol_relative_link_is_not_published() {
    let p = Project::init();
    p.edit("locales/es/meeting.ftl", "la gerencia escucha.", "la [gerencia](//evil.example/x) escucha.");
    check_says(
        &p,
        "exit: 1",
        "error[unsafe-link]: `why-p1` links to `//evil.example/x`, which tradui will not publish",
    );
    p.run(&["build", "--no-pdf"]);
    assert!(!p.read("public/es/meeting.html").contains("evil.example"));
}

#[test]
fn a_file_where_a_folder_should_be_is_named() {
    let p = Project::init();
    std::fs::remove_dir_all(p.root.join("locales/es")).unwrap();
    p.write("locales/es", "oops");
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), "exit: 2", "{out}");
    assert!(
        out.contains("locales/es: error[io]: locales/es is not a folder, so its translations cannot be read"),
        "{out}"
    );
    assert!(!out.contains("missing"), "{out}");

    let p = Project::init();
    std::fs::remove_dir_all(p.root.join("content")).unwrap();
    p.write("content", "oops");
    let out = p.run(&["build"]);
    assert_eq!(exit(&out), "exit: 2", "{out}");
    assert!(out.contains("content: error[io]: content is not a folder"), "{out}");
}

#[test]
fn a_translation_file_that_is_not_a_file_says_why() {
    let p = Project::init();
    std::fs::remove_file(p.root.join("locales/es/meeting.ftl")).unwrap();
    std::fs::create_dir(p.root.join("locales/es/meeting.ftl")).unwrap();
    let out = p.run(&["sync"]);
    assert_eq!(exit(&out), "exit: 1", "{out}");
    assert!(
        out.contains(
            "locales/es/meeting.ftl: error[io]: the file is a folder, not a file; nothing reads or writes it"
        ),
        "{out}"
    );
    #[cfg(unix)]
    {
        std::fs::remove_file(p.root.join("locales/ht/meeting.ftl")).unwrap();
        std::os::unix::fs::symlink("gone.ftl", p.root.join("locales/ht/meeting.ftl")).unwrap();
        let out = p.run(&["sync"]);
        assert!(
            out.contains(
                "locales/ht/meeting.ftl: error[io]: the file is a link to gone.ftl, which does not exist"
            ),
            "{out}"
        );
        assert!(
            std::fs::symlink_metadata(p.root.join("locales/ht/meeting.ftl"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn tradui_toml_that_is_a_folder_is_named() {
    let p = Project::init();
    std::fs::remove_file(p.root.join("tradui.toml")).unwrap();
    std::fs::create_dir(p.root.join("tradui.toml")).unwrap();
    let out = p.run(&["check"]);
    assert_eq!(exit(&out), "exit: 2", "{out}");
    assert!(out.contains("tradui.toml is a folder, not a file"), "{out}");
}

#[test]
fn limits_name_the_limit_and_the_place() {
    let p = Project::init();
    let long = "word ".repeat(4000);
    p.edit("content/meeting.md", "When we speak", &format!("{long}When we speak"));
    check_says(
        &p,
        "exit: 1",
        "content/meeting.md:19:1: error[source]: `why-p1` is 20045 bytes long, more than tradui's limit of 16 KiB for one text",
    );
    let p = Project::init();
    p.edit("locales/es/meeting.ftl", "why-p1 = ", &format!("why-p1 = {}", "palabra ".repeat(2100)));
    check_says(
        &p,
        "exit: 1",
        "locales/es/meeting.ftl:20:1: error[invalid]: the translation `why-p1` is 16846 bytes long, more than tradui's limit of 16 KiB for one text",
    );
    let p = Project::init();
    p.write("content/big.md", "# Big\n\n".to_string() + &"a".repeat(5 * 1024 * 1024));
    check_says(
        &p,
        "exit: 1",
        "content/big.md:1:1: error[io]: the file is 5242887 bytes, more than tradui's limit of 4 MiB per file",
    );
}
