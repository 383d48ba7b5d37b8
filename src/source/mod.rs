//! Source leaflets: `content/<slug>.md` -> [`Leaflet`]: front matter, translation units
//! with stable IDs and positions, and the block skeleton the renderers fill.
//!
//! Units are headings, paragraphs, list items, block-quote paragraphs, table cells and
//! image alt texts. A unit's text is its Markdown as written (inline markup kept,
//! whitespace collapsed). IDs are readable and positional within a section:
//! `title`, a heading's slug or pinned `{#id}`, then `<section>-p1`, `-li2`, `-q1`,
//! `-img1`, `-table1-r2-c1`. Editing a paragraph never changes another unit's ID.

use crate::diag::{Diagnostic, Kind, line_col};
use crate::document::Block;
use crate::document::Paper;
use crate::lang::Lang;
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod blocks;
mod front_matter;
pub mod functions;
mod ids;
mod text;

use blocks::BodyParser;
use front_matter::{parse_front_matter, split_front_matter};
use ids::IdGen;
pub use ids::{is_identifier, slug};
pub use text::{normalize, placeables, to_fluent};

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
    Date {
        year: u16,
        month: u8,
        day: u8,
    },
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

/// A calendar day (front matter `valid-until`), ordered by date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
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
    /// Front matter `fit`: how the PDF uses its page (else `tradui.toml`'s).
    pub fit: Option<crate::document::Fit>,
    /// Front matter `prints`: the prints besides the page-sized PDF (else `tradui.toml`'s).
    pub prints: Option<Vec<crate::document::Print>>,
    /// Front matter `poster`: the unit the multilingual poster shows under the title.
    pub poster: Option<String>,
    /// Front matter `weight`: the index lists lower weights first.
    pub weight: Option<i64>,
    /// Front matter `short`: the units of the short version (an SMS), by message ID.
    pub short: Vec<String>,
    pub variables: BTreeMap<String, VarValue>,
    /// The names of `variables` in the order the front matter gives them (the facts box).
    pub variable_order: Vec<String>,
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
    /// Front matter `required = [...]`: the languages this leaflet must be complete in,
    /// each with its position; None: the project's.
    pub required: Option<Vec<(Lang, (usize, usize))>>,
    /// Front matter `valid-until`: the last day of the leaflet's event.
    pub valid_until: Option<Date>,
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
            fit: None,
            prints: None,
            poster: None,
            weight: None,
            short: Vec::new(),
            variables: BTreeMap::new(),
            variable_order: Vec::new(),
            variable_overrides: BTreeMap::new(),
            units: Vec::new(),
            blocks: Vec::new(),
            title_id: None,
            override_positions: Vec::new(),
            required: None,
            valid_until: None,
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

