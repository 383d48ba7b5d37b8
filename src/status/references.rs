//! References between messages and terms, checked before anything is rendered: a
//! message or term that refers to itself (directly or round a cycle), or a chain of terms
//! whose expansion grows past what fluent-bundle formats (its limit is 100 placeables per
//! message), cannot be rendered, so `check` calls it invalid instead of letting `build`
//! print `{???}` or a cut-off text. Also the size limit of one translated message.
//!
//! Called by the status engine for each leaflet and language. The analysis walks the
//! Fluent AST (parsed again, only for files whose messages refer to terms or other
//! messages, and then only those messages when they refer to glossary terms alone); its
//! depth is bounded, since every step of a chain adds a placeable and the
//! walk stops past [`MAX_EXPANSION`].

use crate::catalog::{Catalog, Message};
use crate::diag::{Diagnostic, Kind};
use crate::lang::Lang;
use crate::limits::{MAX_EXPANSION, text_too_long};
use crate::project::Project;
use crate::source::{Leaflet, Ref};
use fluent_syntax::ast;
use std::collections::{BTreeSet, HashMap};

/// What the walk found for one message or term.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cost {
    /// Placeables formatted, references expanded (at most `MAX_EXPANSION + 1`).
    Placeables(u64),
    /// The reference cycle met, as names (`-a`, `b`, `-a`).
    Cycle(Vec<String>),
}

/// Messages and terms by name (`-term`, `message`), the first definition of each.
struct Defs<'a> {
    patterns: HashMap<String, &'a ast::Pattern<&'a str>>,
}

impl<'a> Defs<'a> {
    fn new() -> Self {
        Defs { patterns: HashMap::new() }
    }

    fn add(&mut self, resource: &'a ast::Resource<&'a str>) {
        for entry in &resource.body {
            let (name, pattern) = match entry {
                ast::Entry::Message(m) => match &m.value {
                    Some(v) => (m.id.name.to_string(), v),
                    None => continue,
                },
                ast::Entry::Term(t) => (format!("-{}", t.id.name), &t.value),
                _ => continue,
            };
            self.patterns.entry(name).or_insert(pattern);
        }
    }
}

/// A memoised walk over the definitions.
struct Walk<'d, 'a> {
    defs: &'d Defs<'a>,
    done: HashMap<String, Cost>,
    path: Vec<String>,
    /// How often the walk stopped at the depth limit: a cost found below such a stop
    /// depends on the path taken, so it is not remembered.
    cutoffs: usize,
}

impl Walk<'_, '_> {
    fn name(&mut self, name: &str) -> Cost {
        if let Some(c) = self.done.get(name) {
            return c.clone();
        }
        if let Some(i) = self.path.iter().position(|n| n == name) {
            let mut cycle = self.path[i..].to_vec();
            cycle.push(name.to_string());
            return Cost::Cycle(cycle);
        }
        let Some(pattern) = self.defs.patterns.get(name).copied() else {
            // Not defined here: the status engine reports it as unknown.
            return Cost::Placeables(0);
        };
        if self.path.len() as u64 > MAX_EXPANSION {
            // Every step of a chain is a placeable: this one is past the limit already.
            self.cutoffs += 1;
            return Cost::Placeables(MAX_EXPANSION + 1);
        }
        let cutoffs = self.cutoffs;
        self.path.push(name.to_string());
        let cost = self.pattern(pattern);
        self.path.pop();
        if self.cutoffs == cutoffs {
            self.done.insert(name.to_string(), cost.clone());
        }
        cost
    }

