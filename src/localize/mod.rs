//! Localize: a leaflet + one language's translations + the leaflet's variables ->
//! a [`Document`] in that language, shared by the HTML and PDF renderers.
//!
//! Each slot gets its unit's translation when it is current (or stale, if the language's
//! fallback policy says so), otherwise the source text marked as a fallback. Patterns are
//! formatted with `fluent-bundle` (variables, glossary terms, plurals, NUMBER) with
//! isolation marks around placeables; the inline Markdown of the result is then parsed
//! back into [`Inline`]s, where the isolated stretches become [`Inline::Placeable`].
//! Nothing here produces markup: every string stays text until a renderer escapes it.

pub mod dates;
pub mod pseudo;

use crate::catalog::Catalog;
use crate::diag::{Diagnostic, Kind};
use crate::document::{Document, Inline, Text, Variable};
use crate::lang::Lang;
use crate::project::Project;
use crate::project::config::StaleFallback;
use crate::source::{Leaflet, VarValue};
use crate::status::{Cell, State};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Builds the document of `leaflet` in `lang` (the source language or a translation).
/// `cell` is the leaflet's status in `lang` (None for the source language).
///
/// A pattern that cannot be completed (an unknown variable, term, message or function:
/// fluent-bundle would print `{$name}`) is an error of the document, so the build never
/// publishes it.
pub fn localize(
    project: &Project,
    leaflet: &Leaflet,
    lang: &Lang,
    cell: Option<&Cell>,
) -> (Document, Vec<Diagnostic>) {
    let source = &project.config.source;
    let translated = translated_ids(project, leaflet, lang, cell);
    let mut filler = Filler {
        leaflet,
        lang,
        translated: &translated,
        source_bundle: source_bundle(project, leaflet),
        target_bundle: (lang != source).then(|| target_bundle(project, leaflet, lang)),
        args: arguments(leaflet, lang),
        // Text shown in the source language takes the source language's values.
        source_args: arguments(leaflet, source),
        diags: Vec::new(),
    };
    let mut blocks = leaflet.blocks.clone();
    for block in &mut blocks {
        for text in block.texts_mut() {
            filler.fill(text);
        }
    }
    let mut title = Text::slot(leaflet.title_id.clone().unwrap_or_default());
    if title.id.is_empty() {
        title.inlines = vec![Inline::Text { text: leaflet.slug.clone() }];
    } else {
        filler.fill(&mut title);
    }
    let mut diags = filler.diags;
    let shown = leaflet.units.iter().filter(|u| translated.contains_key(u.id.as_str())).count();
    let doc = Document { title, blocks, ..document(project, leaflet, lang, shown) };
    place(project, leaflet, lang, &mut diags);
    (doc, diags)
}

/// Unit ID -> the ID of the message that translates it (they differ when the unit moved
/// or was renamed: the status report pairs them), for the units shown translated.
fn translated_ids<'a>(
    project: &Project,
    leaflet: &'a Leaflet,
    lang: &Lang,
    cell: Option<&'a Cell>,
) -> HashMap<&'a str, &'a str> {
    let policy = project.config.fallback(lang);
    match cell {
        None => leaflet.units.iter().map(|u| (u.id.as_str(), u.id.as_str())).collect(),
        Some(c) => c
            .units
            .iter()
            .filter(|u| {
                u.state == State::Current
                    || (u.state == State::Stale && policy.stale == StaleFallback::Translation)
            })
            .filter_map(|u| Some((u.id.as_str(), u.message.as_deref()?)))
            .collect(),
    }
}

/// Fills the text slots of one document.
struct Filler<'a> {
    leaflet: &'a Leaflet,
    lang: &'a Lang,
    translated: &'a HashMap<&'a str, &'a str>,
    source_bundle: Bundle,
    target_bundle: Option<Bundle>,
    args: FluentArgs<'static>,
    source_args: FluentArgs<'static>,
    diags: Vec<Diagnostic>,
}

