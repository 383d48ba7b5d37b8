//! `tradui serve`: build, serve `public/` on this computer, rebuild what changed when a
//! file is saved, and reload the pages that changed in the browser.
//!
//! One loop on the main thread: the watcher (`watch`) and Ctrl-C send it messages; each
//! change reloads the project and runs the same incremental [`build`] as `tradui build`
//! (same files, same bytes); the server (`http`) then tells the open pages which files
//! changed and which errors concern them (server-sent events), and a page that changed
//! reloads itself, or shows the errors over its last good version.

mod http;
mod translate;
mod watch;

use crate::build::{BuildOptions, BuildSummary, build};
use crate::diag::{Diagnostic, Fatal, Kind};
use crate::project::Project;
use serde::Serialize;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};
pub use watch::Msg;

/// What `serve` was asked for.
pub struct ServeOptions {
    pub root: PathBuf,
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// None: 1111, or the next free port.
    pub port: Option<u16>,
    pub open: bool,
    /// Poll the files instead of waiting for the file system's events.
    pub poll: bool,
    /// Print the translators' link with the network address, and its QR code.
    pub translators: bool,
}

/// What `serve` tells the person who started it.
pub enum Log {
    /// A result (stdout).
    Line(String),
    /// A note (stderr).
    Note(String),
    Problem(Diagnostic),
    /// A build finished.
    Built(BuildSummary),
}

/// The event a rebuild sends to the open pages.
#[derive(Serialize)]
struct Event<'a> {
    /// URL paths of the files written or removed (`/es/walkout.html`).
    changed: Vec<String>,
    /// Errors, for the pages they concern.
    errors: &'a [PageError],
}

/// An error as the pages get it, with what its page in `public/` holds because of it.
#[derive(Debug, Clone, Serialize)]
struct PageError {
    #[serde(flatten)]
    diagnostic: Diagnostic,
    /// `untranslated`: the page was built, with the source text where this translation
    /// cannot be used; `kept`: the build did not replace the page, which is the last
    /// version that built without errors.
    shows: &'static str,
}

/// Runs until Ctrl-C. A project that cannot be loaded at the start is fatal; later, its
/// errors are shown in the pages until they are fixed.
pub fn run(options: ServeOptions, log: &mut dyn FnMut(Log)) -> Result<(), Fatal> {
    if options.translators && options.bind.is_loopback() {
        return Err(Diagnostic::error(
            Kind::Config,
            "--translators",
            format!(
                "--translators is for phones on your network, but serve listens on {} (this computer only)",
                options.bind
            ),
        )
        .hint("add `--bind 0.0.0.0` (only on a network you trust), or leave out --translators")
        .into());
    }
    let project = Project::load(&options.root)?;
    let (tx, rx) = channel();
    let first = build(&project, &options.build)?;
    let hub = Arc::new(http::Hub::default());
    hub.set_state(event_for(&[], &errors(&first)));
    let mut template = template_path(&project);
    log(Log::Built(first));
    let (server, addr) = http::bind(options.bind, options.port).map_err(|e| bind_error(e, options.port))?;
    let url = announce(addr, options.port, options.bind, log);
    let translate = translators(&options, addr, log)?;
    // The watcher names files from the root of the file system.
    let root = crate::build::manifest::absolute(&options.root);
    let mut watcher = start_watching(&options, &root, &template, &tx, log)?;
    let http_thread =
        http::spawn(Arc::clone(&server), options.build.out.clone(), Arc::clone(&hub), (addr, translate));
    if options.open
        && let Err(e) = opener::open_browser(&url)
    {
        log(Log::Note(format!("cannot open a browser ({e}); open {url} yourself")));
    }
    while let Some(changed) = next_change(&rx, &root, &absolute_all(&template), log) {
        rebuild_and_tell(&options, &mut template, &hub, (&root, &changed), log);
        let _ = watcher.watch_all(&root, &absolute_all(&template));
    }
    hub.close();
    server.unblock();
    let _ = http_thread.join();
    log(Log::Note("stopped".into()));
    Ok(())
}

