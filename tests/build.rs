//! `tradui build` on real projects: HTML and PDF for every language, determinism,
//! incremental writes, fallbacks, hostile translations, print checks with poppler.

mod common;

use common::Project;
use std::fs;

fn built() -> Project {
    let p = Project::init();
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    p
}

#[test]
fn every_language_gets_a_page_and_a_pdf() {
    let p = built();
    for lang in ["en", "es", "ht", "ar", "fr"] {
        assert!(p.read(&format!("public/{lang}/meeting.html")).starts_with("<!doctype html>"));
        assert!(p.bytes(&format!("public/{lang}/meeting.pdf")).starts_with(b"%PDF-"));
    }
    let index = p.read("public/index.html");
    for link in ["ar/meeting.html", "ar/meeting.pdf", "ht/meeting.html", "en/meeting.html"] {
        assert!(index.contains(&format!("href=\"{link}\"")), "index has no {link}");
    }
}

#[test]
fn arabic_page_is_right_to_left_with_isolated_placeables() {
    let p = built();
    let ar = p.read("public/ar/meeting.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains("<bdi>Warehouse Workers Union</bdi>"), "terms are isolated");
    assert!(ar.contains("<bdi>6:30 PM</bdi>"), "variables are isolated");
    assert!(ar.contains("<bdi>10 ديسمبر 2026</bdi>"), "dates are shown in the language's format");
    assert!(ar.contains("<link rel=\"alternate\" hreflang=\"ht\" href=\"../ht/meeting.html\">"));
    assert!(ar.contains(
        "<a href=\"../ht/meeting.html\" hreflang=\"ht\" lang=\"ht\" dir=\"ltr\">Kreyòl ayisyen</a>"
    ));
    assert!(ar.contains("<span aria-current=\"page\" lang=\"ar\" dir=\"rtl\">العربية</span>"));
    assert!(!ar.contains("http://") && !ar.contains("src=\"http"), "no external requests");
    let css_start = ar.find("<style>").unwrap();
    let css = &ar[css_start..ar.find("</style>").unwrap()];
    for physical in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align: left",
        "text-align: right",
        "float: left",
    ] {
        assert!(!css.contains(physical), "CSS uses {physical}");
    }
}

#[test]
fn spanish_page_snapshot() {
    let p = built();
    let page = p.read("public/es/meeting.html");
    let body = &page[page.find("<body>").unwrap()..];
    insta::assert_snapshot!(body);
}

#[test]
fn builds_are_deterministic_and_incremental() {
    let a = built();
    let b = built();
    for path in
        ["public/ar/meeting.html", "public/ar/meeting.pdf", "public/ht/meeting.pdf", "public/index.html"]
    {
        assert!(a.bytes(path) == b.bytes(path), "{path} differs between two builds");
    }
    let pdf = a.root.join("public/ht/meeting.pdf");
    let before = fs::metadata(&pdf).unwrap().modified().unwrap();
    let again = a.run(&["build"]);
    assert!(again.contains("0 rebuilt, 11 up to date (skipped); 0 file(s) written, 1 unchanged"), "{again}");
    assert_eq!(before, fs::metadata(&pdf).unwrap().modified().unwrap());
    a.edit("locales/fr/meeting.ftl", "Amenez un collègue.", "Amenez une ou un collègue.");
    let after_edit = a.run(&["build"]);
    assert!(
        after_edit.contains("3 rebuilt, 8 up to date (skipped); 3 file(s) written"),
        "only the French page, PDF and text to paste change (the poster is made again, the same): {after_edit}"
    );
    let forced = a.run(&["build", "--force"]);
    assert!(
        forced.contains("11 rebuilt, 0 up to date (skipped); 0 file(s) written, 17 unchanged"),
        "{forced}"
    );
}

#[test]
fn missing_and_stale_text_falls_back_to_the_source_marked() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.delete_message("locales/ht/meeting.ftl", "why-p1");
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let ht = p.read("public/ht/meeting.html");
    assert!(ht.contains("<p class=\"notice\" role=\"note\">Gen kèk pati ki poko tradui; yo parèt nan lang orijinal la. (2/7)</p>"), "{ht}");
    assert!(ht.contains("<p lang=\"en\" dir=\"ltr\" class=\"untranslated\">When we speak <em>together</em>, management listens. <small class=\"untranslated-tag\" lang=\"ht\" dir=\"ltr\">poko tradui</small></p>"), "{ht}");
    assert!(ht.contains("Bring two coworkers."), "a stale translation shows today's source text");
    assert!(!ht.contains("Mennen yon kolèg travay."), "never the out-of-date translation");
    let text = common::poppler("pdftotext", &[p.root.join("public/ht/meeting.pdf").to_str().unwrap(), "-"]);
    assert!(text.contains("poko tradui"), "{text}");
}