impl Filler<'_> {
    fn fill(&mut self, text: &mut Text) {
        if text.id.is_empty() {
            return;
        }
        let message = self.target_bundle.as_ref().and(self.translated.get(text.id.as_str()).copied());
        let (bundle, file, is_fallback, id) = match (&self.target_bundle, message) {
            (Some(b), Some(id)) => {
                (b, Project::catalog_file(self.lang, &self.leaflet.slug), false, id.to_string())
            }
            _ => (
                &self.source_bundle,
                self.leaflet.file.clone(),
                self.target_bundle.is_some(),
                text.id.clone(),
            ),
        };
        let args = if is_fallback { &self.source_args } else { &self.args };
        let (formatted, errors) = format(bundle, &id, args);
        if is_fallback {
            // Problems of the source text show once, in the source language's pass; here
            // only that the fallback cannot be completed either.
            if let Some(e) = errors.first() {
                self.diags.push(
                    Diagnostic::error(
                        Kind::Invalid,
                        &file,
                        format!("`{id}` is shown in the source language here, and its text cannot be completed: {e}"),
                    )
                    .id(&id)
                    .hint("fix the source language's error for this text"),
                );
            }
        } else {
            self.diags.extend(errors.iter().map(|e| resolver_error(&file, &id, e)));
        }
        let diags = &mut self.diags;
        text.inlines = inlines(&formatted, &mut |url| {
            diags.push(
                Diagnostic::warning(
                    Kind::UnsafeLink,
                    &file,
                    format!("`{}`: the link to `{url}` is shown as plain text", text.id),
                )
                .id(&text.id)
                .hint("links may use https:, http:, mailto: or tel:, or point inside the site"),
            );
        });
        text.fallback = is_fallback;
    }
}

/// A pattern that fluent-bundle could not complete: an error, never a page with `{$name}`.
fn resolver_error(file: &str, id: &str, error: &str) -> Diagnostic {
    Diagnostic::error(Kind::Invalid, file, format!("`{id}`: {error}"))
        .id(id)
        .hint("check the placeables: variables come from the leaflet's [variables], terms from terms.ftl")
}

/// A variable as the facts show it. A value that is a link: a bare web address shows as
/// itself without `https://`, `www.` and a closing `/` (`union.example.org/join`), a
/// Markdown link `[Sign up](https://...)` as its text. An address `safe_url` refuses, or
/// any other value, stays text.
fn fact(name: &str, value: String, label: Option<String>) -> Variable {
    let (shown, link) = link_text(&value).map_or((value, None), |(t, u)| (t, Some(u)));
    let dir = crate::document::text_direction(&shown);
    Variable { name: name.to_string(), value: shown, dir, label, link }
}

/// The text and address of a value that is a link, or None.
fn link_text(value: &str) -> Option<(String, String)> {
    let v = value.trim();
    let (text, url) = match v.strip_prefix('[').and_then(|r| r.split_once("](")) {
        Some((text, rest)) => (text.trim().to_string(), rest.strip_suffix(')')?.trim()),
        None => {
            let bare = v.strip_prefix("https://").or_else(|| v.strip_prefix("http://"))?;
            let bare = bare.strip_prefix("www.").unwrap_or(bare);
            (bare.strip_suffix('/').unwrap_or(bare).to_string(), v)
        }
    };
    let web = ["https://", "http://", "mailto:"].iter().any(|s| url.starts_with(s));
    let ok = web && !text.is_empty() && !url.contains(char::is_whitespace) && safe_url(url);
    ok.then(|| (text, url.to_string()))
}

