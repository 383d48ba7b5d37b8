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
            Inline::Emph { content } | Inline::Strong { content } | Inline::Strike { content } => links(content, out),
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn leaflets_parse_without_panic(md in markdownish()) {
        let (leaflet, _) = parse_leaflet("t", "content/t.md", &md);
        let mut seen = HashSet::new();
        for u in &leaflet.units {
            prop_assert!(seen.insert(u.id.clone()), "duplicate ID {}", u.id);
            prop_assert!(is_identifier(&u.id), "bad ID {:?}", u.id);
            prop_assert!(!u.text.trim().is_empty());
            prop_assert!(u.line >= 1 && u.column >= 1);
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
            prop_assert!(d.line >= 1 && d.column >= 1);
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
