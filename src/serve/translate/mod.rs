//! `/translate/`: the translators' pages of `serve`, for whoever holds the link it prints.
//!
//! `auth` the per-launch secret, its cookie and the CSRF token; `page` the HTML (a list of
//! languages, one form per leaflet and language, usable without script); `save` a posted
//! form written into the `.ftl` as `import` writes it. Every answer here is refused (403)
//! without the cookie, and every write without this server's `Origin` and the form's
//! token; answers carry a strict Content-Security-Policy and no CORS header.

pub mod auth;
pub mod page;
pub mod preview;
pub mod qr;
pub mod save;

use crate::lang::Lang;
use crate::project::Project;
use std::collections::BTreeMap;
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use tiny_http::{Header, Method, Request, Response};

/// Where the translators' pages are.
pub const PREFIX: &str = "/translate";

/// The largest form accepted.
const MAX_FORM_BYTES: u64 = crate::limits::MAX_IMPORT_BYTES;

/// What the translators' pages need: the project's folder and this launch's secret.
pub struct Translate {
    pub root: PathBuf,
    pub secret: auth::Secret,
}

impl Translate {
    /// The link to hand translators, for a server at `addr`.
    pub fn link(&self, addr: SocketAddr) -> String {
        format!("http://{addr}{PREFIX}/?{}={}", auth::KEY_PARAM, self.secret.link_key())
    }
}

/// Is this URL path one of the translators' pages?
pub fn is_translate(path: &str) -> bool {
    path == PREFIX || path.starts_with("/translate/")
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

/// The headers every answer here carries: no caching, no framing, no sniffing, no
/// referrer to other sites (`no-referrer` would make browsers send `Origin: null` on the
/// form's post, which the Origin check refuses), and a policy that lets the page load only this server's stylesheet and post
/// only to this server (its own script and stylesheet, the built page in a frame).
fn guarded(r: Answer, mime: &str) -> Answer {
    r.with_header(header("Content-Type", mime))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("X-Frame-Options", "DENY"))
        .with_header(header("Referrer-Policy", "same-origin"))
}

fn text(status: u16, body: &str) -> Answer {
    guarded(Response::from_string(body).with_status_code(status), "text/plain; charset=utf-8")
}

fn html(status: u16, body: String) -> Answer {
    guarded(Response::from_string(body).with_status_code(status), "text/html; charset=utf-8")
}

fn field<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str())
}

/// Answers one request for `/translate...` (its `Host` was checked by the caller).
pub fn handle(mut request: Request, tr: &Translate, addr: SocketAddr) {
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let path = path.to_string();
    let key = query
        .split('&')
        .find_map(|p| p.strip_prefix(auth::KEY_PARAM).and_then(|v| v.strip_prefix('=')))
        .map(str::to_string);
    let answer = if let Some(key) = key {
        exchange(tr, &path, &key)
    } else if !tr.secret.has_cookie(field(&request, "Cookie").unwrap_or_default()) {
        text(
            403,
            "This page needs the link that `tradui serve` printed on its `Translate:` line (it holds a key that changes each time serve starts). Ask whoever runs serve for it, then open it.\n",
        )
    } else {
        match request.method() {
            Method::Get | Method::Head => get(tr, &path),
            Method::Post => post(&mut request, tr, &path, addr),
            _ => text(405, "only GET, HEAD and POST\n"),
        }
    };
    let _ = request.respond(answer);
}

/// The link's key for a cookie, then the same page without the key in its address.
fn exchange(tr: &Translate, path: &str, key: &str) -> Answer {
    if !tr.secret.is_key(key) {
        return text(
            403,
            "This link's key is not the one of this run of `tradui serve` (a key lasts until serve stops). Ask whoever runs serve for the link it prints now.\n",
        );
    }
    let location = if path == PREFIX { "/translate/" } else { path };
    text(303, "Signed in; go on to the page.\n")
        .with_header(header("Set-Cookie", &tr.secret.set_cookie()))
        .with_header(header("Location", location))
}

/// (language, leaflet) of `/translate/<lang>/<slug>`.
fn target(project: &Project, path: &str) -> Option<(Lang, String)> {
    let rest = path.strip_prefix("/translate/")?;
    let (lang, slug) = rest.split_once('/')?;
    let lang = project.config.languages.iter().find(|l| l.as_str() == lang)?.clone();
    project.leaflet(slug)?;
    Some((lang, slug.to_string()))
}

