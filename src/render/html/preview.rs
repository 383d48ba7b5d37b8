//! Link previews: the Open Graph and Twitter-card tags a chat app or social site reads
//! when a link to a page is pasted (title, description from the leaflet's first
//! paragraph, language and its alternates, site name; with `base_url` the page's
//! absolute address and its share image). Every value is an escaped attribute.

use super::PageContext;
use crate::document::{Block, Document};
use crate::render::escape::attr;

/// The longest description, in characters: what previews show before they cut.
const DESCRIPTION_MAX: usize = 200;

/// Writes the preview tags into `<head>`.
pub fn preview_tags(out: &mut String, doc: &Document, ctx: &PageContext) {
    let title = doc.title.plain();
    let description = description(doc);
    meta(out, "property", "og:type", "article");
    meta(out, "property", "og:title", &title);
    meta(out, "property", "og:site_name", &doc.ui.site_title);
    if !description.is_empty() {
        meta(out, "name", "description", &description);
        meta(out, "property", "og:description", &description);
    }
    meta(out, "property", "og:locale", &og_locale(&doc.lang));
    for alt in ctx.alternates.iter().filter(|a| a.lang != doc.lang) {
        meta(out, "property", "og:locale:alternate", &og_locale(&alt.lang));
    }
    let image = ctx.base_url.filter(|_| ctx.image).map(|base| format!("{base}{}/{}.png", doc.lang, doc.slug));
    if let Some(base) = ctx.base_url {
        let url = page_url(base, &doc.lang, &doc.slug);
        out.push_str("<link rel=\"canonical\" href=\"");
        attr(out, &url);
        out.push_str("\">\n");
        meta(out, "property", "og:url", &url);
    }
    if let Some(image) = &image {
        meta(out, "property", "og:image", image);
        meta(out, "property", "og:image:type", "image/png");
        meta(out, "property", "og:image:width", "1200");
        meta(out, "property", "og:image:height", "630");
        meta(out, "property", "og:image:alt", &title);
    }
    let card = if image.is_some() { "summary_large_image" } else { "summary" };
    meta(out, "name", "twitter:card", card);
    meta(out, "name", "twitter:title", &title);
    if !description.is_empty() {
        meta(out, "name", "twitter:description", &description);
    }
    if let Some(image) = &image {
        meta(out, "name", "twitter:image", image);
    }
}

/// The absolute address of a page: `base` ends in `/`.
pub fn page_url(base: &str, lang: &str, slug: &str) -> String {
    format!("{base}{lang}/{slug}.html")
}

fn meta(out: &mut String, key: &str, name: &str, content: &str) {
    out.push_str("<meta ");
    out.push_str(key);
    out.push_str("=\"");
    attr(out, name);
    out.push_str("\" content=\"");
    attr(out, content);
    out.push_str("\">\n");
}

/// Open Graph writes a locale as `language_TERRITORY`: `es`, `pt_BR`, `zh_Hans`.
fn og_locale(tag: &str) -> String {
    tag.split("-u-").next().unwrap_or(tag).replace('-', "_")
}

/// The leaflet's first paragraph as plain text, cut at a word before 200 characters.
pub fn description(doc: &Document) -> String {
    let Some(text) = doc.blocks.iter().find_map(first_paragraph) else {
        return String::new();
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= DESCRIPTION_MAX {
        return text;
    }
    let cut: String = text.chars().take(DESCRIPTION_MAX - 1).collect();
    let at = cut.rfind(' ').filter(|i| *i > DESCRIPTION_MAX / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

fn first_paragraph(block: &Block) -> Option<String> {
    match block {
        Block::Paragraph { text } => Some(text.plain()).filter(|t| !t.trim().is_empty()),
        Block::Quote { blocks } => blocks.iter().find_map(first_paragraph),
        Block::List { items, .. } => items.iter().flatten().find_map(first_paragraph),
        _ => None,
    }
}
