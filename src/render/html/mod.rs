//! HTML: one self-contained page per leaflet and language (inline CSS, no request to
//! anywhere), with `lang`/`dir`, a language switcher in each language's own name,
//! `hreflang` alternates, placeables in `<bdi>`, parts not yet translated marked, and
//! print CSS. Every string goes through [`super::escape`].

use super::escape::{attr, href, text};
use crate::document::{Align, Block, Document, Inline, Text, Ui};
use crate::fonts::discovery::{css_stack, has_italics};
use crate::lang::{Direction, Lang};
use std::fmt::Write as _;

pub mod facts;
pub mod preview;

/// A language a leaflet is published in, for the switcher and the alternates.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub lang: String,
    pub name: String,
    pub dir: Direction,
}

/// What a page needs besides its document.
#[derive(Debug, Clone)]
pub struct PageContext<'a> {
    pub site_title: &'a str,
    /// Every language the leaflet is published in (this one included), in config order.
    pub alternates: &'a [Alternate],
    /// Whether a PDF sits next to the page.
    pub pdf: bool,
    /// `base_url` of `tradui.toml` (ending in `/`): the absolute links of link previews.
    pub base_url: Option<&'a str>,
    /// Whether a share image (`<slug>.png`) sits next to the page.
    pub image: bool,
}

const CSS: &str = include_str!("leaflet.css");

/// Renders one page.
pub fn render_page(doc: &Document, ctx: &PageContext) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let ui = &doc.ui;
    out.push_str("<!doctype html>\n<html lang=\"");
    attr(&mut out, &doc.lang);
    let _ = write!(out, "\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", doc.dir.as_str());
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    text(&mut out, &doc.title.plain());
    out.push_str(" · ");
    text(&mut out, &ui.site_title);
    out.push_str("</title>\n");
    preview::preview_tags(&mut out, doc, ctx);
    for alt in ctx.alternates {
        out.push_str("<link rel=\"alternate\" hreflang=\"");
        attr(&mut out, &alt.lang);
        out.push_str("\" href=\"");
        href(&mut out, &page_href(&alt.lang, &doc.slug));
        out.push_str("\">\n");
    }
    let langs = [doc.lang.as_str(), doc.source_lang.as_str()]
        .into_iter()
        .chain(ctx.alternates.iter().map(|a| a.lang.as_str()));
    let _ = write!(
        out,
        "<style>\n{CSS}{}@page {{ size: {}; }}\n</style>\n</head>\n<body>\n",
        lang_styles(langs),
        page_size(doc)
    );
    switcher(&mut out, doc, ctx, &ui.languages);
    out.push_str("<main>\n<article>\n<header class=\"title-band\">\n<h1>");
    slot_inlines(&mut out, doc, &doc.title, &ui.not_translated);
    out.push_str("</h1>\n</header>\n");
    facts::facts(&mut out, doc, ui);
    out.push_str("<div class=\"body\">\n");
    notices(&mut out, doc);
    for block in &doc.blocks {
        render_block(&mut out, doc, block, &ui.not_translated);
    }
    out.push_str("</div>\n<footer class=\"leaflet-links\">\n");
    if ctx.pdf {
        out.push_str("<a href=\"");
        href(&mut out, &format!("{}.pdf", doc.slug));
        let _ = writeln!(out, "\" type=\"application/pdf\">{}</a>", esc(&ui.pdf));
    }
    let _ = write!(
        out,
        "<a href=\"../index.html\">{}</a>\n</footer>\n</article>\n</main>\n</body>\n</html>\n",
        esc(&ui.all_leaflets)
    );
    out
}

/// The notes above the text: the event is over, some parts are not yet translated.
fn notices(out: &mut String, doc: &Document) {
    if doc.event_over {
        let _ = writeln!(out, "<p class=\"notice event-over\" role=\"note\">{}</p>", esc(&doc.ui.event_over));
    }
    if doc.fallbacks() > 0 {
        let _ = writeln!(
            out,
            "<p class=\"notice\" role=\"note\">{} ({}/{})</p>",
            esc(&doc.ui.notice),
            doc.fallbacks(),
            doc.total
        );
    }
}

