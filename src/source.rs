//! Source leaflets: `content/<slug>.md` -> [`Leaflet`]: front matter, translation units
//! with stable IDs and positions, and the block skeleton the renderers fill.
//!
//! Units are headings, paragraphs, list items, block-quote paragraphs, table cells and
//! image alt texts. A unit's text is its Markdown as written (inline markup kept,
//! whitespace collapsed). IDs are readable and positional within a section:
//! `title`, a heading's slug or pinned `{#id}`, then `<section>-p1`, `-li2`, `-q1`,
//! `-img1`, `-table1-r2-c1`. Editing a paragraph never changes another unit's ID.

use crate::config::Paper;
use crate::diag::{Diagnostic, Kind, line_col};
use crate::document::{Align, Block, Text};
use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// What kind of Markdown element a unit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    Title,
    Heading,
    Paragraph,
    ListItem,
    Quote,
    TableCell,
    ImageAlt,
}

/// A Fluent reference inside a text: `{ $date }`, `{ -union-name }`, `{ other-message }`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ref {
    Var(String),
    Term(String),
    Message(String),
}

impl std::fmt::Display for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ref::Var(v) => write!(f, "{{ ${v} }}"),
            Ref::Term(t) => write!(f, "{{ -{t} }}"),
            Ref::Message(m) => write!(f, "{{ {m} }}"),
        }
    }
}

/// One translation unit of the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub kind: UnitKind,
    /// The Markdown text, whitespace collapsed: what `# en:` records.
    pub text: String,
    /// Byte offset of the unit in the file.
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    pub refs: BTreeSet<Ref>,
}

impl Unit {
    /// The unit's text as a Fluent pattern (literal braces quoted).
    pub fn fluent_pattern(&self) -> String {
        to_fluent(&self.text)
    }

    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// A variable's value from `[variables]`.
#[derive(Debug, Clone, PartialEq)]
pub enum VarValue {
    Text(String),
    Number(f64),
    /// A TOML date (`2026-12-03`), formatted in each language's own way.
    Date { year: u16, month: u8, day: u8 },
}

impl VarValue {
    pub fn display(&self) -> String {
        match self {
            VarValue::Text(t) => t.clone(),
            VarValue::Number(n) => n.to_string(),
            VarValue::Date { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
        }
    }
}

/// A source leaflet, parsed.
#[derive(Debug, Clone)]
pub struct Leaflet {
    pub slug: String,
    /// Path relative to the project (`content/walkout.md`).
    pub file: String,
    pub title: Option<String>,
    pub paper: Option<Paper>,
    pub variables: BTreeMap<String, VarValue>,
    /// `[variables.<lang>]`: values that differ in one language (a place name, say),
    /// by canonical language tag.
    pub variable_overrides: BTreeMap<String, BTreeMap<String, VarValue>>,
    pub units: Vec<Unit>,
    /// The block skeleton; its slots are filled by `localize`.
    pub blocks: Vec<Block>,
    /// ID of the unit that titles the document (`title`, else the first heading).
    pub title_id: Option<String>,
    /// `[variables.<lang>]` tables by language tag as written, with their position, so
    /// the project can tell which name a language it does not have.
    pub override_positions: Vec<(String, (usize, usize))>,
    /// Unit index by ID: status, sync and localize look units up once per message.
    index: HashMap<String, usize>,
    /// A hash (BLAKE3, hex) of the text [`parse_leaflet`] read, which with the slug and
    /// path decides every other field. Empty for a leaflet made another way.
    pub digest: String,
}

impl Leaflet {
    /// A leaflet whose file could not be read: no text, so nothing is built or synced
    /// for it, and its translations are kept as they are.
    pub fn unreadable(slug: &str, file: &str) -> Leaflet {
        Leaflet {
            slug: slug.to_string(),
            file: file.to_string(),
            title: None,
            paper: None,
            variables: BTreeMap::new(),
            variable_overrides: BTreeMap::new(),
            units: Vec::new(),
            blocks: Vec::new(),
            title_id: None,
            override_positions: Vec::new(),
            index: HashMap::new(),
            digest: String::new(),
        }
    }

    /// A leaflet of these units and nothing else (for tests and tools that make units
    /// themselves).
    pub fn from_units(slug: &str, file: &str, units: Vec<Unit>) -> Leaflet {
        let mut leaflet = Leaflet::unreadable(slug, file);
        leaflet.index = units.iter().enumerate().map(|(i, u)| (u.id.clone(), i)).collect();
        leaflet.units = units;
        leaflet
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        match self.index.get(id) {
            Some(&i) => self.units.get(i).filter(|u| u.id == id),
            // A leaflet whose units were changed after parsing: look for it.
            None if self.index.len() != self.units.len() => self.units.iter().find(|u| u.id == id),
            None => None,
        }
    }

