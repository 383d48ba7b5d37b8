//! `public/<lang>/<slug>.txt`: the leaflet as a message to paste into WhatsApp (`*bold*`,
//! `_italic_`, `~struck~`, lists, the facts and the page's address), and its short
//! version (title and facts) for an SMS. Every string goes through
//! [`super::escape::whatsapp`].

use super::escape::whatsapp;
use super::html::preview::page_url;
use crate::document::{Block, Document, Inline, Text};

/// The whole leaflet as a WhatsApp message; `base_url` adds the page's address.
pub fn whatsapp_text(doc: &Document, base_url: Option<&str>) -> String {
    let mut out = short_text(doc, false, None);
    for block in &doc.blocks {
        out.push('\n');
        block_text(&mut out, doc, block, "");
    }
    if let Some(base) = base_url {
        out.push('\n');
        out.push_str(&page_url(base, &doc.lang, &doc.slug));
        out.push('\n');
    }
    out
}

/// The title in bold and the facts, one a line (date, time, place, phone first); with
/// `base_url`, the page's address. Without formatting when `plain` (an SMS).
pub fn short_text(doc: &Document, plain: bool, base_url: Option<&str>) -> String {
    if plain && !doc.short.is_empty() {
        return named_units(doc, base_url);
    }
    let mut out = String::new();
    let title = doc.title.plain();
    if plain {
        out.push_str(&title);
    } else {
        out.push('*');
        whatsapp(&mut out, &title);
        out.push('*');
    }
    out.push('\n');
    for v in &doc.variables {
        if let Some(l) = &v.label {
            push(&mut out, l, plain);
            out.push_str(": ");
        }
        match &v.link {
            // A phone opens a full address; a link's own text goes before it.
            Some(url) if url.contains(v.value.as_str()) => out.push_str(url),
            Some(url) => {
                push(&mut out, &v.value, plain);
                out.push_str(" (");
                out.push_str(url);
                out.push(')');
            }
            None => push(&mut out, &v.value, plain),
        }
        out.push('\n');
    }
    if let Some(base) = base_url {
        out.push_str(&page_url(base, &doc.lang, &doc.slug));
        out.push('\n');
    }
    out
}

/// The short version front matter `short` names: those units' text, one a line, in the
/// order it gives them, and the page's address.
fn named_units(doc: &Document, base_url: Option<&str>) -> String {
    let mut out = String::new();
    for id in &doc.short {
        if let Some(text) = doc.text(id) {
            out.push_str(&text.plain());
            out.push('\n');
        }
    }
    if let Some(base) = base_url {
        out.push_str(&page_url(base, &doc.lang, &doc.slug));
        out.push('\n');
    }
    out
}

fn push(out: &mut String, s: &str, plain: bool) {
    if plain { out.push_str(s) } else { whatsapp(out, s) }
}

fn block_text(out: &mut String, doc: &Document, block: &Block, indent: &str) {
    match block {
        Block::Heading { text, .. } if text.id == doc.title.id => {}
        Block::Heading { text, .. } => {
            out.push('*');
            slot(out, doc, text);
            out.push_str("*\n");
        }
        Block::Paragraph { text } => {
            out.push_str(indent);
            slot(out, doc, text);
            out.push('\n');
        }
        Block::List { ordered, start, items } => {
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered { format!("{}. ", *start as usize + i) } else { "- ".to_string() };
                out.push_str(indent);
                out.push_str(&marker);
                for (j, b) in item.iter().enumerate() {
                    match b {
                        Block::Paragraph { text } if j == 0 => {
                            slot(out, doc, text);
                            out.push('\n');
                        }
                        b => block_text(out, doc, b, &format!("{indent}  ")),
                    }
                }
            }
        }
        Block::Quote { blocks } => blocks.iter().for_each(|b| block_text(out, doc, b, "> ")),
        Block::Table { header, rows, .. } => {
            for row in std::iter::once(header).chain(rows) {
                for (i, cell) in row.iter().enumerate() {
                    out.push_str(if i == 0 { "- " } else { " | " });
                    slot(out, doc, cell);
                }
                out.push('\n');
            }
        }
        Block::Code { text } => {
            out.push_str("```");
            out.push_str(&text.replace("```", "`\u{2060}``"));
            out.push_str("```\n");
        }
        Block::Rule => out.push_str("---\n"),
        Block::Image { alt, .. } => {
            out.push('[');
            slot(out, doc, alt);
            out.push_str("]\n");
        }
    }
}

/// A slot's text; one shown in the source language is marked as such.
fn slot(out: &mut String, doc: &Document, text: &Text) {
    inlines(out, &text.inlines);
    if text.fallback {
        out.push_str(" _(");
        whatsapp(out, &doc.ui.not_translated);
        out.push_str(")_");
    }
}

fn inlines(out: &mut String, items: &[Inline]) {
    for item in items {
        match item {
            Inline::Text { text } | Inline::Placeable { text, .. } => whatsapp(out, text),
            Inline::Emph { content } => wrap(out, '_', content),
            Inline::Strong { content } => wrap(out, '*', content),
            Inline::Strike { content } => wrap(out, '~', content),
            Inline::Code { text } => {
                out.push('`');
                whatsapp(out, text);
                out.push('`');
            }
            Inline::Link { url, content } => {
                let before = out.len();
                inlines(out, content);
                if out[before..] != *url && !url.starts_with('#') {
                    out.push_str(" (");
                    out.push_str(url);
                    out.push(')');
                }
            }
            Inline::Break => out.push('\n'),
        }
    }
}

/// Formatting around a run; WhatsApp wants the markers against the text, so spaces at
/// either end stay outside.
fn wrap(out: &mut String, marker: char, content: &[Inline]) {
    let mut inner = String::new();
    inlines(&mut inner, content);
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        out.push_str(&inner);
        return;
    }
    let lead = &inner[..inner.len() - inner.trim_start().len()];
    let trail = &inner[inner.trim_end().len()..];
    out.push_str(lead);
    out.push(marker);
    out.push_str(trimmed);
    out.push(marker);
    out.push_str(trail);
}