/// The document of `leaflet` in `lang`, but for its title and blocks (filled apart).
fn document(project: &Project, leaflet: &Leaflet, lang: &Lang, shown: usize) -> Document {
    let config = &project.config;
    let source = &config.source;
    let ui = crate::project::ui::resolve(project, lang);
    let mut variables = leaflet
        .variables_for(lang.as_str())
        .into_iter()
        .map(|(name, v)| {
            let value = display_value(v, lang);
            let label = ui.label(name).map(str::to_string);
            fact(name, value, label)
        })
        .collect::<Vec<_>>();
    // The facts in the order the front matter gives them.
    variables.sort_by_key(|v| leaflet.variable_order.iter().position(|n| *n == v.name));
    let total = leaflet.units.len();
    Document {
        slug: leaflet.slug.clone(),
        lang: lang.to_string(),
        dir: lang.direction(),
        lang_name: lang.native_name(),
        source_lang: source.to_string(),
        source_dir: source.direction(),
        paper: leaflet.paper.unwrap_or(config.paper),
        fit: leaflet.fit.unwrap_or(config.fit),
        title: Text::slot(String::new()),
        blocks: Vec::new(),
        variables,
        translated: if lang == source { total } else { shown },
        total,
        ui,
        short: leaflet.short.clone(),
        poster: leaflet.poster.clone(),
        event_over: crate::status::expiry::is_over(leaflet, crate::status::expiry::today()),
    }
}

/// Names the leaflet and language of each problem and puts it at its unit's or
/// message's line; sorted, each once.
fn place(project: &Project, leaflet: &Leaflet, lang: &Lang, diags: &mut Vec<Diagnostic>) {
    let catalog = project.catalog(lang, &leaflet.slug);
    for d in diags.iter_mut() {
        d.leaflet = Some(leaflet.slug.clone());
        d.lang = Some(lang.to_string());
        let id = d.id.clone().unwrap_or_default();
        let at = if d.file == leaflet.file {
            leaflet.unit(&id).map(|u| (u.line, u.column))
        } else {
            catalog.and_then(|c| c.message(&id)).map(|m| (m.line, m.column))
        };
        if let Some(at) = at {
            d.line = at.0;
            d.column = at.1;
        }
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

type Bundle = FluentBundle<FluentResource>;

fn new_bundle(lang: &Lang) -> Bundle {
    let mut b = FluentBundle::new(vec![lang.id()]);
    // Isolation marks go around variable values and term values only (see `arguments`
    // and `isolate_terms`), not around a select expression's result, which is text.
    b.set_use_isolating(false);
    // Registering the built-in functions into a new bundle cannot clash with anything.
    let _ = b.add_builtins();
    let _ = b.add_function("DATETIME", dates::datetime_function(lang.clone(), isolated));
    b
}

/// A value as a variable's text reaches the pattern: Markdown-escaped, isolated.
fn isolated(text: &str) -> String {
    format!("{FSI}{}{PDI}", escape_markdown(text))
}

fn add_text(bundle: &mut Bundle, text: String) {
    let res = FluentResource::try_new(text).unwrap_or_else(|(res, _)| res);
    bundle.add_resource_overriding(res);
}

fn add_catalog(bundle: &mut Bundle, catalog: Option<&Catalog>) {
    if let Some(c) = catalog {
        add_text(bundle, isolate_terms(&c.text));
    }
}

/// fluent-bundle isolates variables but not terms; a term's value (the union's name,
/// "JFK8") must stay whole inside right-to-left text too, so each term's value is
/// wrapped in isolation marks here.
fn isolate_terms(text: &str) -> String {
    use fluent_syntax::ast::{Entry, PatternElement};
    if !text.contains("\n-") && !text.starts_with('-') {
        return text.to_string();
    }
    let mut resource = match fluent_syntax::parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    for entry in &mut resource.body {
        if let Entry::Term(term) = entry {
            term.value.elements.insert(0, PatternElement::TextElement { value: "\u{2068}" });
            term.value.elements.push(PatternElement::TextElement { value: "\u{2069}" });
        }
    }
    fluent_syntax::serializer::serialize(&resource)
}

/// The source language's bundle: glossary plus one message per unit.
fn source_bundle(project: &Project, leaflet: &Leaflet) -> Bundle {
    let source = &project.config.source;
    let mut b = new_bundle(source);
    add_catalog(&mut b, project.terms.get(source));
    let mut ftl = String::new();
    for u in &leaflet.units {
        ftl.push_str(&u.id);
        ftl.push_str(" = ");
        ftl.push_str(&u.fluent_pattern());
        ftl.push('\n');
    }
    add_text(&mut b, ftl);
    b
}

fn target_bundle(project: &Project, leaflet: &Leaflet, lang: &Lang) -> Bundle {
    let mut b = new_bundle(lang);
    add_catalog(&mut b, project.terms.get(lang));
    add_catalog(&mut b, project.catalog(lang, &leaflet.slug));
    b
}

fn arguments(leaflet: &Leaflet, lang: &Lang) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (name, value) in leaflet.variables_for(lang.as_str()) {
        let v = match value {
            // Numbers stay numbers, so plural selection works; digits need no isolation.
            VarValue::Number(n) => FluentValue::from(*n),
            // A date stays a date, so DATETIME can format it with its options.
            VarValue::Date { year, month, day } => FluentValue::Custom(Box::new(dates::DateArg {
                year: *year,
                month: *month,
                day: *day,
                shown: isolated(&display_value(value, lang)),
            })),
            other => FluentValue::from(isolated(&display_value(other, lang))),
        };
        args.set(name.to_string(), v);
    }
    args
}

/// The message `id` formatted, and what fluent-bundle could not resolve in it.
fn format(bundle: &Bundle, id: &str, args: &FluentArgs) -> (String, Vec<String>) {
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return (String::new(), Vec::new());
    };
    let mut errors = Vec::new();
    let mut out = bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
    // fluent-bundle writes a function it does not know as `{NAME()}`; that is never text
    // for a worker to read (check reports it at its line, and the page is not built).
    for e in &errors {
        use fluent_bundle::resolver::{ResolverError, errors::ReferenceKind};
        if let fluent_bundle::FluentError::ResolverError(ResolverError::Reference(
            ReferenceKind::Function { id },
        )) = e
        {
            out = out.replace(&format!("{{{id}()}}"), "");
        }
    }
    (out, errors.iter().map(ToString::to_string).collect())
}