    /// The leaflet's variables as one language sees them (its own values first).
    pub fn variables_for(&self, lang: &str) -> BTreeMap<&str, &VarValue> {
        let own = self.variable_overrides.get(lang);
        self.variables.iter().map(|(k, v)| (k.as_str(), own.and_then(|o| o.get(k)).unwrap_or(v))).collect()
    }
}

/// Parses a leaflet. Problems come back as diagnostics beside the (possibly partial)
/// leaflet; a leaflet with an error diagnostic should not be rendered.
pub fn parse_leaflet(slug: &str, file: &str, text: &str) -> (Leaflet, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut leaflet = Leaflet::unreadable(slug, file);
    leaflet.digest = blake3::hash(text.as_bytes()).to_hex().to_string();
    if let Err(d) = crate::limits::check_file(file, text) {
        diags.push(d);
        return (leaflet, owned_by(slug, diags));
    }
    let body_start = match split_front_matter(file, text) {
        Ok(None) => 0,
        Ok(Some((front, body_start))) => {
            match parse_front_matter(file, text, front) {
                Ok(fm) => {
                    leaflet.title = fm.title;
                    leaflet.paper = fm.paper;
                    leaflet.variables = fm.variables;
                    leaflet.variable_overrides = fm.overrides;
                    leaflet.override_positions = fm.override_positions;
                }
                Err(d) => diags.push(d),
            }
            body_start
        }
        Err(d) => {
            diags.push(d);
            return (leaflet, owned_by(slug, diags));
        }
    };
    let mut ids = IdGen::default();
    if let Some(title) = &leaflet.title {
        let offset = text.find(title.as_str()).unwrap_or(0);
        leaflet.units.push(make_unit("title".into(), UnitKind::Title, normalize(title, false), line_col(text, offset), offset));
        leaflet.title_id = Some("title".into());
        ids.used.insert("title".into());
    }
    let mut p = BodyParser::new(text, body_start, ids);
    p.file = file.to_string();
    if let Err(d) = p.check_limits() {
        diags.push(d);
        return (leaflet, owned_by(slug, diags));
    }
    leaflet.blocks = p.blocks(None);
    leaflet.units.extend(p.units);
    diags.extend(p.diags);
    leaflet.index = leaflet.units.iter().enumerate().map(|(i, u)| (u.id.clone(), i)).collect();
    unit_limits(&leaflet, &mut diags);
    if leaflet.title_id.is_none() {
        leaflet.title_id = leaflet.units.iter().find(|u| u.kind == UnitKind::Heading).map(|u| u.id.clone());
    }
    if leaflet.units.is_empty() {
        diags.push(
            Diagnostic::error(Kind::Source, file, "the leaflet has no text to translate")
                .at((1, 1))
                .hint("write the leaflet in Markdown, or delete the empty file"),
        );
    }
    for unit in &leaflet.units {
        for r in &unit.refs {
            if let Ref::Var(v) = r {
                if !leaflet.variables.contains_key(v) {
                    diags.push(
                        Diagnostic::error(Kind::Source, file, format!("`{r}` has no value: the front matter has no `{v}` in [variables]"))
                            .at((unit.line, unit.column))
                            .id(&unit.id)
                            .hint(format!("add `{v} = \"...\"` under [variables] in the front matter, or remove the placeable")),
                    );
                }
            }
        }
    }
    (leaflet, owned_by(slug, diags))
}

/// Every diagnostic of a leaflet names it, whatever path returned it: that is how
/// `Project::leaflet_ok` knows the leaflet is broken (and sync and status keep its
/// translations rather than call them obsolete).
fn owned_by(slug: &str, mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    for d in &mut diags {
        d.leaflet = Some(slug.to_string());
    }
    diags
}

/// No more units than the limit, and none longer than the limit.
fn unit_limits(leaflet: &Leaflet, diags: &mut Vec<Diagnostic>) {
    use crate::limits::{MAX_UNITS, text_too_long};
    if let Some(u) = leaflet.units.get(MAX_UNITS) {
        diags.push(
            Diagnostic::error(Kind::Source, &leaflet.file, format!("the leaflet has {} pieces of text, more than tradui's limit of {MAX_UNITS}", leaflet.units.len()))
                .at((u.line, u.column))
                .hint("split it into several leaflets"),
        );
    }
    for u in &leaflet.units {
        if let Some(d) = text_too_long(&leaflet.file, || format!("`{}`", u.id), u.text.len(), (u.line, u.column)) {
            diags.push(Diagnostic { kind: Kind::Source, ..d.id(&u.id) });
        }
    }
}

fn make_unit(id: String, kind: UnitKind, text: String, (line, column): (usize, usize), offset: usize) -> Unit {
    let refs = placeables(&text).into_iter().map(|(_, r)| r).collect();
    Unit { id, kind, text, offset, line, column, refs }
}

// ---------------------------------------------------------------------------------------
// Front matter

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    title: Option<String>,
    paper: Option<Paper>,
    #[serde(default)]
    variables: BTreeMap<String, toml::Value>,
}

struct FrontMatter {
    title: Option<String>,
    paper: Option<Paper>,
    variables: BTreeMap<String, VarValue>,
    overrides: BTreeMap<String, BTreeMap<String, VarValue>>,
    override_positions: Vec<(String, (usize, usize))>,
}

/// Finds TOML front matter between `+++` lines: returns its byte range and where the body
/// starts, or None when the file has none.
fn split_front_matter(file: &str, text: &str) -> Result<Option<(Range<usize>, usize)>, Diagnostic> {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() == "---" {
        return Err(Diagnostic::error(Kind::Source, file, "front matter must be TOML between `+++` lines, not YAML between `---`")
            .at((1, 1))
            .hint("write the front matter as TOML (`title = \"...\"`) and put `+++` on the first and closing lines"));
    }
    if first_line.trim_end() != "+++" {
        return Ok(None);
    }
    let start = first_line.len() + if text[first_line.len()..].starts_with("\r\n") { 2 } else { 1 };
    let mut pos = start.min(text.len());
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == "+++" {
            return Ok(Some((start..pos, (end + 1).min(text.len()))));
        }
        pos = end + 1;
    }
    Err(Diagnostic::error(Kind::Source, file, "the front matter opened on line 1 never closes")
        .at((1, 1))
        .hint("add a line with just `+++` after the last front-matter setting"))
}

