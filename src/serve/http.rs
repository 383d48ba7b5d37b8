//! The preview server (tiny_http): files of `public/` as they are on disk, with one
//! `<script>` added to HTML pages as they are sent (never on disk), and a stream of
//! server-sent events at `/__tradui/events` that tells open pages what a rebuild changed.

use super::translate::Translate;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tiny_http::{Header, Request, Response, Server};

/// The URL of the event stream.
pub const EVENTS: &str = "/__tradui/events";
/// The URL of the reload script.
pub const SCRIPT: &str = "/__tradui/reload.js";
const RELOAD_JS: &str = include_str!("reload.js");
/// The port `serve` tries first.
pub const DEFAULT_PORT: u16 = 1111;

/// The open pages' event streams, and the last state sent (for pages that connect later).
#[derive(Default)]
pub struct Hub {
    inner: Mutex<HubInner>,
}

#[derive(Default)]
struct HubInner {
    clients: Vec<Sender<String>>,
    state: String,
    closed: bool,
}

impl Hub {
    /// Sends `event` (JSON) to every open page; `state` (the same without what changed)
    /// is what pages that connect later get.
    pub fn broadcast(&self, event: String, state: String) {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        // A rebuild that changed no file and no error is no news: the pages stay quiet
        // (a save that reaches the watcher in two batches rebuilds twice).
        if event == state && inner.state == state {
            return;
        }
        inner.clients.retain(|c| c.send(event.clone()).is_ok());
        inner.state = state;
    }

    /// Sets the state new pages get, without telling open pages.
    pub fn set_state(&self, event: String) {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).state = event;
    }

    fn subscribe(&self) -> Option<Receiver<String>> {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if inner.closed {
            return None;
        }
        let (tx, rx) = channel();
        let _ = tx.send(inner.state.clone());
        inner.clients.push(tx);
        Some(rx)
    }

    /// Ends every event stream.
    pub fn close(&self) {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.closed = true;
        inner.clients.clear();
    }
}

/// Why the server could not start.
#[derive(Debug)]
pub enum BindError {
    InUse(u16),
    Other(String),
}

/// Listens on `addr:port`; without a port, on 1111 or the next free one up to 1130.
/// Returns the server and whether the port differs from the one wanted.
pub fn bind(addr: IpAddr, port: Option<u16>) -> Result<(Arc<Server>, SocketAddr), BindError> {
    let candidates: Vec<u16> = match port {
        Some(p) => vec![p],
        None => (DEFAULT_PORT..DEFAULT_PORT + 20).collect(),
    };
    for p in &candidates {
        match TcpListener::bind(SocketAddr::new(addr, *p)) {
            Ok(listener) => {
                let local = listener.local_addr().map_err(|e| BindError::Other(e.to_string()))?;
                let server =
                    Server::from_listener(listener, None).map_err(|e| BindError::Other(e.to_string()))?;
                return Ok((Arc::new(server), local));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) => return Err(BindError::Other(e.to_string())),
        }
    }
    Err(BindError::InUse(candidates[0]))
}

/// Answers requests until the server is unblocked. `addr` is the address the server is
/// bound to: only requests for it are answered (see [`host_allowed`]).
pub fn spawn(
    server: Arc<Server>,
    out: PathBuf,
    hub: Arc<Hub>,
    (addr, translate): (SocketAddr, Option<Arc<Translate>>),
) -> std::thread::JoinHandle<()> {
    let trace = std::env::var_os("TRADUI_SERVE_LOG").is_some();
    // Files are served only from inside the real folder, whatever links lead elsewhere.
    let out = std::fs::canonicalize(&out).unwrap_or(out);
    std::thread::spawn(move || {
        while let Ok(request) = server.recv() {
            if trace {
                eprintln!("{} {}", request.method(), request.url());
            }
            handle(request, &out, &hub, (addr, translate.as_deref()));
        }
    })
}

