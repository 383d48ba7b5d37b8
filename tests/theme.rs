//! The union's look (issue 21): `[theme]` in tradui.toml (accent colour, footer) on the
//! pages and the PDFs, a project's `templates/` overriding one block, and the limits of
//! a template: hostile text stays text, no file outside the project, no loop.

mod common;

use common::Project;

/// Three lines of tradui.toml.
const THEME: &str = "\n[theme]\naccent = \"#1d4e89\"\nfooter = { text = \"Strike hotline, day and night\", phone = \"+1 (718) 555-0100\" }\n";

fn with_theme() -> Project {
    let p = Project::init();
    p.write("tradui.toml", p.read("tradui.toml") + THEME);
    p
}

/// The page without its union footer (`<footer class="site-footer">...</footer>`).
fn without_site_footer(page: &str) -> String {
    let start = page.find("<footer class=\"site-footer\">").unwrap_or(page.len());
    let end = page[start..].find("</footer>\n").map_or(page.len(), |e| start + e + "</footer>\n".len());
    format!("{}{}", &page[..start], &page[end..])
}

#[test]
fn the_theme_reaches_every_page_and_the_index() {
    let p = with_theme();
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    for page in ["public/es/meeting.html", "public/ar/meeting.html", "public/index.html"] {
        let html = p.read(page);
        assert!(html.contains(":root { --accent: #1d4e89; --on-accent: #ffffff; }"), "{page}");
        assert!(
            html.contains("<footer class=\"site-footer\">\n<p lang=\"en\" dir=\"ltr\">Strike hotline, day and night <a href=\"tel:+17185550100\"><bdi dir=\"ltr\">+1 (718) 555-0100</bdi></a></p>\n</footer>"),
            "{page}:\n{html}"
        );
    }
    // A colour that fails WCAG AA is a warning naming both colours.
    p.edit("tradui.toml", "#1d4e89", "#f5c400");
    let out = p.run(&["check"]);
    assert!(
        out.contains(
            "tradui.toml:10:10: warning[contrast]: the accent #f5c400 has a contrast of 1.6:1 with #ffffff"
        ),
        "{out}"
    );
}

#[test]
fn one_small_file_overrides_the_footer_and_nothing_else() {
    let p = with_theme();
    p.run(&["build", "--no-pdf"]);
    let before = p.read("public/es/meeting.html");
    p.write(
        "templates/base.html",
        "{% extends \"tradui/base.html\" %}\n{% block footer %}\n<footer class=\"site-footer\"><p>Local 8: {{ footer.text }}, <a href=\"{{ footer.tel }}\">{{ footer.phone }}</a></p></footer>\n{% endblock %}\n",
    );
    let out = p.run(&["build", "--no-pdf"]);
    assert!(
        out.starts_with("exit: 0") && out.contains("6 file(s) written"),
        "every page and the index change: {out}"
    );
    let after = p.read("public/es/meeting.html");
    assert!(
        after.contains("<footer class=\"site-footer\"><p>Local 8: Strike hotline, day and night, <a href=\"tel:+17185550100\">+1 (718) 555-0100</a></p></footer>"),
        "{after}"
    );
    assert_eq!(without_site_footer(&after), without_site_footer(&before), "only the footer changed");
    assert!(p.read("public/index.html").contains("Local 8:"));
    // A whole template too: templates/page.html replaces tradui's.
    p.write(
        "templates/page.html",
        "<!doctype html><html lang=\"{{ lang }}\"><title>{{ title }}</title>{{ body }}</html>\n",
    );
    p.run(&["build", "--no-pdf"]);
    assert!(
        p.read("public/es/meeting.html")
            .starts_with("<!doctype html><html lang=\"es\"><title>Reunión sindical")
    );
}

#[test]
fn hostile_text_in_a_translation_and_in_a_setting_stays_text() {
    let p = with_theme();
    p.edit("tradui.toml", "Strike hotline, day and night", "<img src=x onerror=alert(1)>\\\" onload=\\\"x");
    p.edit(
        "locales/es/meeting.ftl",
        "title = Reunión sindical esta semana",
        "title = <script>alert(1)</script> 7*7",
    );
    p.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block header %}<header class=\"title-band\"><h1>{{ doc.title.inlines[0].text }}</h1><p title=\"{{ footer.text }}\">{{ footer.text }}</p></header>{% endblock %}\n",
    );
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let html = p.read("public/es/meeting.html");
    for bad in ["<script>alert", "<img src=x", "\" onload=\"x"] {
        assert!(!html.contains(bad), "{bad} became markup:\n{html}");
    }
    assert!(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; 7*7</h1>"), "{html}");
    assert!(html.contains("title=\"&lt;img src=x onerror=alert(1)&gt;&quot; onload=&quot;x\""), "{html}");
    // And no filter turns a translation into markup.
    p.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block header %}{{ heading | safe }}{% endblock %}\n",
    );
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 1") && out.contains("templates/page.html:2:1: error[config]"), "{out}");
}

