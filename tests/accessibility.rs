//! Accessibility of what a union publishes: every page of every language, and the index,
//! passes axe-core (Deque's engine, `tests/a11y/package.json`) in headless Chromium
//! with no violation; `build --pdf-ua` writes PDF/UA-1, checked with pikepdf (the
//! structure tree, `/Lang`, the title shown, the PDF/UA identification), and refuses
//! an image without alt text.
//!
//! axe runs inside a test-only copy of each page: the page's own file with axe's script
//! and a few lines that run it appended, so the page is checked as published (its CSS,
//! its `lang` and `dir`), not a reconstruction.

mod common;

use common::Project;
use std::path::{Path, PathBuf};
use std::process::Command;

/// axe-core's browser bundle: `npm ci --prefix tests/a11y` installs it (`.ci/run` does).
fn axe_script() -> Option<String> {
    let path = std::env::var_os("TRADUI_AXE").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y/node_modules/axe-core/axe.min.js")
    });
    let found = path.is_file();
    common::have(found, "axe-core", "npm ci --prefix tests/a11y (or run .ci/run once)")
        .then(|| std::fs::read_to_string(&path).expect("axe.min.js is readable"))
}

/// Runs axe on the page and hands back the violations in a hidden element, hex-encoded
/// (so no serialisation of the DOM can mangle the JSON).
const RUNNER: &str = r#"<script>
axe.run(document, { resultTypes: ['violations'] }).then(r => {
  const out = r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, why: n.failureSummary })) }));
  done(JSON.stringify(out));
}).catch(e => done(JSON.stringify([{ id: 'axe-failed', help: String(e), nodes: [] }])));
function done(json) {
  const hex = Array.from(new TextEncoder().encode(json), b => b.toString(16).padStart(2, '0')).join('');
  const pre = document.createElement('pre');
  pre.id = 'axe-result'; pre.hidden = true; pre.textContent = hex;
  document.body.appendChild(pre);
}
</script>"#;

