//! Headless Chromium on one page, driven through the DevTools protocol (a websocket), so a
//! test can ask the page what it shows, type into it, and take a screenshot.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// What a page shows, for a failure message: its address and its text.
pub const PAGE_TEXT: &str = "location.href + '\\n' + (document.body ? document.body.innerText : '')";

pub struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    ws: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    next: u64,
}

impl Browser {
    /// Opens `url` in a window of `size` ("360,740"). The tab is found by its address,
    /// unless the page redirects (`follow`): then it is the only tab.
    pub fn open(bin: &Path, url: &str, size: &str, follow: bool) -> Browser {
        let profile = tempfile::TempDir::new().unwrap();
        let mut child = Command::new(bin)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
            .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
            .arg("--remote-debugging-port=0")
            .arg(format!("--window-size={size}"))
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = lines(child.stderr.take().unwrap());
        let listening = wait_line(&stderr, "DevTools listening on ws://", "Chromium's stderr");
        let port: u16 = listening.split(':').nth(2).unwrap().split('/').next().unwrap().parse().unwrap();
        let ws_url = page_socket(port, (!follow).then_some(url));
        let (ws, _) = tungstenite::connect(ws_url.as_str()).unwrap();
        if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_ref() {
            // A browser that stops answering fails the test rather than hanging it.
            s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        }
        Browser { child, _profile: profile, ws, next: 0 }
    }

    /// Calls a DevTools method and returns its result.
    pub fn call(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        self.next += 1;
        let id = self.next;
        let msg = serde_json::json!({ "id": id, "method": method, "params": params });
        self.ws.send(tungstenite::Message::text(msg.to_string())).unwrap();
        loop {
            let reply = self.ws.read().unwrap();
            let Ok(text) = reply.to_text() else { continue };
            let v: serde_json::Value = serde_json::from_str(text).unwrap();
            if v["id"] == id {
                return v["result"].clone();
            }
        }
    }

    /// The value of a JavaScript expression in the page as it is now.
    pub fn eval(&mut self, js: &str) -> serde_json::Value {
        let params = serde_json::json!({ "expression": js, "returnByValue": true });
        self.call("Runtime.evaluate", params)["result"]["value"].clone()
    }

    /// Waits until `js` is true in the page, and returns what `report` says then.
    pub fn wait_for(&mut self, js: &str, report: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.eval(js) != serde_json::Value::Bool(true) {
            assert!(
                Instant::now() < deadline,
                "the page never came to {js}; it shows: {}",
                self.eval(report)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        self.eval(report).as_str().unwrap_or_default().to_string()
    }

    /// Whether the page fits its width, nothing wider than `width` pixels.
    pub fn fits(&mut self, width: u32) -> bool {
        let js = format!(
            "document.documentElement.scrollWidth <= window.innerWidth && window.innerWidth <= {width}"
        );
        self.eval(&js) == serde_json::Value::Bool(true)
    }

    /// A screenshot, when TRADUI_TEST_SCREENSHOTS names a folder, to look at by eye.
    pub fn screenshot(&mut self, name: &str) {
        use base64::Engine;
        let Some(dir) = std::env::var_os("TRADUI_TEST_SCREENSHOTS") else { return };
        let png = self.call("Page.captureScreenshot", serde_json::json!({ "format": "png" }));
        let bytes = base64::engine::general_purpose::STANDARD.decode(png["data"].as_str().unwrap()).unwrap();
        std::fs::write(PathBuf::from(dir).join(name), bytes).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The DevTools socket of the tab showing `url` (None: the only page tab).
fn page_socket(port: u16, url: Option<&str>) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        // Chromium keeps the connection open: read the body by its length.
        write!(s, "GET /json/list HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
        let mut r = BufReader::new(s);
        let (mut line, mut length) = (String::new(), 0);
        while r.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
            if let Some(n) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = n.trim().parse().unwrap();
            }
            line.clear();
        }
        let mut body = vec![0; length];
        r.read_exact(&mut body).unwrap();
        let tabs: serde_json::Value = serde_json::from_slice(&body).unwrap();
        let tab = tabs
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == "page" && url.is_none_or(|u| t["url"] == u));
        if let Some(ws) = tab.and_then(|t| t["webSocketDebuggerUrl"].as_str()) {
            return ws.to_string();
        }
        assert!(Instant::now() < deadline, "Chromium opened no tab for {url:?}: {tabs}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The lines of a child's output, as they come.
pub fn lines(r: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The first line starting with `prefix` within a minute (`what`: whose lines, for the
/// failure message).
pub fn wait_line(rx: &Receiver<String>, prefix: &str, what: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) if line.starts_with(prefix) => return line,
            Ok(line) => seen.push(line),
            Err(_) => break,
        }
    }
    panic!("no {what} line starting with {prefix:?}; saw:\n{}", seen.join("\n"));
}
