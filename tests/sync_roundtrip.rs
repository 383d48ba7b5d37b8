//! Property: a file that `sync` writes is valid Fluent that parses back to the same
//! translations, records today's source texts, and a second sync changes nothing —
//! whatever the texts hold: braces, lines starting with `[`, `*` or `.`, right-to-left
//! text, CRLF files.

use proptest::prelude::*;
use std::collections::BTreeSet;
use tradui::catalog::Catalog;
use tradui::source::{Leaflet, Unit, UnitKind, normalize, to_fluent};
use tradui::sync::{Options, sync_text};

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z]{1,8}",
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[note]".to_string()),
        Just("*".to_string()),
        Just(".".to_string()),
        Just("{ $date }".to_string()),
        Just("{ -union-name }".to_string()),
        Just("\"quoted\"".to_string()),
        Just("\\".to_string()),
        Just("#".to_string()),
        Just("نحن نضرب".to_string()),
        Just("Kreyòl".to_string()),
        Just("\u{202e}".to_string()),
        Just("=".to_string()),
    ];
    prop::collection::vec(piece, 1..8).prop_map(|parts| normalize(&parts.join(" "), false))
}

fn leaflet(sources: &[String]) -> Leaflet {
    let units = sources
        .iter()
        .enumerate()
        .map(|(i, s)| Unit {
            id: format!("intro-p{}", i + 1),
            kind: UnitKind::Paragraph,
            text: s.clone(),
            offset: 0,
            line: i + 1,
            column: 1,
            refs: tradui::source::placeables(s).into_iter().map(|(_, r)| r).collect(),
        })
        .collect();
    Leaflet::from_units("t", "content/t.md", units)
}

/// For each unit: no message, a current one, or one made from an older text.
#[derive(Debug, Clone)]
enum Existing {
    None,
    Current(String),
    Stale(String, String),
}

fn existing() -> impl Strategy<Value = Existing> {
    prop_oneof![
        Just(Existing::None),
        text().prop_map(Existing::Current),
        (text(), text()).prop_map(|(t, old)| Existing::Stale(t, old)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn sync_round_trips(
        cases in prop::collection::vec((text(), existing()), 1..6),
        crlf in any::<bool>(),
    ) {
        let sources: Vec<String> = cases.iter().map(|(s, _)| s.clone()).collect();
        prop_assume!(sources.iter().collect::<BTreeSet<_>>().len() == sources.len());
        let leaflet = leaflet(&sources);
        let mut ftl = String::new();
        for (i, (source, ex)) in cases.iter().enumerate() {
            let id = format!("intro-p{}", i + 1);
            match ex {
                Existing::None => {}
                Existing::Current(t) => ftl.push_str(&format!("# en: {source}\n{id} = {}\n\n", to_fluent(t))),
                Existing::Stale(t, old) => ftl.push_str(&format!("# en: {old}\n{id} = {}\n\n", to_fluent(t))),
            }
        }
        if crlf {
            ftl = ftl.replace('\n', "\r\n");
        }
        let before = Catalog::parse("x.ftl", ftl, "en");
        prop_assert!(before.errors.is_empty(), "test input must parse: {:?}", before.errors);

        let (written, _) = sync_text(&leaflet, Some(&before), "en", &Options::default());
        let after = Catalog::parse("x.ftl", written.clone(), "en");
        prop_assert!(after.errors.is_empty(), "sync wrote invalid Fluent:\n{written}\n{:?}", after.errors);
        prop_assert_eq!(before.text.contains("\r\n"), written.contains("\r\n"));
        // No translation is lost: a message may follow its text to another ID (re-keying)
        // or move to the obsolete section, but its value is still in the file.
        for m in &before.messages {
            prop_assert!(after.messages.iter().any(|x| x.value == m.value), "lost the translation of {}:\n{written}", m.id);
        }
        for (i, (source, ex)) in cases.iter().enumerate() {
            let id = format!("intro-p{}", i + 1);
            match after.message(&id) {
                // Every live message records today's source text.
                Some(m) => prop_assert_eq!(m.record.as_deref(), Some(source.as_str())),
                None => {
                    let stub = format!("# en: {source}");
                    prop_assert!(written.contains(&stub), "no stub for {}", id);
                }
            }
            match ex {
                Existing::Current(_) => {
                    let m = after.message(&id).unwrap();
                    prop_assert!(!m.review, "a current message was marked for review");
                    prop_assert_eq!(&m.value, &before.message(&id).unwrap().value);
                }
                Existing::Stale(_, old) if old != source && after.message(&id).is_some_and(|m| m.value == before.message(&id).unwrap().value) => {
                    prop_assert!(after.message(&id).unwrap().review, "a stale message kept its place without a review marker");
                }
                _ => {}
            }
        }
        let (again, changes) = sync_text(&leaflet, Some(&after), "en", &Options::default());
        prop_assert_eq!(&again, &written, "second sync changed the file");
        prop_assert_eq!(changes.describe(), None);
    }
}