/// Every ID front matter `short` and `poster` name must be a unit of the leaflet.
fn check_short(leaflet: &Leaflet, text: &str, diags: &mut Vec<Diagnostic>) {
    let named =
        leaflet.short.iter().map(|id| ("short", id)).chain(leaflet.poster.iter().map(|id| ("poster", id)));
    for (key, id) in named.filter(|(_, id)| !leaflet.index.contains_key(id.as_str())) {
        let offset = text.find(&format!("\"{id}\"")).unwrap_or(0);
        let known: Vec<&str> = leaflet.units.iter().take(8).map(|u| u.id.as_str()).collect();
        diags.push(
            Diagnostic::error(
                Kind::Source,
                &leaflet.file,
                format!("`{key}` names \"{id}\", which is not a unit of this leaflet"),
            )
            .at(line_col(text, offset))
            .hint(format!("use message IDs of the leaflet, such as {}", known.join(", "))),
        );
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
    let Some(body) = read_front_matter(&mut leaflet, file, text, &mut diags) else {
        return (leaflet, owned_by(slug, diags));
    };
    let ids = title_unit(&mut leaflet, text);
    let mut p = BodyParser::new(text, body.start, ids);
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
    functions::check_units(&leaflet, &mut diags);
    check_short(&leaflet, text, &mut diags);
    if leaflet.title_id.is_none() {
        leaflet.title_id = leaflet.units.iter().find(|u| u.kind == UnitKind::Heading).map(|u| u.id.clone());
    }
    check_units(&leaflet, body.front_ok, &mut diags);
    (leaflet, owned_by(slug, diags))
}

/// Where the Markdown body starts, and whether the front matter before it parsed.
struct Body {
    start: usize,
    front_ok: bool,
}

/// Reads the front matter, if any, into `leaflet`; gives where the body starts, or
/// `None` when the front matter cannot even be told apart from the body.
fn read_front_matter(
    leaflet: &mut Leaflet,
    file: &str,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Body> {
    match split_front_matter(file, text) {
        Ok(None) => Some(Body { start: 0, front_ok: true }),
        Ok(Some((front, start))) => {
            let front_ok = match parse_front_matter(file, text, front) {
                Ok(fm) => {
                    leaflet.title = fm.title;
                    leaflet.paper = fm.paper;
                    leaflet.fit = fm.fit;
                    leaflet.prints = fm.prints;
                    leaflet.poster = fm.poster;
                    leaflet.weight = fm.weight;
                    leaflet.short = fm.short;
                    leaflet.variables = fm.variables;
                    leaflet.variable_order = fm.variable_order;
                    leaflet.variable_overrides = fm.overrides;
                    leaflet.override_positions = fm.override_positions;
                    leaflet.required = fm.event.required;
                    leaflet.valid_until = fm.event.valid_until;
                    true
                }
                Err(d) => {
                    diags.push(d);
                    false
                }
            };
            Some(Body { start, front_ok })
        }
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// The front matter's title as the first unit, `title`; the ID generator that knows it.
fn title_unit(leaflet: &mut Leaflet, text: &str) -> IdGen {
    let mut ids = IdGen::default();
    if let Some(title) = &leaflet.title {
        let offset = text.find(title.as_str()).unwrap_or(0);
        leaflet.units.push(make_unit(
            "title".into(),
            UnitKind::Title,
            normalize(title, false),
            line_col(text, offset),
            offset,
        ));
        leaflet.title_id = Some("title".into());
        ids.used.insert("title".into());
    }
    ids
}

/// A leaflet must have text to translate, and each `{ $variable }` it uses a value. A
/// front matter that does not parse is the one error: its variables are not reported
/// again as without a value.
fn check_units(leaflet: &Leaflet, front_ok: bool, diags: &mut Vec<Diagnostic>) {
    let file = leaflet.file.as_str();
    if leaflet.units.is_empty() {
        diags.push(
            Diagnostic::error(Kind::Source, file, "the leaflet has no text to translate")
                .at((1, 1))
                .hint("write the leaflet in Markdown, or delete the empty file"),
        );
    }
    if front_ok {
        variables_without_value(leaflet, diags);
    }
}

/// A `{ $name }` that the front matter gives no value.
fn variables_without_value(leaflet: &Leaflet, diags: &mut Vec<Diagnostic>) {
    let file = leaflet.file.as_str();
    for unit in &leaflet.units {
        for r in &unit.refs {
            if let Ref::Var(v) = r
                && !leaflet.variables.contains_key(v)
            {
                diags.push(
                    Diagnostic::error(
                        Kind::Source,
                        file,
                        format!("`{r}` has no value: the front matter has no `{v}` in [variables]"),
                    )
                    .at((unit.line, unit.column))
                    .id(&unit.id)
                    .hint(format!(
                        "add `{v} = \"...\"` under [variables] in the front matter, or remove the placeable"
                    )),
                );
            }
        }
    }
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
            Diagnostic::error(
                Kind::Source,
                &leaflet.file,
                format!(
                    "the leaflet has {} pieces of text, more than tradui's limit of {MAX_UNITS}",
                    leaflet.units.len()
                ),
            )
            .at((u.line, u.column))
            .hint("split it into several leaflets"),
        );
    }
    for u in &leaflet.units {
        if let Some(d) =
            text_too_long(&leaflet.file, || format!("`{}`", u.id), u.text.len(), (u.line, u.column))
        {
            diags.push(Diagnostic { kind: Kind::Source, ..d.id(&u.id) });
        }
    }
}

fn make_unit(
    id: String,
    kind: UnitKind,
    text: String,
    (line, column): (usize, usize),
    offset: usize,
) -> Unit {
    let refs = placeables(&text).into_iter().map(|(_, r)| r).collect();
    Unit { id, kind, text, offset, line, column, refs }
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
        let call = "on { DATETIME($date, weekday: \"long\") }, {NOT(a call)}";
        let refs: Vec<Ref> = placeables(call).into_iter().map(|(_, r)| r).collect();
        assert_eq!(refs, [Ref::Var("date".into())]);
        assert_eq!(
            to_fluent(call),
            "on { DATETIME($date, weekday: \"long\") }, { \"{\" }NOT(a call){ \"}\" }"
        );
    }

    #[test]
    fn front_matter_that_never_closes() {
        let (_, d) = parse_leaflet("t", "content/t.md", "+++\ntitle = \"x\"\n\n# Hi\n");
        assert_eq!(
            d[0].to_string().lines().next().unwrap(),
            "content/t.md:1:1: error[source]: the front matter opened on line 1 never closes"
        );
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
        let (_, d) = parse_leaflet(
            "t",
            "content/t.md",
            "+++\n[variables]\n[variables.es]\nplace = \"x\"\n+++\n# Hi\n",
        );
        assert!(
            d[0].to_string().contains("[variables.es] sets `place`, which [variables] does not define"),
            "{}",
            d[0]
        );
    }

    #[test]
    fn undefined_variable_is_an_error() {
        let (_, d) = parse_leaflet("t", "content/t.md", "# Hi\n\nOn { $date }.\n");
        assert!(
            d[0].to_string().contains("content/t.md:3:1: error[source]: `{ $date }` has no value"),
            "{}",
            d[0]
        );
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