#[test]
fn stale_translations_can_be_shown_by_policy() {
    let p = Project::init();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\", \"ht\", \"ar\", \"fr\"]\n[fallback]\nstale = \"translation\"\n");
    p.edit("content/meeting.md", "Bring a coworker.", "Bring two coworkers.");
    p.run(&["build", "--no-pdf"]);
    assert!(p.read("public/ht/meeting.html").contains("Mennen yon kolèg travay."));
}

#[test]
fn languages_below_the_minimum_are_not_published_and_old_pages_go() {
    let p = built();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\", \"ht\", \"ar\", \"fr\"]\n[fallback.languages.ar]\nmin-coverage = 100\n");
    p.delete_message("locales/ar/meeting.ftl", "why-p1");
    let out = p.run(&["build"]);
    assert!(out.contains("meeting: not published in ar: 85% translated, below the 100% minimum"), "{out}");
    assert!(out.contains("3 removed"), "{out}");
    assert!(!p.root.join("public/ar/meeting.html").exists());
    assert!(!p.root.join("public/ar/meeting.txt").exists());
    assert!(!p.root.join("public/ar/meeting.pdf").exists());
    let es = p.read("public/es/meeting.html");
    assert!(!es.contains("hreflang=\"ar\""), "the switcher only offers published languages");
    assert!(
        p.read("public/index.html").contains("<em>not published</em> <span class=\"coverage\">85%</span>")
    );
}

/// Translations written to attack the page and the PDF.
const HOSTILE: &[(&str, &str)] = &[
    ("title", "<script>alert(1)</script></title><script>x</script>"),
    ("meeting", "<img src=x onerror=alert(1)> \" onmouseover=\"alert(1)"),
    (
        "meeting-li2",
        "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](data:text/html,<script>alert(3)</script>) [d](java&#x09;script:alert(4))",
    ),
    ("why", "#read(\"/etc/passwd\") #set page(width: 1pt) $x^2$ ] [ {{ template }}"),
    ("why-p1", "\u{202E}txt.exe <style>body{display:none}</style> <iframe src=//evil.example>"),
];

fn hostile_project() -> Project {
    let p = Project::init();
    let mut ftl = String::new();
    let en = [
        ("title", "Union meeting this week"),
        ("meeting", "Come to the meeting"),
        ("meeting-li2", "Bring a coworker."),
        ("why", "Why it matters"),
        ("why-p1", "When we speak *together*, management listens."),
    ];
    for ((id, text), (_, source)) in HOSTILE.iter().zip(en) {
        ftl.push_str(&format!("# en: {source}\n{id} = {}\n\n", tradui::source::to_fluent(text)));
    }
    ftl.push_str("# en: All workers are welcome at the { -union-name } meeting on { $date } at { $time }.\nmeeting-p1 = x { -union-name } { $date } { $time }\n\n# en: Where: { $place }\nmeeting-li1 = { $place }\n");
    p.write("locales/es/meeting.ftl", ftl);
    p
}