/// Font stacks per language, in the PDF's order of preference (see [`crate::fonts`]),
/// and upright emphasis for scripts that have no italics: a browser would otherwise
/// slant Arabic or Devanagari.
fn lang_styles<'a>(tags: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut seen = std::collections::BTreeSet::new();
    for tag in tags {
        let Ok(lang) = Lang::parse(tag) else { continue };
        // A valid tag is letters, digits and hyphens: safe in a selector as it is.
        if !seen.insert(lang.as_str().to_string())
            || !lang.as_str().chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            continue;
        }
        let t = lang.as_str();
        let _ = writeln!(out, "[lang=\"{t}\"] {{ font-family: {}; }}", css_stack(&lang));
        if !has_italics(&lang) {
            let _ = writeln!(
                out,
                "em:lang({t}), blockquote:lang({t}) {{ font-style: normal; font-synthesis: none; }}\nem:lang({t}) {{ font-weight: 700; }}"
            );
        }
    }
    out
}

fn esc(s: &str) -> String {
    let mut out = String::new();
    text(&mut out, s);
    out
}

/// Where a leaflet's page in a language is, relative to a page in `public/<lang>/`.
fn page_href(lang: &str, slug: &str) -> String {
    format!("../{lang}/{slug}.html")
}

fn page_size(doc: &Document) -> &'static str {
    match doc.paper {
        crate::project::config::Paper::Letter => "letter",
        crate::project::config::Paper::A4 => "A4",
    }
}

