//! The PDF's text layer: which text each glyph of the laid-out pages stands for, so
//! that copying, searching or reading a PDF aloud gives back the text as written.
//!
//! Typst cuts a shaped run into text items wherever a glyph's vertical offset changes,
//! so a combining mark that the font moves up or down (Thaana's fili, Yiddish's points,
//! Arabic tanween, Yoruba's tones over a dotted letter, Thai tone marks) is an item of
//! its own, and every glyph of a cluster keeps the whole cluster's text: the mark glyph
//! of "ހަ" stands for "ހަ", and its letter for "ހަ" again. Readers copied such a
//! cluster twice (typst/typst#8767); right to left, each letter with a moved mark was a
//! text object apart, its characters read backwards (Dhivehi came back with each fili
//! before its letter, Yiddish with its points cut off their letters).
//!
//! Left to right, the cluster's text stays on the first item's glyph and the items that
//! continue it stand for no text. Right to left, the items of one run are one item again
//! (each glyph keeping its height as a vertical offset), and a cluster's text is shared
//! out: each mark that has a glyph of its own (the one its `cmap` gives, or the one mark
//! glyph of the cluster) stands for that mark, its letter for the rest. The ToUnicode
//! map then says one character per glyph, in the run's `/ReversedChars` order, which is
//! what readers that follow the PDF format read (MuPDF, among others). poppler cannot
//! read a moved mark right whatever the map says: it starts a word at a glyph more than
//! half a point off the baseline, writes a glyph of several characters backwards right
//! to left, and sorts a mark as left to right.

use std::collections::HashMap;
use typst::layout::{Frame, FrameItem, Point};
use typst::text::{FontInstance as Font, Glyph, TextItem};
use typst_layout::PagedDocument;

/// The document with each glyph standing for its own part of its cluster's text. With
/// `every_glyph_mapped` (PDF/UA, where every glyph must map to text), a cluster's
/// other glyphs repeat the letter's text instead of standing for none.
pub(super) fn readable(document: &PagedDocument, every_glyph_mapped: bool) -> PagedDocument {
    let pages = document
        .pages()
        .iter()
        .map(|page| {
            let mut page = page.clone();
            retext(&mut page.frame, every_glyph_mapped);
            page
        })
        .collect();
    PagedDocument::new(pages, typst::model::Document::info(document).clone())
}

/// A cluster as Typst's glyphs name it: where it starts in the source, and its text.
type Key = ((typst::syntax::Span, u16), String);

fn retext(frame: &mut Frame, every_glyph_mapped: bool) {
    let mut items = join_runs(frame.items().cloned().collect());
    let glyphs = cluster_glyphs(&items);
    // The cluster the text item before ended with, and whether its letter has its text.
    let mut before: Option<(Key, bool)> = None;
    for (_, item) in &mut items {
        match item {
            FrameItem::Text(t) => before = retext_item(t, &glyphs, before, every_glyph_mapped),
            FrameItem::Group(group) => {
                retext(&mut group.frame, every_glyph_mapped);
                before = None;
            }
            _ => {}
        }
    }
    frame.clear();
    frame.push_multiple(items);
}

type Item = (Point, FrameItem);

/// The text items as the shaped runs they are: a run that Typst cut into items where a
/// glyph moves up or down is one item again, each glyph with its own vertical offset.
fn join_runs(items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    let mut chain: Vec<(Point, TextItem)> = Vec::new();
    for (pos, item) in items {
        match item {
            FrameItem::Text(t) => {
                if !chain.last().is_some_and(|(p, last)| continues(*p, last, pos, &t)) {
                    flush(&mut chain, &mut out);
                }
                chain.push((pos, t));
            }
            other => {
                flush(&mut chain, &mut out);
                out.push((pos, other));
            }
        }
    }
    flush(&mut chain, &mut out);
    out
}

/// Whether `b` is drawn right after `a`, in the same font and colours, at another
/// height: the two are one shaped run cut apart (Typst cuts only where that changes).
fn continues(a_pos: Point, a: &TextItem, b_pos: Point, b: &TextItem) -> bool {
    let same_style = a.font == b.font
        && a.size == b.size
        && a.fill == b.fill
        && a.stroke == b.stroke
        && a.lang == b.lang
        && a.region == b.region;
    same_style
        && !a.glyphs.is_empty()
        && !b.glyphs.is_empty()
        && ((a_pos.x + a.width()) - b_pos.x).to_pt().abs() < 0.01
        && (a_pos.y - b_pos.y).to_pt().abs() > 0.001
}

