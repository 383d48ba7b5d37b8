//! Translating in the browser (`tradui serve`'s `/translate/` pages): the real binary on
//! a free port, requests sent over loopback as a browser or an attacker sends them.

mod common;

use common::Project;
use common::devtools::{Browser, PAGE_TEXT, lines, wait_line};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `tradui serve --no-pdf`, and the link it printed on its `Translate:` line.
struct Server {
    child: Child,
    port: u16,
    link: String,
}

/// An answer: status, head (lower case), body.
struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Server {
    fn start(p: &Project) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("tradui"))
            .current_dir(&p.root)
            .args(["serve", "--port", "0", "--no-pdf"])
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = lines(child.stdout.take().unwrap());
        let line = wait_line(&stdout, "Translate: ", "tradui serve's output");
        let link = line.split(' ').nth(1).unwrap().to_string();
        assert!(link.starts_with("http://127.0.0.1:") && link.contains("/translate/?key="), "{line}");
        let port = link.split(':').nth(2).unwrap().split('/').next().unwrap().parse().unwrap();
        Server { child, port, link }
    }

    fn host(&self) -> String {
        format!("Host: localhost:{}\r\n", self.port)
    }

    fn origin(&self) -> String {
        format!("Origin: http://localhost:{}\r\n", self.port)
    }

    /// A request with the given header lines (each ending in CRLF) and body.
    fn send(&self, method: &str, path: &str, headers: &str, body: &str) -> Answer {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let length = if method == "POST" {
            format!("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n", body.len())
        } else {
            String::new()
        };
        write!(s, "{method} {path} HTTP/1.1\r\n{headers}{length}Connection: close\r\n\r\n{body}").unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&all[..split]).to_ascii_lowercase();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        Answer { status, head, body: String::from_utf8_lossy(&all[split + 4..]).into_owned() }
    }

    /// Opens the link: the cookie header line it gives.
    fn sign_in(&self) -> String {
        let path = self.link.split_once(&format!(":{}", self.port)).unwrap().1;
        let a = self.send("GET", path, &self.host(), "");
        assert_eq!(a.status, 303, "{}", a.body);
        let set = a.head.lines().find_map(|l| l.strip_prefix("set-cookie: ")).unwrap().to_string();
        assert!(set.contains("samesite=strict") && set.contains("httponly"), "{set}");
        let pair = set.split(';').next().unwrap();
        format!("Cookie: {pair}\r\n")
    }

    fn page(&self, cookie: &str, path: &str) -> Answer {
        self.send("GET", path, &format!("{}{cookie}", self.host()), "")
    }

    /// Posts `form` (name, value) from a page of this server.
    fn post(&self, cookie: &str, path: &str, form: &[(String, String)]) -> Answer {
        self.send("POST", path, &format!("{}{}{cookie}", self.host(), self.origin()), &encode(form))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn encode(form: &[(String, String)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
                b' ' => "+".into(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    form.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The fields a browser would send for the page's form, in order, as it shows them
/// (hidden inputs and textareas; a checkbox only when `tick` names it).
fn fields(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let attr = |tag: &str, name: &str| {
            let key = format!(" {name}=\"");
            tag.find(&key).map(|i| {
                let v = &tag[i + key.len()..];
                unescape(&v[..v.find('"').unwrap()])
            })
        };
        let end = rest.find('>').unwrap();
        let tag = &rest[..end];
        if tag.starts_with("<input type=\"hidden\"") {
            out.push((attr(tag, "name").unwrap(), attr(tag, "value").unwrap()));
        } else if tag.starts_with("<textarea") {
            let body = &rest[end + 1..];
            let text = &body[..body.find("</textarea>").unwrap()];
            out.push((attr(tag, "name").unwrap(), unescape(text.strip_prefix('\n').unwrap_or(text))));
        }
        rest = &rest[end..];
    }
    out
}

fn set(form: &mut [(String, String)], name: &str, value: &str) {
    let f = form.iter_mut().find(|(k, _)| k == name).unwrap_or_else(|| panic!("no field {name}"));
    f.1 = value.to_string();
}

const ES: &str = "locales/es/meeting.ftl";
const PAGE: &str = "/translate/es/meeting";

#[test]
fn without_the_secret_nothing_is_read_or_written() {
    let p = Project::init();
    let server = Server::start(&p);
    let before = p.read(ES);
    let cookie = server.sign_in();
    let good = server.page(&cookie, PAGE);
    assert_eq!(good.status, 200, "{}", good.body);
    assert!(good.body.contains("Ven a la reunión"), "{}", good.body);
    for h in ["content-security-policy: default-src 'none'", "x-frame-options: deny"] {
        assert!(good.head.contains(h), "{h}: {}", good.head);
    }
    let mut form = fields(&good.body);
    set(&mut form, "meeting", "HACKED");
    let body = encode(&form);
    let (host, origin) = (server.host(), server.origin());
    let other = "Cookie: tradui_translate=0000\r\n";
    let attempts: Vec<(&str, &str, String, String)> = vec![
        ("no cookie: list", "GET", "/translate/".into(), host.clone()),
        ("no cookie: page", "GET", PAGE.into(), host.clone()),
        ("a wrong cookie", "GET", PAGE.into(), format!("{host}{other}")),
        ("a wrong key", "GET", "/translate/?key=00ff".into(), host.clone()),
        ("no cookie: post", "POST", PAGE.into(), format!("{host}{origin}")),
        ("a wrong Host", "GET", PAGE.into(), format!("Host: evil.example:{}\r\n{cookie}", server.port)),
        ("a wrong Host: post", "POST", PAGE.into(), format!("Host: evil.example\r\n{origin}{cookie}")),
        ("a foreign Origin", "POST", PAGE.into(), format!("{host}Origin: http://evil.example\r\n{cookie}")),
        ("no Origin", "POST", PAGE.into(), format!("{host}{cookie}")),
    ];
    for (what, method, path, headers) in &attempts {
        let a = server.send(method, path, headers, &body);
        assert_eq!(a.status, 403, "{what}: {}", a.body);
        assert!(
            !a.body.contains("reunión") && !a.body.contains("HACKED"),
            "{what} reads nothing: {}",
            a.body
        );
        assert!(!a.head.contains("access-control-"), "no CORS: {}", a.head);
    }
    for token in [None, Some("0123"), Some("")] {
        let mut f: Vec<_> = form.iter().filter(|(k, _)| k != "_csrf").cloned().collect();
        if let Some(t) = token {
            f.push(("_csrf".into(), t.into()));
        }
        let a = server.post(&cookie, PAGE, &f);
        assert_eq!(a.status, 403, "CSRF token {token:?}: {}", a.body);
    }
    for outside in
        ["/translate/es/../../tradui.toml", "/translate/es/%2e%2e%2ftradui", "/translate/xx/meeting"]
    {
        let a = server.post(&cookie, outside, &form);
        assert_eq!(a.status, 404, "{outside}: {}", a.body);
    }
    assert_eq!(p.read(ES), before, "nothing was written");
    assert!(!p.read("tradui.toml").contains("HACKED"));
}

#[test]
fn a_plain_form_post_fills_a_missing_unit_and_confirms_a_stale_one() {
    let p = Project::init();
    p.delete_message(ES, "why-p1");
    p.edit("content/meeting.md", "Bring a coworker.", "Bring a coworker with you.");
    let server = Server::start(&p);
    let cookie = server.sign_in();
    let list = server.page(&cookie, "/translate/");
    assert!(list.body.contains("5 of 7 current: 1 missing, 1 stale"), "{}", list.body);
    let page = server.page(&cookie, PAGE).body;
    assert!(page.contains("<section class=\"unit missing\" id=\"unit-why-p1\">"), "{page}");
    assert!(
        page.contains("Bring a <del>coworker.</del><ins>coworker with you.</ins>"),
        "the word diff: {page}"
    );
    assert!(page.contains("name=\"_confirm.meeting-li2\""), "a stale unit can be confirmed: {page}");
    assert!(page.contains("name=\"why-p1\" lang=\"es\" dir=\"ltr\""), "{page}");
    assert!(page.contains("<dd lang=\"fr\" dir=\"ltr\">Quand nous parlons"), "the other languages: {page}");
    let mut form = fields(&page);
    set(&mut form, "why-p1", "Cuando hablamos *juntas*, la gerencia escucha.");
    form.push(("_confirm.meeting-li2".into(), "1".into()));
    let before = p.read(ES);
    let preview = server.post(&cookie, &format!("{PAGE}/preview"), &form);
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(
        preview.body.contains("Cuando hablamos <em>juntas</em>, la gerencia escucha."),
        "{}",
        preview.body
    );
    assert!(preview.head.contains("content-security-policy: default-src 'none'"), "{}", preview.head);
    assert_eq!(p.read(ES), before, "a preview writes nothing");
    let no_token: Vec<_> = form.iter().filter(|(k, _)| k != "_csrf").cloned().collect();
    assert_eq!(server.post(&cookie, &format!("{PAGE}/preview"), &no_token).status, 403);
    let a = server.post(&cookie, PAGE, &form);
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.body.contains("Saved locales/es/meeting.ftl"), "{}", a.body);
    let text = p.read(ES);
    assert!(
        text.contains("# en: When we speak *together*, management listens.\nwhy-p1 = Cuando hablamos *juntas*, la gerencia escucha.\n"),
        "{text}"
    );
    assert!(
        text.contains("# en: Bring a coworker with you.\nmeeting-li2 = Trae a un compañero de trabajo."),
        "{text}"
    );
    let check = p.check(&["--lang", "es"]);
    assert_eq!(
        check.id_kinds(|p| p.lang.as_deref() == Some("es")),
        common::id_kinds(&[]),
        "{:?}",
        check.problems
    );
    assert!(a.body.contains("all 7 current"), "the page after saving says so: {}", a.body);
}

#[test]
fn the_translation_memory_is_offered_without_script() {
    let p = Project::init();
    p.write(
        "content/second.md",
        "+++\ntitle = \"Second\"\n+++\n\nBring a coworker.\n\nBring two coworkers.\n\nJoin { -union-name } today.\n",
    );
    let server = Server::start(&p);
    let cookie = server.sign_in();
    let page = server.page(&cookie, "/translate/es/second").body;
    assert!(page.contains("Translation memory, the same text in "), "{page}");
    assert!(page.contains("<span lang=\"es\" dir=\"ltr\">Trae a un compañero de trabajo.</span>"), "{page}");
    assert!(page.contains("% similar text in "), "a near match too: {page}");
    assert!(page.contains("Glossary: <code>{ -union-name }</code>"), "the terms the unit uses: {page}");
}

#[test]
fn a_source_changed_while_typing_stays_stale_and_an_edit_on_disk_is_kept_both_ways() {
    let p = Project::init();
    let server = Server::start(&p);
    let cookie = server.sign_in();
    let mut form = fields(&server.page(&cookie, PAGE).body);
    // While the translator types, the source changes and someone edits the file.
    p.edit("content/meeting.md", "Why it matters", "Why this matters");
    p.edit(ES, "meeting-li2 = Trae a un compañero de trabajo.", "meeting-li2 = Trae a una compañera.");
    set(&mut form, "why", "Por qué es importante");
    set(&mut form, "meeting-li2", "Trae a dos compañeros.");
    let a = server.post(&cookie, PAGE, &form);
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.body.contains("changed on disk since this page was loaded"), "said on screen: {}", a.body);
    let text = p.read(ES);
    assert!(
        text.contains("# en: Why it matters\nwhy = Por qué es importante"),
        "the record is what they saw: {text}"
    );
    assert!(text.contains("meeting-li2 = Trae a una compañera."), "the edit on disk stays: {text}");
    assert!(text.contains("# imported from the browser (tradui serve): Trae a dos compañeros."), "{text}");
    assert!(text.contains("# REVIEW:"), "{text}");
    assert!(a.body.contains("Someone changed this translation in locales/es/meeting.ftl"), "{}", a.body);
    let check = p.check(&["--lang", "es"]);
    let stale = check.id_kinds(|p| p.lang.as_deref() == Some("es"));
    assert_eq!(
        stale,
        common::id_kinds(&[("meeting-li2", "stale"), ("why", "stale")]),
        "{:?}",
        check.problems
    );
}

#[test]
fn a_placeable_error_is_refused_with_checks_words() {
    let p = Project::init();
    let server = Server::start(&p);
    let cookie = server.sign_in();
    let before = p.read(ES);
    let mut form = fields(&server.page(&cookie, PAGE).body);
    set(&mut form, "meeting-li1", "Dónde: { $lugar }");
    let a = server.post(&cookie, PAGE, &form);
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(p.read(ES), before, "an invalid text is written nowhere");
    assert!(a.body.contains("Dónde: { $lugar }</textarea>"), "the text stays in its field: {}", a.body);
    assert!(a.body.contains("Not saved: fix this text"), "{}", a.body);
    // The same words as check, once the text is in the file.
    p.edit(ES, "meeting-li1 = Dónde: { $place }", "meeting-li1 = Dónde: { $lugar }");
    let check = p.check(&["--lang", "es"]);
    let said: Vec<_> = check.errors().filter(|e| e.id.as_deref() == Some("meeting-li1")).collect();
    assert!(!said.is_empty(), "{:?}", check.problems);
    for e in said {
        let mut words = String::new();
        for c in e.message.chars() {
            match c {
                '<' => words.push_str("&lt;"),
                '>' => words.push_str("&gt;"),
                '&' => words.push_str("&amp;"),
                c => words.push(c),
            }
        }
        assert!(a.body.contains(&words), "{words}: {}", a.body);
        // The file's own invalid text shows as such, with the same words.
        let page = server.page(&cookie, PAGE).body;
        assert!(page.contains("<section class=\"unit invalid\" id=\"unit-meeting-li1\">"), "{page}");
        assert!(page.contains(&words), "{words}: {page}");
    }
}

#[test]
fn translators_on_the_network_get_a_link_at_its_address_and_a_qr_code() {
    let p = Project::init();
    let refused = common::tradui(&p.root, &["serve", "--translators", "--port", "0"]);
    assert!(refused.starts_with("exit: 2"), "{refused}");
    assert!(
        refused.contains("--translators is for phones on your network") && refused.contains("--bind 0.0.0.0"),
        "{refused}"
    );
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("tradui"))
        .current_dir(&p.root)
        .args(["serve", "--port", "0", "--no-pdf", "--bind", "0.0.0.0", "--translators"])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = lines(child.stdout.take().unwrap());
    let line = wait_line(&stdout, "Translate: ", "tradui serve's output");
    let qr = stdout.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(qr.chars().count() > 20 && qr.chars().all(|c| "▀▄█ ".contains(c)), "a QR code follows: {qr}");
    let link = line.split(' ').nth(1).unwrap();
    let (host, path) = link.strip_prefix("http://").unwrap().split_once('/').unwrap();
    assert!(!host.starts_with("127.") && !host.starts_with("localhost"), "the network address: {line}");
    // The link works under the address it names.
    let port: u16 = host.rsplit(':').next().unwrap().parse().unwrap();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
}

