//! Every script a warehouse speaks: the project in `tests/fixtures/scripts` (one short
//! leaflet in 24 languages and 16 scripts) built to HTML and PDF, and read back with
//! poppler: the right font faces (Regular body), the text in logical order, each page
//! in its direction, each language under its own name. Then the same project on a
//! machine without system fonts: the bundled scripts still render, the others fail
//! with an error that names what to install.
//!
//! The sentences are Article 1 of the Universal Declaration of Human Rights (United
//! Nations, 1948) in each language, as published in the translations collected by the
//! UN Office of the High Commissioner for Human Rights; the titles ("Our rights") were
//! written for this test.

mod common;

use assert_cmd::Command;
use common::Project;
use std::collections::BTreeMap;
use std::path::Path;

/// (title, sentence) per language, as in the fixture's translation files.
fn expected() -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string(fixture_dir().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn fixture_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scripts")
}

/// A copy of the fixture project in a temporary folder.
fn project() -> Project {
    let p = Project::empty();
    for entry in walkdir::WalkDir::new(fixture_dir()) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(fixture_dir()).unwrap();
        if entry.file_type().is_file() && rel.to_str() != Some("expected.json") {
            p.write(rel.to_str().unwrap(), std::fs::read(entry.path()).unwrap());
        }
    }
    p
}

/// poppler, and the system's Noto fonts for the scripts tradui does not bundle (fc-list
/// names them), under the one policy for missing tools (see tests/common).
fn tools() -> bool {
    let fonts = std::process::Command::new("fc-list")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    let noto = fonts.is_ok_and(|f| f.contains("Noto Sans CJK") && f.contains("Noto Sans Arabic"));
    common::have_poppler()
        && common::have(
            noto,
            "the Noto fonts (fc-list shows no Noto Sans CJK or Noto Sans Arabic)",
            "apt-get install fonts-noto-core fonts-noto-cjk",
        )
}

