//! HTML: one self-contained page per leaflet and language (inline CSS, no request to
//! anywhere), with `lang`/`dir`, a language switcher in each language's own name,
//! `hreflang` alternates, placeables in `<bdi>`, parts not yet translated marked, and
//! print CSS. Every string goes through [`super::escape`].

use super::escape::{attr, href, text};
use crate::diag::Diagnostic;
use crate::document::{Align, Block, Document, Inline, Text, Ui};
use crate::fonts::discovery::{css_stack, has_italics};
use crate::lang::{Direction, Lang};
use crate::project::theme::{Theme, phone_digits};
use minijinja::value::Serde;
use minijinja::{Value, context};
use std::fmt::Write as _;
pub use templates::Templates;

pub mod facts;
pub mod preview;
pub mod templates;

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
    /// The templates of the build (tradui's and the project's `templates/`).
    pub templates: &'a Templates,
    /// `[theme]`: colours and footer.
    pub theme: &'a Theme,
}

const CSS: &str = include_str!("leaflet.css");

/// Renders one page from the `page.html` template; an error in a project template
/// names its file and line.
pub fn render_page(doc: &Document, ctx: &PageContext) -> Result<String, Diagnostic> {
    let ui = &doc.ui;
    let langs = [doc.lang.as_str(), doc.source_lang.as_str()]
        .into_iter()
        .chain(ctx.alternates.iter().map(|a| a.lang.as_str()));
    let style =
        format!("{CSS}{}{}@page {{ size: {}; }}", theme_style(ctx.theme), lang_styles(langs), page_size(doc));
    let mut head = String::new();
    preview::preview_tags(&mut head, doc, ctx);
    for alt in ctx.alternates {
        head.push_str("<link rel=\"alternate\" hreflang=\"");
        attr(&mut head, &alt.lang);
        head.push_str("\" href=\"");
        href(&mut head, &page_href(&alt.lang, &doc.slug));
        head.push_str("\">\n");
    }
    let languages: Vec<Value> = if ctx.alternates.len() < 2 {
        Vec::new()
    } else {
        ctx.alternates.iter().map(|a| language(a, doc)).collect()
    };
    let mut heading = String::new();
    slot_inlines(&mut heading, doc, &doc.title, &ui.not_translated);
    let mut facts = String::new();
    facts::facts(&mut facts, doc);
    let mut body = String::new();
    for block in &doc.blocks {
        render_block(&mut body, doc, block, &ui.not_translated);
    }
    let mut links = Vec::new();
    if ctx.pdf {
        links.push(link(&format!("{}.pdf", doc.slug), &ui.pdf, "application/pdf"));
    }
    links.push(link("../index.html", &ui.all_leaflets, ""));
    let data = context! {
        lang => &doc.lang, dir => doc.dir.as_str(), slug => &doc.slug,
        title => format!("{} · {}", doc.title.plain(), ui.site_title), site_title => &ui.site_title,
        head => safe(head), style => safe(style), languages, heading => safe(heading),
        facts => safe(facts), notices => notices(doc), body => safe(body), links,
        ui => Value::from(Serde(ui)), footer => footer(ctx.theme, ui, doc),
        theme => Value::from(Serde(ctx.theme)), doc => Value::from(Serde(doc)), script => safe(String::new()),
        logo => ctx.theme.logo_file().map(|f| format!("../{f}")),
    };
    ctx.templates.render("page.html", &data)
}

/// The notes above the text: the event is over, some parts are not yet translated.
fn notices(doc: &Document) -> Vec<Value> {
    let mut notices = Vec::new();
    if doc.event_over {
        notices.push(context! { class => "event-over", text => &doc.ui.event_over });
    }
    if doc.fallbacks() > 0 {
        let text = format!("{} ({}/{})", doc.ui.notice, doc.fallbacks(), doc.total);
        notices.push(context! { class => "", text });
    }
    notices
}

fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

fn link(to: &str, text: &str, kind: &str) -> Value {
    let mut h = String::new();
    href(&mut h, to);
    context! { href => safe(h), text, type => kind }
}

/// One entry of the language switcher.
fn language(alt: &Alternate, doc: &Document) -> Value {
    let mut h = String::new();
    href(&mut h, &page_href(&alt.lang, &doc.slug));
    context! {
        lang => &alt.lang, name => &alt.name, dir => alt.dir.as_str(), href => safe(h),
        current => alt.lang == doc.lang,
    }
}

/// The union's footer (`[theme] footer`) of a page, in its language when translated.
fn footer(theme: &Theme, ui: &Ui, doc: &Document) -> Value {
    if ui.footer_translated {
        footer_value(theme, ui, &doc.lang, doc.dir)
    } else {
        footer_value(theme, ui, &doc.source_lang, doc.source_dir)
    }
}

fn index_footer(theme: &Theme, ui: &Ui, lang: &str, dir: Direction) -> Value {
    footer_value(theme, ui, lang, dir)
}

/// The footer, or none: its text, in `lang`, and its phone number with the `tel:`
/// address.
fn footer_value(theme: &Theme, ui: &Ui, lang: &str, dir: Direction) -> Value {
    let Some(f) = &theme.footer else { return Value::from(()) };
    let tel = f.phone.as_deref().and_then(phone_digits).map(|d| {
        let mut h = String::new();
        href(&mut h, &format!("tel:{d}"));
        safe(h)
    });
    context! { text => &ui.footer, phone => &f.phone, tel, lang, dir => dir.as_str() }
}