/// A variable's value as shown in `lang`: dates in the language's own format.
pub fn display_value(v: &VarValue, lang: &Lang) -> String {
    match v {
        VarValue::Date { year, month, day } => format_date(*year, *month, *day, lang),
        other => other.display(),
    }
}

/// A date in the language's own CLDR long format, Gregorian calendar (a meeting in New
/// York is on a Gregorian day whatever the reader's language): `December 3, 2026`,
/// `3 de diciembre de 2026`, `2026年12月3日`, `3 ديسمبر 2026`. Digits follow the tag
/// (`ar-u-nu-arab` -> `٣ ديسمبر ٢٠٢٦`). CLDR has no Haitian Creole: its month names are
/// written here; any other language CLDR lacks gets the unambiguous `2026-12-03`.
fn format_date(year: u16, month: u8, day: u8, lang: &Lang) -> String {
    // Building a CLDR formatter loads data: a build formats the same few dates in each
    // language for every leaflet, so each result is kept.
    type Key = (String, u16, u8, u8);
    static DONE: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<Key, String>>> =
        std::sync::LazyLock::new(Default::default);
    let key = (lang.as_str().to_string(), year, month, day);
    if let Some(text) = DONE.lock().ok().and_then(|done| done.get(&key).cloned()) {
        return text;
    }
    let text = format_date_cldr(year, month, day, lang);
    if let Ok(mut done) = DONE.lock() {
        done.insert(key, text.clone());
    }
    text
}