#[test]
#[ignore = "slow: Chromium; run with cargo test -- --include-ignored"]
fn a_translator_types_into_a_missing_unit_and_saves_in_chromium_on_a_phone() {
    let Some(bin) = common::chromium() else { return };
    let p = Project::init();
    p.delete_message(ES, "why-p1");
    let server = Server::start(&p);
    let key = server.link.split("?key=").nth(1).unwrap();
    let mut b =
        Browser::open(&bin, &format!("http://127.0.0.1:{}{PAGE}?key={key}", server.port), "360,740", true);
    b.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
    );
    b.wait_for("location.pathname === '/translate/es/meeting' && location.search === '' && document.readyState === 'complete'", PAGE_TEXT);
    let style = "getComputedStyle(document.querySelector('textarea[name=\"why-p1\"]')).boxSizing";
    assert_eq!(b.eval(style), "border-box", "the policy lets the stylesheet in");
    assert!(b.fits(360), "the form fits a 360 px phone");
    // With script: the source's placeables as chips that insert themselves.
    let chips = "Array.from(document.querySelectorAll('#unit-meeting-li1 .chip')).map(c => c.textContent + (c.classList.contains('absent') ? '!' : '')).join(' ')";
    assert_eq!(b.eval(chips), "{ $place }");
    b.eval("var t = document.querySelector('textarea[name=\"meeting-li1\"]'); t.value = 'Dónde: '; t.dispatchEvent(new Event('input'))");
    assert_eq!(b.eval(chips), "{ $place }!", "marked while the translation lacks it");
    b.eval("var t = document.querySelector('textarea[name=\"meeting-li1\"]'); t.selectionStart = t.selectionEnd = t.value.length; document.querySelector('#unit-meeting-li1 .chip').click()");
    assert_eq!(b.eval("document.querySelector('textarea[name=\"meeting-li1\"]').value"), "Dónde: { $place }");
    assert_eq!(b.eval(chips), "{ $place }");
    b.eval("document.querySelector('textarea[name=\"why-p1\"]').focus()");
    b.call("Input.insertText", serde_json::json!({ "text": "Cuando hablamos juntas, la gerencia escucha." }));
    // The live preview shows the text before it is saved.
    let frame = "document.querySelector('.preview iframe')";
    b.wait_for(&format!("{frame}.contentWindow.location.pathname.endsWith('/preview') && ({frame}.contentDocument.body || {{innerText: ''}}).innerText.includes('Cuando hablamos juntas')"), PAGE_TEXT);
    assert!(!p.read(ES).contains("juntas"), "a preview writes nothing");
    b.eval("document.querySelector('button[type=submit]').click()");
    b.wait_for("document.body.innerText.includes('Saved locales/es/meeting.ftl')", PAGE_TEXT);
    let text = p.read(ES);
    assert!(
        text.contains("# en: When we speak *together*, management listens.\nwhy-p1 = Cuando hablamos juntas, la gerencia escucha.\n"),
        "{text}"
    );
    // The page itself is rebuilt with the new text.
    let deadline = Instant::now() + Duration::from_secs(60);
    while !server.page("", "/es/meeting.html").body.contains("Cuando hablamos juntas") {
        assert!(Instant::now() < deadline, "the page was not rebuilt");
        std::thread::sleep(Duration::from_millis(100));
    }
    // On a wide screen the built page is beside the form, and it shows the new text.
    b.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 1300, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
    );
    b.wait_for("getComputedStyle(document.querySelector('.preview')).position === 'sticky'", PAGE_TEXT);
    // (The page is rebuilt by now; its frame may have loaded just before.)
    b.eval("document.querySelector('.preview iframe').contentWindow.location.reload()");
    b.wait_for("(document.querySelector('.preview iframe').contentDocument.body || {innerText: ''}).innerText.includes('Cuando hablamos juntas')", PAGE_TEXT);
    b.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
    );
    // Right to left, on the same phone.
    b.call(
        "Page.navigate",
        serde_json::json!({ "url": format!("http://127.0.0.1:{}/translate/ar/meeting", server.port) }),
    );
    b.wait_for(
        "location.pathname === '/translate/ar/meeting' && document.readyState === 'complete'",
        PAGE_TEXT,
    );
    assert_eq!(b.eval("getComputedStyle(document.querySelector('textarea[name=\"why\"]')).direction"), "rtl");
    assert!(b.fits(360), "the Arabic form fits a 360 px phone");
}