/// The theme's colours as the stylesheet's custom properties (`#rrggbb`, checked when
/// `tradui.toml` was read, so safe in CSS as they are).
fn theme_style(theme: &Theme) -> String {
    let ok = |c: &str| c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|h| h.is_ascii_hexdigit());
    if !ok(&theme.accent) || !ok(&theme.accent_text) {
        return String::new();
    }
    format!(":root {{ --accent: {}; --on-accent: {}; }}\n", theme.accent, theme.accent_text)
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

/// Where a leaflet's page in a language is, relative to a page in `public/<lang>/`.
fn page_href(lang: &str, slug: &str) -> String {
    format!("../{lang}/{slug}.html")
}

fn page_size(doc: &Document) -> &'static str {
    match doc.paper {
        crate::project::config::Paper::Letter => "letter",
        crate::project::config::Paper::A4 => "A4",
        crate::project::config::Paper::HalfLetter => "5.5in 8.5in",
        crate::project::config::Paper::A5 => "A5",
    }
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
    /// The other prints of each published language (`prints`; none without PDFs).
    pub prints: Vec<crate::document::Print>,
    /// Whether the build makes the leaflet's poster (`poster/<slug>.pdf`).
    pub poster: bool,
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

/// `public/index.html`: every leaflet in every language with its coverage, in the
/// committee's order, from the `index.html` template.
pub fn render_index(site: &IndexContext, entries: &[IndexEntry]) -> Result<String, Diagnostic> {
    let (ui, source_lang) = (site.ui, site.source_lang);
    let langs = std::iter::once(source_lang)
        .chain(entries.iter().flat_map(|e| e.langs.iter().map(|l| l.lang.as_str())));
    let style = format!("{CSS}{}{}", theme_style(site.theme), lang_styles(langs));
    let mut entries: Vec<&IndexEntry> = entries.iter().collect();
    entries.sort_by(|a, b| {
        let key = |e: &IndexEntry| (e.weight.map_or((1, 0), |w| (0, w)), e.date.is_none(), e.date.clone());
        key(a).cmp(&key(b)).then_with(|| a.title.cmp(&b.title)).then_with(|| a.slug.cmp(&b.slug))
    });
    let entries: Vec<Value> = entries
        .iter()
        .map(|e| {
            let langs: Vec<Value> = e.langs.iter().map(|l| index_lang(e, l, ui)).collect();
            let poster = e.poster.then(|| {
                let mut h = String::new();
                href(&mut h, &format!("poster/{}.pdf", e.slug));
                safe(h)
            });
            context! { slug => &e.slug, title => &e.title, langs, poster_href => poster }
        })
        .collect();
    let mut heading = String::new();
    text(&mut heading, &ui.site_title);
    let dir = Lang::parse(source_lang).map_or(Direction::Ltr, |l| l.direction());
    let script = format!("<script>\n{READER_FIRST}</script>\n");
    let data = context! {
        lang => source_lang, dir => dir.as_str(), title => &ui.site_title, site_title => &ui.site_title,
        head => safe(String::new()), style => safe(style), languages => Vec::<Value>::new(),
        heading => safe(heading), facts => safe(String::new()), notices => Vec::<Value>::new(),
        body => safe(String::new()), links => Vec::<Value>::new(), entries, ui => Value::from(Serde(ui)),
        footer => index_footer(site.theme, ui, source_lang, dir), theme => Value::from(Serde(site.theme)),
        script => safe(script), logo => site.theme.logo_file(),
    };
    site.templates.render("index.html", &data)
}

/// What the index needs besides its entries.
#[derive(Debug, Clone)]
pub struct IndexContext<'a> {
    /// The interface words of the source language (the site title among them).
    pub ui: &'a Ui,
    pub source_lang: &'a str,
    pub templates: &'a Templates,
    pub theme: &'a Theme,
}

fn index_lang(e: &IndexEntry, l: &IndexLang, ui: &Ui) -> Value {
    let page = |ext: &str| {
        let mut h = String::new();
        href(&mut h, &format!("{}/{}.{ext}", l.lang, e.slug));
        safe(h)
    };
    let html = l.published.then(|| page("html"));
    let pdf = (l.published && l.pdf).then(|| page("pdf"));
    let prints: Vec<Value> = if l.published && l.pdf { e.prints.as_slice() } else { &[] }
        .iter()
        .map(|p| context! { href => page(&format!("{}.pdf", p.name())), label => print_label(*p, ui) })
        .collect();
    context! {
        lang => &l.lang, name => &l.name, dir => l.dir.as_str(), percent => l.percent,
        href => html, pdf_href => pdf, prints,
    }
}

/// How the index names a print: "2 per sheet (a5)", or the paper ("a4").
fn print_label(print: crate::document::Print, ui: &Ui) -> String {
    match print {
        crate::document::Print::TwoUp(p) => format!("{} ({})", ui.two_up, p.as_str()),
        crate::document::Print::Full(p) => format!("PDF {}", p.as_str()),
    }
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