#[test]
fn hostile_translations_stay_text_in_html() {
    let p = hostile_project();
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let es = p.read("public/es/meeting.html");
    let lower = es.to_lowercase();
    assert_eq!(lower.matches("<script").count(), 0, "{es}");
    assert!(!lower.contains("<img"), "raw HTML became markup");
    assert!(!lower.contains("<iframe") && !lower.contains("<style>body"));
    assert!(
        !lower.contains("href=\"javascript")
            && !lower.contains("href=\"data:")
            && !lower.contains("href=\"java")
    );
    assert!(!lower.contains(" onerror=") || lower.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(es.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;/title&gt;"), "{es}");
    assert!(es.contains("&lt;img src=x onerror=alert(1)&gt; \" onmouseover=\"alert(1)"), "{es}");
    let check = p.run(&["check", "--lang", "es"]);
    assert!(check.contains("error[unsafe-link]: `meeting-li2` links to `javascript:alert(1)`"), "{check}");
}

/// A text's words, one space apart (the lines of a PDF end wherever its size puts them).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn hostile_translations_stay_text_in_pdf() {
    if !common::have_poppler() {
        return;
    }
    let p = hostile_project();
    p.run(&["build"]);
    let pdf = p.root.join("public/es/meeting.pdf");
    // Lines joined: a fitted leaflet wraps wherever its size puts the line ends.
    let text = words(&common::poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    for literal in ["#read(\"/etc/passwd\")", "#set page(width: 1pt)", "$x^2$", "<script>alert(1)</script>"] {
        assert!(text.contains(literal), "{literal:?} not printed as text:\n{text}");
    }
    assert!(!text.contains("root:x:0:0"), "a file was read");
    assert!(common::poppler("pdfinfo", &[pdf.to_str().unwrap()]).contains("612 x 792 pts (letter)"));
}

#[test]
fn pdfs_embed_fonts_and_give_text_back_in_logical_order() {
    if !common::have_poppler() {
        return;
    }
    let p = built();
    for lang in ["ar", "ht"] {
        let pdf = p.root.join(format!("public/{lang}/meeting.pdf"));
        let fonts = common::poppler("pdffonts", &[pdf.to_str().unwrap()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            assert!(row.contains(" yes yes yes "), "font not embedded: {row}");
        }
    }
    let ar =
        words(&common::poppler("pdftotext", &[p.root.join("public/ar/meeting.pdf").to_str().unwrap(), "-"]));
    // pdftotext spells out the lam-alef ligature in reverse (a poppler limitation), so
    // the phrases checked here avoid it.
    assert!(ar.contains("اجتماع النقابة هذا"), "{ar}");
    assert!(ar.contains("جميع العمال مدعوون"), "{ar}");
    assert!(ar.contains("Warehouse Workers Union"), "{ar}");
    assert!(ar.contains("عندما نتحدث"), "{ar}");
    let ht =
        words(&common::poppler("pdftotext", &[p.root.join("public/ht/meeting.pdf").to_str().unwrap(), "-"]));
    assert!(ht.contains("Reyinyon sendika a semèn sa a"), "{ht}");
    assert!(ht.contains("Lè nou pale ansanm, direksyon an koute."), "{ht}");
    assert!(
        common::poppler("pdffonts", &[p.root.join("public/ar/meeting.pdf").to_str().unwrap()])
            .contains("NotoNaskhArabic-Regular")
    );
}

#[test]
fn paper_size_and_metadata() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.edit(
        "content/meeting.md",
        "title = \"Union meeting this week\"",
        "title = \"Union meeting this week\"\npaper = \"a4\"",
    );
    p.run(&["build"]);
    let info = common::poppler("pdfinfo", &[p.root.join("public/fr/meeting.pdf").to_str().unwrap()]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    assert!(info.contains("Title:           Réunion syndicale cette semaine"), "{info}");
    assert!(!info.contains("CreationDate"), "no wall-clock date without SOURCE_DATE_EPOCH: {info}");
    let bytes = p.bytes("public/fr/meeting.pdf");
    assert!(bytes.windows(9).any(|w| w == b"/Lang(fr)"), "the PDF names its language");
}

#[test]
fn source_date_epoch_sets_the_creation_date() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    let out = assert_cmd::Command::cargo_bin("tradui")
        .unwrap()
        .current_dir(&p.root)
        .args(["build"])
        .env("SOURCE_DATE_EPOCH", "1764720000")
        .output()
        .unwrap();
    assert!(out.status.success());
    let info = common::poppler("pdfinfo", &[p.root.join("public/en/meeting.pdf").to_str().unwrap()]);
    assert!(info.contains("2025"), "{info}");
}

#[test]
fn bad_translations_still_render() {
    let p = Project::init();
    p.edit("locales/fr/meeting.ftl", "Amenez un collègue.", "Amenez **un collègue.");
    p.edit("locales/fr/meeting.ftl", "Où : { $place }", "Où : { $place } [plan](");
    p.edit("locales/fr/meeting.ftl", "why = Pourquoi c'est important", "why = Pourquoi { -syndicat } compte");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let fr = p.read("public/fr/meeting.html");
    assert!(fr.contains("Amenez **un collègue."), "unbalanced emphasis stays literal: {fr}");
    assert!(fr.contains("[plan]("), "{fr}");
    assert!(
        fr.contains("lang=\"en\" dir=\"ltr\" class=\"untranslated\">Why it matters"),
        "an invalid translation falls back: {fr}"
    );
    let check = p.run(&["check", "--lang", "fr"]);
    assert!(check.contains("`why` uses `{ -syndicat }`, which the source text does not have"), "{check}");
}

#[test]
fn a_missing_variable_value_is_reported_and_no_page_shows_the_gap() {
    let p = Project::init();
    p.write("content/broken.md", "# Strike\n\nOn { $date }.\n");
    p.write("content/empty.md", "");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(out.contains("content/broken.md:3:1: error[source]: `{ $date }` has no value"), "{out}");
    assert!(
        out.contains("content/broken.md:3:1: error[source]: `broken` is not built because of this error"),
        "{out}"
    );
    assert!(!p.root.join("public/en/broken.html").exists(), "no page with `{{$date}}` in it");
    assert!(!out.contains("Resolver error"), "a leaflet with an error is not localized: {out}");
    assert!(
        out.contains("content/empty.md:1:1: error[source]: the leaflet has no text to translate"),
        "{out}"
    );
    assert!(!p.root.join("public/en/empty.html").exists());
    assert!(p.root.join("public/en/meeting.html").exists(), "the other leaflets are built");
}

#[test]
fn a_character_no_font_has_is_an_error_and_no_pdf_of_boxes_is_written() {
    let p = Project::init();
    assert!(p.run(&["build"]).starts_with("exit: 0"));
    p.edit("locales/ht/meeting.ftl", "Mennen yon kolèg travay.", "Mennen yon kolèg travay \u{0378}.");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(out.contains("locales/ht/meeting.ftl:14:39: error[missing-glyph]: no font has '\u{0378}' (U+0378), needed for Kreyòl ayisyen (ht); the PDF would show empty boxes, so it is not written"), "{out}");
    assert!(
        !p.root.join("public/ht/meeting.pdf").exists(),
        "the earlier PDF is removed, no PDF of boxes written"
    );
    assert!(p.root.join("public/fr/meeting.pdf").exists());
    let check = p.run(&["check"]);
    assert!(
        check.starts_with("exit: 1")
            && check.contains("locales/ht/meeting.ftl:14:39: error[missing-glyph]: no font has"),
        "{check}"
    );
}

#[test]
fn system_fonts_cover_scripts_the_embedded_fonts_lack() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.edit("locales/fr/meeting.ftl", "Amenez un collègue.", "Amenez un collègue. नमस्ते");
    let out = p.run(&["build"]);
    if out.contains("no font has") {
        panic!("no system font for Devanagari (apt-get install fonts-noto-core): {out}");
    }
    let fonts = common::poppler("pdffonts", &[p.root.join("public/fr/meeting.pdf").to_str().unwrap()]);
    assert!(fonts.contains("Devanagari"), "{fonts}");
}

#[test]
fn bilingual_pdf_puts_two_languages_on_one_sheet() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.edit("tradui.toml", "paper = \"letter\"", "paper = \"letter\"\nbilingual = [\"ar\"]");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let pdf = p.root.join("public/ar/meeting.en-ar.pdf");
    let info = common::poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Pages:           1"), "{info}");
    let text = common::poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("Union meeting this week") && text.contains("اجتماع النقابة هذا"), "{text}");
}

