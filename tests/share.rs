//! Sharing on a phone: `base_url`, the link-preview tags (parsed from the page by
//! Python's HTML parser, as a chat app's crawler reads them), the sitemap.

mod common;

use common::Project;
use std::process::Command;

/// The `<meta>` tags of a page as (property or name, content), in page order, and the
/// text of its first paragraph, as an HTML parser reads them (entities decoded).
fn parse(html: &str) -> (Vec<(String, String)>, String) {
    const SCRIPT: &str = r#"
import html.parser, json, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.meta = []; self.depth = 0; self.first = None; self.text = ''
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'meta' and ('property' in a or 'name' in a):
            self.meta.append([a.get('property') or a.get('name'), a.get('content')])
        if tag == 'p' and self.first is None and self.depth == 0:
            self.depth = 1
        elif self.depth and tag not in ('br',):
            self.depth += 1
    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.depth == 0: self.first = self.text
    def handle_data(self, d):
        if self.depth: self.text += d
p = P(); p.feed(sys.stdin.read())
print(json.dumps({'meta': p.meta, 'first': p.first}))
"#;
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(html.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the parser printed JSON");
    let meta = json["meta"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m[0].as_str().unwrap().to_string(), m[1].as_str().unwrap_or("").to_string()))
        .collect();
    (meta, json["first"].as_str().unwrap_or("").to_string())
}

fn one<'a>(meta: &'a [(String, String)], key: &str) -> &'a str {
    let found: Vec<&str> = meta.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect();
    assert_eq!(found.len(), 1, "{key}: {meta:?}");
    found[0]
}

#[test]
fn pages_carry_link_preview_tags_with_absolute_addresses() {
    let p = Project::init();
    p.edit(
        "tradui.toml",
        "paper = \"letter\"",
        "paper = \"letter\"\nbase_url = \"https://union.example.org/leaflets\"",
    );
    p.edit(
        "locales/es/meeting.ftl",
        "title = Reunión sindical esta semana",
        "title = Reunión \"sindical\" <script>alert(1)</script> & esta semana",
    );
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0") && !out.contains("base_url"), "{out}");
    let html = p.read("public/es/meeting.html");
    assert!(!html.contains("<script"), "a translation never becomes a script: {html}");
    let (meta, first) = parse(&html);
    assert_eq!(one(&meta, "og:title"), "Reunión \"sindical\" <script>alert(1)</script> & esta semana");
    assert_eq!(one(&meta, "twitter:title"), one(&meta, "og:title"));
    assert!(first.contains("Warehouse Workers Union"), "the first paragraph, its term filled: {first}");
    assert_eq!(one(&meta, "og:description"), first.split_whitespace().collect::<Vec<_>>().join(" "));
    assert!(one(&meta, "og:description").contains("10 de diciembre de 2026"), "placeables filled: {meta:?}");
    assert_eq!(one(&meta, "og:locale"), "es");
    let mut alternates: Vec<&str> =
        meta.iter().filter(|(k, _)| k == "og:locale:alternate").map(|(_, v)| v.as_str()).collect();
    alternates.sort();
    assert_eq!(alternates, ["ar", "en", "fr", "ht"]);
    assert_eq!(one(&meta, "og:url"), "https://union.example.org/leaflets/es/meeting.html");
    assert_eq!(one(&meta, "og:site_name"), "Nuestras hojas informativas");
    assert!(
        html.contains("<link rel=\"canonical\" href=\"https://union.example.org/leaflets/es/meeting.html\">")
    );
    // Arabic: its own title and locale.
    let (ar, _) = parse(&p.read("public/ar/meeting.html"));
    assert_eq!(one(&ar, "og:title"), "اجتماع النقابة هذا الأسبوع");
    assert_eq!(one(&ar, "og:locale"), "ar");

    let sitemap = p.read("public/sitemap.xml");
    assert_eq!(sitemap.matches("<url>").count(), 5, "{sitemap}");
    assert!(sitemap.contains("<loc>https://union.example.org/leaflets/ht/meeting.html</loc>"), "{sitemap}");
    assert_eq!(sitemap.matches("hreflang=").count(), 25, "{sitemap}");
}

#[test]
fn without_base_url_the_build_says_once_what_it_leaves_out() {
    let p = Project::init();
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    assert_eq!(out.matches("no `base_url` in tradui.toml").count(), 1, "{out}");
    assert!(out.contains("og:url and og:image") && out.contains("sitemap.xml"), "{out}");
    assert!(!p.root.join("public/sitemap.xml").exists());
    let (meta, _) = parse(&p.read("public/fr/meeting.html"));
    assert!(meta.iter().all(|(k, _)| k != "og:url" && k != "og:image"), "{meta:?}");
    assert_eq!(one(&meta, "og:title"), "Réunion syndicale cette semaine");
    let out = p.edit("tradui.toml", "paper = \"letter\"", "base_url = \"union.example.org\"").run(&["check"]);
    assert!(
        out.starts_with("exit: 2") && out.contains("tradui.toml:7:12: error[config]: `base_url`"),
        "{out}"
    );
}

