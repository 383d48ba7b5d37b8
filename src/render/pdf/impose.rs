//! 2-up imposition: each page of a leaflet set on a half sheet, twice, side by side on
//! one sheet, with cut marks on the line between the copies, so a committee prints half
//! as many sheets and cuts them in two.
//!
//! The copies are the laid-out pages themselves (Typst's frames), placed twice: what
//! prints on the left is exactly what prints on the right.

use crate::document::Paper;
use typst::layout::{Abs, Frame, FrameItem, Point, Sides, Size};
use typst::visualize::{Color, FixedStroke, Geometry, Paint};
use typst_layout::{Page, PagedDocument};

/// The sheet two copies of `half` stand on: as tall as the half sheet, twice as wide
/// (for A5 on A4, 297 mm: a millimetre more than two A5 widths, shared out at the sides).
pub fn sheet_width(half: Paper) -> Abs {
    match half {
        Paper::A5 | Paper::A4 => Abs::mm(297.0),
        Paper::HalfLetter | Paper::Letter => Abs::inches(11.0),
    }
}

/// The 2-up document of `halves` on sheets `width` wide: one sheet per page.
pub fn two_up(halves: &PagedDocument, width: Abs) -> PagedDocument {
    let pages = halves.pages().iter().map(|page| sheet(page, width)).collect();
    PagedDocument::new(pages, typst::model::Document::info(halves).clone())
}

fn sheet(page: &Page, width: Abs) -> Page {
    let half = page.frame.size();
    let mut frame = Frame::hard(Size::new(width.max(half.x * 2.0), half.y));
    let left = (frame.width() - half.x * 2.0) / 2.0;
    frame.push_frame(Point::with_x(left), page.frame.clone());
    // The second copy without its introspection tags: each element is laid out once.
    frame.push_frame(Point::with_x(left + half.x), untagged(page.frame.clone()));
    cut_marks(&mut frame, left + half.x);
    Page { frame, bleed: Sides::splat(Abs::zero()), ..page.clone() }
}

/// The copy of a frame a second copy prints: the same items, no tags.
fn untagged(mut frame: Frame) -> Frame {
    let items: Vec<(Point, FrameItem)> = frame
        .items()
        .filter(|(_, item)| !matches!(item, FrameItem::Tag(_)))
        .cloned()
        .map(|(pos, item)| match item {
            FrameItem::Group(mut group) => {
                group.frame = untagged(group.frame);
                (pos, FrameItem::Group(group))
            }
            item => (pos, item),
        })
        .collect();
    frame.clear();
    frame.push_multiple(items);
    frame
}

/// Two short hairlines on the cut at `x`, in the margins at the top and the bottom of
/// the sheet (where a printer's unprintable edge of about 4 mm leaves them visible).
fn cut_marks(frame: &mut Frame, x: Abs) {
    let stroke =
        FixedStroke { paint: Paint::Solid(Color::BLACK), thickness: Abs::pt(0.5), ..FixedStroke::default() };
    let (from, length) = (Abs::mm(4.0), Abs::mm(7.0));
    let height = frame.height();
    for y in [from, height - from - length] {
        let line = Geometry::Line(Point::with_y(length)).stroked(stroke.clone());
        frame.push(Point::new(x, y), FrameItem::Shape(line, typst::syntax::Span::detached()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_half_letter_leaflet_stands_twice_on_a_letter_sheet_with_its_cut_marked() {
        let mut half = Frame::hard(Size::new(Abs::inches(5.5), Abs::inches(8.5)));
        let text = Geometry::Rect(Size::splat(Abs::pt(10.0))).filled(Color::BLACK);
        half.push(Point::zero(), FrameItem::Shape(text, typst::syntax::Span::detached()));
        let page = Page {
            frame: half,
            bleed: Sides::splat(Abs::zero()),
            fill: typst::foundations::Smart::Auto,
            numbering: None,
            supplement: typst::foundations::Content::empty(),
            number: 1,
        };
        let s = sheet(&page, sheet_width(Paper::HalfLetter));
        assert_eq!(s.frame.size(), Size::new(Abs::inches(11.0), Abs::inches(8.5)));
        let at: Vec<Point> = s.frame.items().map(|(p, _)| *p).collect();
        // Two copies, at the left edge and the middle, then the two marks on the cut.
        assert_eq!(at.len(), 4, "{at:?}");
        assert_eq!(at[0], Point::zero());
        assert_eq!(at[1], Point::with_x(Abs::inches(5.5)));
        assert!(at[2..].iter().all(|p| p.x == Abs::inches(5.5)));
        // A5 on A4: the spare millimetre is shared out at the sides.
        assert!((sheet_width(Paper::A5) - Abs::mm(2.0 * 148.0)).to_mm() > 0.9);
    }
}
