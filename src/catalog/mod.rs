//! Catalogs: `locales/<lang>/<slug>.ftl` -> [`Catalog`]. Parsed with `fluent-syntax`'s
//! recovering parser (one bad message does not hide the rest), with the position of every
//! message and syntax error, the `# en:` source record above each message and the review
//! marker that `tradui sync` puts on stale ones.
//!
//! The AST has no spans, but with `&str` input every identifier is a slice of the file,
//! so a message's offset is the distance between the two pointers.

pub mod provenance;
pub mod text;

use crate::diag::{Diagnostic, Kind, line_col};
use crate::source::{Ref, normalize};
use fluent_syntax::ast;
use std::collections::BTreeSet;
use std::ops::Range;

/// The comment line `tradui sync` puts above a stale message; the translator deletes it
/// once the translation is updated.
pub const REVIEW_MARKER: &str = "REVIEW:";

/// The comment line a translator puts above a message to confirm the values it writes
/// differently from the source (a number in words): `# tradui: values-ok $4 6:30 PM`.
pub const VALUES_OK: &str = "tradui: values-ok";

/// What an entry of the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Message,
    Term,
    Comment,
    /// Lines that do not parse; kept verbatim by `sync`.
    Junk,
}

/// A span of the file: one entry with its attached comment, up to the next entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySpan {
    pub kind: EntryKind,
    /// The message or term ID.
    pub id: Option<String>,
    /// Bytes of the entry, attached comment included, trailing blank lines excluded.
    pub range: Range<usize>,
}

/// A `select` expression of a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    /// What it selects on, when it is a variable (directly or through NUMBER()).
    pub var: Option<String>,
    /// The variant keys as written (`one`, `few`, `0`).
    pub keys: Vec<String>,
    /// The references of each variant's own pattern, in key order.
    pub variant_refs: Vec<BTreeSet<Ref>>,
}

/// One translated message.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: String,
    /// Byte offset of the ID in the file.
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    /// The value as Fluent source, whitespace collapsed (None: the message has no value).
    pub value: Option<String>,
    /// The `# en:` record: the source text this translation was made from.
    pub record: Option<String>,
    /// The review marker is present.
    pub review: bool,
    /// The `# was:` line `sync` writes beside a review marker: the source text the
    /// translation was last confirmed for.
    pub was: Option<String>,
    /// The record came from the provenance sidecar, not from the file.
    pub restored: bool,
    /// The text after `# tradui: values-ok` on the comment lines above it: the source
    /// values a translator confirmed the translation writes differently (in words).
    pub values_ok: Option<String>,
    /// Variables, terms and messages the value refers to (all variants).
    pub refs: BTreeSet<Ref>,
    pub selects: Vec<Select>,
}

/// A parsed translation file.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub file: String,
    pub text: String,
    pub messages: Vec<Message>,
    /// Terms defined in the file (`-union-name`).
    pub terms: Vec<String>,
    pub entries: Vec<EntrySpan>,
    /// Syntax errors, one per piece of junk.
    pub errors: Vec<Diagnostic>,
    /// Stubs `sync` wrote (a commented-out `# id =`), by unit ID: (line, column).
    pub stubs: std::collections::HashMap<String, (usize, usize)>,
    /// Message index by ID (the first message of an ID, as check reports the later ones).
    index: std::collections::HashMap<String, usize>,
}