fn handle(request: Request, out: &Path, hub: &Arc<Hub>, (addr, translate): (SocketAddr, Option<&Translate>)) {
    use tiny_http::Method;
    let url = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
    if let Some(why) = refusal(&request, &url, addr) {
        let _ = request.respond(Response::from_string(why).with_status_code(403));
        return;
    }
    if let Some(tr) = translate
        && super::translate::is_translate(&url)
    {
        super::translate::handle(request, tr, addr);
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(Response::from_string("only GET and HEAD").with_status_code(405));
        return;
    }
    if url == EVENTS {
        let hub = Arc::clone(hub);
        std::thread::spawn(move || events(request, &hub));
        return;
    }
    if let Some((body, mime)) = asset(&url) {
        let _ = request.respond(with_type(Response::from_string(body), mime));
        return;
    }
    let Some(path) = resolve(out, &url) else {
        let _ = request.respond(not_found(&url));
        return;
    };
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if ext == "html" {
        match std::fs::read(&path) {
            Ok(bytes) => {
                let _ = request.respond(with_type(Response::from_data(inject(bytes)), content_type(&ext)));
            }
            Err(_) => {
                let _ = request.respond(not_found(&url));
            }
        }
        return;
    }
    match std::fs::File::open(&path) {
        Ok(file) => {
            let _ = request.respond(with_type(Response::from_file(file), content_type(&ext)));
        }
        Err(_) => {
            let _ = request.respond(not_found(&url));
        }
    }
}

/// tradui's own files (no project data in them): the reload script, and the translators'
/// pages' script and stylesheet.
fn asset(url: &str) -> Option<(&'static str, &'static str)> {
    use super::translate::page;
    match url {
        SCRIPT => Some((RELOAD_JS, "text/javascript; charset=utf-8")),
        page::JS_URL => Some((page::JS, "text/javascript; charset=utf-8")),
        page::CSS_URL => Some((page::CSS, "text/css; charset=utf-8")),
        _ => None,
    }
}

/// Why a request is refused: a `Host` that is not this server's address (a page of
/// another site reaching the preview through DNS rebinding), or, on the event stream, an
/// `Origin` other than this server's.
fn refusal(request: &Request, url: &str, addr: SocketAddr) -> Option<String> {
    let field = |name: &'static str| {
        request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str().to_string())
    };
    let host = field("Host").unwrap_or_default();
    if !host_allowed(&host, addr) {
        return Some(format!(
            "tradui serve answers only requests for its own address (http://{addr}/), not for \"{host}\"\n"
        ));
    }
    if url == EVENTS
        && let Some(origin) = field("Origin")
        && !origin.strip_prefix("http://").is_some_and(|h| host_allowed(h, addr))
    {
        return Some(format!("the event stream is only for pages of http://{addr}/, not of \"{origin}\"\n"));
    }
    None
}

/// Whether a `Host` (or an `Origin` without its scheme) names this server: `localhost`,
/// a loopback address, or the address it is bound to, with its port. An IP address is
/// never the name an attacker's page rebinds, so any address of this computer is allowed
/// when serve listens on all of them (`--bind 0.0.0.0`).
pub fn host_allowed(host: &str, addr: SocketAddr) -> bool {
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) if !n.is_empty() && (!n.contains(':') || n.ends_with(']')) => (n, p.parse::<u16>().ok()),
        _ => (host, Some(80)),
    };
    if port != Some(addr.port()) {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return addr.ip().is_loopback() || addr.ip().is_unspecified();
    }
    let Ok(ip) = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() else {
        return false;
    };
    ip == addr.ip() || addr.ip().is_unspecified() || (ip.is_loopback() && addr.ip().is_loopback())
}

/// The file of `out` a URL path names: percent-decoded, never outside `out` (not even
/// through a symbolic link: the file's real path must be inside `out`'s), never a
/// hidden file; a folder means its `index.html`.
pub fn resolve(out: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    let mut path = out.to_path_buf();
    for c in rel.components() {
        match c {
            Component::Normal(part) if !part.to_string_lossy().starts_with('.') => path.push(part),
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    let real = std::fs::canonicalize(&path).ok()?;
    let root = std::fs::canonicalize(out).ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains('\\') && !text.contains('\0')).then_some(text)
}

/// The page with the reload script before `</body>` (at the end if it has none).
pub fn inject(mut page: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT}\"></script>\n");
    let at = page.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(page.len());
    page.splice(at..at, tag.into_bytes());
    page
}

fn content_type(ext: &str) -> &'static str {
    match ext {
        "html" => "text/html; charset=utf-8",
        "pdf" => "application/pdf",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid fixed header")
}

fn with_type<R: std::io::Read>(r: Response<R>, mime: &str) -> Response<R> {
    r.with_header(header("Content-Type", mime)).with_header(header("Cache-Control", "no-store"))
}

fn not_found(url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    // The page still listens, so it shows up by itself once a build writes it.
    let mut body = String::from(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><meta name=\"tradui\" content=\"not-found\"><title>Not found</title></head><body>\n<p>Nothing here yet: ",
    );
    crate::render::escape::text(&mut body, url);
    body.push_str("</p>\n</body></html>\n");
    with_type(Response::from_data(inject(body.into_bytes())), "text/html; charset=utf-8")
        .with_status_code(404)
}