#[test]
fn a_template_cannot_reach_outside_the_project_nor_loop() {
    let p = with_theme();
    p.run(&["build", "--no-pdf"]);
    let good = p.read("public/es/meeting.html");
    p.write("templates/base.html", "{% extends \"tradui/base.html\" %}\n{% block footer %}{% include \"../tradui.toml\" %}{% endblock %}\n");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains("templates/base.html:2:1: error[config]: the template \"../tradui.toml\" goes up out of templates/ with `..`"),
        "{out}"
    );
    assert!(!p.read("public/es/meeting.html").contains("source ="), "nothing of the file reached a page");
    assert_eq!(p.read("public/es/meeting.html"), good, "the last good page stays");
    // A template that extends itself, through another.
    p.write("templates/base.html", "{% extends \"page.html\" %}\n");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 1") && out.contains("includes or extends itself"), "{out}");
    #[cfg(unix)]
    {
        let outside = tempfile::TempDir::new().unwrap();
        std::fs::write(outside.path().join("x.html"), "secret").unwrap();
        std::fs::remove_file(p.root.join("templates/base.html")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("x.html"), p.root.join("templates/base.html"))
            .unwrap();
        let out = p.run(&["build", "--no-pdf"]);
        assert!(
            out.contains("templates/base.html:1:1: error[config]: this template is a link to a file outside the project"),
            "{out}"
        );
        assert_eq!(p.read("public/es/meeting.html"), good);
        // check finds it too, before any build.
        let check = p.run(&["check"]);
        assert!(check.starts_with("exit: 1"), "{check}");
        assert!(check.contains("templates/base.html:1:1: error[config]: this template is a link"), "{check}");
    }
    // So does a template that does not parse, at its line.
    p.write("templates/footer.html", "{% extends \"tradui/base.html\" %}\n{% block footer %}{{ oops\n");
    let check = p.run(&["check"]);
    assert!(check.starts_with("exit: 1") && check.contains("templates/footer.html:"), "{check}");
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn the_pdf_carries_the_footer_and_the_accent() {
    if !common::have_poppler() {
        return;
    }
    let p = with_theme();
    p.edit("tradui.toml", "paper = \"letter\"", "paper = \"letter\"\nbilingual = [\"ar\"]");
    let out = p.run(&["build", "--pdf-ua"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    for pdf in ["es/meeting.pdf", "ar/meeting.pdf", "ar/meeting.en-ar.pdf"] {
        let lang = pdf;
        let text = common::pdf_text(&p.root.join(format!("public/{pdf}")));
        assert!(text.contains("Strike hotline, day and night"), "{lang}: {text}");
        assert!(text.contains("+1 (718) 555-0100"), "{lang}: {text}");
    }
}

#[test]
fn the_footer_is_translated_like_tradui_own_words() {
    let p = with_theme();
    let check = p.check(&[]);
    let missing: Vec<_> =
        check.of_kind("missing").into_iter().filter(|m| m.id.as_deref() == Some("footer")).collect();
    assert_eq!(missing.len(), 4, "one per translation language: {missing:?}");
    assert!(missing[0].message.contains("the footer (\"Strike hotline, day and night\""), "{:?}", missing[0]);
    p.write("locales/es/tradui.ftl", "footer = Línea de huelga, de día y de noche\n");
    p.run(&["build", "--no-pdf"]);
    let es = p.read("public/es/meeting.html");
    assert!(
        es.contains(
            "<p lang=\"es\" dir=\"ltr\">Línea de huelga, de día y de noche <a href=\"tel:+17185550100\">"
        ),
        "{es}"
    );
    let ar = p.read("public/ar/meeting.html");
    assert!(ar.contains("<p lang=\"en\" dir=\"ltr\">Strike hotline, day and night"), "{ar}");
    assert_eq!(
        p.check(&[]).of_kind("missing").iter().filter(|m| m.id.as_deref() == Some("footer")).count(),
        3
    );
}