impl Catalog {
    /// Parses `text`; `source_lang` names the record comment (`en:`).
    pub fn parse(file: &str, text: String, source_lang: &str) -> Catalog {
        let (resource, errors) = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => (r, Vec::new()),
            Err((r, e)) => (r, e),
        };
        let mut walk = Walk {
            text: &text,
            lines: crate::diag::LineIndex::new(&text),
            record_prefix: format!("{source_lang}:"),
            messages: Vec::new(),
            terms: Vec::new(),
            starts: Vec::new(),
            stubs: std::collections::HashMap::new(),
        };
        for entry in &resource.body {
            walk.entry(entry);
        }
        let Walk { messages, terms, starts, stubs, .. } = walk;
        let entries = entry_spans(&text, &starts);
        let errors = errors.iter().map(|e| syntax_error(file, &text, e)).collect();
        let mut index = std::collections::HashMap::with_capacity(messages.len());
        for (i, m) in messages.iter().enumerate() {
            index.entry(m.id.clone()).or_insert(i);
        }
        Catalog { file: file.to_string(), text, messages, terms, entries, errors, stubs, index }
    }

    /// IDs at the start of junk entries (`id = { broken`): messages that exist but do
    /// not parse, so their units are invalid rather than missing.
    pub fn junk_ids(&self) -> std::collections::HashSet<&str> {
        self.entries
            .iter()
            .filter(|e| e.kind == EntryKind::Junk)
            .filter_map(|e| {
                let text = self.text[e.range.clone()].trim_start();
                let end = text.find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '-' || ch == '_'))?;
                text[end..].trim_start().starts_with('=').then(|| &text[..end])
            })
            .collect()
    }

    pub fn message(&self, id: &str) -> Option<&Message> {
        self.index.get(id).map(|&i| &self.messages[i])
    }

    /// IDs of the messages that sit under the Obsolete heading `sync` writes.
    pub fn obsolete_section_ids(&self) -> std::collections::HashSet<&str> {
        let mut after = false;
        let mut ids = std::collections::HashSet::new();
        for e in &self.entries {
            if e.kind == EntryKind::Comment && self.text[e.range.clone()].starts_with("## Obsolete") {
                after = true;
            } else if after && e.kind == EntryKind::Message {
                ids.extend(e.id.as_deref());
            }
        }
        ids
    }

    /// The index in `messages` of the first message with this ID.
    pub fn message_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}

/// What parsing a catalog gathers, entry by entry, from the text the AST points into.
struct Walk<'t> {
    text: &'t str,
    lines: crate::diag::LineIndex<'t>,
    record_prefix: String,
    messages: Vec<Message>,
    terms: Vec<String>,
    /// Where each entry starts (its comment included), its kind and ID.
    starts: Vec<(usize, EntryKind, Option<String>)>,
    stubs: std::collections::HashMap<String, (usize, usize)>,
}

impl Walk<'_> {
    /// The byte offset of `s`, a slice of the text, or `None` if it is not one.
    fn offset_of(&self, s: &str) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        let p = s.as_ptr() as usize;
        (p >= base && p <= base + self.text.len()).then(|| p - base)
    }

    fn entry(&mut self, entry: &ast::Entry<&str>) {
        let text = self.text;
        match entry {
            ast::Entry::Message(m) => {
                let Some(offset) = self.offset_of(m.id.name) else { return };
                let mut start = comment_start(text, line_start(text, offset), m.comment.is_some());
                if let Some((stub, line, end)) = embedded_stub(&text[start..line_start(text, offset)]) {
                    // A stub left with no blank line above a message is its own entry.
                    self.starts.push((start, EntryKind::Comment, None));
                    self.stubs.entry(stub).or_insert_with(|| self.lines.line_col(start + line));
                    start += end;
                }
                self.starts.push((start, EntryKind::Message, Some(m.id.name.to_string())));
                self.messages.push(message(m, self.lines.line_col(offset), offset, &self.record_prefix));
            }
            ast::Entry::Term(t) => {
                let Some(offset) = self.offset_of(t.id.name) else { return };
                let start =
                    comment_start(text, line_start(text, offset.saturating_sub(1)), t.comment.is_some());
                self.starts.push((start, EntryKind::Term, Some(t.id.name.to_string())));
                self.terms.push(t.id.name.to_string());
            }
            ast::Entry::Comment(c) | ast::Entry::GroupComment(c) | ast::Entry::ResourceComment(c) => {
                if let Some(offset) = c.content.first().and_then(|l| self.offset_of(l)) {
                    self.starts.push((line_start(text, offset), EntryKind::Comment, None));
                }
                if let (ast::Entry::Comment(_), Some(last)) = (entry, c.content.last())
                    && let (Some(id), Some(offset)) = (stub_id(last), self.offset_of(last))
                {
                    self.stubs.entry(id).or_insert_with(|| self.lines.line_col(line_start(text, offset)));
                }
            }
            ast::Entry::Junk { content } => {
                if let Some(offset) = self.offset_of(content) {
                    self.starts.push((offset, EntryKind::Junk, None));
                }
            }
        }
    }
}