    fn pattern(&mut self, p: &ast::Pattern<&str>) -> Cost {
        let mut total = 0u64;
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                match self.expression(expression) {
                    Cost::Placeables(n) => total = total.saturating_add(1).saturating_add(n),
                    cycle => return cycle,
                }
                if total > MAX_EXPANSION {
                    return Cost::Placeables(MAX_EXPANSION + 1);
                }
            }
        }
        Cost::Placeables(total)
    }

    fn expression(&mut self, e: &ast::Expression<&str>) -> Cost {
        match e {
            ast::Expression::Inline(i) => self.inline(i),
            ast::Expression::Select { selector, variants } => {
                let mut most = match self.inline(selector) {
                    Cost::Placeables(n) => n,
                    cycle => return cycle,
                };
                let base = most;
                for v in variants {
                    match self.pattern(&v.value) {
                        Cost::Placeables(n) => most = most.max(base.saturating_add(n)),
                        cycle => return cycle,
                    }
                }
                Cost::Placeables(most)
            }
        }
    }

    fn inline(&mut self, i: &ast::InlineExpression<&str>) -> Cost {
        match i {
            ast::InlineExpression::MessageReference { id, attribute: None } => self.name(id.name),
            ast::InlineExpression::TermReference { id, attribute: None, arguments } => {
                let own = match arguments {
                    Some(args) => self.arguments(args),
                    None => Cost::Placeables(0),
                };
                match (own, self.name(&format!("-{}", id.name))) {
                    (Cost::Placeables(a), Cost::Placeables(b)) => Cost::Placeables(a.saturating_add(b)),
                    (Cost::Cycle(c), _) | (_, Cost::Cycle(c)) => Cost::Cycle(c),
                }
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => self.arguments(arguments),
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
            _ => Cost::Placeables(0),
        }
    }

    fn arguments(&mut self, args: &ast::CallArguments<&str>) -> Cost {
        let mut total = 0u64;
        for a in args.positional.iter().chain(args.named.iter().map(|n| &n.value)) {
            match self.inline(a) {
                Cost::Placeables(n) => total = total.saturating_add(n),
                cycle => return cycle,
            }
        }
        Cost::Placeables(total)
    }
}

/// The text to parse for the walk: the whole file, or, when the messages walked refer
/// only to terms and the file defines none of its own, just their entries (the terms
/// then all come from the glossary): a file is not parsed twice for a term or two.
fn own_texts<'c>(catalog: &'c Catalog, walked: &[&Message], whole: bool) -> Vec<&'c str> {
    use crate::catalog::EntryKind;
    let defines_terms = catalog.entries.iter().any(|e| e.kind == EntryKind::Term);
    let terms_only = walked.iter().all(|m| m.refs.iter().all(|r| matches!(r, Ref::Var(_) | Ref::Term(_))));
    if whole || defines_terms || !terms_only {
        return vec![&catalog.text];
    }
    let entry = |id: &str| {
        catalog.entries.iter().find(|e| e.kind == EntryKind::Message && e.id.as_deref() == Some(id))
    };
    match walked
        .iter()
        .map(|m| entry(&m.id).and_then(|e| catalog.text.get(e.range.clone())))
        .collect::<Option<Vec<&str>>>()
    {
        Some(texts) => texts,
        None => vec![&catalog.text],
    }
}

/// Does anything in `resource` refer to a message?
fn mentions_messages(resource: &ast::Resource<&str>) -> bool {
    fn pattern(p: &ast::Pattern<&str>) -> bool {
        p.elements
            .iter()
            .any(|e| matches!(e, ast::PatternElement::Placeable { expression } if expression_(expression)))
    }
    fn expression_(e: &ast::Expression<&str>) -> bool {
        match e {
            ast::Expression::Inline(i) => inline(i),
            ast::Expression::Select { selector, variants } => {
                inline(selector) || variants.iter().any(|v| pattern(&v.value))
            }
        }
    }
    fn args(a: &ast::CallArguments<&str>) -> bool {
        a.positional.iter().chain(a.named.iter().map(|n| &n.value)).any(inline)
    }
    fn inline(i: &ast::InlineExpression<&str>) -> bool {
        match i {
            ast::InlineExpression::MessageReference { .. } => true,
            ast::InlineExpression::TermReference { arguments, .. } => arguments.as_ref().is_some_and(args),
            ast::InlineExpression::FunctionReference { arguments, .. } => args(arguments),
            ast::InlineExpression::Placeable { expression } => expression_(expression),
            _ => false,
        }
    }
    resource.body.iter().any(|e| match e {
        ast::Entry::Message(m) => {
            m.value.as_ref().is_some_and(pattern) || m.attributes.iter().any(|a| pattern(&a.value))
        }
        ast::Entry::Term(t) => pattern(&t.value) || t.attributes.iter().any(|a| pattern(&a.value)),
        _ => false,
    })
}