#[test]
fn a_project_template_replaces_the_built_in_one() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.edit("tradui.toml", "paper = \"letter\"", "paper = \"letter\"\ntemplate = \"print.typ\"");
    p.write("print.typ", "#import \"/lib.typ\": *\n#let data = json(\"/doc.json\")\n#set page(paper: \"a5\")\n= Custom: #data.title\n#blocks(data, data.doc.blocks)\n");
    p.run(&["build"]);
    let pdf = p.root.join("public/es/meeting.pdf");
    assert!(
        common::poppler("pdfinfo", &[pdf.to_str().unwrap()]).contains("419.528 x 595.276 pts"),
        "A5 from the project's template"
    );
    assert!(
        common::poppler("pdftotext", &[pdf.to_str().unwrap(), "-"])
            .contains("Custom: Reunión sindical esta semana")
    );
    p.write("print.typ", "#read(\"/etc/passwd\")\n");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(out.contains("template line 1"), "a template error names its line: {out}");
}

#[test]
fn pdf_a_on_request() {
    let p = Project::init();
    let out = p.run(&["build", "--pdf-a"]);
    assert!(
        out.starts_with("exit: 1") && out.contains("PDF/A needs a creation date: set SOURCE_DATE_EPOCH"),
        "{out}"
    );
    let out = assert_cmd::Command::cargo_bin("tradui")
        .unwrap()
        .current_dir(&p.root)
        .args(["build", "--pdf-a"])
        .env("SOURCE_DATE_EPOCH", "1764720000")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = p.bytes("public/en/meeting.pdf");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("pdfaid:part") || text.contains("pdfaid"),
        "no PDF/A identification in the metadata"
    );
}