/// Each entry runs from its start to the next one's, trailing blank lines left out.
fn entry_spans(text: &str, starts: &[(usize, EntryKind, Option<String>)]) -> Vec<EntrySpan> {
    let mut entries = Vec::with_capacity(starts.len());
    for (i, (start, kind, id)) in starts.iter().enumerate() {
        let next = starts.get(i + 1).map_or(text.len(), |s| s.0);
        let end = start + text[*start..next].trim_end().len();
        entries.push(EntrySpan { kind: *kind, id: id.clone(), range: *start..end });
    }
    entries
}

/// A stub inside the comment lines above a message: (unit ID, offset of its `# id =`
/// line, offset just past it).
fn embedded_stub(comment: &str) -> Option<(String, usize, usize)> {
    let mut found = None;
    let mut at = 0;
    for line in comment.split_inclusive('\n') {
        if let Some(id) = line.strip_prefix('#').and_then(|_| stub_id(line)) {
            found = Some((id, at, at + line.len()));
        }
        at += line.len();
    }
    found
}

/// The ID of a stub's last comment line (`id =`, from `# id =`), if it is one.
pub fn stub_id(line: &str) -> Option<String> {
    let line = line.trim_end();
    let line = line.strip_prefix("# ").unwrap_or(line);
    let id = line.strip_suffix(" =").or_else(|| line.strip_suffix('='))?.trim_end();
    crate::source::is_identifier(id).then(|| id.to_string())
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// Walks back over the `#` comment lines attached above an entry.
fn comment_start(text: &str, mut start: usize, has_comment: bool) -> usize {
    if !has_comment {
        return start;
    }
    while start > 0 {
        let prev = line_start(text, start - 1);
        let line = text[prev..start].trim_end();
        if line == "#" || (line.starts_with("# ") && !line.starts_with("##")) {
            start = prev;
        } else {
            break;
        }
    }
    start
}

fn message(
    m: &ast::Message<&str>,
    (line, column): (usize, usize),
    offset: usize,
    record_prefix: &str,
) -> Message {
    let mut record = None;
    let mut review = false;
    let mut was = None;
    let mut values_ok: Option<String> = None;
    if let Some(c) = &m.comment {
        for l in &c.content {
            if stub_id(l).is_some() {
                // Lines above a stub's `# id =` belong to the stub, not to this message.
                (record, review, was) = (None, false, None);
            } else if let Some(r) = l.strip_prefix(record_prefix) {
                record = Some(normalize(r, false));
            } else if l.starts_with(REVIEW_MARKER) {
                review = true;
            } else if let Some(w) = l.strip_prefix("was:") {
                was = Some(normalize(w, false));
            } else if let Some(v) = l.trim().strip_prefix(VALUES_OK) {
                let all = values_ok.take().unwrap_or_default();
                values_ok = Some(format!("{all} {}", v.trim()).trim().to_string());
            }
        }
    }
    let mut refs = BTreeSet::new();
    let mut selects = Vec::new();
    let value = m.value.as_ref().map(|p| {
        collect_pattern(p, &mut refs, &mut selects);
        pattern_source(p)
    });
    Message {
        id: m.id.name.to_string(),
        offset,
        line,
        column,
        value,
        record,
        review,
        was,
        restored: false,
        values_ok,
        refs,
        selects,
    }
}

/// A pattern back as Fluent source text, whitespace collapsed.
pub fn pattern_source(p: &ast::Pattern<&str>) -> String {
    // Plain text (most messages) comes back as its text: the serializer would only add
    // indentation, which collapses with the rest of the whitespace.
    let mut plain = String::new();
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => plain.push_str(value),
            ast::PatternElement::Placeable { .. } => return serialized_source(p),
        }
    }
    normalize(plain.trim(), false)
}

