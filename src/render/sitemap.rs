//! `public/sitemap.xml` (written only with `base_url`): the absolute address of every
//! published page, each with its other languages as `hreflang` alternates, so a search
//! engine offers a reader the page in their language.

use super::escape::attr;
use super::html::IndexEntry;
use super::html::preview::page_url;

/// The sitemap of every published page; `base` ends in `/`.
pub fn sitemap(base: &str, entries: &[IndexEntry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for e in entries {
        let langs: Vec<&str> = e.langs.iter().filter(|l| l.published).map(|l| l.lang.as_str()).collect();
        for lang in &langs {
            out.push_str("<url>\n<loc>");
            attr(&mut out, &page_url(base, lang, &e.slug));
            out.push_str("</loc>\n");
            for alt in langs.iter().filter(|_| langs.len() > 1) {
                out.push_str("<xhtml:link rel=\"alternate\" hreflang=\"");
                attr(&mut out, alt);
                out.push_str("\" href=\"");
                attr(&mut out, &page_url(base, alt, &e.slug));
                out.push_str("\"/>\n");
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Direction;
    use crate::render::html::IndexLang;

    #[test]
    fn every_published_page_with_its_alternates() {
        let lang = |l: &str, published| IndexLang {
            lang: l.into(),
            name: l.into(),
            dir: Direction::Ltr,
            percent: 100,
            published,
            pdf: false,
        };
        let entries = [IndexEntry {
            slug: "walkout".into(),
            title: "Walkout".into(),
            weight: None,
            date: None,
            langs: vec![lang("en", true), lang("es", true), lang("ht", false)],
            prints: Vec::new(),
            poster: false,
        }];
        let xml = sitemap("https://u.org/a&b/", &entries);
        assert_eq!(xml.matches("<url>").count(), 2, "{xml}");
        assert!(xml.contains("<loc>https://u.org/a&amp;b/es/walkout.html</loc>"), "{xml}");
        assert!(xml.contains("hreflang=\"en\" href=\"https://u.org/a&amp;b/en/walkout.html\""), "{xml}");
        assert!(!xml.contains("/ht/"), "an unpublished language is not listed: {xml}");
    }
}