fn parse_front_matter(file: &str, text: &str, range: Range<usize>) -> Result<FrontMatter, Diagnostic> {
    let front = &text[range.clone()];
    let raw: RawFront = toml::from_str(front).map_err(|e| {
        let offset = range.start + e.span().map_or(0, |s| s.start);
        Diagnostic::error(Kind::Source, file, format!("front matter: {}", e.message().trim().replace('\n', " ")))
            .at_offset(text, offset)
            .hint("the front matter knows `title`, `paper` (\"letter\" or \"a4\") and a [variables] table")
    })?;
    let at = |name: &str| text[range.clone()].find(name).map_or(range.start, |i| range.start + i);
    let mut variables = BTreeMap::new();
    let mut by_lang = Vec::new();
    for (name, value) in raw.variables {
        match value {
            // `[variables.es]`: values for one language.
            toml::Value::Table(table) if crate::lang::Lang::parse(&name).is_ok() => by_lang.push((name, table)),
            value => {
                let v = var_value(file, text, at(&name), &name, value)?;
                variables.insert(name, v);
            }
        }
    }
    let mut overrides = BTreeMap::new();
    let mut override_positions = Vec::new();
    for (tag, table) in by_lang {
        let header = text[range.clone()].find(&format!("variables.{tag}")).map_or_else(|| at(&tag), |i| range.start + i);
        override_positions.push((tag.clone(), line_col(text, header)));
        let lang = crate::lang::Lang::parse(&tag).expect("checked above").to_string();
        let mut values = BTreeMap::new();
        for (name, value) in table {
            if !variables.contains_key(&name) {
                return Err(Diagnostic::error(Kind::Source, file, format!("[variables.{tag}] sets `{name}`, which [variables] does not define"))
                    .at_offset(text, at(&name))
                    .hint(format!("give `{name}` a value under [variables] first; [variables.{tag}] only changes it for one language")));
            }
            values.insert(name.clone(), var_value(file, text, at(&name), &name, value)?);
        }
        overrides.insert(lang, values);
    }
    Ok(FrontMatter { title: raw.title, paper: raw.paper, variables, overrides, override_positions })
}

