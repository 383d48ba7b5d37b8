//! The Markdown body -> translation units and the block skeleton (pulldown-cmark events,
//! nesting checked as they come).

use super::ids::{IdGen, split_pinned_id};
use super::{Unit, UnitKind, is_identifier, make_unit, normalize};
use crate::diag::{Diagnostic, Kind};
use crate::document::{Align, Block, Text};
use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Container {
    Item,
    Quote,
}

/// A top-level inline item's byte range and, for an image, its address and the range of
/// its alt text.
type InlineItem = (Range<usize>, Option<(String, Range<usize>)>);

pub(super) struct BodyParser<'a> {
    pub(super) text: &'a str,
    pub(super) lines: crate::diag::LineIndex<'a>,
    pub(super) events: Vec<(Event<'a>, Range<usize>)>,
    pub(super) pos: usize,
    pub(super) ids: IdGen,
    pub(super) units: Vec<Unit>,
    pub(super) diags: Vec<Diagnostic>,
    pub(super) containers: Vec<Container>,
    pub(super) file: String,
}

pub(super) fn counts_as_nesting(t: &Tag) -> bool {
    matches!(
        t,
        Tag::List(_)
            | Tag::BlockQuote(_)
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::FootnoteDefinition(_)
    )
}

pub(super) fn ends_nesting(t: TagEnd) -> bool {
    matches!(
        t,
        TagEnd::List(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::FootnoteDefinition
    )
}

pub(super) fn is_inline(e: &Event) -> bool {
    match e {
        Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_) => true,
        Event::Html(_) => false,
        Event::Start(t) => matches!(
            t,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript
        ),
        _ => false,
    }
}

impl<'a> BodyParser<'a> {
    pub(super) fn new(text: &'a str, body_start: usize, ids: IdGen) -> Self {
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let events = Parser::new_ext(&text[body_start..], options)
            .into_offset_iter()
            .map(|(e, r)| (e, r.start + body_start..r.end + body_start))
            .collect();
        BodyParser {
            text,
            lines: crate::diag::LineIndex::new(text),
            events,
            pos: 0,
            ids,
            units: Vec::new(),
            diags: Vec::new(),
            containers: Vec::new(),
            file: String::new(),
        }
    }

    /// The nesting limit: lists, quotes, emphasis and links inside one another. Checked
    /// on the flat event list before the recursive descent, which it keeps shallow.
    pub(super) fn check_limits(&self) -> Result<(), Diagnostic> {
        let mut depth = 0usize;
        for (e, r) in &self.events {
            match e {
                Event::Start(t) if counts_as_nesting(t) => {
                    depth += 1;
                    if depth > crate::limits::MAX_NESTING {
                        return Err(crate::limits::too_deep(
                            Kind::Source,
                            &self.file,
                            self.text,
                            r.start,
                            "lists, quotes, emphasis and links are",
                        ));
                    }
                }
                Event::End(t) if ends_nesting(*t) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        Ok(())
    }

    pub(super) fn peek(&self) -> Option<&Event<'a>> {
        self.events.get(self.pos).map(|(e, _)| e)
    }

    /// Parses blocks until the end tag `end` (consumed) or the end of input.
    pub(super) fn blocks(&mut self, end: Option<TagEnd>) -> Vec<Block> {
        let mut out = Vec::new();
        while let Some((event, range)) = self.events.get(self.pos).cloned() {
            if let (Event::End(e), Some(want)) = (&event, end)
                && *e == want
            {
                self.pos += 1;
                break;
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
                Event::Start(Tag::CodeBlock(_)) => {
                    out.push(Block::Code { text: self.raw_until(TagEnd::CodeBlock) })
                }
                Event::Start(Tag::HtmlBlock) => {
                    let (line, column) = self.lines.line_col(range.start);
                    self.diags.push(
                        Diagnostic::warning(
                            Kind::Source,
                            self.file.clone(),
                            "raw HTML is shown as text, never as markup",
                        )
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

    pub(super) fn skip_to_matching_end(&mut self) {
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

    pub(super) fn raw_until(&mut self, end: TagEnd) -> String {
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
    pub(super) fn inline_items(&mut self, end: Option<TagEnd>) -> Vec<InlineItem> {
        let mut items = Vec::new();
        while let Some((e, r)) = self.events.get(self.pos).cloned() {
            match &e {
                Event::End(x) if Some(*x) == end => {
                    self.pos += 1;
                    break;
                }
                _ if end.is_none() && !is_inline(&e) => break,
                Event::Start(tag) => {
                    let image =
                        if let Tag::Image { dest_url, .. } = tag { Some(dest_url.to_string()) } else { None };
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

    pub(super) fn unit_kind(&self) -> (&'static str, UnitKind) {
        match self.containers.last() {
            Some(Container::Item) => ("li", UnitKind::ListItem),
            Some(Container::Quote) => ("q", UnitKind::Quote),
            None => ("p", UnitKind::Paragraph),
        }
    }

    pub(super) fn add_unit(&mut self, id: String, kind: UnitKind, range: Range<usize>) -> Text {
        let in_quote = self.containers.contains(&Container::Quote);
        let text = normalize(&self.text[range.clone()], in_quote);
        self.units.push(make_unit(id.clone(), kind, text, self.lines.line_col(range.start), range.start));
        Text::slot(id)
    }

    pub(super) fn text_block(&mut self, end: Option<TagEnd>) -> Option<Block> {
        let items = self.inline_items(end);
        let (first, last) = (items.first()?.0.clone(), items.last()?.0.clone());
        if items.len() == 1
            && let Some((src, alt)) = &items[0].1
        {
            let alt_text = if alt.is_empty() {
                Text::slot("")
            } else {
                let id = self.ids.next("img");
                self.add_unit(id, UnitKind::ImageAlt, alt.clone())
            };
            return Some(Block::Image { src: src.clone(), alt: alt_text });
        }
        let range = first.start..last.end;
        if self.text[range.clone()].trim().is_empty() {
            return None;
        }
        let (short, kind) = self.unit_kind();
        let id = self.ids.next(short);
        Some(Block::Paragraph { text: self.add_unit(id, kind, range) })
    }

    pub(super) fn heading(&mut self, level: u8) -> Block {
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
        if let Some(p) = pinned
            && !is_identifier(p)
        {
            let offset = first.start + raw.find("{#").unwrap_or(0);
            self.diags.push(
                Diagnostic::error(
                    Kind::Source,
                    self.file.clone(),
                    format!("`{{#{p}}}` is not a usable message ID"),
                )
                .at(self.lines.line_col(offset))
                .hint("start the ID with a letter and use only letters, digits, `-` and `_`"),
            );
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

    pub(super) fn list(&mut self, start: Option<u64>) -> Block {
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

    pub(super) fn table(&mut self, align: &[Alignment]) -> Block {
        let k = self.ids.counters.entry("table".into()).or_insert(0);
        *k += 1;
        let k = *k;
        let section =
            if self.ids.section.is_empty() { "intro".to_string() } else { self.ids.section.clone() };
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