fn format_date_cldr(year: u16, month: u8, day: u8, lang: &Lang) -> String {
    use icu_datetime::{FixedCalendarDateTimeFormatter, fieldsets::YMD};
    let iso = format!("{year:04}-{month:02}-{day:02}");
    if lang.primary() == "ht" {
        const M: [&str; 12] = [
            "janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm",
            "desanm",
        ];
        return format!("{day} {} {year}", M[usize::from(month.clamp(1, 12)) - 1]);
    }
    let Ok(date) = icu_calendar::Date::try_new_gregorian(i32::from(year), month, day) else { return iso };
    let format = |locale: icu_locale::Locale| {
        FixedCalendarDateTimeFormatter::<icu_calendar::Gregorian, _>::try_new(locale.into(), YMD::long())
            .ok()
            .map(|f| f.format(&date).to_string())
    };
    let own = format(lang.cldr_locale());
    // A language without CLDR data gets the root locale's pattern ("2026 M12 3"), which
    // is nobody's format.
    let root = format(icu_locale::Locale::UNKNOWN);
    match own {
        Some(text) if Some(&text) != root.as_ref() => text,
        _ => iso,
    }
}

/// Backslash-escapes ASCII punctuation so a variable's value is never read as Markdown.
fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub use crate::status::links::safe_url;

/// Parses formatted inline Markdown into [`Inline`]s. Block syntax at the start of the
/// text (`# `, `- `, `1. `, `> `) stays literal; raw HTML stays text; unsafe links
/// become their text and are reported through `unsafe_link`.
pub fn inlines(text: &str, unsafe_link: &mut dyn FnMut(&str)) -> Vec<Inline> {
    let flat = crate::source::normalize(text, false);
    let md = guard_block_syntax(&flat);
    let mut builder = InlineBuilder::default();
    for event in Parser::new_ext(&md, Options::ENABLE_STRIKETHROUGH) {
        builder.event(event, unsafe_link);
    }
    builder.finish()
}

