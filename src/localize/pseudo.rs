//! Pseudo-localisation: the source-language [`Document`] made into two fake languages, so
//! that the committee sees a layout overflow or a right-to-left break before any
//! translation exists (`tradui build --pseudo`):
//!
//! - `en-XA`: every letter accented, every text about 35% longer (vowels doubled, the
//!   way German or French run longer than English), and each slot in brackets, so a line
//!   cut off at the edge of the page shows;
//! - `ar-XB`: right-to-left: the page's direction is `rtl`, and each text is wrapped in
//!   a right-to-left override (U+202E ... U+202C), so its letters run right to left,
//!   mirrored, as Arabic would, in letters everyone can check.
//!
//! Only plain text changes: placeables (a date, a phone number), code, link addresses
//! and the markup around the text are kept as they are. Pseudo-languages are never
//! listed as languages of the project, required by `check`, or shown in a switcher.

use crate::document::{Document, Inline, Text};
use crate::lang::Direction;

/// The pseudo-language tags.
pub const ACCENTED: &str = "en-XA";
pub const MIRRORED: &str = "ar-XB";

/// How much longer `en-XA` text is, in percent.
pub const EXPANSION: usize = 35;

/// The pseudo documents of every source-language document among `docs`, for the build.
pub fn documents<D: Clone + Default>(source_lang: &str, docs: &[(Document, D)]) -> Vec<(Document, D)> {
    docs.iter()
        .filter(|(d, _)| d.lang == source_lang)
        .flat_map(|(d, _)| [(accented(d), D::default()), (mirrored(d), D::default())])
        .collect()
}

/// The `en-XA` version of a source document.
pub fn accented(source: &Document) -> Document {
    let mut doc = fake(source, ACCENTED, "[Ƥšéûðö] English (en-XA)", Direction::Ltr);
    transform(&mut doc, &mut |t| bracket(t, accent_inlines));
    doc
}

/// The `ar-XB` version of a source document.
pub fn mirrored(source: &Document) -> Document {
    let mut doc = fake(source, MIRRORED, "Pseudo right-to-left (ar-XB)", Direction::Rtl);
    transform(&mut doc, &mut |t| mirror_inlines(t));
    doc
}

fn fake(source: &Document, lang: &str, name: &str, dir: Direction) -> Document {
    Document {
        lang: lang.to_string(),
        lang_name: name.to_string(),
        dir,
        translated: source.total,
        ..source.clone()
    }
}

fn transform(doc: &mut Document, f: &mut dyn FnMut(&mut Vec<Inline>)) {
    let mut slot = |t: &mut Text| {
        t.fallback = false;
        f(&mut t.inlines);
    };
    slot(&mut doc.title);
    for block in &mut doc.blocks {
        for t in block.texts_mut() {
            slot(t);
        }
    }
}

fn bracket(inlines: &mut Vec<Inline>, f: fn(&mut [Inline], &mut usize)) {
    let chars = count_chars(inlines);
    let mut extra = (chars * EXPANSION).div_ceil(100);
    f(inlines, &mut extra);
    if extra > 0 {
        inlines.push(Inline::Text { text: format!(" {}", "·".repeat(extra)) });
    }
    inlines.insert(0, Inline::Text { text: "[".into() });
    inlines.push(Inline::Text { text: "]".into() });
}

/// Characters of the text a translator would translate (placeables and code left out).
fn count_chars(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.chars().count(),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. } => count_chars(content),
            Inline::Placeable { .. } | Inline::Code { .. } | Inline::Break => 0,
        })
        .sum()
}

/// Accents the letters of text inlines and doubles vowels while `extra` lasts.
fn accent_inlines(inlines: &mut [Inline], extra: &mut usize) {
    for i in inlines {
        match i {
            Inline::Text { text } => *text = accent(text, extra),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. } => accent_inlines(content, extra),
            Inline::Placeable { .. } | Inline::Code { .. } | Inline::Break => {}
        }
    }
}

/// One text accented, vowels doubled while `extra` lasts.
pub fn accent(text: &str, extra: &mut usize) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let a = accented_char(c);
        out.push(a);
        if *extra > 0 && "aeiouyAEIOUY".contains(c) {
            out.push(a);
            *extra -= 1;
        }
    }
    out
}

fn accented_char(c: char) -> char {
    const FROM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const TO: &str = "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    FROM.chars().position(|f| f == c).and_then(|i| TO.chars().nth(i)).unwrap_or(c)
}

/// Wraps the text of each inline in a right-to-left override, at every level: the
/// bidi algorithm then lays its letters out right to left (mirrored), and lines break
/// in reading order, as Android's ar-XB pseudo-locale does. Placeables are isolated by
/// the renderers, so they stay readable.
fn mirror_inlines(inlines: &mut [Inline]) {
    for i in inlines.iter_mut() {
        match i {
            Inline::Text { text } => *text = mirror(text),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. } => mirror_inlines(content),
            Inline::Placeable { .. } | Inline::Code { .. } | Inline::Break => {}
        }
    }
}