/// One page's event stream: the current state at once, then every rebuild; a comment
/// every 15 s finds closed connections.
fn events(request: Request, hub: &Hub) {
    let Some(rx) = hub.subscribe() else { return };
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if w.write_all(head.as_bytes()).and_then(|_| w.flush()).is_err() {
        return;
    }
    loop {
        let chunk = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => format!("data: {event}\n\n"),
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if w.write_all(chunk.as_bytes()).and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rebuild_that_changed_nothing_is_no_news() {
        let hub = Hub::default();
        let rx = hub.subscribe().unwrap();
        assert_eq!(rx.try_recv().unwrap(), "", "the state at connection");
        let quiet = r#"{"changed":[],"errors":[]}"#.to_string();
        hub.broadcast(r#"{"changed":["/es/a.html"],"errors":[]}"#.into(), quiet.clone());
        assert!(rx.try_recv().unwrap().contains("/es/a.html"));
        hub.broadcast(quiet.clone(), quiet.clone());
        assert!(rx.try_recv().is_err(), "nothing changed, nothing sent");
        let broken = r#"{"changed":[],"errors":[{"file":"x"}]}"#.to_string();
        hub.broadcast(broken.clone(), broken);
        assert!(rx.try_recv().unwrap().contains("errors\":[{"), "new errors are news");
    }

    #[test]
    fn urls_never_leave_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("es")).unwrap();
        std::fs::write(out.join("es/a.html"), "x").unwrap();
        std::fs::write(out.join("index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret"), "x").unwrap();
        std::fs::write(out.join(".hidden"), "x").unwrap();
        let real = |p: &str| Some(std::fs::canonicalize(out.join(p)).unwrap());
        assert_eq!(resolve(&out, "/es/a.html"), real("es/a.html"));
        assert_eq!(resolve(&out, "/es/%61.html"), real("es/a.html"));
        assert_eq!(resolve(&out, "/"), real("index.html"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret"), out.join("link.txt")).unwrap();
            std::os::unix::fs::symlink("/etc", out.join("etcdir")).unwrap();
            std::os::unix::fs::symlink(out.join("es/a.html"), out.join("inside.html")).unwrap();
            assert_eq!(resolve(&out, "/link.txt"), None, "a link out of public/ is not followed");
            assert_eq!(resolve(&out, "/etcdir/passwd"), None);
            assert_eq!(resolve(&out, "/inside.html"), real("es/a.html"), "a link inside public/ is fine");
        }
        for bad in [
            "/../secret",
            "/es/../../secret",
            "/%2e%2e/secret",
            "/.hidden",
            "/es/..%2F..%2Fsecret",
            "/%zz",
            "/nope.html",
        ] {
            assert_eq!(resolve(&out, bad), None, "{bad}");
        }
    }

    #[test]
    fn only_this_servers_own_address_is_answered() {
        let local: SocketAddr = "127.0.0.1:1111".parse().unwrap();
        for ok in ["127.0.0.1:1111", "localhost:1111", "LOCALHOST:1111", "[::1]:1111", "127.0.0.2:1111"] {
            assert!(host_allowed(ok, local), "{ok}");
        }
        for bad in [
            "evil.example.com",
            "evil.example.com:1111",
            "localhost:1112",
            "localhost",
            "127.0.0.1",
            "",
            "192.168.1.5:1111",
            "localhost.evil.com:1111",
            "[::1]",
        ] {
            assert!(!host_allowed(bad, local), "{bad}");
        }
        let lan: SocketAddr = "192.168.1.5:8080".parse().unwrap();
        assert!(host_allowed("192.168.1.5:8080", lan));
        assert!(!host_allowed("localhost:8080", lan), "serve does not listen on loopback then");
        let all: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        assert!(host_allowed("10.0.0.7:8080", all) && host_allowed("localhost:8080", all));
        assert!(!host_allowed("rebind.evil.com:8080", all));
        let v6: SocketAddr = "[::1]:80".parse().unwrap();
        assert!(host_allowed("[::1]", v6) && host_allowed("localhost", v6));
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let page = String::from_utf8(inject(b"<html><body><p>x</p></body></html>\n".to_vec())).unwrap();
        assert_eq!(page, format!("<html><body><p>x</p><script src=\"{SCRIPT}\"></script>\n</body></html>\n"));
    }
}