fn var_value(file: &str, text: &str, at: usize, name: &str, value: toml::Value) -> Result<VarValue, Diagnostic> {
    if !is_identifier(name) {
        return Err(Diagnostic::error(Kind::Source, file, format!("variable name `{name}` cannot be used in a placeable"))
            .at_offset(text, at)
            .hint("start variable names with a letter and use only letters, digits, `-` and `_`"));
    }
    Ok(match value {
        toml::Value::String(s) if s.contains(char::is_control) => {
            return Err(Diagnostic::error(Kind::Source, file, format!("variable `{name}` holds a control character (written as an escape such as \\u0000), which is not text"))
                .at_offset(text, at)
                .hint("remove the escape from the value"));
        }
        toml::Value::String(s) => VarValue::Text(s),
        // Beyond 2^53 a number would be shown rounded: that is text, not a number.
        toml::Value::Integer(i) if i.unsigned_abs() > 1 << 53 => {
            return Err(Diagnostic::error(Kind::Source, file, format!("variable `{name}` is a number too large to show exactly ({i})"))
                .at_offset(text, at)
                .hint(format!("write it in quotes, as text: `{name} = \"{i}\"`")));
        }
        toml::Value::Integer(i) => VarValue::Number(i as f64),
        toml::Value::Float(f) => VarValue::Number(f),
        toml::Value::Boolean(b) => VarValue::Text(b.to_string()),
        toml::Value::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), None) => VarValue::Date { year: d.year, month: d.month, day: d.day },
            // A time (and a zone) would be shown as TOML writes it, `18:00:00-05:00`,
            // in every language: say so rather than print that.
            _ => {
                return Err(Diagnostic::error(Kind::Source, file, format!("variable `{name}` is a TOML time or date-time ({dt}), which tradui cannot show in each language's way"))
                    .at_offset(text, at)
                    .hint(format!("give the date alone (`{name} = 2026-12-03`) and the time as text in quotes (`time = \"6 p.m.\"`)")));
            }
        },
        _ => {
            return Err(Diagnostic::error(Kind::Source, file, format!("variable `{name}` must be text, a number or a date"))
                .at_offset(text, at)
                .hint("write the value in quotes, e.g. `place = \"Union hall, 2nd floor\"`; a table is only for one language's values, as [variables.es]"));
        }
    })
}


// ---------------------------------------------------------------------------------------
// Markdown body

#[derive(Default)]
struct IdGen {
    used: BTreeSet<String>,
    section: String,
    counters: HashMap<String, usize>,
    /// The next suffix to try for a heading slug already taken (so that many equal
    /// headings cost linear time, not quadratic).
    next_suffix: HashMap<String, usize>,
}

impl IdGen {
    fn heading(&mut self, pinned: Option<&str>, text: &str) -> String {
        let base = match pinned {
            Some(p) => p.to_string(),
            None => slug(text),
        };
        let mut id = base.clone();
        let n = self.next_suffix.entry(base.clone()).or_insert(2);
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.used.insert(id.clone());
        self.section = id.clone();
        self.counters.clear();
        id
    }

    fn next(&mut self, kind: &str) -> String {
        let section = if self.section.is_empty() { "intro" } else { &self.section };
        let n = self.counters.entry(kind.to_string()).or_insert(0);
        *n += 1;
        let id = format!("{section}-{kind}{n}");
        self.used.insert(id.clone());
        id
    }
}

/// A readable ID from heading text: `Know your rights at work!` -> `know-your-rights-at-work`.
pub fn slug(text: &str) -> String {
    let text = strip_markup_for_slug(text);
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_lowercase());
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words.truncate(5);
    let s = words.join("-");
    match s.chars().next() {
        None => "section".to_string(),
        Some(c) if !c.is_ascii_alphabetic() => format!("h-{s}"),
        _ => s,
    }
}

fn strip_markup_for_slug(text: &str) -> String {
    // Placeables carry no meaning for a heading's name.
    let mut out = text.to_string();
    for (range, _) in placeables(text).into_iter().rev() {
        out.replace_range(range, " ");
    }
    out
}

/// Is `s` a Fluent identifier (`[a-zA-Z][a-zA-Z0-9_-]*`)?
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[derive(Clone, Copy, PartialEq)]
enum Container {
    Item,
    Quote,
}

struct BodyParser<'a> {
    text: &'a str,
    lines: crate::diag::LineIndex<'a>,
    events: Vec<(Event<'a>, Range<usize>)>,
    pos: usize,
    ids: IdGen,
    units: Vec<Unit>,
    diags: Vec<Diagnostic>,
    containers: Vec<Container>,
    file: String,
}

fn counts_as_nesting(t: &Tag) -> bool {
    matches!(t, Tag::List(_) | Tag::BlockQuote(_) | Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. } | Tag::FootnoteDefinition(_))
}

fn ends_nesting(t: TagEnd) -> bool {
    matches!(t, TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image | TagEnd::FootnoteDefinition)
}

fn is_inline(e: &Event) -> bool {
    match e {
        Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_) => true,
        Event::Html(_) => false,
        Event::Start(t) => matches!(
            t,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. } | Tag::Superscript | Tag::Subscript
        ),
        _ => false,
    }
}

impl<'a> BodyParser<'a> {
    fn new(text: &'a str, body_start: usize, ids: IdGen) -> Self {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let events = Parser::new_ext(&text[body_start..], options)
            .into_offset_iter()
            .map(|(e, r)| (e, r.start + body_start..r.end + body_start))
            .collect();
        BodyParser { text, lines: crate::diag::LineIndex::new(text), events, pos: 0, ids, units: Vec::new(), diags: Vec::new(), containers: Vec::new(), file: String::new() }
    }

