//! Link safety: which addresses a published page may link to. One small module that the
//! status engine (which reports an unsafe link in a translation) and `localize` (which
//! turns one into plain text) both use, so neither reaches into the other.

/// May a link with this address be published? http(s), mailto, tel and addresses
/// inside the site; never `javascript:`, `data:`, `vbscript:`, `file:`...
pub fn safe_url(url: &str) -> bool {
    // Browsers ignore tabs, newlines and leading control characters in a URL.
    let cleaned: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let lower = cleaned.to_ascii_lowercase();
    // `//host/x` (and `\\host`, which browsers read the same way) leaves the site for
    // another host with no scheme named: not one of the four allowed.
    if lower.starts_with("//")
        || lower.starts_with("\\\\")
        || lower.starts_with("/\\")
        || lower.starts_with("\\/")
    {
        return false;
    }
    let scheme_end = lower.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if lower.as_bytes()[i] == b':' => matches!(&lower[..i], "http" | "https" | "mailto" | "tel"),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_four_schemes_and_the_site() {
        for ok in [
            "https://x.org",
            "http://x.org",
            "mailto:a@b.c",
            "tel:+17185550142",
            "/media/a.png",
            "#top",
            "page.html",
        ] {
            assert!(safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JaVa\tScRiPt:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
            "//evil.example/x",
            "\\\\host\\x",
        ] {
            assert!(!safe_url(bad), "{bad}");
        }
    }
}
