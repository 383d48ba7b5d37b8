//! The inline markup of a unit's Markdown text, as the paired tags an XLIFF file carries:
//! emphasis, strong text, links and inline code, each an opening and a closing
//! delimiter (`**` ... `**`, `[` ... `](https://...)`), so that a CAT tool shows them as
//! tags a translator places but cannot break.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// One delimiter of a markup pair, at its bytes of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delimiter {
    pub range: Range<usize>,
    /// Shared by the opening and the closing delimiter of a pair (`b1`, `i2`, `a1`, `c1`).
    pub id: String,
    /// XLIFF's `ctype`: `bold`, `italic`, `link`, `x-code`.
    pub ctype: &'static str,
    pub open: bool,
}

/// The kinds of markup carried as tags: (id letter, ctype).
fn kind(tag: &Tag) -> Option<(char, &'static str)> {
    match tag {
        Tag::Strong => Some(('b', "bold")),
        Tag::Emphasis => Some(('i', "italic")),
        Tag::Link { link_type: LinkType::Inline, .. } => Some(('a', "link")),
        _ => None,
    }
}

/// A pair still open: its ID, ctype, the whole range, where its opening delimiter
/// ends, and where its content ends so far.
struct Open {
    id: String,
    ctype: &'static str,
    whole: Range<usize>,
    open_end: usize,
    content_end: usize,
}

/// The delimiters found so far, and the pairs still open.
#[derive(Default)]
struct Walk {
    out: Vec<Delimiter>,
    counts: [usize; 4],
    open: Vec<Open>,
}

/// The delimiters of `text`, in order; pairs are numbered per kind in the order they open,
/// so a translation with the same markup gets the same IDs as its source.
pub fn delimiters(text: &str) -> Vec<Delimiter> {
    // Placeables are read as words of the same length, as they are once formatted (a
    // link to `{ $hotline }` is a link), so every offset is the text's own.
    let mut plain = text.to_string();
    for (range, _) in crate::source::placeables(text) {
        plain.replace_range(range.clone(), &"x".repeat(range.len()));
    }
    let mut walk = Walk::default();
    for (event, range) in Parser::new_ext(&plain, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        match event {
            Event::Start(tag) => match kind(&tag) {
                Some((letter, ctype)) => walk.start(letter, ctype, range),
                None => walk.content_at(range.end),
            },
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link) => walk.end(range),
            Event::Code(_) => walk.code(&plain, range),
            _ => walk.content_at(range.end),
        }
    }
    let mut out = walk.out;
    out.sort_by_key(|d| (d.range.start, !d.open));
    // Nested pairs that do not nest in the text (never from a parser, but cheap to
    // refuse) are dropped, so that every tag written has its partner.
    let well_formed = out.windows(2).all(|w| w[0].range.end <= w[1].range.start);
    if well_formed { out } else { Vec::new() }
}

impl Walk {
    fn next_id(&mut self, letter: char) -> String {
        let i = "biac".find(letter).unwrap_or(0);
        self.counts[i] += 1;
        format!("{letter}{}", self.counts[i])
    }

    fn start(&mut self, letter: char, ctype: &'static str, whole: Range<usize>) {
        let len = if letter == 'b' { 2 } else { 1 };
        let open_end = (whole.start + len).min(whole.end);
        let id = self.next_id(letter);
        self.open.push(Open { id, ctype, whole, open_end, content_end: open_end });
    }

    fn end(&mut self, range: Range<usize>) {
        let Some(Open { id, ctype, whole, open_end, content_end }) = self.open.pop() else { return };
        // Only a pair that is what it seems is carried (a reference link, an autolink or
        // a link inside another's text is not).
        if whole != range {
            return;
        }
        let close_start = if ctype == "link" {
            content_end.max(open_end)
        } else {
            whole.end.saturating_sub(open_end - whole.start).max(open_end)
        };
        self.out.push(Delimiter { range: whole.start..open_end, id: id.clone(), ctype, open: true });
        self.out.push(Delimiter { range: close_start..whole.end, id, ctype, open: false });
        self.content_at(whole.end);
    }

    /// An inline code span: its runs of backticks are the delimiters.
    fn code(&mut self, text: &str, range: Range<usize>) {
        let ticks = text[range.clone()].chars().take_while(|c| *c == '`').count();
        if ticks > 0 && range.len() >= 2 * ticks {
            let id = self.next_id('c');
            let open = range.start..range.start + ticks;
            let close = range.end - ticks..range.end;
            self.out.push(Delimiter { range: open, id: id.clone(), ctype: "x-code", open: true });
            self.out.push(Delimiter { range: close, id, ctype: "x-code", open: false });
        }
        self.content_at(range.end);
    }

    /// The innermost open pair's content reaches `end`.
    fn content_at(&mut self, end: usize) {
        if let Some(last) = self.open.last_mut() {
            last.content_end = last.content_end.max(end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(String, String, bool)> {
        delimiters(text).into_iter().map(|d| (text[d.range].to_string(), d.id, d.open)).collect()
    }

    fn p(v: &[(&str, &str, bool)]) -> Vec<(String, String, bool)> {
        v.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), *c)).collect()
    }

    #[test]
    fn markup_becomes_pairs_of_delimiters() {
        assert_eq!(
            pieces("at **{ $time }** on *Friday*, see [our page](https://x.org/{ $slug } \"t\") or `code`."),
            p(&[
                ("**", "b1", true),
                ("**", "b1", false),
                ("*", "i1", true),
                ("*", "i1", false),
                ("[", "a1", true),
                ("](https://x.org/{ $slug } \"t\")", "a1", false),
                ("`", "c1", true),
                ("`", "c1", false),
            ])
        );
        assert_eq!(
            pieces("__a__ _b_ ***c***"),
            p(&[
                ("__", "b1", true),
                ("__", "b1", false),
                ("_", "i1", true),
                ("_", "i1", false),
                ("*", "i2", true),
                ("**", "b2", true),
                ("**", "b2", false),
                ("*", "i2", false),
            ])
        );
        assert_eq!(
            pieces("[**bold link**](a)"),
            p(&[("[", "a1", true), ("**", "b1", true), ("**", "b1", false), ("](a)", "a1", false),])
        );
        assert_eq!(pieces("``a ` b``"), p(&[("``", "c1", true), ("``", "c1", false)]));
    }

    #[test]
    fn plain_text_and_other_links_have_none() {
        for text in ["no markup { $date } 2 * 3 * 4", "<https://x.org>", "[ref][x]", "a_b_c", "**open", ""] {
            assert_eq!(pieces(text), Vec::new(), "{text}");
        }
    }
}