/// The watcher of the project's files, and Ctrl-C, both sending to `tx`.
fn start_watching(
    options: &ServeOptions,
    root: &Path,
    template: &[PathBuf],
    tx: &std::sync::mpsc::Sender<Msg>,
    log: &mut dyn FnMut(Log),
) -> Result<watch::ProjectWatcher, Fatal> {
    let watcher = watch::ProjectWatcher::start(root, &absolute_all(template), options.poll, tx.clone())
        .map_err(|e| {
            Fatal::from(
                Diagnostic::error(
                    Kind::Io,
                    options.root.display().to_string(),
                    format!("cannot watch the project's files: {e}"),
                )
                .hint("run `tradui serve --poll`"),
            )
        })?;
    if watcher.polling {
        log(Log::Note("watching the files by polling them (no change events here)".into()));
    }
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Msg::Stop);
    }) {
        log(Log::Note(format!("Ctrl-C cannot be caught ({e}); the server stops when the process does")));
    }
    Ok(watcher)
}

/// One rebuild after `changed` (files under `root`): the pages hear what changed, the
/// person who started serve how long it took and what the build said.
fn rebuild_and_tell(
    options: &ServeOptions,
    template: &mut Vec<PathBuf>,
    hub: &http::Hub,
    (root, changed): (&Path, &[PathBuf]),
    log: &mut dyn FnMut(Log),
) {
    let started = Instant::now();
    let (files, errors, summary) = rebuild(options, template);
    hub.broadcast(event_for(&files, &errors), event_for(&[], &errors));
    let names: Vec<String> = changed.iter().map(|p| crate::diag::rel_path(root, p)).collect();
    log(Log::Note(format!("{} changed: rebuilt in {} ms", names.join(", "), started.elapsed().as_millis())));
    match summary {
        Ok(summary) => log(Log::Built(summary)),
        Err(fatal) => fatal.0.into_iter().for_each(|d| log(Log::Problem(d))),
    }
}

/// Waits for a change that matters; None on Ctrl-C. Changes that arrive while the
/// last ones are read are taken together.
fn next_change(
    rx: &Receiver<Msg>,
    root: &Path,
    template: &[PathBuf],
    log: &mut dyn FnMut(Log),
) -> Option<Vec<PathBuf>> {
    loop {
        let mut changed = match rx.recv() {
            Ok(Msg::Changed(paths)) => {
                if std::env::var_os("TRADUI_SERVE_LOG").is_some() {
                    eprintln!("events: {paths:?}");
                }
                paths
            }
            Ok(Msg::WatchError(e)) => {
                log(Log::Note(format!("watching the files: {e}")));
                continue;
            }
            Ok(Msg::Stop) | Err(_) => return None,
        };
        while let Ok(msg) = rx.recv_timeout(Duration::from_millis(1)) {
            match msg {
                Msg::Changed(more) => changed.extend(more),
                Msg::Stop => return None,
                Msg::WatchError(_) => {}
            }
        }
        changed.retain(|p| watch::relevant(root, p, template.first().map(PathBuf::as_path)));
        changed.sort();
        changed.dedup();
        if !changed.is_empty() {
            return Some(changed);
        }
    }
}

/// Loads the project again and builds what changed: the files written or removed, the
/// errors for the pages, and the build's summary.
fn rebuild(
    options: &ServeOptions,
    template: &mut Vec<PathBuf>,
) -> (Vec<String>, Vec<PageError>, Result<BuildSummary, Fatal>) {
    let mut build_options = options.build.clone();
    build_options.progress = false;
    let result = Project::load(&options.root).and_then(|project| {
        *template = template_path(&project);
        build(&project, &build_options)
    });
    match result {
        Ok(summary) => (summary.changed.clone(), errors(&summary), Ok(summary)),
        Err(fatal) => (Vec::new(), fatal.0.iter().map(kept).collect(), Err(fatal)),
    }
}

fn absolute_all(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths.iter().map(|p| crate::build::manifest::absolute(p)).collect()
}

fn template_path(project: &Project) -> Vec<PathBuf> {
    project.config.template.iter().map(|t| project.root.join(t)).collect()
}

/// The errors of a build that pages show: the build's own (the page was not replaced),
/// and translations that cannot be used (the page shows the source text there).
fn errors(summary: &BuildSummary) -> Vec<PageError> {
    let untranslated = summary.invalid.iter().filter(|d| d.is_error());
    let untranslated = untranslated.map(|d| PageError { diagnostic: d.located(), shows: "untranslated" });
    let own = summary.diagnostics.iter().filter(|d| d.is_error() && !summary.invalid.contains(d));
    own.map(kept).chain(untranslated).collect()
}

fn kept(d: &Diagnostic) -> PageError {
    PageError { diagnostic: d.located(), shows: "kept" }
}

