//! Watching the project's files: `tradui.toml` and the project template (the project
//! folder itself, not recursively), `content/`, `locales/` and `fonts/` (recursively).
//! Events are debounced (notify-debouncer-full) so that an editor's save, or `tradui
//! sync` writing many files, makes one rebuild; a file only read (as every build reads
//! them all) is no change. Where the file system sends no events (some network and
//! container file systems), or when asked, the folders are polled.

use notify::event::{AccessKind, AccessMode, EventKind};
use notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer_opt};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// What the serve loop hears.
#[derive(Debug)]
pub enum Msg {
    /// Files changed (absolute paths).
    Changed(Vec<PathBuf>),
    /// The watcher failed; the message says why.
    WatchError(String),
    /// Ctrl-C.
    Stop,
}

/// How long a file must be quiet before a rebuild starts.
const DEBOUNCE: Duration = Duration::from_millis(30);
/// How often the polling watcher looks at the files.
const POLL: Duration = Duration::from_millis(200);
/// The folders watched recursively.
pub const FOLDERS: [&str; 3] = ["content", "locales", "fonts"];

/// A running watcher; dropping it stops watching.
pub struct ProjectWatcher {
    inner: Inner,
    watched: Vec<PathBuf>,
    /// True when the file system is polled instead of sending events.
    pub polling: bool,
}

enum Inner {
    Events(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<notify::PollWatcher, NoCache>),
}

impl ProjectWatcher {
    /// Watches `root`; events go to `tx`. Polls when `poll` is set or when the file
    /// system cannot send events.
    pub fn start(
        root: &Path,
        extra: &[PathBuf],
        poll: bool,
        tx: Sender<Msg>,
    ) -> Result<ProjectWatcher, String> {
        if !poll {
            let events = new_debouncer_opt::<_, RecommendedWatcher, RecommendedCache>(
                DEBOUNCE,
                None,
                handler(tx.clone()),
                RecommendedCache::new(),
                notify::Config::default(),
            );
            if let Ok(d) = events {
                let mut w = ProjectWatcher { inner: Inner::Events(d), watched: Vec::new(), polling: false };
                if w.watch_all(root, extra).is_ok() {
                    return Ok(w);
                }
            }
        }
        let config = notify::Config::default().with_poll_interval(POLL);
        let d = new_debouncer_opt::<_, notify::PollWatcher, NoCache>(
            DEBOUNCE,
            None,
            handler(tx),
            NoCache,
            config,
        )
        .map_err(|e| e.to_string())?;
        let mut w = ProjectWatcher { inner: Inner::Poll(d), watched: Vec::new(), polling: true };
        w.watch_all(root, extra).map_err(|e| e.to_string())?;
        Ok(w)
    }

    /// Starts watching the folders that exist now and were not watched yet (a
    /// `locales/` created after `serve` started), and `extra` files' folders.
    pub fn watch_all(&mut self, root: &Path, extra: &[PathBuf]) -> notify::Result<()> {
        let mut wanted: Vec<(PathBuf, RecursiveMode)> =
            vec![(root.to_path_buf(), RecursiveMode::NonRecursive)];
        wanted.extend(FOLDERS.iter().map(|f| (root.join(f), RecursiveMode::Recursive)));
        wanted.extend(
            extra.iter().filter_map(|p| p.parent()).map(|p| (p.to_path_buf(), RecursiveMode::NonRecursive)),
        );
        for (path, mode) in wanted {
            if !path.is_dir() || self.watched.contains(&path) {
                continue;
            }
            match &mut self.inner {
                Inner::Events(d) => d.watch(&path, mode)?,
                Inner::Poll(d) => d.watch(&path, mode)?,
            }
            self.watched.push(path);
        }
        Ok(())
    }
}

fn handler(tx: Sender<Msg>) -> impl FnMut(DebounceEventResult) + Send + 'static {
    move |result: DebounceEventResult| {
        let msg = match result {
            Ok(events) => {
                let paths: Vec<PathBuf> =
                    events.into_iter().filter(|e| changes(&e.kind)).flat_map(|e| e.event.paths).collect();
                if paths.is_empty() {
                    return;
                }
                Msg::Changed(paths)
            }
            Err(errors) => {
                Msg::WatchError(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
            }
        };
        let _ = tx.send(msg);
    }
}

/// Whether an event can change a file: anything but reading it (opening, closing
/// without writing), which every build does to every file.
fn changes(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Whether a changed path can change the build: the settings, the template, or a file
/// in a watched folder (editors' backup and swap files aside).
pub fn relevant(root: &Path, path: &Path, template: Option<&Path>) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx") || name.starts_with(".#") {
        return false;
    }
    if rel == Path::new(crate::project::config::CONFIG_FILE) || template.is_some_and(|t| t == path) {
        return true;
    }
    FOLDERS.iter().any(|f| rel.starts_with(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_file_is_no_change() {
        use notify::event::{CreateKind, ModifyKind};
        assert!(!changes(&EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(!changes(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(changes(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(changes(&EventKind::Modify(ModifyKind::Any)));
        assert!(changes(&EventKind::Create(CreateKind::File)));
    }

    #[test]
    fn only_project_files_are_relevant() {
        let root = Path::new("/p");
        assert!(relevant(root, Path::new("/p/tradui.toml"), None));
        assert!(relevant(root, Path::new("/p/content/walkout.md"), None));
        assert!(relevant(root, Path::new("/p/locales/ht/walkout.ftl"), None));
        assert!(relevant(root, Path::new("/p/print.typ"), Some(Path::new("/p/print.typ"))));
        assert!(!relevant(root, Path::new("/p/public/ht/walkout.html"), None));
        assert!(!relevant(root, Path::new("/p/.tradui-cache/build-x.json"), None));
        assert!(!relevant(root, Path::new("/p/content/walkout.md~"), None));
        assert!(!relevant(root, Path::new("/p/README.md"), None));
    }
}