fn parse(text: &str) -> ast::Resource<&str> {
    match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    }
}

/// Does a message need the walk: does it refer to anything, or hold many placeables?
fn needs_walk(value: &str, refs: &BTreeSet<Ref>) -> bool {
    refs.iter().any(|r| !matches!(r, Ref::Var(_))) || value.matches('{').count() as u64 > MAX_EXPANSION
}

fn describe(cycle: &[String]) -> String {
    cycle.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(" -> ")
}

/// Problems of `messages` (the translations paired with the leaflet's units) that would
/// keep them from being rendered, each with the message's ID; the status engine calls
/// those units invalid.
pub fn check_translations<'c>(
    catalog: Option<&'c Catalog>,
    terms: Option<&Catalog>,
    messages: impl Iterator<Item = &'c Message>,
) -> Vec<Diagnostic> {
    let Some(catalog) = catalog else { return Vec::new() };
    let mut diags = Vec::new();
    let mut walk_ids = Vec::new();
    for m in messages {
        let Some(value) = &m.value else { continue };
        if let Some(d) = text_too_long(
            &catalog.file,
            || format!("the translation `{}`", m.id),
            value.len(),
            (m.line, m.column),
        ) {
            diags.push(d.id(&m.id));
        } else if needs_walk(value, &m.refs) {
            walk_ids.push(m);
        }
    }
    if walk_ids.is_empty() {
        return diags;
    }
    let glossary = terms.map(|t| parse(&t.text));
    // A glossary term may refer to a message of this file: then every message counts.
    let whole = glossary.as_ref().is_some_and(mentions_messages);
    let own: Vec<ast::Resource<&str>> = own_texts(catalog, &walk_ids, whole).into_iter().map(parse).collect();
    let mut defs = Defs::new();
    own.iter().for_each(|r| defs.add(r));
    if let Some(g) = &glossary {
        defs.add(g);
    }
    let mut walk = Walk { defs: &defs, done: HashMap::new(), path: Vec::new(), cutoffs: 0 };
    for m in walk_ids {
        let problem = match walk.name(&m.id) {
            Cost::Placeables(n) if n > MAX_EXPANSION => {
                format!(
                    "`{}` expands to more than {MAX_EXPANSION} placeables through the terms and messages it uses, more than can be formatted",
                    m.id
                )
            }
            Cost::Placeables(_) => continue,
            Cost::Cycle(c) => {
                format!("`{}` cannot be shown: its references go round in a circle, {}", m.id, describe(&c))
            }
        };
        diags.push(
            Diagnostic::error(Kind::Invalid, &catalog.file, problem)
                .at((m.line, m.column))
                .id(&m.id)
                .hint("make each term say its text without referring back to itself; a term may use other terms only a few levels deep"),
        );
    }
    diags
}