fn event_for(changed: &[String], errors: &[PageError]) -> String {
    let changed = changed.iter().map(|rel| format!("/{rel}")).collect();
    serde_json::to_string(&Event { changed, errors }).unwrap_or_else(|_| "{}".into())
}

/// Says where the site is; warns when it is open to the network.
fn announce(addr: SocketAddr, wanted: Option<u16>, bind: IpAddr, log: &mut dyn FnMut(Log)) -> String {
    let url = format!("http://{addr}/");
    if wanted.is_none() && addr.port() != http::DEFAULT_PORT {
        log(Log::Note(format!("port {} is in use; using {} instead", http::DEFAULT_PORT, addr.port())));
    }
    if !bind.is_loopback() {
        log(Log::Note(format!(
            "the site is open to other computers on the network at {url}: only do this on a network you trust"
        )));
    }
    log(Log::Line(format!("serving {url} (Ctrl-C to stop)")));
    url
}

/// The translators' pages, with a new secret, and their link on a `Translate:` line (with
/// `--translators`, at this computer's network address, and as a QR code).
fn translators(
    options: &ServeOptions,
    addr: SocketAddr,
    log: &mut dyn FnMut(Log),
) -> Result<Option<Arc<translate::Translate>>, Fatal> {
    let secret = translate::auth::Secret::random().map_err(|e| {
        Fatal::from(
            Diagnostic::error(Kind::Io, "serve", format!("cannot make the translators' key: {e}")).hint(
                "this system gives no random numbers; please report it with your operating system's name",
            ),
        )
    })?;
    let tr = translate::Translate { root: options.root.clone(), secret };
    let mut shown = addr;
    if addr.ip().is_unspecified() {
        match translate::qr::network_address(addr.ip().is_ipv6()) {
            Some(ip) => shown.set_ip(ip),
            None => log(Log::Note(format!(
                "cannot tell this computer's address on the network: in the link below, replace {} with it",
                addr.ip()
            ))),
        }
    }
    let link = tr.link(shown);
    log(Log::Line(format!("Translate: {link} (give this link only to your translators)")));
    if options.translators {
        match translate::qr::terminal(&link) {
            Some(code) => log(Log::Line(code)),
            None => log(Log::Note("the link is too long for a QR code; send it as text".into())),
        }
    }
    Ok(Some(Arc::new(tr)))
}

fn bind_error(e: http::BindError, wanted: Option<u16>) -> Fatal {
    let d = match e {
        http::BindError::InUse(port) if wanted.is_some() => Diagnostic::error(
            Kind::Io,
            format!("--port {port}"),
            format!("port {port} is in use by another program"),
        )
        .hint("choose another port (`tradui serve --port 8080`), or stop the other program"),
        http::BindError::InUse(port) => {
            Diagnostic::error(Kind::Io, "serve", format!("ports {port} to {} are all in use", port + 19))
                .hint("choose a port with `tradui serve --port 8080`")
        }
        http::BindError::Other(e) => Diagnostic::error(Kind::Io, "serve", format!("cannot listen: {e}"))
            .hint("check --bind: it must be an address of this computer, such as 127.0.0.1"),
    };
    d.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_hear_what_each_error_means_for_them() {
        let front = Diagnostic::error(Kind::Source, "content/a.md", "front matter").at((2, 1)).leaflet("a");
        let broken = Diagnostic::error(Kind::Invalid, "locales/es/a.ftl", "syntax").leaflet("a").lang("es");
        let whole = Diagnostic::error(Kind::Config, "tradui.toml", "bad key");
        let summary = BuildSummary {
            diagnostics: vec![front, broken.clone(), whole],
            invalid: vec![broken, Diagnostic::warning(Kind::Invalid, "x.ftl", "a warning")],
            ..BuildSummary::default()
        };
        let event: serde_json::Value = serde_json::from_str(&event_for(&[], &errors(&summary))).unwrap();
        let shown: Vec<(&str, &str, u64, u64)> = event["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let (line, column) = (e["line"].as_u64().unwrap(), e["column"].as_u64().unwrap());
                (e["file"].as_str().unwrap(), e["shows"].as_str().unwrap(), line, column)
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("content/a.md", "kept", 2, 1),
                ("tradui.toml", "kept", 1, 1),
                ("locales/es/a.ftl", "untranslated", 1, 1),
            ],
            "each error once, warnings left out, no line or column 0: {event}"
        );
    }
}
