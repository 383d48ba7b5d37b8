//! The document model every renderer reads: a leaflet's block structure with, in each
//! translatable slot, the text of one language. The source parser builds the skeleton
//! (slots empty), `localize` fills the slots, and the HTML and PDF renderers turn it into
//! pages. It serialises to JSON as it is: that JSON is what the Typst template reads.

use crate::lang::Direction;
use serde::Serialize;

/// Paper size of the printed leaflet: a sheet, or the half of one a 2-up print sets
/// each copy on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    #[default]
    Letter,
    A4,
    HalfLetter,
    A5,
}

impl Paper {
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::Letter => "letter",
            Paper::A4 => "a4",
            Paper::HalfLetter => "half-letter",
            Paper::A5 => "a5",
        }
    }
}

/// A print of a leaflet (`prints` in the front matter or `tradui.toml`): a full page, or
/// two copies of its half-page version side by side on one sheet, with cut marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Print {
    Full(Paper),
    /// Two copies of the leaflet set on `Paper` (a half sheet), on the sheet twice as wide.
    TwoUp(Paper),
}

impl Print {
    /// Every print, by the name `prints` gives it.
    pub const ALL: [(&'static str, Print); 6] = [
        ("letter", Print::Full(Paper::Letter)),
        ("a4", Print::Full(Paper::A4)),
        ("half-letter", Print::Full(Paper::HalfLetter)),
        ("a5", Print::Full(Paper::A5)),
        ("half-letter-2up", Print::TwoUp(Paper::HalfLetter)),
        ("a5-2up", Print::TwoUp(Paper::A5)),
    ];

    pub fn name(self) -> &'static str {
        Print::ALL.iter().find(|(_, p)| *p == self).map_or("letter", |(n, _)| n)
    }

    /// The paper the leaflet is set on (for a 2-up print, the half sheet).
    pub fn paper(self) -> Paper {
        match self {
            Print::Full(p) | Print::TwoUp(p) => p,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Print {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Print, D::Error> {
        let name = String::deserialize(d)?;
        Print::ALL.iter().find(|(n, _)| *n == name).map(|(_, p)| *p).ok_or_else(|| {
            let names: Vec<String> = Print::ALL.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            serde::de::Error::custom(format!("`{name}` is not a print: `prints` lists {}", names.join(", ")))
        })
    }
}

/// How the PDF uses its page (`fit` in the front matter or `tradui.toml`): `"page"` sets
/// a leaflet that fits one page at the body size as large as still fits it, `"none"`
/// flows at the body size, a number of pages sets it as large as fits that many (and a
/// leaflet longer than that at the body size is an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Fit {
    #[default]
    Page,
    None,
    Pages(u8),
}

impl Fit {
    /// The most pages a `fit` may ask for.
    pub const MAX_PAGES: u8 = 50;
}

impl Serialize for Fit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Fit::Page => s.serialize_str("page"),
            Fit::None => s.serialize_str("none"),
            Fit::Pages(n) => s.serialize_u8(*n),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Fit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Fit, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Word(String),
            Pages(i64),
        }
        let bad = || {
            serde::de::Error::custom(format!(
                "`fit` is \"page\", \"none\" or a number of pages from 1 to {}",
                Fit::MAX_PAGES
            ))
        };
        match Raw::deserialize(d)? {
            Raw::Word(w) if w == "page" => Ok(Fit::Page),
            Raw::Word(w) if w == "none" => Ok(Fit::None),
            Raw::Pages(n) => u8::try_from(n)
                .ok()
                .filter(|n| (1..=Fit::MAX_PAGES).contains(n))
                .map(Fit::Pages)
                .ok_or_else(bad),
            Raw::Word(_) => Err(bad()),
        }
    }
}