/// The same for the source text: units whose terms (from the source glossary) cannot be
/// expanded. Reported in the source language, so each shows once.
pub fn check_source(project: &Project, leaflet: &Leaflet) -> Vec<Diagnostic> {
    let source: &Lang = &project.config.source;
    let glossary = project.terms.get(source).map(|t| parse(&t.text));
    let mut defs = Defs::new();
    if let Some(g) = &glossary {
        defs.add(g);
    }
    let mut walk = Walk { defs: &defs, done: HashMap::new(), path: Vec::new(), cutoffs: 0 };
    let mut diags = Vec::new();
    for unit in &leaflet.units {
        let placeables = crate::source::placeables(&unit.text);
        let literal_braces = unit.text.matches(['{', '}']).count().saturating_sub(2 * placeables.len());
        let mut total = (placeables.len() + literal_braces) as u64;
        let mut cycle = None;
        for (_, r) in &placeables {
            if let Ref::Term(t) = r {
                match walk.name(&format!("-{t}")) {
                    Cost::Placeables(n) => total = total.saturating_add(n),
                    Cost::Cycle(c) => cycle = Some(c),
                }
            }
        }
        let problem = match cycle {
            Some(c) => format!(
                "`{}` cannot be shown: the terms it uses go round in a circle, {}",
                unit.id,
                describe(&c)
            ),
            None if total > MAX_EXPANSION => format!(
                "`{}` expands to more than {MAX_EXPANSION} placeables (braces and terms), more than can be formatted",
                unit.id
            ),
            None => continue,
        };
        diags.push(
            Diagnostic::error(Kind::Source, &leaflet.file, problem)
                .at((unit.line, unit.column))
                .id(&unit.id)
                .leaflet(&leaflet.slug)
                .lang(source.as_str())
                .hint(format!("fix the terms in locales/{source}/terms.ftl so none refers back to itself, or use fewer braces in the text")),
        );
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::parse_leaflet;

    fn problems(md: &str, ftl: &str, terms: &str) -> Vec<String> {
        let (l, _) = parse_leaflet("t", "content/t.md", md);
        let c = Catalog::parse("locales/ht/t.ftl", ftl.to_string(), "en");
        let t = Catalog::parse("locales/ht/terms.ftl", terms.to_string(), "en");
        let paired = l.units.iter().filter_map(|u| c.message(&u.id));
        check_translations(Some(&c), Some(&t), paired)
            .into_iter()
            .map(|d| d.to_string().lines().next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_term_that_refers_to_itself() {
        let got = problems("# Hi { -u }\n", "hi = Bonjou { -u }\n", "-u = the { -u }\n");
        assert_eq!(
            got,
            [
                "locales/ht/t.ftl:1:1: error[invalid]: `hi` cannot be shown: its references go round in a circle, `-u` -> `-u`"
            ]
        );
    }

    #[test]
    fn a_cycle_through_the_glossary_or_a_term_of_the_file_is_found_whichever_text_is_parsed() {
        // The glossary's term refers to another message of the file, which leads back.
        let got = problems("# Hi { -u }\n", "hi = Bonjou { -u }\nother = { hi }\n", "-u = { other }\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("`hi` -> `-u` -> `other` -> `hi`"), "{got:?}");
        // The file's own term stands in for the glossary's.
        let got = problems("# Hi { -u }\n", "-u = { -u }\nhi = Bonjou { -u }\n", "-u = fine\n");
        assert!(got.iter().any(|p| p.contains("`-u` -> `-u`")), "{got:?}");
        // Refers only to a sound glossary term: nothing to say.
        assert!(problems("# Hi { -u }\n", "hi = Bonjou { -u }\n", "-u = fine\n").is_empty());
    }

    #[test]
    fn messages_in_a_cycle() {
        let got = problems("# Hi\n\nText.\n", "hi = { hi-p1 }\nhi-p1 = { hi }\n", "");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].contains("`hi` -> `hi-p1` -> `hi`"), "{got:?}");
    }

    #[test]
    fn an_exponential_chain_of_terms() {
        let mut terms = String::new();
        for i in 0..30 {
            terms.push_str(&format!("-t{i} = {{ -t{} }}{{ -t{} }}\n", i + 1, i + 1));
        }
        terms.push_str("-t30 = x\n");
        let got = problems("# Hi { -t0 }\n", "hi = { -t0 }\n", &terms);
        assert_eq!(got.len(), 1);
        assert!(got[0].contains("expands to more than 100 placeables"), "{got:?}");
        // A short chain is fine.
        assert!(problems("# Hi { -t27 }\n", "hi = { -t27 }\n", &terms).is_empty());
    }

    #[test]
    fn a_long_chain_of_messages_stops_at_the_limit() {
        let mut ftl = String::from("hi = { m0 }\n");
        for i in 0..20_000 {
            ftl.push_str(&format!("m{i} = {{ m{} }}\n", i + 1));
        }
        let got = problems("# Hi\n", &ftl, "");
        assert!(got[0].contains("expands to more than 100"), "{got:?}");
    }

    #[test]
    fn plain_translations_are_not_walked() {
        assert!(problems("# Hi { $d }\n", "hi = Bonjou { $d }\n", "").is_empty());
    }
}