fn not_found(path: &str) -> Answer {
    let mut body = String::from("No such page: ");
    body.push_str(path);
    body.push_str("\nThe list of languages and leaflets is at /translate/\n");
    text(404, &body)
}

fn load(tr: &Translate) -> Result<Project, Answer> {
    Project::load(&tr.root).map_err(|fatal| {
        let said: Vec<String> = fatal.0.iter().map(page::said).collect();
        text(500, &format!("The project cannot be read, so nothing was saved (go back in your browser: your texts are still in the form):\n{}\n", said.join("\n")))
    })
}

fn get(tr: &Translate, path: &str) -> Answer {
    let project = match load(tr) {
        Ok(p) => p,
        Err(a) => return a,
    };
    let report = crate::status::report(&project);
    if path == PREFIX || path == "/translate/" {
        return html(200, page::list(&project, &report));
    }
    let Some((lang, slug)) = target(&project, path) else { return not_found(path) };
    let csrf = tr.secret.csrf();
    let fields = BTreeMap::new();
    let form = page::Form {
        project: &project,
        report: &report,
        lang: &lang,
        slug: &slug,
        csrf: &csrf,
        notices: &[],
        fields: &fields,
    };
    page::leaflet(&form).map_or_else(|| not_found(path), |p| html(200, p))
}

/// The end of the address a form posts to for a preview.
pub const PREVIEW: &str = "/preview";

/// A preview: the built page's own inline style allowed, no script, and shown only in a
/// frame of this server's pages.
fn preview_answer(page: String) -> Answer {
    Response::from_string(page)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; font-src 'self'; form-action 'none'; frame-ancestors 'self'; base-uri 'none'",
        ))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("X-Frame-Options", "SAMEORIGIN"))
        .with_header(header("Referrer-Policy", "same-origin"))
}

/// Whether a write comes from a page of this server.
fn same_origin(request: &Request, addr: SocketAddr) -> bool {
    field(request, "Origin")
        .and_then(|o| o.strip_prefix("http://"))
        .is_some_and(|h| crate::serve::http::host_allowed(h, addr))
}

fn post(request: &mut Request, tr: &Translate, path: &str, addr: SocketAddr) -> Answer {
    if !same_origin(request, addr) {
        return text(
            403,
            &format!(
                "Saving is only for pages of http://{addr}/ (this request came from another site, or said nothing of where it came from). Nothing was saved.\n"
            ),
        );
    }
    let mut body = Vec::new();
    let read = request.as_reader().take(MAX_FORM_BYTES + 1).read_to_end(&mut body);
    if read.is_err() || body.len() as u64 > MAX_FORM_BYTES {
        return text(
            413,
            &format!(
                "The form could not be read, or is larger than {MAX_FORM_BYTES} bytes. Nothing was saved.\n"
            ),
        );
    }
    let Some(form) = save::parse_form(&body) else {
        return text(400, "The form is not valid UTF-8 form data. Nothing was saved.\n");
    };
    let token = form.iter().find(|(k, _)| k == "_csrf").map_or("", |(_, v)| v.as_str());
    if !tr.secret.is_csrf(token) {
        return text(
            403,
            "The form's token is missing or not this run's (serve was restarted, or the form came from elsewhere). Nothing was saved: open the page again from the Translate: link, then save.\n",
        );
    }
    let project = match load(tr) {
        Ok(p) => p,
        Err(a) => return a,
    };
    if let Some(page) = path.strip_suffix(PREVIEW) {
        let Some((lang, slug)) = target(&project, page) else { return not_found(path) };
        return match preview::draft(&project, &lang, &slug, &form) {
            Some(p) => preview_answer(p),
            None => not_found(path),
        };
    }
    let Some((lang, slug)) = target(&project, path) else { return not_found(path) };
    let saved = save::save(&project, &lang, &slug, &form);
    let project = match load(tr) {
        Ok(p) => p,
        Err(a) => return a,
    };
    let report = crate::status::report(&project);
    let csrf = tr.secret.csrf();
    let form = page::Form {
        project: &project,
        report: &report,
        lang: &lang,
        slug: &slug,
        csrf: &csrf,
        notices: &saved.notices,
        fields: &saved.fields,
    };
    page::leaflet(&form).map_or_else(|| not_found(path), |p| html(200, p))
}