/// axe's violations on `page`, each as "rule (impact): help: node, node".
fn violations(chromium: &Path, axe: &str, page: &Path) -> Vec<String> {
    let html = std::fs::read_to_string(page).unwrap();
    let probe = page.with_extension("axe.html");
    let script = format!("<script>{axe}</script>{RUNNER}</body>");
    std::fs::write(&probe, html.replacen("</body>", &script, 1)).unwrap();
    let profile = tempfile::TempDir::new().unwrap();
    let out = Command::new("timeout")
        .arg("120")
        .arg(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .args(["--window-size=1000,1000", "--virtual-time-budget=20000", "--dump-dom"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", probe.display()))
        .output()
        .expect("chromium runs");
    std::fs::remove_file(&probe).unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<pre id=\"axe-result\" hidden=\"\">").unwrap_or_else(|| {
        panic!("axe wrote no result for {}: {}", page.display(), &dom[..dom.len().min(500)])
    });
    let hex = &dom[start..][dom[start..].find('>').unwrap() + 1..];
    let hex = &hex[..hex.find('<').unwrap()];
    let bytes: Vec<u8> =
        (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
    let list: serde_json::Value = serde_json::from_slice(&bytes).expect("axe's result is JSON");
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let nodes: Vec<String> = v["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| format!("{} {} ({})", n["target"], n["html"], n["why"]))
                .collect();
            format!("{} ({}): {}: {}", v["id"], v["impact"], v["help"], nodes.join("; "))
        })
        .collect()
}

/// The example project with Bengali and Simplified Chinese added, partly translated,
/// so pages show both translations and source text marked as not yet translated.
fn project_in_many_scripts() -> Project {
    let p = Project::init();
    p.edit(
        "tradui.toml",
        "languages = [\"es\", \"ht\", \"ar\", \"fr\"]",
        "languages = [\"es\", \"ht\", \"ar\", \"fr\", \"bn\", \"zh-Hans\"]",
    );
    p.write(
        "locales/bn/meeting.ftl",
        "# en: Union meeting this week\ntitle = এই সপ্তাহে ইউনিয়নের সভা\n\n# en: Come to the meeting\nmeeting = সভায় আসুন\n\n# en: Why it matters\nwhy = কেন এটা জরুরি\n",
    );
    p.write(
        "locales/zh-Hans/meeting.ftl",
        "# en: Union meeting this week\ntitle = 本周工会会议\n\n# en: Come to the meeting\nmeeting = 来参加会议\n\n# en: Bring a coworker.\nmeeting-li2 = 带上一位同事。\n",
    );
    p
}

#[test]
#[ignore = "slow: Chromium and axe-core on every page; run with cargo test -- --include-ignored"]
fn every_page_of_every_language_passes_axe_core() {
    let (Some(chromium), Some(axe)) = (common::chromium(), axe_script()) else { return };
    let p = project_in_many_scripts();
    p.write("tradui.toml", p.read("tradui.toml") + "\n[theme]\naccent = \"#b5121b\"\nfooter = { text = \"Strike hotline, day and night\", phone = \"+1 718 555 0100\" }\n");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.contains("built 7 page(s)"), "{out}");
    let public = p.root.join("public");
    let mut pages = vec![public.join("index.html")];
    for lang in ["en", "es", "ht", "ar", "fr", "bn", "zh-Hans"] {
        pages.push(public.join(lang).join("meeting.html"));
    }
    let found: Vec<(String, Vec<String>)> = std::thread::scope(|s| {
        let runs: Vec<_> = pages
            .iter()
            .map(|page| {
                s.spawn(|| {
                    (
                        page.strip_prefix(&public).unwrap().display().to_string(),
                        violations(&chromium, &axe, page),
                    )
                })
            })
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    let failing: Vec<String> = found
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(page, v)| format!("{page}:\n  {}", v.join("\n  ")))
        .collect();
    assert!(failing.is_empty(), "axe-core violations:\n{}", failing.join("\n"));
}

/// The harness sees violations: a page with an image without alt text, a pale link and
/// no language fails, each rule named.
#[test]
#[ignore = "slow: Chromium and axe-core; run with cargo test -- --include-ignored"]
fn axe_core_finds_what_a_page_gets_wrong() {
    let (Some(chromium), Some(axe)) = (common::chromium(), axe_script()) else { return };
    let dir = tempfile::TempDir::new().unwrap();
    let page = dir.path().join("bad.html");
    std::fs::write(
        &page,
        "<!doctype html><html><head><title>x</title></head><body><main><img src=\"a.png\">\
         <p>Call <a href=\"tel:1\" style=\"color:#f5c400\">the hotline</a></p></main></body></html>",
    )
    .unwrap();
    let found = violations(&chromium, &axe, &page).join("\n");
    for rule in ["image-alt", "color-contrast", "html-has-lang"] {
        assert!(found.contains(&format!("\"{rule}\"")), "{rule} not found:\n{found}");
    }
}

/// What pikepdf reads of a PDF/UA file: the catalog's `/Lang`, `/MarkInfo`, whether the
/// viewer shows the title, the XMP PDF/UA part and title, and the structure types used.
const PDF_UA_PROBE: &str = r#"
import json, sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
def kinds(e, out):
    if isinstance(e, pikepdf.Dictionary):
        if "/S" in e: out.add(str(e.S))
        k = e.get("/K")
        for c in (k if isinstance(k, pikepdf.Array) else [k]): kinds(c, out)
    return out
meta = pdf.open_metadata()
print(json.dumps({
    "lang": str(root.get("/Lang", "")),
    "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
    "display_title": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
    "ua_part": meta.get("{http://www.aiim.org/pdfua/ns/id/}part"),
    "title": meta.get("{http://purl.org/dc/elements/1.1/}title"),
    "structure": sorted(kinds(root.get("/StructTreeRoot"), set())),
}))
"#;

#[test]
#[ignore = "slow: renders PDFs and runs Python (pikepdf); run with cargo test -- --include-ignored"]
fn pdf_ua_files_have_structure_language_and_title() {
    let Some(python) = common::venv_program("python") else { return };
    let p = project_in_many_scripts();
    let out = p.run(&["build", "--pdf-ua"]);
    assert!(out.starts_with("exit: 0") && out.contains("8 PDF(s)"), "{out}");
    for (lang, title) in [
        ("es", "Reunión sindical esta semana"),
        ("ar", ""),
        ("bn", "এই সপ্তাহে ইউনিয়নের সভা"),
        ("zh-Hans", "本周工会会议"),
    ] {
        let pdf = p.root.join(format!("public/{lang}/meeting.pdf"));
        let out = Command::new(&python).arg("-c").arg(PDF_UA_PROBE).arg(&pdf).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // Typst writes the language and region of `text(lang:)`; a script subtag is not one of
        // them, so zh-Hans is "zh".
        assert_eq!(v["lang"], lang.split('-').next().unwrap(), "{v}");
        assert_eq!(v["ua_part"], "1", "{v}");
        assert!(v["marked"] == true && v["display_title"] == true, "{v}");
        if !title.is_empty() {
            assert_eq!(v["title"], title, "{v}");
        }
        for kind in ["/Document", "/H1", "/P", "/L", "/LI"] {
            assert!(v["structure"].as_array().unwrap().iter().any(|k| k == kind), "{lang}: no {kind}: {v}");
        }
    }
    // Without the flag, the PDF does not claim PDF/UA.
    let plain = p.root.join("plain");
    p.run(&["build", "--out", "plain"]);
    let out =
        Command::new(&python).arg("-c").arg(PDF_UA_PROBE).arg(plain.join("es/meeting.pdf")).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["ua_part"].is_null(), "{v}");
}

#[test]
#[ignore = "slow: renders PDFs; run with cargo test -- --include-ignored"]
fn pdf_ua_refuses_an_image_without_alt_text() {
    let p = Project::init();
    p.write("content/picket.md", "# On the line\n\nWe picket at noon.\n\n![](img/picket.png)\n");
    // An 8 x 8 red PNG (the PDF prints it).
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPYIK2HFTEMLQkAc7A+Qfu6ja8AAAAASUVORK5CYII=";
    p.write(
        "content/img/picket.png",
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, png).unwrap(),
    );
    let out = p.run(&["build", "--pdf-ua"]);
    assert!(out.starts_with("exit: 1"), "{out}");
    assert!(
        out.contains("content/picket.md:5:3: error[source]: the image `img/picket.png` has no alt text, and a PDF/UA file needs one"),
        "{out}"
    );
    assert!(out.contains("hint: describe the image between the brackets"), "{out}");
    // The other leaflet's PDFs, and the web pages, are made all the same.
    assert!(p.root.join("public/ar/meeting.pdf").exists() && p.root.join("public/en/picket.html").exists());
    // A plain build has no such rule.
    assert!(p.run(&["build"]).starts_with("exit: 0"));
}

/// The contrast warning of `check` and axe agree: a pale accent that `check` warns about
/// is a color-contrast violation on the page (the title band, the links).
#[test]
#[ignore = "slow: Chromium and axe-core; run with cargo test -- --include-ignored"]
fn a_pale_accent_is_what_axe_calls_a_contrast_violation() {
    let (Some(chromium), Some(axe)) = (common::chromium(), axe_script()) else { return };
    let p = Project::init();
    p.write("tradui.toml", p.read("tradui.toml") + "\n[theme]\naccent = \"#f5c400\"\n");
    assert!(p.run(&["check"]).contains("warning[contrast]: the accent #f5c400"));
    p.run(&["build", "--no-pdf"]);
    let found = violations(&chromium, &axe, &p.root.join("public/es/meeting.html")).join("\n");
    assert!(found.contains("\"color-contrast\"") && found.contains("contrast of 1.64"), "{found}");
}
