//! QR codes that open a leaflet's page on a phone (`base_url`), for the PDF: error
//! correction Q (a quarter of the code may be smudged or torn and it still reads), its
//! quiet zone included, as SVG that Typst draws as vectors.

use qrcode::{EcLevel, QrCode, render::svg};

/// The SVG of a QR code for `url`, or None when the address is too long for a code.
pub fn svg(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::Q).ok()?;
    Some(code.render::<svg::Color>().quiet_zone(true).module_dimensions(4, 4).build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_address_makes_a_code_and_an_endless_one_none() {
        let code = svg("https://union.example.org/leaflets/ht/meeting.html").unwrap();
        assert!(code.starts_with("<?xml") && code.contains("<svg") && code.contains("<path"), "{code}");
        assert_eq!(svg(&"x".repeat(5000)), None);
    }
}