/// One leaflet in one language, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub slug: String,
    /// Canonical BCP 47 tag of this document's language.
    pub lang: String,
    pub dir: Direction,
    /// The language's name in itself (`Kreyòl ayisyen`).
    pub lang_name: String,
    /// The project's source language; the language of every `fallback` slot.
    pub source_lang: String,
    pub source_dir: Direction,
    pub paper: Paper,
    /// How the PDF uses its pages.
    pub fit: Fit,
    pub title: Text,
    pub blocks: Vec<Block>,
    /// The leaflet's `[variables]`, formatted for this language, in name order.
    pub variables: Vec<Variable>,
    /// How many units show their translation (current), out of how many.
    pub translated: usize,
    pub total: usize,
    /// The words tradui itself prints on the page and the PDF, in this language.
    pub ui: Ui,
    /// The message IDs of the short version (front matter `short`); empty: title and facts.
    pub short: Vec<String>,
    /// The leaflet's `valid-until` day has passed: the page says the event is over.
    pub event_over: bool,
    /// The unit the multilingual poster shows under the title (front matter `poster`);
    /// None: the first paragraph.
    pub poster: Option<String>,
}

/// The interface words of one language (`project::ui` fills them from tradui's
/// catalogs and the project's `locales/<lang>/tradui.ftl`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Default)]
pub struct Ui {
    pub site_title: String,
    /// Marks a part shown in the source language.
    pub not_translated: String,
    /// The note at the top of a page with such parts.
    pub notice: String,
    pub pdf: String,
    pub all_leaflets: String,
    pub languages: String,
    pub not_published: String,
    /// The labels of the facts box (variables named date, time, place, phone).
    pub date: String,
    pub time: String,
    pub place: String,
    pub phone: String,
    /// The note on the page of a leaflet whose `valid-until` day has passed.
    pub event_over: String,
    /// The index's link to a leaflet's multilingual poster.
    pub poster: String,
    /// The index's name of a 2-up print (two copies on one sheet).
    pub two_up: String,
    /// The union's footer line (`[theme] footer`), empty without one: its translation
    /// (the word `footer` of `locales/<lang>/tradui.ftl`), else the source text.
    pub footer: String,
    /// Whether `footer` is in this language (else it is in the source language).
    pub footer_translated: bool,
}

impl Ui {
    /// The label of a variable tradui knows by name.
    pub fn label(&self, name: &str) -> Option<&str> {
        match name {
            "date" => Some(&self.date),
            "time" => Some(&self.time),
            "place" | "location" | "where" => Some(&self.place),
            _ if is_phone(name) => Some(&self.phone),
            _ => None,
        }
    }

    /// Every word, for the glyph check.
    pub fn words(&self) -> [&str; 15] {
        [
            &self.site_title,
            &self.not_translated,
            &self.notice,
            &self.pdf,
            &self.all_leaflets,
            &self.languages,
            &self.not_published,
            &self.date,
            &self.time,
            &self.place,
            &self.phone,
            &self.event_over,
            &self.poster,
            &self.two_up,
            &self.footer,
        ]
    }
}

impl Document {
    /// Percentage of units shown translated, rounded down (100 for the source language).
    pub fn percent(&self) -> u32 {
        (self.translated * 100).checked_div(self.total).map_or(100, |p| p as u32)
    }

    /// The slot of the unit `id` (the title, a block's text, a cell, an alt text).
    pub fn text(&self, id: &str) -> Option<&Text> {
        if self.title.id == id {
            return Some(&self.title);
        }
        self.blocks.iter().find_map(|b| find(b, &|t| t.id == id))
    }

    /// The first paragraph's text: what the poster shows under the title by default.
    pub fn first_paragraph(&self) -> Option<&Text> {
        fn first(blocks: &[Block]) -> Option<&Text> {
            blocks.iter().find_map(|b| match b {
                Block::Paragraph { text } => Some(text),
                Block::Quote { blocks } => first(blocks),
                _ => None,
            })
        }
        first(&self.blocks)
    }

    /// How many slots show the source text because their translation is missing or stale.
    pub fn fallbacks(&self) -> usize {
        self.total - self.translated
    }
}

/// The first text of `block` (or of the blocks in it) that `wanted` accepts.
fn find<'d>(block: &'d Block, wanted: &dyn Fn(&Text) -> bool) -> Option<&'d Text> {
    match block {
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Image { alt: text, .. } => {
            Some(text).filter(|t| wanted(t))
        }
        Block::List { items, .. } => items.iter().flatten().find_map(|b| find(b, wanted)),
        Block::Quote { blocks } => blocks.iter().find_map(|b| find(b, wanted)),
        Block::Table { header, rows, .. } => header.iter().chain(rows.iter().flatten()).find(|t| wanted(t)),
        Block::Code { .. } | Block::Rule => None,
    }
}

