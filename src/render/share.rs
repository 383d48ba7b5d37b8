//! The share image: one 1200 x 630 PNG per leaflet and language (`<slug>.png`), the
//! picture a chat app shows beside a link (`og:image`). Typst lays it out from the
//! same JSON and fonts as the PDF (`share.typ`: the title as large as fits, the facts,
//! the site's name) and `typst-render` paints it; one page, so it costs no more than a
//! PDF.

use super::pdf::{PdfError, PdfRenderer};
use crate::document::Document;

/// The template, shown text as data like the PDF's.
pub const SHARE_TEMPLATE: &str = include_str!("share.typ");
/// Pixels per point: the template's 600 x 315 pt page becomes 1200 x 630 pixels.
const PIXELS_PER_POINT: f32 = 2.0;

/// Renders the share image of a document as PNG bytes.
pub fn share_image(renderer: &PdfRenderer, doc: &Document) -> Result<Vec<u8>, PdfError> {
    let document = renderer.typeset(doc, SHARE_TEMPLATE)?;
    let page =
        document.pages().first().ok_or_else(|| PdfError::Export("the share image has no page".into()))?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(PIXELS_PER_POINT)),
        render_bleed: false,
    };
    let pixmap = typst_render::render(page, &options);
    encode(pixmap.width(), pixmap.height(), pixmap.data())
        .map_err(|e| PdfError::Export(format!("the share image could not be encoded: {e}")))
}

/// A PNG with the fast DEFLATE of the `png` crate: tiny-skia's own encoder (best
/// compression) took most of an image's time. The page is opaque, so the premultiplied
/// RGBA pixels are the plain ones.
fn encode(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Sub);
    encoder.write_header()?.write_image_data(rgba)?;
    Ok(out)
}
