//! `tradui serve` end to end: the real binary on a free port, fetched over HTTP, its
//! event stream read as a browser reads it, then stopped with Ctrl-C (SIGINT); and the
//! live reload in headless Chromium.

mod common;

use common::Project;
use common::devtools::{Browser, lines, wait_line};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// A running `tradui serve`, its stdout and stderr lines as they come.
struct Server {
    child: Child,
    port: u16,
    stderr: Receiver<String>,
    stdout: Receiver<String>,
}

impl Server {
    fn start(p: &Project, args: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("tradui"))
            .current_dir(&p.root)
            .args(["serve", "--port", "0"])
            .args(args)
            .env("NO_COLOR", "1")
            .env("TRADUI_SERVE_LOG", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = lines(child.stdout.take().unwrap());
        let stderr = lines(child.stderr.take().unwrap());
        let mut server = Server { child, port: 0, stderr, stdout };
        let line = server.wait_stdout("serving http://");
        assert!(line.starts_with("serving http://127.0.0.1:"), "only this computer by default: {line}");
        server.port = line.split(':').nth(2).unwrap().split('/').next().unwrap().parse().unwrap();
        server
    }

    fn wait_stdout(&mut self, prefix: &str) -> String {
        wait_line(&self.stdout, prefix, "stdout")
    }

    fn wait_stderr(&mut self, prefix: &str) -> String {
        wait_line(&self.stderr, prefix, "stderr")
    }

    fn get(&self, path: &str) -> (u16, String, Vec<u8>) {
        self.request(path, &format!("Host: localhost:{}\r\n", self.port))
    }

    /// A GET with the given header lines (each ending in CRLF), as any client may send.
    fn request(&self, path: &str, headers: &str) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n").unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&all[..split]).into_owned();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, head, all[split + 4..].to_vec())
    }

    fn events(&self) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            s,
            "GET /__tradui/events HTTP/1.1\r\nHost: localhost:{}\r\nAccept: text/event-stream\r\n\r\n",
            self.port
        )
        .unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut r = BufReader::new(s);
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        while line != "\r\n" {
            line.clear();
            r.read_line(&mut line).unwrap();
        }
        Events(r)
    }

    /// Ctrl-C: the server stops and exits 0.
    fn stop(mut self) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-INT", &pid]).status().unwrap().success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "Ctrl-C stops cleanly: {status}");
                break;
            }
            assert!(Instant::now() < deadline, "the server did not stop");
            std::thread::sleep(Duration::from_millis(50));
        }
        self.wait_stderr("stopped");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The data of server-sent events.
struct Events(BufReader<TcpStream>);

impl Events {
    /// What comes in `wait` (nothing: an empty string).
    fn within(&mut self, wait: Duration) -> String {
        self.0.get_ref().set_read_timeout(Some(wait)).unwrap();
        let mut line = String::new();
        // The blank line that ends the last event is not news.
        while self.0.read_line(&mut line).is_ok_and(|n| n > 0) && line.trim().is_empty() {
            line.clear();
        }
        self.0.get_ref().set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        line
    }

    /// The next event that passes `test` (at most 5).
    fn until(&mut self, test: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
        let mut seen = Vec::new();
        for _ in 0..5 {
            let e = self.next();
            if test(&e) {
                return e;
            }
            seen.push(e);
        }
        panic!("no such event among {seen:?}");
    }

    fn next(&mut self) -> serde_json::Value {
        let mut line = String::new();
        loop {
            line.clear();
            assert!(self.0.read_line(&mut line).unwrap() > 0, "the event stream ended");
            if let Some(data) = line.strip_prefix("data: ") {
                return serde_json::from_str(data.trim_end()).unwrap();
            }
        }
    }
}