fn serialized_source(p: &ast::Pattern<&str>) -> String {
    let msg = ast::Message {
        id: ast::Identifier { name: "x" },
        value: Some(p.clone()),
        attributes: vec![],
        comment: None,
    };
    let res = ast::Resource { body: vec![ast::Entry::Message(msg)] };
    let s = fluent_syntax::serializer::serialize(&res);
    normalize(s.trim_start_matches("x =").trim(), false)
}

fn collect_pattern(p: &ast::Pattern<&str>, refs: &mut BTreeSet<Ref>, selects: &mut Vec<Select>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_expression(expression, refs, selects);
        }
    }
}

fn collect_expression(e: &ast::Expression<&str>, refs: &mut BTreeSet<Ref>, selects: &mut Vec<Select>) {
    match e {
        ast::Expression::Inline(i) => collect_inline(i, refs, selects),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, refs, selects);
            let var = match selector {
                ast::InlineExpression::VariableReference { id } => Some(id.name.to_string()),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    arguments.positional.iter().find_map(|a| match a {
                        ast::InlineExpression::VariableReference { id } => Some(id.name.to_string()),
                        _ => None,
                    })
                }
                _ => None,
            };
            let keys = variants
                .iter()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => name.to_string(),
                    ast::VariantKey::NumberLiteral { value } => value.to_string(),
                })
                .collect();
            let mut variant_refs = Vec::with_capacity(variants.len());
            for v in variants {
                let mut own = BTreeSet::new();
                collect_pattern(&v.value, &mut own, selects);
                refs.extend(own.iter().cloned());
                variant_refs.push(own);
            }
            selects.push(Select { var, keys, variant_refs });
        }
    }
}