/// Escapes a leading character that would turn the text into a block (heading, list,
/// quote, code fence, thematic break, table).
fn guard_block_syntax(text: &str) -> String {
    let first = text.chars().next();
    let ordered = {
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && text[digits..].starts_with(['.', ')'])
    };
    if ordered {
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    match first {
        Some('#' | '>' | '-' | '+' | '*' | '=' | '`' | '~' | '|' | '_' | '<') => format!("\\{text}"),
        _ => text.to_string(),
    }
}

#[derive(Default)]
struct InlineBuilder {
    /// Open containers, innermost last; the bottom is the result.
    stack: Vec<(Option<Container>, Vec<Inline>)>,
    /// Text inside isolation marks, not yet closed.
    placeable: Option<String>,
    /// Open isolates whose content turned out to hold another isolate.
    demoted: usize,
}

#[derive(Debug)]
enum Container {
    Emph,
    Strong,
    Strike,
    Link(Option<String>),
}

impl InlineBuilder {
    fn top(&mut self) -> &mut Vec<Inline> {
        if self.stack.is_empty() {
            self.stack.push((None, Vec::new()));
        }
        &mut self.stack.last_mut().expect("just pushed").1
    }

    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            match c {
                // A control character (a Fluent escape such as `{ "\u0000" }`) is not
                // text: it never reaches a page or a PDF.
                c if c.is_control() => {}
                FSI => {
                    // An isolate inside another: the outer one is text around a value.
                    if let Some(outer) = self.placeable.take() {
                        self.push_plain(&outer);
                        self.demoted += 1;
                    }
                    self.placeable = Some(String::new());
                }
                PDI if self.placeable.is_some() => self.flush_placeable(),
                PDI => self.demoted = self.demoted.saturating_sub(1),
                c => match &mut self.placeable {
                    Some(p) => p.push(c),
                    None => match self.top().last_mut() {
                        Some(Inline::Text { text }) => text.push(c),
                        _ => self.top().push(Inline::Text { text: c.to_string() }),
                    },
                },
            }
        }
    }

    fn push_plain(&mut self, s: &str) {
        match self.top().last_mut() {
            Some(Inline::Text { text }) => text.push_str(s),
            _ => self.top().push(Inline::Text { text: s.to_string() }),
        }
    }

    fn flush_placeable(&mut self) {
        if let Some(p) = self.placeable.take()
            && !p.is_empty()
        {
            let dir = crate::document::text_direction(&p);
            self.top().push(Inline::Placeable { text: p, dir });
        }
    }

    fn open(&mut self, c: Container) {
        self.flush_placeable();
        self.top();
        // Past the nesting limit, markup adds no more levels (its text is kept), so a
        // translation cannot make the document deeper than renderers can take.
        let c = if self.stack.len() > crate::limits::MAX_NESTING { Container::Link(None) } else { c };
        self.stack.push((Some(c), Vec::new()));
    }

    fn close(&mut self) {
        self.flush_placeable();
        if self.stack.len() < 2 {
            return;
        }
        let (c, content) = self.stack.pop().expect("checked above");
        let inline = match c {
            Some(Container::Emph) => Inline::Emph { content },
            Some(Container::Strong) => Inline::Strong { content },
            Some(Container::Strike) => Inline::Strike { content },
            Some(Container::Link(Some(url))) => Inline::Link { url, content },
            Some(Container::Link(None)) | None => {
                self.top().extend(content);
                return;
            }
        };
        self.top().push(inline);
    }

    fn event(&mut self, event: Event, unsafe_link: &mut dyn FnMut(&str)) {
        match event {
            Event::Text(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => self.push_text(&t),
            Event::FootnoteReference(t) => self.push_text(&format!("[^{t}]")),
            Event::Code(t) => {
                self.flush_placeable();
                let text = t.chars().filter(|c| *c != FSI && *c != PDI).collect();
                self.top().push(Inline::Code { text });
            }
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => {
                self.flush_placeable();
                self.top().push(Inline::Break);
            }
            Event::Start(Tag::Emphasis) => self.open(Container::Emph),
            Event::Start(Tag::Strong) => self.open(Container::Strong),
            Event::Start(Tag::Strikethrough) => self.open(Container::Strike),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url: String = dest_url.chars().filter(|c| *c != FSI && *c != PDI).collect();
                if safe_url(&url) {
                    self.open(Container::Link(Some(url)));
                } else {
                    unsafe_link(&url);
                    self.open(Container::Link(None));
                }
            }
            Event::Start(Tag::Image { .. }) => self.open(Container::Link(None)),
            Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image,
            ) => self.close(),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::Rule => self.push_text("---"),
            Event::Start(_) | Event::End(_) => {}
        }
    }

    fn finish(mut self) -> Vec<Inline> {
        self.flush_placeable();
        while self.stack.len() > 1 {
            self.close();
        }
        let mut out = self.stack.pop().map(|(_, v)| v).unwrap_or_default();
        trim_edges(&mut out);
        out
    }
}