fn changed(event: &serde_json::Value) -> Vec<String> {
    event["changed"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

#[test]
fn serve_rebuilds_a_translation_reports_an_error_and_stops_on_ctrl_c() {
    let p = Project::init();
    let mut server = Server::start(&p, &[]);
    let (status, head, page) = server.get("/es/meeting.html");
    assert_eq!(status, 200);
    assert!(head.to_ascii_lowercase().contains("content-type: text/html; charset=utf-8"), "{head}");
    let page = String::from_utf8(page).unwrap();
    assert!(
        page.contains("Ven a la reunión") && page.contains("<script src=\"/__tradui/reload.js\"></script>"),
        "{page}"
    );
    let on_disk = p.read("public/es/meeting.html");
    assert!(!on_disk.contains("__tradui"), "the reload script is added as the page is served, never on disk");
    assert_eq!(page.replace("<script src=\"/__tradui/reload.js\"></script>\n", ""), on_disk);
    let (status, head, pdf) = server.get("/es/meeting.pdf");
    assert!(status == 200 && head.contains("application/pdf") && pdf.starts_with(b"%PDF"), "{head}");
    assert_eq!(server.get("/../tradui.toml").0, 404);
    assert_eq!(server.get("/__tradui/reload.js").0, 200);

    let mut events = server.events();
    let hello = events.next();
    assert_eq!(hello["errors"], serde_json::json!([]), "{hello}");

    // A translation edit: the page and its PDF are rebuilt, and the pages hear of it.
    let pdf_before = p.bytes("public/es/meeting.pdf");
    p.edit("locales/es/meeting.ftl", "meeting = Ven a la reunión", "meeting = Ven a la asamblea");
    let event = events.until(|e| {
        assert_eq!(
            changed(e),
            ["/es/meeting.html", "/es/meeting.pdf", "/es/meeting.txt"],
            "only the Spanish page, PDF and text to paste: {e}"
        );
        String::from_utf8(server.get("/es/meeting.html").2).unwrap().contains("Ven a la asamblea")
    });
    assert_eq!(event["errors"], serde_json::json!([]));
    assert_ne!(p.bytes("public/es/meeting.pdf"), pdf_before, "the PDF is rebuilt too");
    // A build reads every file; reading is no change, so the server then stays quiet.
    let more = events.within(Duration::from_millis(1500));
    assert_eq!(more, "", "a rebuild must not set off another");
    server.wait_stdout("built ");

    // A syntax error: the pages hear of it with its file, line and column.
    p.edit("locales/es/meeting.ftl", "meeting = Ven a la asamblea", "meeting = Ven a la { asamblea");
    // (A save may come as two events, the file emptied then written: wait for the error.)
    let event = events.until(|e| !e["errors"].as_array().unwrap().is_empty());
    let errors = event["errors"].as_array().unwrap();
    let e =
        errors.iter().find(|e| e["file"] == "locales/es/meeting.ftl").unwrap_or_else(|| panic!("{event}"));
    assert_eq!((e["line"].as_u64(), e["lang"].as_str()), (Some(5), Some("es")), "{e}");
    assert_eq!(e["shows"], "untranslated", "the page is built with the source text there: {e}");
    assert!(e["column"].as_u64().unwrap() > 0);

    // Fixed: no error left.
    p.edit("locales/es/meeting.ftl", "meeting = Ven a la { asamblea", "meeting = Ven a la asamblea");
    let event = events.until(|e| {
        e["errors"] == serde_json::json!([])
            && String::from_utf8(server.get("/es/meeting.html").2).unwrap().contains("Ven a la asamblea")
    });
    assert!(changed(&event).contains(&"/es/meeting.html".to_string()), "{event}");
    // Let the watcher settle: no rebuild of serve's may run beside the build below.
    std::thread::sleep(Duration::from_millis(500));

    // What serve wrote is what build writes.
    let served: Vec<u8> = p.bytes("public/es/meeting.html");
    let rebuilt = p.run(&["build"]);
    assert!(rebuilt.contains(" 0 rebuilt"), "serve left nothing for build to do: {rebuilt}");
    assert_eq!(p.bytes("public/es/meeting.html"), served);
    server.stop();
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let p = Project::init();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = p.run(&["serve", "--no-pdf", "--port", &port]);
    assert!(out.starts_with("exit: 2"), "{out}");
    assert!(out.contains(&format!("error[io]: port {port} is in use by another program")), "{out}");
    assert!(out.contains("hint: choose another port"), "{out}");
}

/// Attacks on the preview from this computer: links out of public/, a page of another
/// site reaching the server through DNS rebinding, another site's page reading the
/// error stream.
#[cfg(unix)]
#[test]
fn serve_answers_only_its_own_address_and_never_leaves_public() {
    let p = Project::init();
    p.write("outside.txt", "a secret outside public/");
    let server = Server::start(&p, &["--no-pdf"]);
    std::os::unix::fs::symlink(p.root.join("outside.txt"), p.root.join("public/link.txt")).unwrap();
    std::os::unix::fs::symlink("/etc", p.root.join("public/etcdir")).unwrap();
    for path in ["/link.txt", "/etcdir/passwd", "/etcdir/"] {
        let (status, _, body) = server.get(path);
        let body = String::from_utf8_lossy(&body);
        assert_eq!(status, 404, "{path}: {body}");
        assert!(!body.contains("a secret") && !body.contains("root:"), "{path}: {body}");
    }
    assert_eq!(server.get("/es/meeting.html").0, 200, "its own pages are served");
    let (status, _, body) = server.get("/es/not-yet.html");
    let body = String::from_utf8(body).unwrap();
    assert_eq!(status, 404);
    assert!(
        body.contains("<meta name=\"tradui\" content=\"not-found\">") && body.contains("/__tradui/reload.js"),
        "a page not built yet still listens, and its error box says nothing is on screen: {body}"
    );
    let port = server.port;
    for host in ["evil.example.com", &format!("evil.example.com:{port}"), "localhost:1", ""] {
        let headers = if host.is_empty() { String::new() } else { format!("Host: {host}\r\n") };
        for path in ["/es/meeting.html", "/__tradui/events"] {
            let (status, _, body) = server.request(path, &headers);
            let body = String::from_utf8_lossy(&body);
            assert_eq!(status, 403, "Host {host:?} on {path}: {body}");
            assert!(body.contains("answers only requests for its own address"), "{body}");
        }
    }
    for host in [format!("127.0.0.1:{port}"), format!("[::1]:{port}"), format!("LocalHost:{port}")] {
        assert_eq!(server.request("/es/meeting.html", &format!("Host: {host}\r\n")).0, 200, "{host}");
    }
    let own = format!("Host: localhost:{port}\r\n");
    for origin in ["http://evil.example.com", &format!("http://evil.example.com:{port}"), "null"] {
        let (status, _, body) = server.request("/__tradui/events", &format!("{own}Origin: {origin}\r\n"));
        assert_eq!(status, 403, "Origin {origin}: {}", String::from_utf8_lossy(&body));
    }
    // Its own pages' Origin is fine (the stream is open then: read its head only).
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET /__tradui/events HTTP/1.1\r\n{own}Origin: http://127.0.0.1:{port}\r\n\r\n").unwrap();
    let mut line = String::new();
    BufReader::new(s).read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    server.stop();
}

#[test]
#[ignore = "slow: Chromium; run with cargo test -- --include-ignored"]
fn the_open_page_reloads_itself_in_chromium() {
    let Some(bin) = common::chromium() else { return };
    let p = Project::init();
    let mut server = Server::start(&p, &["--no-pdf"]);
    let profile = tempfile::TempDir::new().unwrap();
    let url = format!("http://127.0.0.1:{}/ht/meeting.html", server.port);
    let mut browser = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(&url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The page loads, then its script listens.
    server.wait_stderr("GET /ht/meeting.html");
    server.wait_stderr("GET /__tradui/events");
    p.edit("locales/ht/meeting.ftl", "Mennen yon kolèg travay.", "Mennen de kolèg travay.");
    // Nobody but the page's own script asks for it again.
    let again = wait_line(&server.stderr, "GET /ht/meeting.html", "stderr");
    let _ = browser.kill();
    let _ = browser.wait();
    assert_eq!(again, "GET /ht/meeting.html");
    server.stop();
}

#[test]
#[ignore = "slow: Chromium; run with cargo test -- --include-ignored"]
fn an_error_shows_over_the_last_good_page_in_chromium_until_it_is_fixed() {
    let Some(bin) = common::chromium() else { return };
    let p = Project::init();
    let mut server = Server::start(&p, &["--no-pdf"]);
    let url = format!("http://127.0.0.1:{}/ht/meeting.html", server.port);
    let mut browser = Browser::open(&bin, &url, "900,700", false);
    server.wait_stderr("GET /__tradui/events");
    let body = "document.body.innerText";
    let overlay = "(document.getElementById('tradui-errors') || {}).innerText || ''";
    assert_eq!(
        browser.eval(&format!("{body}.includes('Mennen yon kolèg travay.')")),
        serde_json::Value::Bool(true)
    );
    assert_eq!(browser.eval(overlay), "", "no error, no overlay");

    // A syntax error in the Creole translation: the page says where, and keeps its text.
    let file = "locales/ht/meeting.ftl";
    p.edit(file, "Mennen yon kolèg travay.", "Mennen { yon kolèg travay.");
    let line = p.read(file).lines().position(|l| l.contains("Mennen { yon")).unwrap() + 1;
    let shown = browser.wait_for(&format!("({overlay}).includes('{file}:{line}:')"), overlay);
    assert!(shown.contains("tradui: fix this to update the page"), "{shown}");
    assert!(shown.contains("On screen: the last version that built without errors"), "{shown}");
    assert!(shown.contains("error"), "{shown}");
    assert_eq!(
        browser.eval(&format!("{body}.includes('Mennen yon kolèg travay.')")),
        serde_json::Value::Bool(true),
        "the last good page stays in view"
    );
    browser.screenshot("serve-overlay.png");
    // Loaded again, the page is the new build, the broken message in the source language,
    // and the box says so.
    browser.eval("location.reload()");
    let shown = browser.wait_for(&format!("({overlay}).includes('On screen: the new build')"), overlay);
    assert!(shown.contains(&format!("{file}:{line}:")), "{shown}");

    // Fixed: the page reloads with the new text and the overlay is gone.
    p.edit(file, "Mennen { yon kolèg travay.", "Mennen de kolèg travay.");
    let after = browser.wait_for(
        &format!("{body}.includes('Mennen de kolèg travay.') && !document.getElementById('tradui-errors')"),
        body,
    );
    assert!(!after.contains("fix this to update the page"), "{after}");
    browser.screenshot("serve-fixed.png");
    drop(browser);
    server.stop();
}

#[test]
fn a_typo_while_serving_keeps_the_last_good_page_until_it_is_fixed() {
    let p = Project::init();
    let server = Server::start(&p, &["--no-pdf"]);
    let mut events = server.events();
    assert_eq!(events.next()["errors"], serde_json::json!([]));
    let good = p.bytes("public/es/meeting.html");

    p.edit("content/meeting.md", "date = 2026-12-10", "date = 12/11/2026");
    let event = events.until(|e| !e["errors"].as_array().unwrap().is_empty());
    let errors = event["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["file"] == "content/meeting.md"
            && e["line"] == 5
            && e["message"].as_str().unwrap().contains("is not built because of this error")),
        "{event}"
    );
    assert_eq!(p.bytes("public/es/meeting.html"), good, "the page on disk stays the last good one");
    let served = String::from_utf8(server.get("/es/meeting.html").2).unwrap();
    assert!(!served.contains("{$date}") && served.contains("10 de diciembre de 2026"), "{served}");

    p.edit("content/meeting.md", "date = 12/11/2026", "date = 2026-12-11");
    events.until(|e| {
        e["errors"] == serde_json::json!([])
            && String::from_utf8(server.get("/es/meeting.html").2)
                .unwrap()
                .contains("11 de diciembre de 2026")
    });
    server.stop();
}