    /// The nesting limit: lists, quotes, emphasis and links inside one another. Checked
    /// on the flat event list before the recursive descent, which it keeps shallow.
    fn check_limits(&self) -> Result<(), Diagnostic> {
        let mut depth = 0usize;
        for (e, r) in &self.events {
            match e {
                Event::Start(t) if counts_as_nesting(t) => {
                    depth += 1;
                    if depth > crate::limits::MAX_NESTING {
                        return Err(crate::limits::too_deep(Kind::Source, &self.file, self.text, r.start, "lists, quotes, emphasis and links are"));
                    }
                }
                Event::End(t) if ends_nesting(*t) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        Ok(())
    }

    fn peek(&self) -> Option<&Event<'a>> {
        self.events.get(self.pos).map(|(e, _)| e)
    }

    /// Parses blocks until the end tag `end` (consumed) or the end of input.
    fn blocks(&mut self, end: Option<TagEnd>) -> Vec<Block> {
        let mut out = Vec::new();
        while let Some((event, range)) = self.events.get(self.pos).cloned() {
            if let (Event::End(e), Some(want)) = (&event, end) {
                if *e == want {
                    self.pos += 1;
                    break;
                }
            }
            if end == Some(TagEnd::Item) && is_inline(&event) {
                // A tight list item: its text comes without a paragraph.
                if let Some(b) = self.text_block(None) {
                    out.push(b);
                }
                continue;
            }
            self.pos += 1;
            match event {
                Event::Start(Tag::Paragraph) => {
                    if let Some(b) = self.text_block(Some(TagEnd::Paragraph)) {
                        out.push(b);
                    }
                }
                Event::Start(Tag::Heading { level, .. }) => out.push(self.heading(level as u8)),
                Event::Start(Tag::BlockQuote(_)) => {
                    self.containers.push(Container::Quote);
                    let blocks = self.blocks(Some(TagEnd::BlockQuote(None)));
                    self.containers.pop();
                    out.push(Block::Quote { blocks });
                }
                Event::Start(Tag::List(start)) => out.push(self.list(start)),
                Event::Start(Tag::Table(align)) => out.push(self.table(&align)),
                Event::Start(Tag::CodeBlock(_)) => out.push(Block::Code { text: self.raw_until(TagEnd::CodeBlock) }),
                Event::Start(Tag::HtmlBlock) => {
                    let (line, column) = self.lines.line_col(range.start);
                    self.diags.push(
                        Diagnostic::warning(Kind::Source, self.file.clone(), "raw HTML is shown as text, never as markup")
                            .at((line, column))
                            .hint("write the content in Markdown instead"),
                    );
                    out.push(Block::Code { text: self.raw_until(TagEnd::HtmlBlock) });
                }
                Event::Rule => out.push(Block::Rule),
                Event::Start(_) => {
                    // Anything else (footnotes, metadata): skip to its end.
                    self.skip_to_matching_end();
                }
                _ => {}
            }
        }
        out
    }

    fn skip_to_matching_end(&mut self) {
        let mut depth = 1;
        while let Some((e, _)) = self.events.get(self.pos) {
            self.pos += 1;
            match e {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn raw_until(&mut self, end: TagEnd) -> String {
        let mut s = String::new();
        while let Some((e, _)) = self.events.get(self.pos) {
            self.pos += 1;
            match e {
                Event::End(x) if *x == end => break,
                Event::Text(t) | Event::Html(t) => s.push_str(t),
                _ => {}
            }
        }
        s
    }

    /// Collects inline events until `end` (consumed) or, with None, until a block-level
    /// event; returns the byte ranges of the top-level inline items.
    fn inline_items(&mut self, end: Option<TagEnd>) -> Vec<(Range<usize>, Option<(String, Range<usize>)>)> {
        let mut items = Vec::new();
        while let Some((e, r)) = self.events.get(self.pos).cloned() {
            match &e {
                Event::End(x) if Some(*x) == end => {
                    self.pos += 1;
                    break;
                }
                _ if end.is_none() && !is_inline(&e) => break,
                Event::Start(tag) => {
                    let image = if let Tag::Image { dest_url, .. } = tag { Some(dest_url.to_string()) } else { None };
                    self.pos += 1;
                    let inner_start = self.pos;
                    self.skip_to_matching_end();
                    let inner: Vec<Range<usize>> =
                        self.events[inner_start..self.pos - 1].iter().map(|(_, r)| r.clone()).collect();
                    let alt = match (inner.first(), inner.last()) {
                        (Some(a), Some(b)) => a.start..b.end,
                        _ => r.start..r.start,
                    };
                    items.push((r, image.map(|src| (src, alt))));
                }
                Event::End(_) => {
                    // An end we did not open: leave it to the caller.
                    break;
                }
                _ => {
                    self.pos += 1;
                    items.push((r, None));
                }
            }
        }
        items
    }

    fn unit_kind(&self) -> (&'static str, UnitKind) {
        match self.containers.last() {
            Some(Container::Item) => ("li", UnitKind::ListItem),
            Some(Container::Quote) => ("q", UnitKind::Quote),
            None => ("p", UnitKind::Paragraph),
        }
    }

    fn add_unit(&mut self, id: String, kind: UnitKind, range: Range<usize>) -> Text {
        let in_quote = self.containers.contains(&Container::Quote);
        let text = normalize(&self.text[range.clone()], in_quote);
        self.units.push(make_unit(id.clone(), kind, text, self.lines.line_col(range.start), range.start));
        Text::slot(id)
    }

    fn text_block(&mut self, end: Option<TagEnd>) -> Option<Block> {
        let items = self.inline_items(end);
        let (first, last) = (items.first()?.0.clone(), items.last()?.0.clone());
        if items.len() == 1 {
            if let Some((src, alt)) = &items[0].1 {
                let alt_text = if alt.is_empty() {
                    Text::slot("")
                } else {
                    let id = self.ids.next("img");
                    self.add_unit(id, UnitKind::ImageAlt, alt.clone())
                };
                return Some(Block::Image { src: src.clone(), alt: alt_text });
            }
        }
        let range = first.start..last.end;
        if self.text[range.clone()].trim().is_empty() {
            return None;
        }
        let (short, kind) = self.unit_kind();
        let id = self.ids.next(short);
        Some(Block::Paragraph { text: self.add_unit(id, kind, range) })
    }

    fn heading(&mut self, level: u8) -> Block {
        let end = self.events[self.pos..]
            .iter()
            .find_map(|(e, _)| if let Event::End(TagEnd::Heading(l)) = e { Some(*l) } else { None });
        let items = match end {
            Some(l) => self.inline_items(Some(TagEnd::Heading(l))),
            None => Vec::new(),
        };
        let Some(first) = items.first().map(|i| i.0.clone()) else {
            let id = self.ids.heading(None, "");
            return Block::Heading { level, anchor: id.clone(), text: Text::slot("") };
        };
        let last = items.last().map(|i| i.0.clone()).unwrap_or(first.clone());
        let raw = &self.text[first.start..last.end];
        let (body, pinned) = split_pinned_id(raw);
        if let Some(p) = pinned {
            if !is_identifier(p) {
                let offset = first.start + raw.find("{#").unwrap_or(0);
                self.diags.push(
                    Diagnostic::error(Kind::Source, self.file.clone(), format!("`{{#{p}}}` is not a usable message ID"))
                        .at(self.lines.line_col(offset))
                        .hint("start the ID with a letter and use only letters, digits, `-` and `_`"),
                );
            }
        }
        if let Some(p) = pinned.filter(|p| is_identifier(p) && self.ids.used.contains(*p)) {
            let offset = first.start + raw.find("{#").unwrap_or(0);
            self.diags.push(
                Diagnostic::error(Kind::Source, self.file.clone(), format!("the ID `{p}` is pinned here but already used earlier in the leaflet"))
                    .at(self.lines.line_col(offset))
                    .id(p)
                    .hint("pin a different ID: each `{#id}` must be unique, or translations would follow the wrong heading"),
            );
        }
        let id = self.ids.heading(pinned.filter(|p| is_identifier(p)), body);
        let range = first.start..first.start + body.len();
        let text = self.add_unit(id.clone(), UnitKind::Heading, range);
        Block::Heading { level, anchor: id, text }
    }

    fn list(&mut self, start: Option<u64>) -> Block {
        let mut items = Vec::new();
        while let Some(e) = self.peek() {
            match e {
                Event::Start(Tag::Item) => {
                    self.pos += 1;
                    self.containers.push(Container::Item);
                    items.push(self.blocks(Some(TagEnd::Item)));
                    self.containers.pop();
                }
                Event::End(TagEnd::List(_)) => {
                    self.pos += 1;
                    break;
                }
                _ => self.pos += 1,
            }
        }
        Block::List { ordered: start.is_some(), start: start.unwrap_or(1), items }
    }

    fn table(&mut self, align: &[Alignment]) -> Block {
        let k = self.ids.counters.entry("table".into()).or_insert(0);
        *k += 1;
        let k = *k;
        let section = if self.ids.section.is_empty() { "intro".to_string() } else { self.ids.section.clone() };
        let mut rows: Vec<Vec<Text>> = Vec::new();
        while let Some((e, _)) = self.events.get(self.pos).cloned() {
            self.pos += 1;
            match e {
                Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                    rows.push(Vec::new());
                            }
                Event::Start(Tag::TableCell) => {
                    let items = self.inline_items(Some(TagEnd::TableCell));
                    let (r, c) = (rows.len(), rows.last().map_or(0, |row| row.len()) + 1);
                    let id = format!("{section}-table{k}-r{r}-c{c}");
                    let slot = match (items.first(), items.last()) {
                        (Some(a), Some(b)) if !self.text[a.0.start..b.0.end].trim().is_empty() => {
                            self.ids.used.insert(id.clone());
                            self.add_unit(id, UnitKind::TableCell, a.0.start..b.0.end)
                        }
                        _ => Text::slot(""),
                    };
                    if let Some(row) = rows.last_mut() {
                        row.push(slot);
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        let header = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
        let align = align
            .iter()
            .map(|a| match a {
                Alignment::None => Align::None,
                Alignment::Left => Align::Left,
                Alignment::Center => Align::Center,
                Alignment::Right => Align::Right,
            })
            .collect();
        Block::Table { align, header, rows }
    }
}

/// Splits a trailing `{#id}` off heading text.
fn split_pinned_id(raw: &str) -> (&str, Option<&str>) {
    let trimmed = raw.trim_end();
    if let Some(open) = trimmed.rfind("{#") {
        if trimmed.ends_with('}') {
            let id = &trimmed[open + 2..trimmed.len() - 1];
            if !id.contains(char::is_whitespace) && !id.contains('{') {
                return (trimmed[..open].trim_end(), Some(id));
            }
        }
    }
    (trimmed, None)
}

/// Collapses whitespace (line breaks included) to single spaces; inside a block quote
/// also drops the `>` markers that continue the quote on each line.
pub fn normalize(text: &str, in_quote: bool) -> String {
    if is_normal(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut at_line_start = false;
    let mut pending_space = false;
    for c in text.chars() {
        if c == '\n' {
            at_line_start = true;
            pending_space = true;
            continue;
        }
        // Only ASCII whitespace collapses: a no-break space (French `Où :`) is text.
        if c.is_ascii_whitespace() {
            pending_space = true;
            continue;
        }
        if at_line_start && in_quote && c == '>' {
            pending_space = true;
            continue;
        }
        at_line_start = false;
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Is the text already normalised (single spaces, nothing at either end)?
fn is_normal(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first().is_some_and(u8::is_ascii_whitespace) || b.last().is_some_and(u8::is_ascii_whitespace) {
        return false;
    }
    !b.windows(2).any(|w| matches!(w[0], b'\n' | b'\t' | b'\r' | b'\x0c') || (w[0] == b' ' && w[1] == b' '))
}

/// The Fluent placeables of a source text: `{ $name }`, `{ -term }`. Any other brace is
/// a plain brace.
pub fn placeables(text: &str) -> Vec<(Range<usize>, Ref)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' {
            if let Some((len, r)) = placeable_at(&text[i..]) {
                out.push((i..i + len, r));
                i += len;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn placeable_at(s: &str) -> Option<(usize, Ref)> {
    let inner_start = 1 + s[1..].len() - s[1..].trim_start_matches([' ', '\t']).len();
    let rest = &s[inner_start..];
    let sigil = rest.chars().next()?;
    if sigil != '$' && sigil != '-' {
        return None;
    }
    let name_len = rest[1..]
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        .map_or(rest.len() - 1, |(i, _)| i);
    let name = &rest[1..1 + name_len];
    if !is_identifier(name) {
        return None;
    }
    let after = &rest[1 + name_len..];
    let close = after.len() - after.trim_start_matches([' ', '\t']).len();
    if !after[close..].starts_with('}') {
        return None;
    }
    let len = inner_start + 1 + name_len + close + 1;
    let r = if sigil == '$' { Ref::Var(name.to_string()) } else { Ref::Term(name.to_string()) };
    Some((len, r))
}

/// A source text as a Fluent pattern: placeables kept, literal braces quoted.
pub fn to_fluent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for (range, r) in placeables(text) {
        quote_braces(&text[last..range.start], &mut out);
        out.push_str(&r.to_string());
        last = range.end;
    }
    quote_braces(&text[last..], &mut out);
    out
}

fn quote_braces(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '{' => out.push_str("{ \"{\" }"),
            '}' => out.push_str("{ \"}\" }"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(md: &str) -> Vec<(String, String)> {
        let (l, d) = parse_leaflet("t", "content/t.md", md);
        assert!(d.iter().all(|d| !d.is_error()), "{d:?}");
        l.units.into_iter().map(|u| (u.id, u.text)).collect()
    }

    #[test]
    fn ids_follow_sections() {
        let md = "+++\ntitle = \"Walkout\"\n[variables]\ndate = \"Dec 3\"\n+++\nIntro here.\n\n## We walk out {#walkout}\n\nWe walk out on { $date }.\n\n- Bring *water*\n- Bring a friend\n  1. nested\n\n> A worker said\n> this.\n\n## Know your rights!\n\n| Shift | Time |\n|---|---|\n| Day | 7 |\n\n![A picket line](pic.png)\n";
        let got = units(md);
        let want = [
            ("title", "Walkout"),
            ("intro-p1", "Intro here."),
            ("walkout", "We walk out"),
            ("walkout-p1", "We walk out on { $date }."),
            ("walkout-li1", "Bring *water*"),
            ("walkout-li2", "Bring a friend"),
            ("walkout-li3", "nested"),
            ("walkout-q1", "A worker said this."),
            ("know-your-rights", "Know your rights!"),
            ("know-your-rights-table1-r1-c1", "Shift"),
            ("know-your-rights-table1-r1-c2", "Time"),
            ("know-your-rights-table1-r2-c1", "Day"),
            ("know-your-rights-table1-r2-c2", "7"),
            ("know-your-rights-img1", "A picket line"),
        ];
        let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn editing_a_paragraph_changes_no_other_id() {
        let a = units("# T\n\nOne.\n\nTwo.\n\n## S\n\nThree.\n");
        let b = units("# T\n\nOne, edited at length.\n\nTwo.\n\n## S\n\nThree.\n");
        let ids = |v: &Vec<(String, String)>| v.iter().map(|(i, _)| i.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&a), ids(&b));
    }

    #[test]
    fn loose_list_items_are_list_units() {
        assert_eq!(units("- one\n\n- two\n")[1].0, "intro-li2");
    }

    #[test]
    fn duplicate_headings_get_suffixes() {
        let ids: Vec<String> = units("## Time\n\n## Time\n").into_iter().map(|u| u.0).collect();
        assert_eq!(ids, ["time", "time-2"]);
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Know your rights at work, today and always!"), "know-your-rights-at-work");
        assert_eq!(slug("2026 contract"), "h-2026-contract");
        assert_eq!(slug("العربية"), "section");
        assert_eq!(slug("Meeting on { $date }"), "meeting-on");
    }

    #[test]
    fn placeables_and_plain_braces() {
        let p = placeables("on { $date } at {$time}, see {this} and { -union-name }");
        let refs: Vec<Ref> = p.into_iter().map(|(_, r)| r).collect();
        assert_eq!(refs, [Ref::Var("date".into()), Ref::Var("time".into()), Ref::Term("union-name".into())]);
        assert_eq!(to_fluent("a {b} { $c }"), "a { \"{\" }b{ \"}\" } { $c }");
    }

    #[test]
    fn front_matter_that_never_closes() {
        let (_, d) = parse_leaflet("t", "content/t.md", "+++\ntitle = \"x\"\n\n# Hi\n");
        assert_eq!(d[0].to_string().lines().next().unwrap(), "content/t.md:1:1: error[source]: the front matter opened on line 1 never closes");
    }

    #[test]
    fn broken_front_matter_points_into_the_file() {
        let (_, d) = parse_leaflet("t", "content/t.md", "+++\ntitle = \"x\"\npaper = letter\n+++\n# Hi\n");
        assert_eq!((d[0].line, d[0].column), (3, 9), "{}", d[0]);
    }

    #[test]
    fn variables_can_differ_by_language() {
        let md = "+++\n[variables]\nplace = \"Gate 4\"\ntime = \"00:00\"\n[variables.es]\nplace = \"la puerta 4\"\n+++\n# At { $place }\n";
        let (l, d) = parse_leaflet("t", "content/t.md", md);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(l.variables_for("es")["place"], &VarValue::Text("la puerta 4".into()));
        assert_eq!(l.variables_for("es")["time"], &VarValue::Text("00:00".into()));
        assert_eq!(l.variables_for("ht")["place"], &VarValue::Text("Gate 4".into()));
        let (_, d) = parse_leaflet("t", "content/t.md", "+++\n[variables]\n[variables.es]\nplace = \"x\"\n+++\n# Hi\n");
        assert!(d[0].to_string().contains("[variables.es] sets `place`, which [variables] does not define"), "{}", d[0]);
    }

    #[test]
    fn undefined_variable_is_an_error() {
        let (_, d) = parse_leaflet("t", "content/t.md", "# Hi\n\nOn { $date }.\n");
        assert!(d[0].to_string().contains("content/t.md:3:1: error[source]: `{ $date }` has no value"), "{}", d[0]);
    }

    #[test]
    fn normalize_keeps_no_break_spaces() {
        assert_eq!(normalize("Où\u{a0}:  ici\n  là ", false), "Où\u{a0}: ici là");
        assert_eq!(normalize("> a\n> b", true), "> a b");
        assert_eq!(normalize("a b", false), "a b");
    }

    #[test]
    fn crlf_is_accepted() {
        let got = units("+++\r\ntitle = \"T\"\r\n+++\r\n# Hi\r\n\r\nA\r\nB\r\n");
        assert_eq!(got[2], ("hi-p1".to_string(), "A B".to_string()));
    }

    #[test]
    fn empty_leaflet_is_an_error() {
        let (_, d) = parse_leaflet("t", "content/t.md", "");
        assert!(d[0].is_error());
    }
}