fn collect_inline(i: &ast::InlineExpression<&str>, refs: &mut BTreeSet<Ref>, selects: &mut Vec<Select>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            refs.insert(Ref::Var(id.name.to_string()));
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            refs.insert(Ref::Term(id.name.to_string()));
            if let Some(args) = arguments {
                args.positional.iter().for_each(|a| collect_inline(a, refs, selects));
            }
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            refs.insert(Ref::Message(id.name.to_string()));
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.iter().for_each(|a| collect_inline(a, refs, selects));
            arguments.named.iter().for_each(|a| collect_inline(&a.value, refs, selects));
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, refs, selects),
        ast::InlineExpression::StringLiteral { .. } | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn syntax_error(file: &str, text: &str, e: &fluent_syntax::parser::ParserError) -> Diagnostic {
    let entry_at = e.slice.as_ref().map_or(e.pos.start, |s| s.start).min(text.len());
    // The parser notices a problem where the next line begins; point at the end of the
    // text it was reading instead.
    let mut at = e.pos.start.min(text.len());
    while at > entry_at && text[..at].ends_with(char::is_whitespace) {
        at = text[..at].trim_end().len().max(entry_at);
    }
    let (entry_line, _) = line_col(text, entry_at);
    let hint = match &e.kind {
        fluent_syntax::parser::ErrorKind::UnbalancedClosingBrace
        | fluent_syntax::parser::ErrorKind::ExpectedInlineExpression => {
            "a literal brace is written { \"{\" } or { \"}\" }; a placeable is { $name } or { -term }"
                .to_string()
        }
        fluent_syntax::parser::ErrorKind::ExpectedToken('=') => {
            "a message is `id = text`; a comment line starts with `#`".to_string()
        }
        _ => "fix the Fluent syntax; see https://projectfluent.org/fluent/guide/".to_string(),
    };
    Diagnostic::error(
        Kind::Invalid,
        file,
        format!(
            "Fluent syntax error: {} (the entry starting on line {entry_line} is ignored until it is fixed)",
            e.kind
        ),
    )
    .at_offset(text, at)
    .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Catalog {
        Catalog::parse("locales/ht/t.ftl", s.to_string(), "en")
    }

    #[test]
    fn messages_have_positions_and_records() {
        let c = parse(
            "# en: We walk out.\nwalkout-p1 = Nou kite travay.\n\n# REVIEW: source changed\n# en: Old\n  \nx = { $date } { -union }\n",
        );
        assert_eq!(c.messages.len(), 2);
        let m = &c.messages[0];
        assert_eq!((m.id.as_str(), m.line, m.column), ("walkout-p1", 2, 1));
        assert_eq!(m.record.as_deref(), Some("We walk out."));
        assert_eq!(m.value.as_deref(), Some("Nou kite travay."));
        let x = &c.messages[1];
        assert!(x.record.is_none(), "a blank line detaches the comment");
        assert!(x.refs.contains(&Ref::Var("date".into())) && x.refs.contains(&Ref::Term("union".into())));
    }

    #[test]
    fn review_marker_is_seen() {
        let c = parse("# REVIEW: the English text changed\n# en: New\nx = Vye\n");
        assert!(c.messages[0].review);
        assert_eq!(c.entries[0].range, 0..c.text.trim_end().len());
    }

    #[test]
    fn junk_does_not_hide_the_rest() {
        let c = parse("a = ok\nb = { broken\nc = fine\n");
        assert_eq!(c.messages.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(c.errors.len(), 1);
        assert!(
            c.errors[0].to_string().starts_with("locales/ht/t.ftl:2:13: error[invalid]"),
            "{}",
            c.errors[0]
        );
        assert_eq!(
            c.entries.iter().map(|e| e.kind).collect::<Vec<_>>(),
            [EntryKind::Message, EntryKind::Junk, EntryKind::Message]
        );
    }

    #[test]
    fn selects_are_collected() {
        let c =
            parse("n = { $count ->\n    [one] one shift\n    [few] few\n   *[other] { $count } shifts\n}\n");
        let s = &c.messages[0].selects[0];
        assert_eq!(s.var.as_deref(), Some("count"));
        assert_eq!(s.keys, ["one", "few", "other"]);
        assert!(s.variant_refs[0].is_empty() && s.variant_refs[2].contains(&Ref::Var("count".into())));
    }

    #[test]
    fn crlf_files_parse() {
        let c = parse("# en: A\r\na = B\r\nb = C\r\n");
        assert_eq!(c.messages.len(), 2);
        assert_eq!(c.messages[0].record.as_deref(), Some("A"));
        assert!(c.errors.is_empty());
    }

    #[test]
    fn plain_patterns_come_back_as_the_serializer_would_write_them() {
        let ftl = "a = one line\nb =\n    first\n      indented\n    last\nc = .dot first\nd = trailing\u{a0}\ne =\n\n    after a blank\r\n    crlf\nf = \u{a0}space\u{2003}em\n";
        let resource = fluent_syntax::parser::parse(ftl).expect("valid");
        let mut seen = 0;
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let p = m.value.as_ref().unwrap();
                assert_eq!(pattern_source(p), serialized_source(p), "{}", m.id.name);
                seen += 1;
            }
        }
        assert_eq!(seen, 6);
    }

    proptest::proptest! {
        #[test]
        fn any_plain_pattern_comes_back_as_the_serializer_would_write_it(lines in proptest::collection::vec("[a-z .\\[*\u{a0}\u{2003}\u{0627}-\u{0629}\t\r-]{0,12}", 1..5)) {
            let ftl = format!("a =\n    {}\n", lines.join("\n    "));
            let resource = fluent_syntax::parser::parse(ftl.as_str()).unwrap_or_else(|(r, _)| r);
            for entry in &resource.body {
                if let ast::Entry::Message(m) = entry
                    && let Some(p) = &m.value {
                        proptest::prop_assert_eq!(pattern_source(p), serialized_source(p));
                    }
            }
        }
    }
}