fn switcher(out: &mut String, doc: &Document, ctx: &PageContext, label: &str) {
    if ctx.alternates.len() < 2 {
        return;
    }
    out.push_str("<nav class=\"languages\" aria-label=\"");
    attr(out, label);
    out.push_str("\">\n<ul>\n");
    for alt in ctx.alternates {
        let current = alt.lang == doc.lang;
        out.push_str("<li>");
        if current {
            out.push_str("<span aria-current=\"page\" lang=\"");
        } else {
            out.push_str("<a href=\"");
            href(out, &page_href(&alt.lang, &doc.slug));
            out.push_str("\" hreflang=\"");
            attr(out, &alt.lang);
            out.push_str("\" lang=\"");
        }
        attr(out, &alt.lang);
        let _ = write!(out, "\" dir=\"{}\">", alt.dir.as_str());
        text(out, &alt.name);
        out.push_str(if current { "</span>" } else { "</a>" });
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</nav>\n");
}

/// Opens an element for a slot: a slot showing the source text carries the source
/// language and direction, and a class that marks it.
fn open_slot(out: &mut String, tag: &str, doc: &Document, slot: &Text, extra: &str) {
    let _ = write!(out, "<{tag}");
    let mut classes = extra.to_string();
    if slot.fallback {
        if !classes.is_empty() {
            classes.push(' ');
        }
        classes.push_str("untranslated");
        out.push_str(" lang=\"");
        attr(out, &doc.source_lang);
        let _ = write!(out, "\" dir=\"{}\"", doc.source_dir.as_str());
    }
    if !classes.is_empty() {
        let _ = write!(out, " class=\"{classes}\"");
    }
    out.push('>');
}

fn slot_inlines(out: &mut String, doc: &Document, slot: &Text, note: &str) {
    if slot.fallback {
        out.push_str("<span lang=\"");
        attr(out, &doc.source_lang);
        let _ = write!(out, "\" dir=\"{}\">", doc.source_dir.as_str());
        inlines(out, &slot.inlines);
        out.push_str("</span>");
        fallback_tag(out, doc, note);
    } else {
        inlines(out, &slot.inlines);
    }
}

fn fallback_tag(out: &mut String, doc: &Document, note: &str) {
    out.push_str(" <small class=\"untranslated-tag\" lang=\"");
    attr(out, &doc.lang);
    let _ = write!(out, "\" dir=\"{}\">", doc.dir.as_str());
    text(out, note);
    out.push_str("</small>");
}

/// A slot as the content of an element whose attributes say its language.
fn slot_body(out: &mut String, doc: &Document, slot: &Text, note: &str) {
    inlines(out, &slot.inlines);
    if slot.fallback {
        fallback_tag(out, doc, note);
    }
}

fn render_block(out: &mut String, doc: &Document, block: &Block, note: &str) {
    match block {
        Block::Heading { level, anchor, text: slot } => {
            if slot.id == doc.title.id {
                return; // already the page title
            }
            let h = (*level).clamp(2, 6);
            let mut open = format!("h{h} id=\"");
            attr(&mut open, anchor);
            open.push('"');
            open_slot(out, &open, doc, slot, "");
            slot_body(out, doc, slot, note);
            let _ = writeln!(out, "</h{h}>");
        }
        Block::Paragraph { text: slot } => {
            open_slot(out, "p", doc, slot, "");
            slot_body(out, doc, slot, note);
            out.push_str("</p>\n");
        }
        Block::List { ordered, start, items } => {
            match (ordered, start) {
                (true, 1) => out.push_str("<ol>\n"),
                (true, n) => {
                    let _ = writeln!(out, "<ol start=\"{n}\">");
                }
                (false, _) => out.push_str("<ul>\n"),
            }
            for item in items {
                out.push_str("<li>");
                list_item(out, doc, item, note);
                out.push_str("</li>\n");
            }
            out.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
        }
        Block::Quote { blocks } => {
            out.push_str("<blockquote>\n");
            blocks.iter().for_each(|b| render_block(out, doc, b, note));
            out.push_str("</blockquote>\n");
        }
        Block::Table { align, header, rows } => table(out, doc, align, header, rows, note),
        Block::Code { text: code } => {
            out.push_str("<pre dir=\"ltr\"><code>");
            text(out, code);
            out.push_str("</code></pre>\n");
        }
        Block::Rule => out.push_str("<hr>\n"),
        Block::Image { src, alt } => image(out, doc, src, alt, note),
    }
}

/// A list item: a lone paragraph is written inline (a tight list); anything else as
/// blocks.
fn list_item(out: &mut String, doc: &Document, item: &[Block], note: &str) {
    match item {
        [Block::Paragraph { text: slot }] => slot_inlines(out, doc, slot, note),
        [Block::Paragraph { text: slot }, rest @ ..] => {
            slot_inlines(out, doc, slot, note);
            out.push('\n');
            rest.iter().for_each(|b| render_block(out, doc, b, note));
        }
        blocks => blocks.iter().for_each(|b| render_block(out, doc, b, note)),
    }
}

fn table(out: &mut String, doc: &Document, align: &[Align], header: &[Text], rows: &[Vec<Text>], note: &str) {
    let class = |i: usize| match align.get(i) {
        Some(Align::Center) => "align-center",
        Some(Align::Right) => "align-end",
        _ => "",
    };
    out.push_str("<div class=\"table\"><table>\n<thead>\n<tr>");
    for (i, cell) in header.iter().enumerate() {
        open_slot(out, "th scope=\"col\"", doc, cell, class(i));
        slot_body(out, doc, cell, note);
        out.push_str("</th>");
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            open_slot(out, "td", doc, cell, class(i));
            slot_body(out, doc, cell, note);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

/// An image from the project (copied to `public/media/`); a remote image is never
/// loaded (no external requests): its alt text stands in.
fn image(out: &mut String, doc: &Document, src: &str, alt: &Text, note: &str) {
    match media_path(src) {
        Some(path) => {
            out.push_str("<figure><img src=\"");
            href(out, &format!("../media/{path}"));
            out.push_str("\" alt=\"");
            attr(out, &alt.plain());
            out.push_str("\"></figure>\n");
        }
        None => {
            open_slot(out, "p", doc, alt, "image-alt");
            slot_body(out, doc, alt, note);
            out.push_str("</p>\n");
        }
    }
}

/// A project-relative image path that is safe to copy and link: no scheme, no absolute
/// path, no `..`.
pub fn media_path(src: &str) -> Option<String> {
    let src = src.trim();
    let bad = src.is_empty()
        || src.contains(':')
        || src.starts_with('/')
        || src.starts_with('\\')
        || src.split(['/', '\\']).any(|p| p == ".." || p.is_empty());
    (!bad).then(|| src.to_string())
}

fn inlines(out: &mut String, items: &[Inline]) {
    for item in items {
        match item {
            Inline::Text { text: t } => text(out, t),
            Inline::Placeable { text: t, .. } => {
                out.push_str("<bdi>");
                text(out, t);
                out.push_str("</bdi>");
            }
            Inline::Emph { content } => wrap(out, "em", content),
            Inline::Strong { content } => wrap(out, "strong", content),
            Inline::Strike { content } => wrap(out, "del", content),
            Inline::Code { text: t } => {
                out.push_str("<code>");
                text(out, t);
                out.push_str("</code>");
            }
            Inline::Link { url, content } => {
                out.push_str("<a href=\"");
                href(out, url);
                out.push('"');
                if url.starts_with("http:") || url.starts_with("https:") {
                    out.push_str(" rel=\"noopener noreferrer\"");
                }
                out.push('>');
                inlines(out, content);
                out.push_str("</a>");
            }
            Inline::Break => out.push_str("<br>"),
        }
    }
}

fn wrap(out: &mut String, tag: &str, content: &[Inline]) {
    let _ = write!(out, "<{tag}>");
    inlines(out, content);
    let _ = write!(out, "</{tag}>");
}

/// One row of the index: a leaflet and where it is published.
#[derive(Debug, Clone)]
pub struct IndexEntry {
    pub slug: String,
    /// The title in the source language.
    pub title: String,
    /// Front matter `weight` (lower first) and the `date` variable (`2026-12-10`): the
    /// index's order, then the title.
    pub weight: Option<i64>,
    pub date: Option<String>,
    /// (language, native name, dir, percent current, published, has PDF)
    pub langs: Vec<IndexLang>,
}

#[derive(Debug, Clone)]
pub struct IndexLang {
    pub lang: String,
    pub name: String,
    pub dir: Direction,
    pub percent: u32,
    pub published: bool,
    pub pdf: bool,
}

/// `public/index.html`: every leaflet in every language with its coverage.
pub fn render_index(ui: &Ui, source_lang: &str, entries: &[IndexEntry]) -> String {
    let site_title = ui.site_title.as_str();
    let mut out = String::with_capacity(4096);
    out.push_str("<!doctype html>\n<html lang=\"");
    attr(&mut out, source_lang);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    text(&mut out, site_title);
    let langs = std::iter::once(source_lang)
        .chain(entries.iter().flat_map(|e| e.langs.iter().map(|l| l.lang.as_str())));
    let _ = write!(
        out,
        "</title>\n<style>\n{CSS}{}</style>\n</head>\n<body>\n<main>\n<article>\n<header class=\"title-band\">\n<h1>",
        lang_styles(langs)
    );
    text(&mut out, site_title);
    out.push_str("</h1>\n</header>\n<div class=\"body\">\n");
    let mut entries: Vec<&IndexEntry> = entries.iter().collect();
    entries.sort_by(|a, b| {
        let key = |e: &IndexEntry| (e.weight.map_or((1, 0), |w| (0, w)), e.date.is_none(), e.date.clone());
        key(a).cmp(&key(b)).then_with(|| a.title.cmp(&b.title)).then_with(|| a.slug.cmp(&b.slug))
    });
    for e in entries {
        out.push_str("<section class=\"index-entry\">\n<h2>");
        text(&mut out, &e.title);
        out.push_str("</h2>\n<ul class=\"index-langs\">\n");
        for l in &e.langs {
            out.push_str("<li data-lang=\"");
            attr(&mut out, &l.lang);
            out.push_str("\"><span lang=\"");
            attr(&mut out, &l.lang);
            let _ = write!(out, "\" dir=\"{}\">", l.dir.as_str());
            text(&mut out, &l.name);
            out.push_str("</span> ");
            if l.published {
                out.push_str("<a href=\"");
                href(&mut out, &format!("{}/{}.html", l.lang, e.slug));
                out.push_str("\">HTML</a>");
                if l.pdf {
                    out.push_str(" · <a href=\"");
                    href(&mut out, &format!("{}/{}.pdf", l.lang, e.slug));
                    out.push_str("\">PDF</a>");
                }
            } else {
                out.push_str("<em>");
                text(&mut out, &ui.not_published);
                out.push_str("</em>");
            }
            let _ = writeln!(out, " <span class=\"coverage\">{}%</span></li>", l.percent);
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</div>\n</article>\n</main>\n<script>\n");
    out.push_str(READER_FIRST);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The index's only script: puts the languages of the browser's list first in each
/// leaflet's list (no request anywhere); without it, the full list in config order.
const READER_FIRST: &str = include_str!("reader_first.js");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_paths_stay_inside_the_project() {
        assert_eq!(media_path("img/picket.jpg").as_deref(), Some("img/picket.jpg"));
        for bad in [
            "https://x.org/a.png",
            "/etc/passwd",
            "../secret.png",
            "a//b.png",
            "javascript:x",
            "data:image/png;base64,x",
            "",
        ] {
            assert!(media_path(bad).is_none(), "{bad}");
        }
    }
}