fn flush(chain: &mut Vec<(Point, TextItem)>, out: &mut Vec<Item>) {
    let joined = if chain.len() > 1 { join(chain) } else { None };
    match joined {
        Some((pos, t)) => out.push((pos, FrameItem::Text(t))),
        None => out.extend(chain.iter().map(|(p, t)| (*p, FrameItem::Text(t.clone())))),
    }
    chain.clear();
}

/// The pieces of one run (in the order drawn) as one item on the baseline of its
/// longest piece; a cluster two pieces share (a letter and its moved mark) is in the
/// text once. None if the text gets too long for a glyph's range.
fn join(chain: &[(Point, TextItem)]) -> Option<(Point, TextItem)> {
    let baseline = chain.iter().rev().max_by_key(|(_, t)| t.glyphs.len())?.0.y;
    // Left to right, the cut-apart items read well (see `retext_item`); right to left,
    // each was a word apart, read in the wrong order.
    let text: String = chain.iter().map(|(_, t)| t.text.as_str()).collect();
    if !first_strong(&text).is_some_and(|(rtl, _)| rtl) {
        return None;
    }
    let order: Vec<usize> = (0..chain.len()).rev().collect();
    let mut text = String::new();
    let mut offsets = vec![0usize; chain.len()];
    let mut last: Option<&Glyph> = None;
    for &k in &order {
        let t = &chain[k].1;
        let first = t.glyphs.iter().min_by_key(|g| g.range.start)?;
        let cluster = &t.text[first.range()];
        let shared = match last {
            Some(l) if l.span == first.span && first.range.start == 0 && text.ends_with(cluster) => {
                cluster.len()
            }
            _ => 0,
        };
        offsets[k] = text.len() - shared;
        text.push_str(&t.text[shared..]);
        last = t.glyphs.iter().max_by_key(|g| g.range.end);
    }
    let mut glyphs = Vec::new();
    for (k, (pos, t)) in chain.iter().enumerate() {
        let shift = typst::layout::Em::from_abs(baseline - pos.y, t.size);
        for g in &t.glyphs {
            let start = u16::try_from(offsets[k] + g.range().start).ok()?;
            let end = u16::try_from(offsets[k] + g.range().end).ok()?;
            glyphs.push(Glyph { range: start..end, y_offset: g.y_offset + shift, ..g.clone() });
        }
    }
    u16::try_from(text.len()).ok()?;
    let item = TextItem { text: text.into(), glyphs, ..chain[0].1.clone() };
    Some((Point::new(chain[0].0.x, baseline), item))
}

/// The first letter of a strong direction in `text`: whether it is right to left, and
/// whether it is of the Arabic script.
fn first_strong(text: &str) -> Option<(bool, bool)> {
    use icu_properties::props::{BidiClass, Script};
    let bidi = icu_properties::CodePointMapData::<BidiClass>::new();
    let c = text.chars().find(|c| {
        matches!(bidi.get(*c), BidiClass::RightToLeft | BidiClass::ArabicLetter | BidiClass::LeftToRight)
    })?;
    let arabic = icu_properties::CodePointMapData::<Script>::new().get(c) == Script::Arabic;
    Some((bidi.get(c) != BidiClass::LeftToRight, arabic))
}

/// The glyphs of each cluster with a mark, over all the frame's text items.
fn cluster_glyphs(items: &[(typst::layout::Point, FrameItem)]) -> HashMap<Key, Vec<u16>> {
    let mut out: HashMap<Key, Vec<u16>> = HashMap::new();
    for (_, item) in items {
        let FrameItem::Text(t) = item else { continue };
        for g in &t.glyphs {
            let cluster = &t.text[g.range()];
            if has_mark(cluster) {
                out.entry((g.span, cluster.to_string())).or_default().push(g.id);
            }
        }
    }
    out
}

