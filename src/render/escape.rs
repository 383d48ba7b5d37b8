//! The one place text becomes HTML: body text, attribute values and URLs are escaped
//! apart (pulldown-cmark's escaping functions), so untrusted text never becomes markup.

use pulldown_cmark_escape::{escape_href, escape_html, escape_html_body_text};

/// Text between tags: `<`, `>` and `&` escaped.
pub fn text(out: &mut String, s: &str) {
    // Writing to a String cannot fail.
    let _ = escape_html_body_text(&mut *out, s);
}

/// A quoted attribute value: quotes escaped too.
pub fn attr(out: &mut String, s: &str) {
    let _ = escape_html(&mut *out, s);
}

/// A URL in a quoted `href`/`src`: percent-encoded where needed, `&` and quotes escaped.
/// Callers check the scheme first (`links::safe_url`).
pub fn href(out: &mut String, s: &str) {
    let _ = escape_href(&mut *out, s);
}

/// Text for a WhatsApp message: a literal `*`, `_`, `~` or `` ` `` is followed by a word
/// joiner (U+2060), so translated text cannot pair markers into formatting; the text
/// reads the same.
pub fn whatsapp(out: &mut String, s: &str) {
    for c in s.chars() {
        out.push(c);
        if matches!(c, '*' | '_' | '~' | '`') {
            out.push('\u{2060}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: fn(&mut String, &str), s: &str) -> String {
        let mut out = String::new();
        f(&mut out, s);
        out
    }

    #[test]
    fn text_and_attributes_are_escaped_apart() {
        assert_eq!(run(text, "<script>&"), "&lt;script&gt;&amp;");
        assert_eq!(run(attr, "\" onmouseover='x'"), "&quot; onmouseover=&#39;x&#39;");
        assert_eq!(run(href, "https://a.org/?q=\"><x&y"), "https://a.org/?q=%22%3E%3Cx&amp;y");
        assert_eq!(run(whatsapp, "a*b_c"), "a*\u{2060}b_\u{2060}c");
    }
}