/// RIGHT-TO-LEFT OVERRIDE, the text, POP DIRECTIONAL FORMATTING; each number inside
/// (`12`, `6:30`, `1,000`) in a LEFT-TO-RIGHT ISOLATE, so its digits keep their order
/// as they do in Arabic, and numbers stay in the order of the text.
pub fn mirror(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    out.push('\u{202E}');
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_numeric() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len()
            && (chars[end].is_numeric()
                || (",.:/-".contains(chars[end]) && chars.get(end + 1).is_some_and(|c| c.is_numeric())))
        {
            end += 1;
        }
        out.push('\u{2066}');
        out.extend(&chars[i..end]);
        out.push('\u{2069}');
        i = end;
    }
    out.push('\u{202C}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Block;
    use crate::project::config::Paper;

    fn doc(inlines: Vec<Inline>) -> Document {
        Document {
            slug: "t".into(),
            lang: "en".into(),
            dir: Direction::Ltr,
            lang_name: "English".into(),
            source_lang: "en".into(),
            source_dir: Direction::Ltr,
            paper: Paper::default(),
            fit: Default::default(),
            title: Text {
                id: "title".into(),
                fallback: false,
                inlines: vec![Inline::Text { text: "Walk".into() }],
            },
            blocks: vec![
                Block::Paragraph { text: Text { id: "p".into(), fallback: false, inlines } },
                Block::Code { text: "keep me".into() },
            ],
            variables: vec![],
            translated: 2,
            total: 2,
            ui: Default::default(),
            short: Vec::new(),
            poster: None,
            event_over: false,
        }
    }

    fn t(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    fn para(d: &Document) -> &Vec<Inline> {
        match &d.blocks[0] {
            Block::Paragraph { text } => &text.inlines,
            _ => unreachable!(),
        }
    }

    #[test]
    fn accented_is_bracketed_longer_and_keeps_placeables_and_markup() {
        let place = Inline::Placeable { text: "Dec 3".into(), dir: Direction::Ltr };
        let d = accented(&doc(vec![
            t("We walk on "),
            place.clone(),
            t(" with "),
            Inline::Strong { content: vec![t("everyone")] },
            t("."),
        ]));
        assert_eq!((d.lang.as_str(), d.dir), (ACCENTED, Direction::Ltr));
        let p = para(&d);
        assert_eq!(p.first(), Some(&t("[")));
        assert_eq!(p.last(), Some(&t("]")));
        assert!(p.contains(&place), "{p:?}");
        assert!(matches!(&p[4], Inline::Strong { content } if content == &vec![t("ééṽééŕýýööñéé")]), "{p:?}");
        let plain = Text { id: "p".into(), fallback: false, inlines: p.clone() }.plain();
        let source = "We walk on Dec 3 with everyone.";
        let grown = plain.chars().count() - 2;
        assert!(grown * 100 >= source.chars().count() * 130, "{plain}");
        assert_eq!(d.blocks[1], Block::Code { text: "keep me".into() });
        assert_eq!(d.title.plain(), "[Ŵååļķ ·]");
    }

    #[test]
    fn mirrored_is_right_to_left_and_overridden() {
        let link = Inline::Link { url: "https://example.org".into(), content: vec![t("the union")] };
        let place = Inline::Placeable { text: "555".into(), dir: Direction::Ltr };
        let d = mirrored(&doc(vec![t("Call (now) "), link, place.clone()]));
        assert_eq!((d.lang.as_str(), d.dir), (MIRRORED, Direction::Rtl));
        let p = para(&d);
        assert_eq!(p[0], t("\u{202E}Call (now) \u{202C}"));
        assert_eq!(
            p[1],
            Inline::Link { url: "https://example.org".into(), content: vec![t("\u{202E}the union\u{202C}")] }
        );
        assert_eq!(p[2], place);
    }

    #[test]
    fn mirrored_numbers_keep_their_digits_in_order() {
        assert_eq!(
            mirror("12 workers at 6:30, gate 4."),
            "\u{202E}\u{2066}12\u{2069} workers at \u{2066}6:30\u{2069}, gate \u{2066}4\u{2069}.\u{202C}"
        );
        assert_eq!(mirror("no digits"), "\u{202E}no digits\u{202C}");
    }

    #[test]
    fn pseudo_documents_have_no_fallback_marks() {
        let mut source = doc(vec![t("x")]);
        source.title.fallback = true;
        source.translated = 0;
        let d = accented(&source);
        assert!(!d.title.fallback);
        assert_eq!(d.percent(), 100);
    }
}