#[test]
fn a_text_to_paste_and_what_its_sms_costs() {
    let p = Project::init();
    p.edit("tradui.toml", "paper = \"letter\"", "paper = \"letter\"\nbase_url = \"https://u.example.org/\"");
    p.edit("locales/es/meeting.ftl", "= Ven a la reunión", "= Ven a la \\*reunión\\* *ya*");
    let out = p.run(&["build", "--no-pdf"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    let ht = p.read("public/ht/meeting.txt");
    assert!(
        ht.starts_with(
            "*Reyinyon sendika a semèn sa a*\nDat: 10 desanm 2026\nLè: 6:30 PM\nKote: Union hall, 2nd floor\n"
        ),
        "{ht}"
    );
    assert!(
        ht.contains("\n*Vin nan reyinyon an*\n") && ht.contains("\n- Mennen yon kolèg travay.\n"),
        "{ht}"
    );
    assert!(ht.contains("Lè nou pale _ansanm_, direksyon an koute."), "{ht}");
    assert!(ht.ends_with("\nhttps://u.example.org/ht/meeting.html\n"), "{ht}");
    // A literal star in a translation cannot pair with another into bold.
    let es = p.read("public/es/meeting.txt");
    assert!(es.contains("*Ven a la *\u{2060}reunión*\u{2060} _ya_*"), "{es}");
    assert!(p.read("public/ar/meeting.txt").starts_with("*اجتماع النقابة هذا الأسبوع*\nالتاريخ: "));

    let status = p.run(&["status"]);
    assert!(status.contains("meeting  ht               1  GSM-7"), "{status}");
    assert!(status.contains("UCS-2") && status.contains("('ó' U+00F3 is not in GSM-7)"), "{status}");
    let json = p.run(&["status", "--format", "json"]);
    let body = json.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap();
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    let ar = v["sms"].as_array().unwrap().iter().find(|r| r["lang"] == "ar").unwrap();
    assert_eq!(ar["encoding"], "UCS-2");
    assert_eq!(ar["ucs2_because"], "ا");
    let units = ar["text"].as_str().unwrap().encode_utf16().count();
    assert_eq!(ar["units"], units);
    assert_eq!(ar["segments"], units.div_ceil(67));

    // Front matter `short` names the units of the short version instead.
    p.edit(
        "content/meeting.md",
        "title = \"Union meeting this week\"",
        "title = \"Union meeting this week\"\nshort = [\"title\", \"meeting-p1\"]",
    );
    let json = p.run(&["status", "--format", "json"]);
    let body = json.split("--- stdout\n").nth(1).unwrap().split("--- stderr").next().unwrap();
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    let ht = v["sms"].as_array().unwrap().iter().find(|r| r["lang"] == "ht").unwrap();
    assert_eq!(
        ht["text"],
        "Reyinyon sendika a semèn sa a\nTout travayè yo envite nan reyinyon Warehouse Workers Union nan dat 10 desanm 2026 a 6:30 PM.\nhttps://u.example.org/ht/meeting.html"
    );
    p.edit("content/meeting.md", "\"meeting-p1\"]", "\"meeting-p9\"]");
    let check = p.run(&["check"]);
    assert!(
        check.contains(
            "content/meeting.md:3:19: error[source]: `short` names \"meeting-p9\", which is not a unit"
        ),
        "{check}"
    );
}

/// The pixels of a PNG: (width, height, RGBA rows).
fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes)).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Pixels in a band of rows that differ from the background colour (the top-left pixel).
fn ink(width: u32, rgba: &[u8], rows: std::ops::Range<u32>) -> usize {
    let bg = &rgba[..4];
    rows.flat_map(|y| (0..width).map(move |x| ((y * width + x) * 4) as usize))
        .filter(|i| rgba[*i..*i + 4] != *bg)
        .count()
}

#[test]
fn a_share_image_per_language_in_its_own_script() {
    let p = Project::init();
    p.edit("tradui.toml", "paper = \"letter\"", "paper = \"letter\"\nbase_url = \"https://u.example.org/\"");
    p.edit(
        "tradui.toml",
        "languages = [\"es\", \"ht\", \"ar\", \"fr\"]",
        "languages = [\"es\", \"ht\", \"ar\", \"fr\", \"bn\"]",
    );
    p.write("locales/bn/meeting.ftl", "# en: Union meeting this week\ntitle = এই সপ্তাহে ইউনিয়নের সভা\n");
    let out = p.run(&["build"]);
    assert!(out.starts_with("exit: 0"), "{out}");
    for lang in ["en", "es", "ht", "ar", "fr", "bn"] {
        let bytes = p.bytes(&format!("public/{lang}/meeting.png"));
        assert!(bytes.len() < 300 * 1024, "{lang}: {} bytes, over WhatsApp's 300 KB", bytes.len());
        let (w, h, rgba) = decode(&bytes);
        assert_eq!((w, h), (1200, 630), "{lang}");
        // The title band (top quarter) and the facts box hold text; the middle is empty.
        assert!(ink(w, &rgba, 40..160) > 5_000, "{lang}: no title drawn");
        assert!(ink(w, &rgba, 450..520) > 50_000, "{lang}: no facts box");
        let (meta, _) = parse(&p.read(&format!("public/{lang}/meeting.html")));
        assert_eq!(one(&meta, "og:image"), format!("https://u.example.org/{lang}/meeting.png"));
        assert_eq!(one(&meta, "twitter:card"), "summary_large_image");
    }
    // Right to left: the Arabic title starts at the right edge, the English at the left.
    let column_ink = |lang: &str, xs: std::ops::Range<u32>| {
        let (w, _, rgba) = decode(&p.bytes(&format!("public/{lang}/meeting.png")));
        (40..160u32)
            .flat_map(|y| xs.clone().map(move |x| ((y * w + x) * 4) as usize))
            .filter(|i| rgba[*i..*i + 4] != rgba[..4])
            .count()
    };
    assert!(column_ink("ar", 900..1130) > column_ink("ar", 70..300), "Arabic starts on the right");
    assert!(column_ink("en", 70..300) > column_ink("en", 900..1130), "English starts on the left");
    // The image is built again only when its inputs change, and is the same bytes.
    let before = p.bytes("public/ar/meeting.png");
    let again = p.run(&["build", "--force"]);
    assert!(again.starts_with("exit: 0"), "{again}");
    assert_eq!(before, p.bytes("public/ar/meeting.png"), "deterministic");
}