fn trim_edges(out: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = out.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = out.last_mut() {
        *text = text.trim_end().to_string();
    }
    out.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Vec<Inline> {
        inlines(s, &mut |_| {})
    }

    fn t(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    #[test]
    fn markup_and_placeables() {
        let got = parse("Nou kite **travay** a \u{2068}JFK8\u{2069}.");
        assert_eq!(
            got,
            [
                t("Nou kite "),
                Inline::Strong { content: vec![t("travay")] },
                t(" a "),
                Inline::Placeable { text: "JFK8".into(), dir: crate::lang::Direction::Ltr },
                t(".")
            ]
        );
    }

    #[test]
    fn nested_isolates_keep_the_inner_value_only() {
        let got = parse("a \u{2068}we have \u{2068}3\u{2069} rooms\u{2069} b");
        assert_eq!(
            got,
            [
                t("a we have "),
                Inline::Placeable { text: "3".into(), dir: crate::lang::Direction::Ltr },
                t(" rooms b")
            ]
        );
    }

    #[test]
    fn raw_html_stays_text() {
        assert_eq!(parse("<script>alert(1)</script> hi"), [t("<script>alert(1)</script> hi")]);
        assert_eq!(parse("a <b onclick=x>b</b>"), [t("a <b onclick=x>b</b>")]);
    }

    #[test]
    fn unsafe_links_become_text() {
        let mut seen = Vec::new();
        let got =
            inlines("[click](javascript:alert(1)) [ok](https://x.org)", &mut |u| seen.push(u.to_string()));
        assert_eq!(got[0], t("click "));
        assert!(matches!(&got[1], Inline::Link { url, .. } if url == "https://x.org"));
        assert_eq!(seen, ["javascript:alert(1)"]);
    }

    #[test]
    fn url_safety() {
        for ok in
            ["https://a.org", "http://a", "mailto:a@b", "tel:+1718", "/x", "x.html", "#top", "page?a=b:c"]
        {
            assert!(safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:x",
            "JaVaScRiPt:x",
            "java\tscript:x",
            " javascript:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc",
            "//evil.example/x",
            " //evil",
            "\\\\evil/x",
            "/\\evil",
        ] {
            assert!(!safe_url(bad), "{bad}");
        }
    }

    #[test]
    fn deep_markup_in_a_translation_stays_within_the_nesting_limit() {
        fn depth(items: &[Inline]) -> usize {
            items
                .iter()
                .map(|i| match i {
                    Inline::Emph { content }
                    | Inline::Strong { content }
                    | Inline::Strike { content }
                    | Inline::Link { content, .. } => 1 + depth(content),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        let deep = format!("{}x{}", "*a _b ".repeat(3000), "_ a*".repeat(3000));
        let got = parse(&deep);
        assert!(depth(&got) <= crate::limits::MAX_NESTING + 1, "{}", depth(&got));
        assert!(
            crate::document::Text { id: String::new(), inlines: got, fallback: false }.plain().contains('x')
        );
    }

    #[test]
    fn control_characters_never_reach_the_document() {
        assert_eq!(parse("a\u{0}b\u{1b}[2Jc\u{85}"), [t("ab[2Jc")]);
    }

    #[test]
    fn block_syntax_stays_literal() {
        assert_eq!(parse("# not a heading"), [t("# not a heading")]);
        assert_eq!(parse("1. not a list"), [t("1. not a list")]);
        assert_eq!(parse("> not a quote"), [t("> not a quote")]);
    }

    #[test]
    fn escaped_values_stay_text() {
        let v = escape_markdown("*Hall* [B] <i>");
        assert_eq!(
            parse(&format!("\u{2068}{v}\u{2069}")),
            [Inline::Placeable { text: "*Hall* [B] <i>".into(), dir: crate::lang::Direction::Ltr }]
        );
    }

    #[test]
    fn dates_in_each_language() {
        let d = |t: &str| format_date(2026, 12, 3, &Lang::parse(t).unwrap());
        assert_eq!(d("en"), "December 3, 2026");
        assert_eq!(d("es"), "3 de diciembre de 2026");
        assert_eq!(d("ht"), "3 desanm 2026");
        assert_eq!(d("fr"), "3 décembre 2026");
        assert_eq!(d("ar"), "3 ديسمبر 2026");
        assert_eq!(d("ar-u-nu-arab"), "٣ ديسمبر ٢٠٢٦");
        assert_eq!(d("zh-Hans"), "2026年12月3日");
        assert_eq!(d("vi"), "3 tháng 12 2026");
        assert_eq!(d("fa"), "۳ دسامبر ۲۰۲۶");
        assert_eq!(d("vai"), "2026-12-03", "no CLDR data: ISO 8601, not the root pattern");
    }
}
