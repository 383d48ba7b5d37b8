//! End to end in a real browser: Debian's headless Chromium opens the Arabic page,
//! which must lay out right to left, and every language switcher link must lead to a
//! page that exists. A screenshot is kept as a test artefact.
//!
//! The product page has no script; the layout is measured on a test-only copy with a
//! probe script appended.

mod common;

use common::Project;
use std::path::Path;
use std::process::Command;

fn run_chromium(bin: &Path, args: &[String]) -> String {
    let profile = tempfile::TempDir::new().unwrap();
    let mut cmd = Command::new("timeout");
    cmd.arg("120").arg(bin);
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ] {
        cmd.arg(flag);
    }
    cmd.arg(format!("--user-data-dir={}", profile.path().display()));
    cmd.args(args);
    let out = cmd.output().expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Loads the probe page at a window size and returns what the probe measured.
fn probe(bin: &Path, page: &Path, size: &str) -> serde_json::Value {
    let dom = run_chromium(
        bin,
        &[
            format!("--window-size={size}"),
            "--virtual-time-budget=3000".into(),
            "--dump-dom".into(),
            format!("file://{}", page.display()),
        ],
    );
    let start =
        dom.find("<pre id=\"probe\">").expect("chromium returned the page") + "<pre id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").expect("the probe wrote its result");
    serde_json::from_str(&dom[start..end].replace("&quot;", "\"")).expect("the probe wrote JSON")
}

const PROBE: &str = r#"<pre id="probe"></pre><script>
const h = document.querySelector('h2');
const r = document.createRange(); r.selectNodeContents(h);
const text = r.getBoundingClientRect(), box = h.getBoundingClientRect();
const ul = getComputedStyle(document.querySelector('ul:not(nav ul)'));
document.getElementById('probe').textContent = JSON.stringify({
  direction: getComputedStyle(document.documentElement).direction,
  gapRight: box.right - text.right, gapLeft: text.left - box.left,
  padLeft: parseFloat(ul.paddingLeft), padRight: parseFloat(ul.paddingRight),
  overflow: document.documentElement.scrollWidth - window.innerWidth,
});
</script>"#;

#[test]
#[ignore = "slow: Chromium; run with cargo test -- --include-ignored"]
fn arabic_page_lays_out_right_to_left_in_chromium() {
    let Some(bin) = common::chromium() else { return };
    let p = Project::init();
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let page = p.root.join("public/ar/meeting.html");

    // Layout, measured on a copy with a probe script.
    let html = std::fs::read_to_string(&page).unwrap();
    let probe_page = p.root.join("public/ar/probe.html");
    std::fs::write(&probe_page, html.replace("</body>", &format!("{PROBE}</body>"))).unwrap();
    let json = probe(&bin, &probe_page, "1000,1000");
    assert_eq!(json["direction"], "rtl", "{json}");
    assert!(json["gapRight"].as_f64().unwrap() < 2.0, "the heading starts at the right edge: {json}");
    assert!(json["gapLeft"].as_f64().unwrap() > 50.0, "and leaves room on the left: {json}");
    assert!(
        json["padRight"].as_f64().unwrap() > 10.0 && json["padLeft"].as_f64().unwrap() == 0.0,
        "list indent is on the right: {json}"
    );
    // Readable on a phone: nothing wider than a 360-pixel screen.
    let phone = probe(&bin, &probe_page, "360,740");
    assert!(phone["overflow"].as_f64().unwrap() <= 0.0, "the page scrolls sideways on a phone: {phone}");

    // The switcher's links lead to pages that exist.
    let links: Vec<&str> = html.split("<a href=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    assert!(links.len() >= 5, "{links:?}");
    for link in links {
        let target = page.parent().unwrap().join(link);
        assert!(target.exists(), "switcher link {link} leads nowhere");
    }

    // A screenshot, kept for people to look at.
    let artefacts = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&artefacts).unwrap();
    let shot = artefacts.join("ar-meeting.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &bin,
        &[
            "--window-size=800,1000".into(),
            format!("--screenshot={}", shot.display()),
            format!("file://{}", page.display()),
        ],
    );
    let png = std::fs::read(&shot).expect("chromium wrote a screenshot");
    assert!(png.starts_with(b"\x89PNG"));
}

const OVERFLOW_PROBE: &str = r#"<pre id="probe"></pre><script>
document.getElementById('probe').textContent = JSON.stringify({
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  facts: document.querySelectorAll('.facts dd').length,
  tel: (document.querySelector('.facts a[href^="tel:"]') || {}).href || null,
  // Table cells of one word laid out on more than one line: a word broken inside.
  broken: Array.from(document.querySelectorAll('th, td')).filter(function (c) {
    var t = c.textContent.trim();
    if (!t || /\s/.test(t)) return false;
    var r = document.createRange(); r.selectNodeContents(c);
    return new Set(Array.from(r.getClientRects()).map(function (x) { return Math.round(x.top); })).size > 1;
  }).map(function (c) { return c.textContent.trim(); }),
  cells: document.querySelectorAll('th, td').length,
});
</script>"#;

