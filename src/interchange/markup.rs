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

/// The delimiters of `text`, in order; pairs are numbered per kind in the order they open,
/// so a translation with the same markup gets the same IDs as its source.
pub fn delimiters(text: &str) -> Vec<Delimiter> {
    let mut out = Vec::new();
    let mut counts = [0usize; 4];
    let mut next_id = |letter: char| {
        let i = "biac".find(letter).unwrap_or(0);
        counts[i] += 1;
        format!("{letter}{}", counts[i])
    };
    // Open pairs: (id, ctype, whole range, opening delimiter's end, end of the last content).
    let mut open: Vec<(String, &'static str, Range<usize>, usize, usize)> = Vec::new();
    // Placeables are read as words of the same length, as they are once formatted (a
    // link to `{ $hotline }` is a link), so every offset is the text's own.
    let mut plain = text.to_string();
    for (range, _) in crate::source::placeables(text) {
        plain.replace_range(range.clone(), &"x".repeat(range.len()));
    }
    let text = plain.as_str();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if let Some((letter, ctype)) = kind(&tag) {
                    let len = if letter == 'b' { 2 } else { 1 };
                    let start_end = (range.start + len).min(range.end);
                    open.push((next_id(letter), ctype, range, start_end, start_end));
                } else {
                    content_at(&mut open, range.end);
                }
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link) => {
                let Some((id, ctype, whole, start_end, content_end)) = open.pop() else { continue };
                // Only a pair that is what it seems is carried (a reference link, an
                // autolink or a link inside another's text is not).
                if whole != range {
                    continue;
                }
                let close_start = if ctype == "link" {
                    content_end.max(start_end)
                } else {
                    whole.end.saturating_sub(start_end - whole.start).max(start_end)
                };
                out.push(Delimiter { range: whole.start..start_end, id: id.clone(), ctype, open: true });
                out.push(Delimiter { range: close_start..whole.end, id, ctype, open: false });
                content_at(&mut open, whole.end);
            }
            Event::Code(_) => {
                let ticks = text[range.clone()].chars().take_while(|c| *c == '`').count();
                if ticks > 0 && range.len() >= 2 * ticks {
                    let id = next_id('c');
                    let open_end = range.start + ticks;
                    let close = range.end - ticks..range.end;
                    out.push(Delimiter {
                        range: range.start..open_end,
                        id: id.clone(),
                        ctype: "x-code",
                        open: true,
                    });
                    out.push(Delimiter { range: close, id, ctype: "x-code", open: false });
                }
                content_at(&mut open, range.end);
            }
            _ => content_at(&mut open, range.end),
        }
    }
    out.sort_by_key(|d| (d.range.start, !d.open));
    // Nested pairs that do not nest in the text (never from a parser, but cheap to
    // refuse) are dropped, so that every tag written has its partner.
    let well_formed = out.windows(2).all(|w| w[0].range.end <= w[1].range.start);
    if well_formed { out } else { Vec::new() }
}

/// The innermost open pair's content reaches `end`.
fn content_at(open: &mut [(String, &'static str, Range<usize>, usize, usize)], end: usize) {
    if let Some(last) = open.last_mut() {
        last.4 = last.4.max(end);
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
