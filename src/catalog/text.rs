//! A translation's text in a PO or XLIFF file, to and from its Fluent pattern.
//!
//! The text is written like the source: Markdown with `{ $name }` and `{ -term }`
//! placeables, every other brace a plain brace (Fluent's `{ "{" }` becomes `{`). A
//! pattern with a select expression travels as Fluent, one variant per line.

use crate::catalog::{Catalog, EntryKind};
use crate::source::{normalize, to_fluent};
use fluent_syntax::ast;

/// The text of message `id` of a catalog, as a translator's file carries it.
pub fn message_text(catalog: &Catalog, id: &str) -> Option<String> {
    let entry =
        catalog.entries.iter().find(|e| e.kind == EntryKind::Message && e.id.as_deref() == Some(id))?;
    let source = &catalog.text[entry.range.clone()];
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
    resource.body.iter().find_map(|e| match e {
        ast::Entry::Message(m) if m.id.name == id => m.value.as_ref().map(pattern_text),
        _ => None,
    })
}

/// A pattern as text.
pub fn pattern_text(p: &ast::Pattern<&str>) -> String {
    if has_select(p) {
        return select_text(p);
    }
    let mut out = String::new();
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    out.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value));
                }
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    out.push_str(&format!("{{ ${} }}", id.name));
                }
                ast::Expression::Inline(ast::InlineExpression::TermReference {
                    id,
                    attribute: None,
                    arguments: None,
                }) => {
                    out.push_str(&format!("{{ -{} }}", id.name));
                }
                other => out.push_str(&crate::catalog::pattern_source(&ast::Pattern {
                    elements: vec![ast::PatternElement::Placeable { expression: other.clone() }],
                })),
            },
        }
    }
    normalize(&out, false)
}

fn has_select(p: &ast::Pattern<&str>) -> bool {
    p.elements
        .iter()
        .any(|el| matches!(el, ast::PatternElement::Placeable { expression: ast::Expression::Select { .. } }))
}

/// A pattern with a select, as Fluent without the message's indentation.
fn select_text(p: &ast::Pattern<&str>) -> String {
    let body = serialize("x", p);
    let body = body.strip_prefix("x =").unwrap_or(&body);
    let lines: Vec<&str> = body.trim_end().lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let line = if i == 0 { line.trim_start() } else { line.strip_prefix("    ").unwrap_or(line) };
        if i == 0 && line.is_empty() {
            continue;
        }
        out.push(line.trim_end().to_string());
    }
    out.join("\n")
}

fn serialize(id: &str, p: &ast::Pattern<&str>) -> String {
    let msg = ast::Message {
        id: ast::Identifier { name: id },
        value: Some(p.clone()),
        attributes: vec![],
        comment: None,
    };
    fluent_syntax::serializer::serialize(&ast::Resource { body: vec![ast::Entry::Message(msg)] })
}

/// Why a text cannot become a Fluent message: the line within the text and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// 0-based line of the text.
    pub line: usize,
    pub message: String,
}

/// Does the text carry a Fluent select (a line ending in `->`)?
pub fn is_select(text: &str) -> bool {
    text.lines().any(|l| l.trim_end().ends_with("->"))
}

/// The Fluent source of message `id` with this text as its value (no trailing newline);
/// None when the text is empty. The result is always exactly one message.
pub fn to_message(id: &str, text: &str) -> Result<Option<String>, TextError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let source = if is_select(text) {
        let indented: Vec<String> =
            text.trim_matches('\n').lines().map(|l| format!("    {}", l.trim_end())).collect();
        format!("{id} =\n{}\n", indented.join("\n"))
    } else {
        format!("{id} = {}\n", to_fluent(&normalize(text, false)))
    };
    let select = is_select(text);
    let (resource, errors) = match fluent_syntax::parser::parse(source.as_str()) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    if let Some(e) = errors.first() {
        let (line, _) = crate::diag::line_col(&source, e.pos.start);
        let line = if select { line.saturating_sub(2) } else { 0 };
        return Err(TextError { line, message: format!("this Fluent select does not parse: {}", e.kind) });
    }
    match resource.body.as_slice() {
        [ast::Entry::Message(m)] if m.id.name == id && m.value.is_some() && m.attributes.is_empty() => {
            Ok(Some(fluent_syntax::serializer::serialize(&resource).trim_end().to_string()))
        }
        _ => {
            Err(TextError { line: 0, message: "the text must be one translation, not Fluent entries".into() })
        }
    }
}

/// The text of a Fluent message source (as [`to_message`] makes it).
pub fn text_of_message(source: &str) -> Option<String> {
    let resource = fluent_syntax::parser::parse(source).ok()?;
    resource.body.iter().find_map(|e| match e {
        ast::Entry::Message(m) => m.value.as_ref().map(pattern_text),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(ftl: &str) -> String {
        let c = Catalog::parse("x.ftl", ftl.to_string(), "en");
        message_text(&c, "m").unwrap()
    }

    #[test]
    fn plain_text_keeps_placeables_and_unquotes_braces() {
        assert_eq!(
            text("m = On { $date } at { -union-name }, see { \"{\" }this{ \"}\" }\n"),
            "On { $date } at { -union-name }, see {this}"
        );
        assert_eq!(text("m =\n    two\n    lines\n"), "two lines");
    }

    #[test]
    fn text_round_trips_to_fluent() {
        let t = "See {this} on { $date } with { -union-name }";
        let m = to_message("m", t).unwrap().unwrap();
        assert_eq!(m, "m = See { \"{\" }this{ \"}\" } on { $date } with { -union-name }");
        assert_eq!(text_of_message(&m).as_deref(), Some(t));
        assert_eq!(to_message("m", "  \n").unwrap(), None);
    }

    #[test]
    fn selects_travel_as_fluent_and_come_back_valid() {
        let ftl = "m = { $count ->\n    [one] one shift\n   *[other] { $count } shifts\n}\n";
        let t = text(ftl);
        assert_eq!(t, "{ $count ->\n    [one] one shift\n   *[other] { $count } shifts\n}");
        let translated = t.replace("one shift", "yon ekip").replace("} shifts", "} ekip");
        let m = to_message("m", &translated).unwrap().unwrap();
        let c = Catalog::parse("x.ftl", format!("{m}\n"), "en");
        assert!(c.errors.is_empty(), "{m}");
        assert_eq!(c.messages[0].selects[0].keys, ["one", "other"]);
        assert_eq!(message_text(&c, "m").unwrap(), translated);
    }

    #[test]
    fn a_broken_select_is_an_error_with_its_line() {
        let e = to_message("m", "{ $count ->\n    [one] one\n    [other] many\n}").unwrap_err();
        assert!(e.message.contains("does not parse"), "{e:?}");
    }

    #[test]
    fn text_cannot_inject_entries() {
        // A newline followed by what looks like a message stays text of this message.
        let m = to_message("m", "hello\nevil = { $x }\n# comment").unwrap().unwrap();
        let c = Catalog::parse("x.ftl", format!("{m}\n"), "en");
        assert_eq!(c.messages.len(), 1);
        assert!(c.errors.is_empty());
        assert_eq!(c.messages[0].value.as_deref(), Some("hello evil = { $x } # comment"));
    }
}