/// A front-matter variable after formatting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Variable {
    pub name: String,
    pub value: String,
    pub dir: Direction,
    /// Its label in the document's language, for the names tradui knows (date, time,
    /// place, phone); other variables show their value alone.
    pub label: Option<String>,
    /// A link's address, when the value is one (`https://...`, or `[text](address)`): then
    /// `value` is the text the facts show for it (`localize::fact`).
    pub link: Option<String>,
}

/// Whether a variable holds a phone number, by its name.
pub fn is_phone(name: &str) -> bool {
    matches!(name, "phone" | "tel" | "telephone" | "hotline")
        || name.starts_with("phone-")
        || name.starts_with("phone_")
}

/// A translatable slot: the text of one unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    /// The unit's message ID.
    pub id: String,
    /// True when this slot shows the source text because the translation is missing or
    /// stale; renderers mark it (and set the source language on it).
    pub fallback: bool,
    pub inlines: Vec<Inline>,
}

impl Text {
    pub fn slot(id: impl Into<String>) -> Text {
        Text { id: id.into(), fallback: false, inlines: Vec::new() }
    }

    /// The text without markup, for titles, metadata and alt attributes.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        plain_into(&self.inlines, &mut out);
        out
    }
}

fn plain_into(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text { text } | Inline::Code { text } | Inline::Placeable { text, .. } => {
                out.push_str(text)
            }
            Inline::Break => out.push(' '),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. } => plain_into(content, out),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

/// Block structure, from the source Markdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Heading {
        level: u8,
        anchor: String,
        text: Text,
    },
    Paragraph {
        text: Text,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Quote {
        blocks: Vec<Block>,
    },
    Table {
        align: Vec<Align>,
        header: Vec<Text>,
        rows: Vec<Vec<Text>>,
    },
    /// A code block or raw HTML of the source: shown as literal text, never translated.
    Code {
        text: String,
    },
    Rule,
    /// An image alone in its paragraph; its alt text is a translatable slot.
    Image {
        src: String,
        alt: Text,
    },
}

/// Inline content of a slot. Every string is plain text: renderers escape it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Inline {
    Text {
        text: String,
    },
    /// The value of a variable or term (a date, a phone number, "JFK8"): kept whole and
    /// isolated from the surrounding direction (HTML `<bdi>`), laid out in its own
    /// direction `dir` (from its first strong character; numbers are left-to-right).
    Placeable {
        text: String,
        dir: Direction,
    },
    Emph {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    Strike {
        content: Vec<Inline>,
    },
    Code {
        text: String,
    },
    /// A link whose address passed the safety check (http, https, mailto, tel, relative).
    Link {
        url: String,
        content: Vec<Inline>,
    },
    Break,
}

/// The direction of a text from its first strong character; left-to-right when it has
/// none (numbers, times, phone numbers).
pub fn text_direction(s: &str) -> Direction {
    match unicode_bidi::get_base_direction(s) {
        unicode_bidi::Direction::Rtl => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

impl Block {
    /// Every slot of the block, in document order.
    pub fn texts_mut(&mut self) -> Vec<&mut Text> {
        let mut out = Vec::new();
        self.collect_mut(&mut out);
        out
    }

    fn collect_mut<'a>(&'a mut self, out: &mut Vec<&'a mut Text>) {
        match self {
            Block::Heading { text, .. } | Block::Paragraph { text } => out.push(text),
            Block::Image { alt, .. } => out.push(alt),
            Block::List { items, .. } => items.iter_mut().flatten().for_each(|b| b.collect_mut(out)),
            Block::Quote { blocks } => blocks.iter_mut().for_each(|b| b.collect_mut(out)),
            Block::Table { header, rows, .. } => {
                out.extend(header.iter_mut());
                rows.iter_mut().for_each(|r| out.extend(r.iter_mut()));
            }
            Block::Code { .. } | Block::Rule => {}
        }
    }
}
