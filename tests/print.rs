//! Print: a one-page leaflet is set as large as still fits its page, in each language
//! (`fit`), never below the body size a long leaflet gets; a leaflet longer than the
//! pages `fit` asks for is an error, not a clipped page.

mod common;

use common::Project;

/// The words of page 1 of a PDF, as poppler reads them: (height, bottom), in points.
fn words(p: &Project, pdf: &str) -> Vec<(f64, f64)> {
    let xml = common::poppler(
        "pdftotext",
        &["-bbox", "-f", "1", "-l", "1", p.root.join(pdf).to_str().unwrap(), "-"],
    );
    let num = |line: &str, key: &str| -> f64 {
        let at = line.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    xml.lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .map(|l| (num(l, "yMax") - num(l, "yMin"), num(l, "yMax")))
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// The body size (the median word height) and how far down the text area the lowest
/// word reaches (0 to 1), on page 1; the footer line is left out.
fn measure(p: &Project, pdf: &str) -> (f64, f64) {
    // US Letter: 792 pt tall, text from 0.6 in (43.2 pt) to 0.75 in above the bottom.
    let (top, bottom) = (43.2, 792.0 - 54.0);
    let body: Vec<(f64, f64)> = words(p, pdf).into_iter().filter(|(_, y)| *y <= bottom).collect();
    let lowest = body.iter().map(|(_, y)| *y).fold(0.0, f64::max);
    (median(body.iter().map(|(h, _)| *h).collect()), (lowest - top) / (bottom - top))
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn a_one_page_leaflet_fills_its_page_in_every_language() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.edit("tradui.toml", "source = \"en\"", "source = \"en\"\nfit = \"none\"");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let before: Vec<(f64, f64)> = ["en", "es", "ht", "ar", "fr"]
        .iter()
        .map(|l| measure(&p, &format!("public/{l}/meeting.pdf")))
        .collect();
    p.edit("tradui.toml", "fit = \"none\"", "fit = \"page\"");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    for (lang, (size_before, used_before)) in ["en", "es", "ht", "ar", "fr"].iter().zip(before) {
        let pdf = format!("public/{lang}/meeting.pdf");
        let info = common::poppler("pdfinfo", &[p.root.join(&pdf).to_str().unwrap()]);
        assert!(info.contains("Pages:           1"), "{lang}: still one page: {info}");
        let (size, used) = measure(&p, &pdf);
        eprintln!(
            "{lang}: body {size_before:.1} -> {size:.1} pt high, text area used {used_before:.2} -> {used:.2}"
        );
        assert!(size > size_before * 1.2, "{lang}: the type grew ({size_before} -> {size})");
        // As large as the page allows, or as large as a leaflet gets (20 pt).
        assert!(used > 0.8 || size > size_before * 1.5, "{lang}: the page is used ({used_before} -> {used})");
    }
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn a_leaflet_longer_than_its_fit_is_an_error_not_a_clipped_page() {
    let p = Project::init();
    let long: String = (1..=60).map(|i| format!("Paragraph {i} of a long know-your-rights sheet, with enough words to take two lines of the page at the body size.\n\n")).collect();
    let md = p.read("content/meeting.md").replacen("+++\n", "+++\nfit = 1\n", 1);
    p.write("content/meeting.md", format!("{md}\n{long}"));
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains(
            "content/meeting.md:1:1: error[source]: `meeting` in en does not fit its pages: it runs to"
        ),
        "{out}"
    );
    assert!(out.contains("more than `fit = 1` allows"), "{out}");
    assert!(!p.root.join("public/en/meeting.pdf").exists(), "no clipped PDF");
    // A fit that is no fit is an error at its line.
    p.edit("content/meeting.md", "fit = 1", "fit = \"poster\"");
    let out = p.run(&["check"]);
    assert!(
        out.contains("content/meeting.md:2:") && out.contains("`fit` is \\\"page\\\"")
            || out.contains("`fit` is \"page\""),
        "{out}"
    );
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn each_pdf_carries_a_qr_code_of_its_own_page() {
    if !common::have_poppler() || !common::have_program("zbarimg", "apt-get install zbar-tools") {
        return;
    }
    let p = Project::init();
    let out = p.run(&["build"]);
    assert!(out.contains("the PDFs have no QR code of their page"), "without base_url, build says so: {out}");
    let text = common::poppler("pdftotext", &[p.root.join("public/ht/meeting.pdf").to_str().unwrap(), "-"]);
    assert!(!text.contains("https://"), "no code, no address: {text}");
    p.edit(
        "tradui.toml",
        "source = \"en\"",
        "source = \"en\"\nbase_url = \"https://union.example.org/leaflets\"",
    );
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0") && !out.contains("QR code"), "{out}");
    for lang in ["en", "ht", "ar"] {
        let pdf = p.root.join(format!("public/{lang}/meeting.pdf"));
        let png = p.root.join(format!("page-{lang}"));
        common::poppler(
            "pdftoppm",
            &["-png", "-r", "150", "-f", "1", "-l", "1", pdf.to_str().unwrap(), png.to_str().unwrap()],
        );
        let page = p.root.join(format!("page-{lang}-1.png"));
        let scan = std::process::Command::new("zbarimg").args(["-q", "--raw"]).arg(&page).output().unwrap();
        let url = String::from_utf8_lossy(&scan.stdout);
        assert_eq!(url.trim(), format!("https://union.example.org/leaflets/{lang}/meeting.html"), "{lang}");
    }
}

#[test]
fn the_facts_stand_in_the_front_matters_order_with_their_labels() {
    let p = Project::init();
    p.edit(
        "content/meeting.md",
        "date = 2026-12-10\ntime = \"6:30 PM\"\nplace = \"Union hall, 2nd floor\"",
        "place = \"Union hall, 2nd floor\"\nhotline = \"(718) 555-0142\"\ndate = 2026-12-10\ntime = \"6:30 PM\"",
    );
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let ht = p.read("public/ht/meeting.html");
    let at = |s: &str| ht.find(s).unwrap_or_else(|| panic!("{s} not in {ht}"));
    assert!(at("<dt>Kote</dt>") < at("<dt>Telefòn</dt>"), "place, then the hotline");
    assert!(
        at("<dt>Telefòn</dt>") < at("<dt>Dat</dt>") && at("<dt>Dat</dt>") < at("<dt>Lè</dt>"),
        "then date, time"
    );
    let txt = p.read("public/ht/meeting.txt");
    assert!(txt.find("Kote: ").unwrap() < txt.find("Dat: ").unwrap(), "{txt}");
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn the_pdf_labels_its_facts_in_its_language() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let text = common::poppler("pdftotext", &[p.root.join("public/ht/meeting.pdf").to_str().unwrap(), "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Dat: 10 desanm 2026") && flat.contains("Kote: Union hall"), "{flat}");
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn a_link_in_the_facts_shows_as_its_text() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.edit(
        "content/meeting.md",
        "place = \"Union hall, 2nd floor\"",
        "place = \"Union hall, 2nd floor\"\nsignup = \"https://www.union.example.org/join/\"\nrules = \"[Know your rights](https://union.example.org/rights)\"\nodd = \"[Click](javascript:alert(1))\"",
    );
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let page = p.read("public/es/meeting.html");
    assert!(page.contains("<a href=\"https://www.union.example.org/join/\"><bdi dir=\"ltr\">union.example.org/join</bdi></a>"), "{page}");
    assert!(
        page.contains(
            "<a href=\"https://union.example.org/rights\"><bdi dir=\"ltr\">Know your rights</bdi></a>"
        ),
        "{page}"
    );
    assert!(!page.contains("javascript:alert(1)\""), "an unsafe address is never a link: {page}");
    assert!(page.contains("[Click](javascript:alert(1))"), "it stays text: {page}");
    let text = common::poppler("pdftotext", &[p.root.join("public/es/meeting.pdf").to_str().unwrap(), "-"]);
    assert!(text.contains("union.example.org/join") && text.contains("Know your rights"), "{text}");
    assert!(
        !text.contains("https://www.union") && !text.contains("https://union.example.org/rights"),
        "no raw address: {text}"
    );
    // The text to paste keeps an address a phone can open.
    let txt = p.read("public/es/meeting.txt");
    assert!(txt.contains("\nhttps://www.union.example.org/join/\n"), "{txt}");
    assert!(txt.contains("Know your rights (https://union.example.org/rights)"), "{txt}");
}

/// An 8 x 8 red PNG.
const PNG: &str =
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPYIK2HFTEMLQkAc7A+Qfu6ja8AAAAASUVORK5CYII=";

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn an_image_of_the_project_prints_and_one_outside_it_does_not() {
    use base64::Engine;
    if !common::have_poppler() || !common::have_program("pdfimages", "apt-get install poppler-utils") {
        return;
    }
    let p = Project::init();
    p.write("content/logo.png", base64::engine::general_purpose::STANDARD.decode(PNG).unwrap());
    p.write("secret.png", base64::engine::general_purpose::STANDARD.decode(PNG).unwrap());
    let md = p.read("content/meeting.md");
    p.write("content/meeting.md", format!("{md}\n![Union logo](logo.png)\n"));
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let pdf = p.root.join("public/en/meeting.pdf");
    let list = common::poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(list.lines().skip(2).count(), 1, "the logo is an image of the PDF: {list}");
    assert!(list.contains(" image       8     8 "), "{list}");
    // A new logo.png, the same Markdown: the PDF shows the new one (the incremental
    // build keys the image's bytes).
    let blue = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGMQUDgARwzEcQB7Qw8BKDAaeQAAAABJRU5ErkJggg==";
    p.write("content/logo.png", base64::engine::general_purpose::STANDARD.decode(blue).unwrap());
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let list = common::poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert!(list.contains(" image       4     4 "), "the new image: {list}");
    // Outside the project's content/ folder, or on the web: the alt text, never the file.
    for src in ["../secret.png", "https://example.org/logo.png", "/etc/hostname"] {
        p.write("content/meeting.md", format!("{md}\n![Union logo]({src})\n"));
        p.run(&["build"]);
        let list = common::poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
        assert_eq!(list.lines().skip(2).count(), 0, "{src}: {list}");
        let text = common::poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        assert!(text.contains("Union logo"), "{src}: the alt text prints instead: {text}");
    }
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn an_image_that_cannot_be_decoded_is_an_error_at_its_markdown_line() {
    use base64::Engine;
    let p = Project::init();
    let png = base64::engine::general_purpose::STANDARD.decode(PNG).unwrap();
    p.write("content/photo.png", &png[..png.len() / 2]);
    p.write("content/drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect");
    let md = p.read("content/meeting.md");
    let lines = md.lines().count();
    for (src, why) in [("photo.png", "failed to decode image"), ("drawing.svg", "nor an SVG drawing")] {
        p.write("content/meeting.md", format!("{md}\n![Our picket line]({src})\n"));
        let out = p.run(&["build"]);
        assert!(out.starts_with("exit: 1"), "{out}");
        let at = format!("content/meeting.md:{}:", lines + 2);
        assert!(
            out.contains(&format!("{at}20: error[source]: the image `{src}` cannot be printed: ")),
            "{src}: {out}"
        );
        assert!(out.contains(why) && out.contains("save the picture again"), "{src}: {out}");
        assert!(!out.contains("lib.typ"), "no word of tradui's insides: {out}");
        assert!(!p.root.join("public/en/meeting.pdf").exists(), "no PDF without its image");
        assert!(p.root.join("public/en/meeting.html").exists(), "the page is written");
    }
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn bleed_adds_paper_beyond_a_trim_box_of_the_page_size() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.edit("tradui.toml", "source = \"en\"", "source = \"en\"\nbleed = \"3mm\"");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let info = common::poppler("pdfinfo", &["-box", p.root.join("public/en/meeting.pdf").to_str().unwrap()]);
    // Letter (612 x 792 pt) trimmed; 3 mm (8.50 pt) of bleed on every side.
    assert!(info.contains("TrimBox:             8.50     8.50   620.50   800.50"), "{info}");
    assert!(info.contains("MediaBox:            0.00     0.00   629.01   809.01"), "{info}");
    p.edit("tradui.toml", "bleed = \"3mm\"", "bleed = \"3\"");
    let out = p.run(&["check"]);
    assert!(
        out.starts_with("exit: 2")
            && out
                .contains("tradui.toml:3:9: error[config]: `bleed` = \"3\" is not a length from 0 to 20 mm"),
        "{out}"
    );
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn the_unions_logo_heads_every_page_and_pdf() {
    use base64::Engine;
    if !common::have_poppler() || !common::have_program("pdfimages", "apt-get install poppler-utils") {
        return;
    }
    let p = Project::init();
    p.write("logo.png", base64::engine::general_purpose::STANDARD.decode(PNG).unwrap());
    let toml = p.read("tradui.toml");
    p.write("tradui.toml", format!("{toml}\n[theme]\nlogo = \"logo.png\"\n"));
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(p.root.join("public/media/logo.png").is_file());
    let page = p.read("public/ht/meeting.html");
    assert!(page.contains("<img class=\"logo\" src=\"../media/logo.png\" alt=\""), "{page}");
    assert!(p.read("public/index.html").contains("<img class=\"logo\" src=\"media/logo.png\""));
    for lang in ["en", "ar"] {
        let pdf = p.root.join(format!("public/{lang}/meeting.pdf"));
        let list = common::poppler("pdfimages", &["-list", pdf.to_str().unwrap()]);
        assert_eq!(list.lines().skip(2).count(), 1, "{lang}: the logo is in the PDF: {list}");
    }
    // A logo that is not there fails the build at tradui.toml; one outside, check.
    std::fs::remove_file(p.root.join("logo.png")).unwrap();
    let out = p.run(&["build"]);
    assert!(
        out.starts_with("exit: 1") && out.contains("`theme.logo` = \"logo.png\" cannot be read"),
        "{out}"
    );
    let line = p.read("tradui.toml").lines().position(|l| l.starts_with("logo = ")).unwrap() + 1;
    assert!(
        out.contains(&format!("tradui.toml:{line}:8: error[config]: `theme.logo`")),
        "at its line: {out}"
    );
    p.edit("tradui.toml", "logo = \"logo.png\"", "logo = \"../logo.png\"");
    let out = p.run(&["check"]);
    assert!(out.contains("`theme.logo` = \"../logo.png\" is not a path inside the project"), "{out}");
}

/// Page `n` of a PDF as a grey image at 72 dpi (one byte a point): (width, height, pixels).
fn grey_page(p: &Project, pdf: &str, n: usize) -> (usize, usize, Vec<u8>) {
    let stem = p.root.join("grey");
    let n = n.to_string();
    let pdf = p.root.join(pdf);
    let args = ["-gray", "-r", "72", "-f", &n, "-l", &n, pdf.to_str().unwrap(), stem.to_str().unwrap()];
    common::poppler("pdftoppm", &args);
    let file = std::fs::read_dir(&p.root)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("grey-"))
        .unwrap()
        .path();
    let bytes = std::fs::read(&file).unwrap();
    std::fs::remove_file(file).unwrap();
    // PGM: "P5\n<width> <height>\n255\n" and the pixels.
    let header: String = String::from_utf8_lossy(&bytes[..20]).into_owned();
    let dims: Vec<usize> =
        header.split_ascii_whitespace().skip(1).take(2).map(|n| n.parse().unwrap()).collect();
    let (w, h) = (dims[0], dims[1]);
    (w, h, bytes[bytes.len() - w * h..].to_vec())
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn a_2up_print_sets_the_half_page_leaflet_twice_on_a_sheet_with_cut_marks() {
    if !common::have_poppler() {
        return;
    }
    let p = Project::init();
    p.edit(
        "tradui.toml",
        "source = \"en\"",
        "source = \"en\"\nprints = [\"half-letter-2up\", \"a5-2up\", \"a4\"]",
    );
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let size = |pdf: &str| {
        let info = common::poppler("pdfinfo", &[p.root.join(pdf).to_str().unwrap()]);
        let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap().to_string();
        assert!(info.contains("Pages:           1"), "{pdf}: one sheet: {info}");
        line
    };
    assert!(size("public/es/meeting.half-letter-2up.pdf").contains("792 x 612 pts"), "letter, landscape");
    assert!(size("public/es/meeting.a5-2up.pdf").contains("841.89 x 595.276 pts"), "A4, landscape");
    assert!(size("public/es/meeting.a4.pdf").contains("595.276 x 841.89 pts"), "A4");
    assert!(size("public/es/meeting.pdf").contains("612 x 792 pts"), "the page-sized PDF stays on letter");
    let index = p.read("public/index.html");
    for link in [
        "<a href=\"es/meeting.half-letter-2up.pdf\">2 per sheet (half-letter)</a>",
        "<a href=\"ar/meeting.a5-2up.pdf\">2 per sheet (a5)</a>",
        "<a href=\"fr/meeting.a4.pdf\">PDF a4</a>",
        "<a href=\"poster/meeting.pdf\">Poster for the wall</a>",
    ] {
        assert!(index.contains(link), "the index links every print: {link} in {index}");
    }
    for (lang, title) in [("es", "sindical"), ("ht", "sendika")] {
        let pdf = p.root.join(format!("public/{lang}/meeting.half-letter-2up.pdf"));
        let xml = common::poppler("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
        let sides: Vec<bool> = xml
            .lines()
            .filter(|l| l.contains(&format!(">{title}</word>")))
            .map(|l| {
                l.split("xMin=\"").nth(1).unwrap().split('"').next().unwrap().parse::<f64>().unwrap() > 396.0
            })
            .collect();
        assert_eq!(sides, [false, true], "{lang}: one copy on each half: {xml}");
    }
    // The cut is marked at the top and the bottom of the middle line, and nothing else
    // is printed on it.
    let (w, h, px) = grey_page(&p, "public/es/meeting.half-letter-2up.pdf", 1);
    let dark = |x: usize, y: usize| px[y * w + x] < 128;
    assert!(dark(w / 2, 20) && dark(w / 2, h - 20), "cut marks at the middle, top and bottom");
    assert!((40..h - 40).all(|y| !dark(w / 2, y)), "the middle line is blank between the marks");
    // A print no longer asked for is removed.
    p.edit("tradui.toml", "prints = [\"half-letter-2up\", \"a5-2up\", \"a4\"]", "prints = [\"a5-2up\"]");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(
        !p.root.join("public/es/meeting.half-letter-2up.pdf").exists()
            && !p.root.join("public/es/meeting.a4.pdf").exists()
    );
    assert!(p.root.join("public/es/meeting.a5-2up.pdf").exists());
    // A print tradui does not know is an error at its line.
    let md = p.read("content/meeting.md").replacen("+++\n", "+++\nprints = [\"tabloid-4up\"]\n", 1);
    p.write("content/meeting.md", md);
    let out = p.run(&["check"]);
    assert!(out.contains("content/meeting.md:2:") && out.contains("`tabloid-4up` is not a print"), "{out}");
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn the_poster_shows_each_language_in_its_own_words_and_opens_the_index() {
    if !common::have_poppler() || !common::have_program("zbarimg", "apt-get install zbar-tools") {
        return;
    }
    let p = Project::init();
    p.edit(
        "tradui.toml",
        "source = \"en\"",
        "source = \"en\"\nbase_url = \"https://union.example.org/leaflets\"",
    );
    // Haitian Creole without its first paragraph: its cell must not show the English one.
    p.edit("locales/ht/meeting.ftl", "meeting-p1 = Tout", "meeting-p1-gone = Tout");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let pdf = p.root.join("public/poster/meeting.pdf");
    let info = common::poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Pages:           1"), "{info}");
    let text = common::poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for name in ["English", "Español", "Kreyòl ayisyen", "العربية", "Français"] {
        assert!(text.contains(name), "{name}: {text}");
    }
    for title in ["Union meeting this week", "Reunión sindical", "Reyinyon sendika", "Réunion syndicale"] {
        assert!(text.replace('\n', " ").contains(title), "{title}: {text}");
    }
    assert_eq!(text.matches("All workers are welcome").count(), 1, "no English line under Kreyòl: {text}");
    // The languages use the page: the lowest word of the grid is past half of it.
    let lowest = words(&p, "public/poster/meeting.pdf").iter().map(|(_, y)| *y).fold(0.0, f64::max);
    assert!(lowest > 792.0 * 0.6, "the poster uses its page: {lowest}");
    let png = p.root.join("poster");
    common::poppler("pdftoppm", &["-png", "-r", "150", pdf.to_str().unwrap(), png.to_str().unwrap()]);
    let scan = std::process::Command::new("zbarimg")
        .args(["-q", "--raw"])
        .arg(p.root.join("poster-1.png"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&scan.stdout).trim(), "https://union.example.org/leaflets/");
    // `poster` picks the key line; a unit the leaflet does not have is an error at its line.
    let md = p.read("content/meeting.md").replacen("+++\n", "+++\nposter = \"why-p1\"\n", 1);
    p.write("content/meeting.md", &md);
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let text = common::poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]).replace('\n', " ");
    assert!(text.contains("management listens") && text.contains("direksyon an koute"), "{text}");
    p.write("content/meeting.md", md.replace("why-p1", "why-p9"));
    let out = p.run(&["check"]);
    assert!(out.contains("content/meeting.md:2:") && out.contains("`poster` names \"why-p9\""), "{out}");
    // `posters = false`: the poster goes, and so does its link.
    p.write("content/meeting.md", &md);
    p.edit("tradui.toml", "source = \"en\"", "source = \"en\"\nposters = false");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0") && out.contains("1 removed"), "{out}");
    assert!(!pdf.exists() && !p.read("public/index.html").contains("poster/"), "{out}");
}
