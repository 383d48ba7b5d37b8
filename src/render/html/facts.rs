//! The facts box at the top of a page (the PDF's grey band): the leaflet's variables in
//! the order the front matter gives them, each value isolated in `<bdi>`, a phone number
//! as a `tel:` link, a link as its text. Known names (date, time, place, phone) get a label in the page's
//! language; other variables show their value alone, as in the PDF.

use crate::document::{Document, Variable, is_phone};
use crate::render::escape::{href, text};
use std::fmt::Write as _;

/// Writes the facts box, or nothing when the leaflet has no variables.
pub fn facts(out: &mut String, doc: &Document) {
    if doc.variables.is_empty() {
        return;
    }
    out.push_str("<dl class=\"facts\">\n");
    for v in &doc.variables {
        out.push_str("<div>");
        if let Some(label) = &v.label {
            out.push_str("<dt>");
            text(out, label);
            out.push_str("</dt>");
        }
        out.push_str("<dd>");
        value(out, v);
        out.push_str("</dd></div>\n");
    }
    out.push_str("</dl>\n");
}

fn value(out: &mut String, v: &Variable) {
    let tel = tel_uri(&v.value).filter(|_| is_phone(&v.name)).or_else(|| v.link.clone());
    if let Some(uri) = &tel {
        out.push_str("<a href=\"");
        href(out, uri);
        out.push_str("\">");
    }
    let _ = write!(out, "<bdi dir=\"{}\">", v.dir.as_str());
    text(out, &v.value);
    out.push_str("</bdi>");
    if tel.is_some() {
        out.push_str("</a>");
    }
}

/// `tel:` and the digits of a phone number (a leading `+` kept, ASCII digits of any
/// script's digits), or None when it has fewer than 3 digits or a letter.
pub fn tel_uri(value: &str) -> Option<String> {
    let mut uri = String::from("tel:");
    for (i, c) in value.trim().chars().enumerate() {
        match c {
            '+' if i == 0 => uri.push('+'),
            c if c.is_numeric() => {
                uri.push(char::from_digit(c.to_digit(10).or_else(|| digit_value(c))?, 10)?)
            }
            ' ' | '-' | '.' | '(' | ')' | '\u{a0}' | '\u{2011}' => {}
            _ => return None,
        }
    }
    (uri.chars().filter(char::is_ascii_digit).count() >= 3).then_some(uri)
}

/// The value of a decimal digit of any script (Arabic-Indic, Bengali...).
fn digit_value(c: char) -> Option<u32> {
    // Unicode keeps each script's decimal digits 0-9 in one run of ten code points.
    let zero = ['\u{660}', '\u{6f0}', '\u{966}', '\u{9e6}', '\u{a66}', '\u{e50}', '\u{1040}', '\u{ff10}'];
    zero.iter().find_map(|z| (c as u32).checked_sub(*z as u32).filter(|d| *d < 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_become_tel_links() {
        assert_eq!(tel_uri("(718) 555-0100").as_deref(), Some("tel:7185550100"));
        assert_eq!(tel_uri("+1 718 555 0100").as_deref(), Some("tel:+17185550100"));
        assert_eq!(tel_uri("+١ ٧١٨ ٥٥٥").as_deref(), Some("tel:+1718555"));
        assert_eq!(tel_uri("call 555"), None);
        assert_eq!(tel_uri("12"), None);
        assert_eq!(tel_uri("1+2345"), None);
    }
}