/// Gives the glyphs of `t` their texts; returns the cluster `t` ends with.
fn retext_item(
    t: &mut TextItem,
    glyphs: &HashMap<Key, Vec<u16>>,
    mut before: Option<(Key, bool)>,
    every_glyph_mapped: bool,
) -> Option<(Key, bool)> {
    let text = t.text.to_string();
    let mut i = 0;
    while i < t.glyphs.len() {
        let range = t.glyphs[i].range();
        let run = t.glyphs[i..].iter().take_while(|g| g.range() == range).count();
        let key: Key = (t.glyphs[i].span, text[range.clone()].to_string());
        let continued = i == 0 && before.as_ref().is_some_and(|(k, lettered)| *k == key && *lettered);
        let lettered = if has_mark(&key.1) {
            let ids = glyphs.get(&key).map_or(&[][..], Vec::as_slice);
            // Arabic keeps Typst's clusters: the letter under a tanween, standing for
            // the letter and its mark, keeps poppler's line in one piece ("أحرا ًر ا");
            // the raised tanween on a glyph of its own is a line apart there, and cuts
            // its line in two, read in the wrong order (MuPDF reads both well).
            let split = if first_strong(&key.1) == Some((true, false)) {
                Split::new(&t.font, &key.1, ids)
            } else {
                Split::whole(&key.1)
            };
            let cluster = &mut t.glyphs[i..i + run];
            split.apply(cluster, range.start, continued, every_glyph_mapped)
        } else {
            true
        };
        before = Some((key, lettered));
        i += run;
    }
    before
}

/// How a cluster's text is shared out among its glyphs: the marks at its end that
/// have a glyph of their own (byte range in the cluster, glyph), and the rest.
struct Split {
    marks: Vec<(std::ops::Range<usize>, u16)>,
    rest: std::ops::Range<usize>,
}

impl Split {
    /// The cluster's text on its first glyph, as Typst has it.
    fn whole(cluster: &str) -> Split {
        Split { marks: Vec::new(), rest: 0..cluster.len() }
    }

    fn new(font: &Font, cluster: &str, ids: &[u16]) -> Split {
        let ttf = font.ttf();
        let own = |c: char| {
            let id = ttf.glyph_index(c).map(|g| g.0).filter(|id| ids.contains(id));
            id.or_else(|| lone_mark_glyph(font, ids).filter(|_| trailing_marks(cluster) == 1))
        };
        let mut marks = Vec::new();
        let mut end = cluster.len();
        for (at, c) in cluster.char_indices().rev() {
            match own(c).filter(|_| is_mark(c)) {
                Some(id) => marks.push((at..end, id)),
                None => break,
            }
            end = at;
        }
        Split { marks, rest: 0..end }
    }

    /// Sets the ranges of `cluster` (the glyphs of one cluster in one item, whose text
    /// starts at `start`); returns whether the rest has a glyph now (or had, `continued`).
    fn apply(&self, cluster: &mut [Glyph], start: usize, continued: bool, every_glyph_mapped: bool) -> bool {
        let to = |r: &std::ops::Range<usize>| -> std::ops::Range<u16> {
            let (a, b) = (start + r.start, start + r.end);
            u16::try_from(a).unwrap_or(u16::MAX)..u16::try_from(b).unwrap_or(u16::MAX)
        };
        let mut lettered = continued;
        for g in cluster.iter_mut() {
            if let Some((r, _)) = self.marks.iter().find(|(_, id)| *id == g.id) {
                g.range = to(r);
            } else if continued && !every_glyph_mapped {
                g.range = to(&(self.rest.start..self.rest.start));
            } else {
                g.range = to(&self.rest);
                lettered = true;
            }
        }
        lettered
    }
}

/// The one glyph of `ids` that the font classes as a mark, if only one is.
fn lone_mark_glyph(font: &Font, ids: &[u16]) -> Option<u16> {
    let gdef = font.ttf().tables().gdef?;
    let mut marks = ids
        .iter()
        .filter(|id| gdef.glyph_class(ttf_parser::GlyphId(**id)) == Some(ttf_parser::gdef::GlyphClass::Mark));
    let first = *marks.next()?;
    marks.all(|id| *id == first).then_some(first)
}

/// How many marks the cluster ends with.
fn trailing_marks(cluster: &str) -> usize {
    cluster.chars().rev().take_while(|c| is_mark(*c)).count()
}

fn is_mark(c: char) -> bool {
    use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
    GeneralCategoryGroup::Mark.contains(icu_properties::CodePointMapData::<GeneralCategory>::new().get(c))
}

fn has_mark(text: &str) -> bool {
    text.chars().any(is_mark)
}