/// Runs tradui with system fonts on or off; returns "exit: N" and the output.
fn run(p: &Project, args: &[&str], system_fonts: bool) -> String {
    let mut cmd = Command::cargo_bin("tradui").unwrap();
    cmd.current_dir(&p.root).args(args).env_remove("CI").env("NO_COLOR", "1");
    if system_fonts {
        cmd.env_remove("TRADUI_IGNORE_SYSTEM_FONTS");
    } else {
        cmd.env("TRADUI_IGNORE_SYSTEM_FONTS", "1");
    }
    let started = std::time::SystemTime::now() - std::time::Duration::from_secs(1);
    let out = cmd.output().unwrap();
    if args.first() == Some(&"build") {
        common::assert_no_unresolved_placeable(&p.root.join("public"), started);
    }
    format!(
        "exit: {}\n{}{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Reduces the project to one translation language.
fn keep_only(p: &Project, lang: &str) {
    // tradui's default title, so that the interface words tradui ships need no file.
    p.write("tradui.toml", format!("source = \"en\"\nlanguages = [\"{lang}\"]\n"));
    for dir in std::fs::read_dir(p.root.join("locales")).unwrap() {
        let dir = dir.unwrap();
        if dir.file_name() != lang {
            std::fs::remove_dir_all(dir.path()).unwrap();
        }
    }
}

fn pdf(p: &Project, lang: &str) -> String {
    p.root.join(format!("public/{lang}/rights.pdf")).to_str().unwrap().to_string()
}

const RTL: [&str; 4] = ["ar", "fa", "he", "ur"];

/// The face the body of each language is set in (PostScript name in the PDF).
fn body_face(lang: &str) -> &'static str {
    match lang {
        "ar" | "fa" => "NotoNaskhArabic-Regular",
        "ur" => "NotoNastaliqUrdu-Regular",
        "he" => "NotoSansHebrew-Regular",
        "bn" => "NotoSansBengali-Regular",
        "hi" => "NotoSansDevanagari-Regular",
        "pa" => "NotoSansGurmukhi-Regular",
        "am" => "NotoSansEthiopic-Regular",
        "ko" => "NotoSansCJKkr-Regular",
        "zh-Hans" => "NotoSansCJKsc-Regular",
        "ja" => "NotoSansCJKjp-Regular",
        "th" => "NotoSansThai-Regular",
        "ta" => "NotoSansTamil-Regular",
        "ka" => "NotoSansGeorgian-Regular",
        "hy" => "NotoSansArmenian-Regular",
        _ => "NotoSans-Regular",
    }
}

/// Letters only (no spaces, bidi controls, joiners), sorted: equal for two texts that
/// have the same letters the same number of times.
fn letters(text: &str) -> Vec<char> {
    let mut v: Vec<char> = text.chars().filter(|c| c.is_alphanumeric() || is_mark(*c)).collect();
    v.sort_unstable();
    v
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[ignore = "slow: PDFs in 24 languages; run with cargo test -- --include-ignored"]
fn every_script_renders_in_its_regular_face_in_logical_order() {
    if !tools() {
        return;
    }
    let p = project();
    let out = run(&p, &["build"], true);
    if out.contains("fonts-noto-cjk") {
        panic!("this test needs the CJK fonts: apt-get install fonts-noto-cjk (.ci/run installs it)\n{out}");
    }
    assert!(out.starts_with("exit: 0"), "{out}");
    for (lang, (title, sentence)) in expected() {
        let fonts = common::poppler("pdffonts", &[&pdf(&p, &lang)]);
        assert!(
            fonts.contains(body_face(&lang)),
            "{lang}: the body is not in {}:\n{fonts}",
            body_face(&lang)
        );
        for row in fonts.lines().skip(2) {
            assert!(row.contains(" yes yes yes "), "{lang}: font not embedded with its text map: {row}");
        }
        if lang != "ur" {
            let bold = body_face(&lang).replace("-Regular", "-Bold");
            assert!(fonts.contains(&bold), "{lang}: the title is not in {bold}:\n{fonts}");
        }
        let text = common::poppler("pdftotext", &[&pdf(&p, &lang), "-"]);
        let flat = one_line(&text).replace('\u{200C}', "");
        if RTL.contains(&lang.as_str()) {
            // poppler writes a glyph that stands for several characters (a letter with
            // its mark, lam-alef) backwards in right-to-left text, and cannot follow
            // Nastaliq's sloping baseline: the letters must all be there, once.
            let page_letters = letters(&flat);
            for needed in [&title, &sentence] {
                let mut rest = page_letters.clone();
                for c in letters(needed) {
                    let at = rest
                        .iter()
                        .position(|x| *x == c)
                        .unwrap_or_else(|| panic!("{lang}: {c:?} of {needed:?} missing from\n{text}"));
                    rest.remove(at);
                }
            }
        } else if matches!(lang.as_str(), "ja" | "zh-Hans" | "ko" | "th" | "lo" | "my" | "km") {
            // No spaces between words (Thai, Lao, Burmese, Khmer too), or (Korean) lines that may break between any two
            // syllables: a line break is no space either.
            let joined: String = flat.split_whitespace().collect();
            let sentence: String = sentence.split_whitespace().collect();
            assert!(joined.contains(&sentence), "{lang}: {sentence:?} not in\n{text}");
        } else {
            assert!(flat.contains(&one_line(&sentence)), "{lang}: {sentence:?} not in\n{text}");
            assert!(flat.contains(&title), "{lang}: {title:?} not in\n{text}");
        }
    }
}

#[test]
#[ignore = "slow: PDFs in 24 languages; run with cargo test -- --include-ignored"]
fn letters_with_marks_are_copied_once() {
    if !tools() {
        return;
    }
    let p = project();
    assert!(run(&p, &["build"], true).starts_with("exit: 0"));
    let yo = common::poppler("pdftotext", &[&pdf(&p, "yo"), "-"]);
    assert!(yo.contains("Ẹ̀TỌ́ WA"), "{yo}");
    assert!(yo.contains("ẹ̀tọ́ kọ̀ọ̀kan"), "{yo}");
    let th = common::poppler("pdftotext", &[&pdf(&p, "th"), "-"]);
    assert!(one_line(&th).contains("มนุษย์ทั้งหลายเกิดมามีอิสระ"), "{th}");
    let ar = common::poppler("pdftotext", &[&pdf(&p, "ar"), "-"]);
    let line = ar.lines().find(|l| l.contains("يولد")).unwrap_or_else(|| panic!("{ar}"));
    let sentence = "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.";
    for c in ['ر', '\u{064B}'] {
        assert_eq!(line.matches(c).count(), sentence.matches(c).count(), "{c:?} repeated or lost: {line}");
    }
}

#[test]
fn each_page_has_its_direction_and_every_language_its_own_name() {
    let p = project();
    assert!(run(&p, &["build", "--no-pdf"], true).starts_with("exit: 0"));
    let names = [
        ("ar", "العربية"),
        ("ur", "اردو"),
        ("pa", "ਪੰਜਾਬੀ"),
        ("wo", "Wolof"),
        ("yo", "Èdè Yorùbá"),
        ("am", "አማርኛ"),
        ("zh-Hans", "简体中文"),
        ("ko", "한국어"),
        ("ht", "Kreyòl ayisyen"),
        ("ka", "ქართული"),
    ];
    let es = p.read("public/es/rights.html");
    for (lang, name) in names {
        assert!(
            es.contains(&format!("lang=\"{lang}\"")) && es.contains(name),
            "{lang} {name} not in the switcher:\n{es}"
        );
    }
    for lang in expected().keys() {
        let html = p.read(&format!("public/{lang}/rights.html"));
        let dir = if RTL.contains(&lang.as_str()) { "rtl" } else { "ltr" };
        assert!(html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")), "{lang}: not {dir}");
    }
    let ur = p.read("public/ur/rights.html");
    assert!(ur.contains("[lang=\"ur\"] { font-family: \"Noto Nastaliq Urdu\""), "{ur}");
    assert!(
        ur.contains("em:lang(ur), blockquote:lang(ur) { font-style: normal;"),
        "no slanted Arabic script: {ur}"
    );
    assert!(!p.read("public/fr/rights.html").contains("em:lang(fr)"), "Latin keeps its italics");
}

#[test]
#[ignore = "slow: PDFs in 24 languages; run with cargo test -- --include-ignored"]
fn pdf_titles_start_on_the_side_of_their_direction() {
    if !tools() {
        return;
    }
    let p = project();
    assert!(run(&p, &["build"], true).starts_with("exit: 0"));
    for (lang, (title, _)) in expected() {
        let bbox = common::poppler("pdftotext", &["-bbox", "-f", "1", "-l", "1", &pdf(&p, &lang), "-"]);
        let width: f64 = attr(bbox.lines().find(|l| l.contains("<page ")).unwrap(), "width");
        // The title band is the first text of the page: its first word's box.
        let word = bbox.lines().find(|l| l.trim_start().starts_with("<word")).unwrap();
        let (x_min, x_max) = (attr(word, "xMin"), attr(word, "xMax"));
        if RTL.contains(&lang.as_str()) {
            assert!(x_max > width * 0.6, "{lang}: {title:?} should start on the right: {word}");
        } else {
            assert!(x_min < width * 0.4, "{lang}: {title:?} should start on the left: {word}");
        }
    }
}

fn attr(line: &str, name: &str) -> f64 {
    let start = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    line[start..].split('"').next().unwrap().parse().unwrap()
}

#[test]
#[ignore = "slow: PDFs in 24 languages; run with cargo test -- --include-ignored"]
fn without_system_fonts_bundled_scripts_render_and_the_rest_fail_clearly() {
    if !tools() {
        return;
    }
    let p = project();
    let out = run(&p, &["build"], false);
    assert!(out.starts_with("exit: 1"), "{out}");
    for (lang, package) in [
        ("ko", "fonts-noto-cjk"),
        ("zh-Hans", "fonts-noto-cjk"),
        ("ja", "fonts-noto-cjk"),
        ("th", "Noto Sans Thai"),
        ("ta", "Noto Sans Tamil"),
        ("ka", "Noto Sans Georgian"),
        ("hy", "Noto Sans Armenian"),
    ] {
        let line = out
            .lines()
            .find(|l| {
                l.starts_with(&format!("locales/{lang}/rights.ftl:2:9: error[missing-glyph]: no font has "))
            })
            .unwrap_or_else(|| panic!("{lang}: no error in\n{out}"));
        assert!(line.contains("the PDF would show empty boxes, so it is not written"), "{line}");
        let hint = out[out.find(line).unwrap()..].lines().nth(1).unwrap();
        assert!(hint.contains(package) && hint.contains("fonts/"), "{lang}: {hint}");
        assert!(
            !p.root.join(format!("public/{lang}/rights.pdf")).exists(),
            "{lang}: a PDF of empty boxes was written"
        );
    }
    for lang in
        ["es", "ht", "ar", "fr", "bn", "ru", "ur", "pl", "wo", "yo", "hi", "pa", "am", "fa", "he", "vi", "el"]
    {
        let fonts = common::poppler("pdffonts", &[&pdf(&p, lang)]);
        assert!(fonts.contains(body_face(lang)), "{lang} without system fonts:\n{fonts}");
    }
    let check = run(&p, &["check"], false);
    assert!(check.starts_with("exit: 1"), "{check}");
    assert!(
        check.contains("locales/ko/rights.ftl:2:9: error[missing-glyph]: no font has '간' (U+AC04)"),
        "{check}"
    );
    assert!(
        check.contains(
            "for Korean, install Noto Sans CJK KR (Debian/Ubuntu: `apt-get install fonts-noto-cjk`"
        ),
        "{check}"
    );
    assert!(!check.contains("locales/bn/rights.ftl"), "Bengali is bundled: {check}");
}

#[test]
#[ignore = "slow: PDFs in 24 languages; run with cargo test -- --include-ignored"]
fn a_project_fonts_folder_fills_a_gap() {
    if !tools() {
        return;
    }
    let p = project();
    keep_only(&p, "th");
    let out = run(&p, &["check"], false);
    assert!(out.starts_with("exit: 1") && out.contains("for Thai, install Noto Sans Thai"), "{out}");
    let thai = Path::new("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf");
    let bytes = std::fs::read(thai)
        .unwrap_or_else(|e| panic!("{}: {e}: apt-get install fonts-noto-core", thai.display()));
    p.write("fonts/NotoSansThai-Regular.ttf", bytes);
    let out = run(&p, &["build"], false);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(common::poppler("pdffonts", &[&pdf(&p, "th")]).contains("NotoSansThai-Regular"));
}

#[test]
#[ignore = "slow: PDFs in 24 languages; run with cargo test -- --include-ignored"]
fn emphasis_is_italic_only_where_the_script_has_italics() {
    if !tools() {
        return;
    }
    let p = project();
    p.edit("locales/fr/rights.ftl", "naissent libres", "naissent *libres*");
    p.edit("locales/ar/rights.ftl", "أحرارًا", "*أحرارًا*");
    assert!(run(&p, &["build"], true).starts_with("exit: 0"));
    assert!(
        common::poppler("pdffonts", &[&pdf(&p, "fr")]).contains("NotoSans-Italic"),
        "French emphasis is italic"
    );
    let ar = common::poppler("pdffonts", &[&pdf(&p, "ar")]);
    assert!(!ar.contains("Italic") && !ar.contains("Oblique"), "no slanted Arabic:\n{ar}");
    assert!(p.read("public/ar/rights.html").contains("<em>أحرارًا</em>"));
}

#[test]
fn only_printed_characters_need_a_font() {
    let p = project();
    keep_only(&p, "es");
    p.edit("locales/es/rights.ftl", "# en: Our rights", "# Nota: 권리 = derechos\n# en: Our rights");
    let out = run(&p, &["check"], false);
    assert!(out.starts_with("exit: 0"), "a comment is not printed:\n{out}");
    p.edit("locales/es/rights.ftl", "Nuestros derechos", "Nuestros derechos (권리)");
    let out = run(&p, &["check"], false);
    assert!(
        out.starts_with("exit: 1")
            && out.contains("locales/es/rights.ftl:3:28: error[missing-glyph]: no font has '권' (U+AD8C)"),
        "{out}"
    );
}
