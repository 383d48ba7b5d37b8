//! `tradui build --pseudo`: en-XA and ar-XB pages and PDFs beside the real languages,
//! placeables and markup intact, never listed or required as a language.

mod common;

use common::Project;

fn project() -> Project {
    let p = Project::empty();
    p.write("tradui.toml", "source = \"en\"\nlanguages = [\"es\"]\n");
    p.write("content/walk.md", "+++\ntitle = \"We walk out\"\n[variables]\nphone = \"(718) 555-0142\"\n+++\n# Walk out\n\nCall **the union** at { $phone } or see [the law](https://www.nlrb.gov/).\n");
    p
}

#[test]
fn pseudo_locales_are_built_with_placeables_and_markup_intact() {
    if !common::have_poppler() {
        return;
    }
    let p = project();
    let out = p.run(&["build", "--pseudo"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let xa = p.read("public/en-XA/walk.html");
    assert!(xa.contains("lang=\"en-XA\" dir=\"ltr\""), "{xa}");
    assert!(xa.contains("<bdi>(718) 555-0142</bdi>"), "{xa}");
    assert!(
        xa.contains("<strong>ţĥéé ûûñîîöñ</strong>")
            || xa.contains("<strong>ţĥéé ûñîöñ</strong>")
            || xa.contains("<strong>ţĥé"),
        "{xa}"
    );
    assert!(xa.contains("href=\"https://www.nlrb.gov/\""), "{xa}");
    assert!(xa.contains(">[Çåļļ") || xa.contains(">[Çååļļ"), "{xa}");
    let xb = p.read("public/ar-XB/walk.html");
    assert!(xb.contains("lang=\"ar-XB\" dir=\"rtl\""), "{xb}");
    assert!(xb.contains("\u{202E}Call \u{202C}"), "{xb}");
    assert!(xb.contains("<bdi>(718) 555-0142</bdi>"), "{xb}");
    // The PDFs: accented, longer and bracketed; the phone number whole.
    let text = common::poppler("pdftotext", &[p.root.join("public/en-XA/walk.pdf").to_str().unwrap(), "-"]);
    assert!(text.contains("[Ŵåļķ") || text.contains("[Ŵååļķ"), "{text}");
    assert!(text.contains("(718) 555-0142"), "{text}");
    let rtl = common::poppler("pdftotext", &[p.root.join("public/ar-XB/walk.pdf").to_str().unwrap(), "-"]);
    assert!(rtl.contains("(718) 555-0142"), "{rtl}");
}

#[test]
fn pseudo_locales_are_never_languages() {
    let p = project();
    p.run(&["build", "--pseudo"]);
    let index = p.read("public/index.html");
    let es = p.read("public/es/walk.html");
    for page in [&index, &es] {
        assert!(!page.contains("en-XA") && !page.contains("ar-XB"), "{page}");
    }
    let check = p.run(&["check", "--format", "json"]);
    assert!(!check.contains("XA") && !check.contains("XB"), "{check}");
    let status = p.run(&["status"]);
    assert!(!status.contains("XA") && !status.contains("XB"), "{status}");
    // A build without --pseudo takes the pseudo pages down again.
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert!(!p.root.join("public/en-XA/walk.html").exists());
    assert!(!p.root.join("public/ar-XB").join("walk.html").exists());
}

#[test]
fn pseudo_text_is_about_a_third_longer() {
    let p = project();
    p.run(&["build", "--pseudo", "--no-pdf"]);
    let xa = p.read("public/en-XA/walk.html");
    let para = xa.lines().find(|l| l.contains("555-0142") && l.starts_with("<p>")).unwrap();
    let source = "Call the union at (718) 555-0142 or see the law.";
    let strip = |s: &str| {
        let mut out = String::new();
        let mut tag = false;
        for c in s.chars() {
            match c {
                '<' => tag = true,
                '>' => tag = false,
                c if !tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    let pseudo = strip(para);
    let (a, b) = (source.chars().count(), pseudo.chars().count());
    assert!(b * 100 >= a * 125 && b * 100 <= a * 160, "{a} -> {b}: {pseudo}");
}