#[test]
fn a_variable_can_take_another_value_in_one_language() {
    let p = Project::init();
    p.edit(
        "content/meeting.md",
        "place = \"Union hall, 2nd floor\"",
        "place = \"Union hall, 2nd floor\"\n\n[variables.es]\nplace = \"la sede del sindicato\"",
    );
    p.delete_message("locales/es/meeting.ftl", "why-p1");
    let out = p.run(&["check"]);
    assert!(!out.contains("stale"), "a variable's value makes nothing stale: {out}");
    p.run(&["build", "--no-pdf"]);
    assert!(p.read("public/es/meeting.html").contains("Dónde: <bdi>la sede del sindicato</bdi>"));
    assert!(p.read("public/fr/meeting.html").contains("<bdi>Union hall, 2nd floor</bdi>"));
}

#[test]
fn plurals_follow_each_language_cldr_rules() {
    let p = Project::init();
    p.edit("content/meeting.md", "time = \"6:30 PM\"", "time = \"6:30 PM\"\nrooms = 3");
    p.edit("content/meeting.md", "- Bring a coworker.", "- Bring a coworker. We have { $rooms } rooms.");
    let ar = p.read("locales/ar/meeting.ftl").replace(
        "# en: Bring a coworker.\nmeeting-li2 = أحضر زميلًا من العمل.",
        "# en: Bring a coworker. We have { $rooms } rooms.\nmeeting-li2 = أحضر زميلًا من العمل. { $rooms ->\n    [zero] لا غرف\n    [one] غرفة واحدة\n    [two] غرفتان\n    [few] لدينا { $rooms } غرف\n    [many] لدينا { $rooms } غرفة\n   *[other] لدينا { $rooms } غرفة\n}",
    );
    p.write("locales/ar/meeting.ftl", ar);
    let check = p.run(&["check", "--lang", "ar"]);
    assert!(check.starts_with("exit: 0"), "{check}");
    p.run(&["build", "--no-pdf"]);
    let page = p.read("public/ar/meeting.html");
    assert!(page.contains("أحضر زميلًا من العمل. لدينا 3 غرف"), "3 takes Arabic's `few` form: {page}");
}

#[test]
fn a_copy_of_the_source_warns_and_a_missing_record_fails_closed() {
    let p = Project::init();
    p.edit(
        "locales/fr/meeting.ftl",
        "why-p1 = Quand nous parlons *ensemble*, la direction écoute.",
        "why-p1 = When we speak *together*, management listens.",
    );
    p.edit("locales/fr/meeting.ftl", "# en: Bring a coworker.\n", "");
    // The provenance sidecar still knows this translation: its record comes back.
    assert!(p.run(&["check", "--lang", "fr"]).starts_with("exit: 0"));
    std::fs::remove_dir_all(p.root.join("locales/.provenance")).unwrap();
    let out = p.run(&["check", "--lang", "fr"]);
    assert!(out.starts_with("exit: 1"), "a translation with no record cannot count as current: {out}");
    assert!(out.contains("warning[untranslated]: `why-p1` is a copy of the en text"), "{out}");
    assert!(out.contains("error[no-record]: `meeting-li2` has no `# en:` record"), "{out}");
    let check = p.check(&["--lang", "fr"]);
    let fr = |kind: &str| {
        check.of_kind(kind).into_iter().filter(|d| d.lang.as_deref() == Some("fr")).collect::<Vec<_>>()
    };
    let (untranslated, no_record) = (fr("untranslated"), fr("no-record"));
    assert_eq!(
        (untranslated.len(), untranslated[0].id.as_deref(), untranslated[0].severity.as_str()),
        (1, Some("why-p1"), "warning")
    );
    assert_eq!(
        (no_record.len(), no_record[0].id.as_deref(), no_record[0].severity.as_str()),
        (1, Some("meeting-li2"), "error")
    );
    assert!(out.contains("If it is right, put `# en: Bring a coworker.` on the line above it"), "{out}");
    let sync = p.run(&["sync", "fr"]);
    assert!(sync.contains("1 source record(s) added, marked for review"), "{sync}");
    assert!(p.run(&["check", "--lang", "fr"]).contains("error[stale]: `meeting-li2` is marked for review"));
}