/// A phone is 360 pixels wide: no page may scroll sideways there, in any language, even
/// with a place name far longer than a line; the facts box shows every fact; no word of
/// a table is broken inside to fit (a wide table scrolls in its own box).
#[test]
fn every_language_fits_a_360_pixel_phone() {
    let Some(bin) = common::chromium() else { return };
    let p = Project::init();
    let langs = ["es", "ht", "ar", "fr", "bn", "bo", "dv", "ckb-Latn", "ur", "ru", "vi"];
    let list = langs.iter().map(|l| format!("\"{l}\"")).collect::<Vec<_>>().join(", ");
    p.edit("tradui.toml", "languages = [\"es\", \"ht\", \"ar\", \"fr\"]", &format!("languages = [{list}]"));
    p.edit("tradui.toml", "required = [\"es\", \"ht\", \"ar\", \"fr\"]", "required = [\"es\"]");
    p.edit(
        "content/meeting.md",
        "place = \"Union hall, 2nd floor\"",
        "place = \"Amalgamated Transit Workers Union Local 1181-1061 Headquarters Auditorium, 101-49 Woodhaven Boulevard, Ozone Park, Queens, NewYorkCityWithoutAnySpacesAtAllInThisVeryLongWord\"\nphone = \"+1 (718) 555-0100\"",
    );
    // A table too wide for a phone, of long single words.
    let md = p.read("content/meeting.md");
    p.write(
        "content/meeting.md",
        format!("{md}\n| Shift | Meeting | Auditorium | Interpretation |\n|---|---|---|---|\n| Overnight | Wednesday | Headquarters | Kreyòl |\n"),
    );
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    for lang in std::iter::once("en").chain(langs) {
        let page = p.root.join(format!("public/{lang}/meeting.html"));
        let html = std::fs::read_to_string(&page).unwrap();
        let probe_page = p.root.join(format!("public/{lang}/probe.html"));
        std::fs::write(&probe_page, html.replace("</body>", &format!("{OVERFLOW_PROBE}</body>"))).unwrap();
        let json = probe(&bin, &probe_page, "360,800");
        assert!(json["overflow"].as_f64().unwrap() <= 0.0, "{lang} scrolls sideways at 360 px: {json}");
        assert_eq!(json["facts"], 4, "{lang}: date, time, place, phone: {json}");
        assert_eq!(json["tel"], "tel:+17185550100", "{lang}: {json}");
        assert!(json["cells"].as_u64().unwrap() > 0, "{lang}: the table is on the page: {json}");
        assert_eq!(
            json["broken"],
            serde_json::json!([]),
            "{lang}: a word of the table broken inside: {json}"
        );
    }
}

/// The index: leaflets in the committee's order (front matter `weight`, then the date,
/// then the title), each language in its own name, and the reader's language put first
/// by the page's one script; without script, the full list in config order.
#[test]
fn the_index_puts_the_readers_language_first() {
    let Some(bin) = common::chromium() else { return };
    let p = Project::init();
    p.write("content/a-strike.md", "+++\ntitle = \"Strike vote\"\nweight = 1\n+++\n\nVote.\n");
    p.write("content/b-later.md", "+++\ntitle = \"Picnic\"\n[variables]\ndate = 2027-06-01\n+++\n\nFood.\n");
    p.write("content/c-sooner.md", "+++\ntitle = \"Rally\"\n[variables]\ndate = 2027-01-15\n+++\n\nCome.\n");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let html = p.read("public/index.html");
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} in {html}"));
    // weight first; then by date (meeting 2026-12-10, rally, picnic).
    assert!(at("Strike vote") < at("Union meeting this week"), "{html}");
    assert!(at("Union meeting this week") < at("Rally") && at("Rally") < at("Picnic"), "{html}");
    assert!(html.contains(">Kreyòl ayisyen</span>") && html.contains(">العربية</span>"), "{html}");
    assert!(!html.contains("src=") && !html.contains("http"), "no request anywhere: {html}");

    let order = |lang: &str| -> Vec<String> {
        let page = p.root.join("public/index.html");
        let dom = run_chromium(
            &bin,
            &[
                format!("--lang={lang}"),
                format!("--accept-lang={lang}"),
                "--virtual-time-budget=2000".into(),
                "--dump-dom".into(),
                format!("file://{}", page.display()),
            ],
        );
        let list = &dom[dom.find("<ul class=\"index-langs\">").expect("the index")..];
        let list = &list[..list.find("</ul>").unwrap()];
        list.split("data-lang=\"").skip(1).map(|s| s[..s.find('"').unwrap()].to_string()).collect()
    };
    assert_eq!(order("ht"), ["ht", "en", "es", "ar", "fr"]);
    assert_eq!(order("ar"), ["ar", "en", "es", "ht", "fr"]);
    // Without script (the file as written): config order.
    let list = &html[html.find("<ul class=\"index-langs\">").unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    let plain: Vec<&str> = list.split("data-lang=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]).collect();
    assert_eq!(plain, ["en", "es", "ht", "ar", "fr"]);
}
