//! The leaflet project on disk: `tradui.toml`, `content/*.md`, `locales/<lang>/*.ftl`,
//! loaded once and shared by every command.
//!
//! Loading never stops at the first problem: a broken leaflet or `.ftl` becomes a
//! diagnostic and the rest loads. Only a project that cannot be read at all (no
//! `tradui.toml`, a broken one, no `content/`) is [`Fatal`] (exit code 2).

pub mod config;
pub mod theme;
pub mod ui;

use crate::catalog::Catalog;
use crate::diag::{Diagnostic, Fatal, Kind, read_text, rel_path};
use crate::lang::Lang;
use crate::project::config::{CONFIG_FILE, Config};
use crate::source::{Leaflet, parse_leaflet};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The file name of a language's shared glossary.
pub const TERMS: &str = "terms";

/// Everything a command needs to know about the project.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    /// Source leaflets, sorted by slug.
    pub leaflets: Vec<Leaflet>,
    /// Translation files by (language, slug).
    pub catalogs: BTreeMap<(Lang, String), Catalog>,
    /// Glossaries (`terms.ftl`) by language, the source language's included.
    pub terms: BTreeMap<Lang, Catalog>,
    /// Interface words a project adds or overrides (`locales/<lang>/tradui.ftl`).
    pub ui: BTreeMap<Lang, Catalog>,
    /// Problems met while loading (broken leaflets, unknown locale folders...).
    pub diagnostics: Vec<Diagnostic>,
}

impl Project {
    /// This project with other translation files (a draft in memory: an import to check,
    /// a form to preview), its load problems left behind.
    pub fn with_catalogs(&self, catalogs: BTreeMap<(Lang, String), Catalog>) -> Project {
        Project {
            root: self.root.clone(),
            config: self.config.clone(),
            leaflets: self.leaflets.clone(),
            catalogs,
            terms: self.terms.clone(),
            ui: self.ui.clone(),
            diagnostics: Vec::new(),
        }
    }

    /// Loads the project at `root`.
    pub fn load(root: &Path) -> Result<Project, Fatal> {
        let config_path = root.join(CONFIG_FILE);
        if config_path.is_dir() {
            return Err(Diagnostic::error(Kind::Config, rel_or_abs(root, &config_path), "tradui.toml is a folder, not a file")
                .hint("tradui.toml must be a text file with the project settings; move the folder away and run `tradui init`, or write the file")
                .into());
        }
        if !config_path.is_file() {
            return Err(Diagnostic::error(
                Kind::Config,
                rel_or_abs(root, &config_path),
                "no tradui.toml here: this is not a tradui project",
            )
            .hint("run `tradui init` to create a project, or pass `--project DIR` to point at one")
            .into());
        }
        let config_text = read_text(root, &config_path)?;
        crate::limits::check_file(CONFIG_FILE, &config_text)?;
        let config = Config::parse_in(&config_text, root)?;
        let content = root.join("content");
        if std::fs::symlink_metadata(&content).is_err() {
            return Err(Diagnostic::error(Kind::Config, "content", "the project has no content/ folder")
                .hint("create content/ and write each leaflet there as <name>.md")
                .into());
        }
        if !content.is_dir() {
            return Err(Diagnostic::error(
                Kind::Io,
                "content",
                "content is not a folder, so no leaflet can be read",
            )
            .hint("content/ must be a folder holding one <name>.md per leaflet")
            .into());
        }
        let mut diagnostics = config.warnings.clone();
        let leaflets = load_leaflets(root, &content, &mut diagnostics)?;
        let mut project = Project {
            root: root.to_path_buf(),
            config,
            leaflets,
            catalogs: BTreeMap::new(),
            terms: BTreeMap::new(),
            ui: BTreeMap::new(),
            diagnostics,
        };
        project.check_overrides();
        project.check_required();
        project.load_locales()?;
        let missing_words = ui::missing(&project);
        project.diagnostics.extend(missing_words);
        Ok(project)
    }

    /// Was every file of the project read and every leaflet parsed? When not, `build`
    /// must not remove pages it could not rebuild.
    pub fn complete(&self) -> bool {
        !self.diagnostics.iter().any(|d| d.is_error() && matches!(d.kind, Kind::Io | Kind::Source))
    }

    /// The languages a leaflet must be complete in: its front matter's `required`, else
    /// the project's.
    pub fn required_for(&self, slug: &str) -> Vec<Lang> {
        match self.leaflet(slug).and_then(|l| l.required.as_ref()) {
            Some(own) => own.iter().map(|(l, _)| l.clone()).collect(),
            None => self.config.required.clone(),
        }
    }

    /// Whether errors of `lang` fail `check` for this leaflet (None: the project's rule).
    pub fn is_required(&self, slug: Option<&str>, lang: &Lang) -> bool {
        match slug.and_then(|s| self.leaflet(s)).and_then(|l| l.required.as_ref()) {
            Some(own) => own.iter().any(|(l, _)| l == lang),
            None => self.config.is_required(lang),
        }
    }

    /// A leaflet's `required` must name translation languages of the project.
    fn check_required(&mut self) {
        let known = &self.config.languages;
        for leaflet in &self.leaflets {
            for (lang, at) in leaflet.required.iter().flatten() {
                if !known.contains(lang) {
                    let list: Vec<String> = known.iter().map(|l| l.to_string()).collect();
                    self.diagnostics.push(
                        Diagnostic::error(
                            Kind::Source,
                            &leaflet.file,
                            format!("front matter: `required` names \"{lang}\", which is not a translation language of this project"),
                        )
                        .at(*at)
                        .leaflet(&leaflet.slug)
                        .hint(format!("tradui.toml's `languages` are {}; fix the tag, or add the language there", list.join(", "))),
                    );
                }
            }
        }
    }

    /// `[variables.<lang>]` must name a language of the project.
    fn check_overrides(&mut self) {
        let known = self.config.all_languages();
        for leaflet in &self.leaflets {
            for (tag, at) in &leaflet.override_positions {
                let Ok(lang) = Lang::parse(tag) else { continue };
                if !known.contains(&lang) {
                    let list: Vec<String> = known.iter().map(|l| l.to_string()).collect();
                    self.diagnostics.push(
                        Diagnostic::error(
                            Kind::Source,
                            &leaflet.file,
                            format!(
                                "[variables.{tag}] is for \"{lang}\", which is not a language of this project"
                            ),
                        )
                        .at(*at)
                        .leaflet(&leaflet.slug)
                        .hint(format!(
                            "the project's languages are {}; fix the tag, or add the language to tradui.toml",
                            list.join(", ")
                        )),
                    );
                }
            }
        }
    }

    /// The path of a translation file, relative to the project.
    pub fn catalog_file(lang: &Lang, slug: &str) -> String {
        format!("locales/{lang}/{slug}.ftl")
    }

    pub fn catalog(&self, lang: &Lang, slug: &str) -> Option<&Catalog> {
        self.catalogs.get(&(lang.clone(), slug.to_string()))
    }

    pub fn leaflet(&self, slug: &str) -> Option<&Leaflet> {
        self.leaflets.iter().find(|l| l.slug == slug)
    }

    /// Source leaflets that have no error of their own. A leaflet with an error never
    /// makes a translation obsolete (sync leaves its files alone, status reports no
    /// obsolete message), since its units may be wrong or missing.
    pub fn leaflet_ok(&self, slug: &str) -> bool {
        !self
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.lang.is_none() && d.leaflet.as_deref() == Some(slug))
    }

    fn load_locales(&mut self) -> Result<(), Fatal> {
        let locales = self.root.join("locales");
        if std::fs::symlink_metadata(&locales).is_err() {
            return Ok(());
        }
        let files = self.catalog_files(&locales)?;
        for loaded in self.read_catalogs(files) {
            self.add_catalog(loaded);
        }
        Ok(())
    }

    /// The `.ftl` files under `locales/<lang>/` for the project's languages; a folder
    /// that is not one of them becomes a diagnostic.
    fn catalog_files(&mut self, locales: &Path) -> Result<Vec<CatalogFile>, Fatal> {
        let known = self.config.all_languages();
        let mut files = Vec::new();
        for entry in list_dir(&self.root, locales, "locales/")? {
            let dir_name = entry.file_name().to_string_lossy().into_owned();
            if dir_name.starts_with('.') {
                // `.provenance/` (see `provenance`) and editors' folders.
                continue;
            }
            let rel = rel_path(&self.root, entry.path());
            if !entry.path().is_dir() {
                if Lang::parse(&dir_name).is_ok_and(|l| known.contains(&l)) {
                    return Err(Diagnostic::error(Kind::Io, rel, format!("locales/{dir_name} is not a folder, so its translations cannot be read"))
                        .hint(format!("locales/{dir_name} must be a folder holding one <leaflet>.ftl per leaflet; move the file away"))
                        .into());
                }
                continue;
            }
            let Some(lang) = self.locale_folder(&dir_name, &rel, &known) else { continue };
            for f in list_dir(&self.root, entry.path(), &format!("{rel}/"))? {
                let path = f.path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    match not_a_file(&self.root, &f) {
                        None => {
                            files.push(CatalogFile { lang: lang.clone(), slug, path: path.to_path_buf() })
                        }
                        Some(d) => self.diagnostics.push(d.lang(lang.as_str()).leaflet(slug)),
                    }
                }
            }
        }
        Ok(files)
    }

    /// The language a folder of `locales/` is for, or `None` (and a diagnostic) when its
    /// name is not a language of the project as tradui.toml spells it.
    fn locale_folder(&mut self, dir_name: &str, rel: &str, known: &[Lang]) -> Option<Lang> {
        let diagnostic = match Lang::parse(dir_name) {
            Ok(l) if known.contains(&l) && l.as_str() != dir_name => Diagnostic::error(
                Kind::UnknownLocale,
                rel,
                format!("locale folder \"{dir_name}\" should be spelled \"{l}\""),
            )
            .hint(format!("rename the folder to locales/{l}, the tag as tradui.toml spells it")),
            Ok(l) if known.contains(&l) => return Some(l),
            Ok(l) => Diagnostic::error(
                Kind::UnknownLocale,
                rel,
                format!("locale folder for \"{l}\", which tradui.toml does not list"),
            )
            .hint(format!(
                "add \"{l}\" to `languages` in tradui.toml, or rename the folder to one of its languages"
            )),
            Err(e) => Diagnostic::error(Kind::UnknownLocale, rel, format!("locale folder name: {e}")).hint(
                "name each folder under locales/ by a BCP 47 tag from tradui.toml, such as `es` or `ht`",
            ),
        };
        self.diagnostics.push(diagnostic);
        None
    }

    /// Reads and parses the translation files, in parallel, with their provenance
    /// sidecars where a file lost its records.
    fn read_catalogs(&self, files: Vec<CatalogFile>) -> Vec<LoadedCatalog> {
        let root = &self.root;
        let source = self.config.source.to_string();
        // One look per language rather than a failed open per file where there is none.
        let sidecars: BTreeSet<Lang> = self
            .config
            .all_languages()
            .into_iter()
            .filter(|l| crate::catalog::provenance::has_folder(root, l.as_str()))
            .collect();
        files
            .into_par_iter()
            .map(|CatalogFile { lang, slug, path }| {
                let rel = rel_path(root, &path);
                // A reference catalog (`locales/<source>/<leaflet>.ftl`) is sync's copy of
                // the leaflet, for platforms: read and checked here, never used.
                let reference = lang.as_str() == source && slug != TERMS && slug != ui::UI_FILE;
                let mut catalog = read_text(root, &path)
                    .and_then(|text| crate::limits::check_fluent(&rel, &text).map(|()| text))
                    .map(|text| (!reference).then(|| Catalog::parse(&rel, text, &source)));
                let mut warning = None;
                let skip = slug == TERMS || slug == ui::UI_FILE || !sidecars.contains(&lang);
                // The sidecar only fills in records a file lost: a file that has them all
                // does not need it read.
                if let Some(c) = catalog
                    .as_mut()
                    .ok()
                    .and_then(Option::as_mut)
                    .filter(|c| !skip && c.messages.iter().any(|m| m.record.is_none()))
                {
                    let (sidecar, w) = crate::catalog::provenance::Sidecar::load(root, lang.as_str(), &slug);
                    sidecar.iter().for_each(|s| s.apply(c));
                    warning = w;
                }
                LoadedCatalog { lang, slug, rel, catalog, warning }
            })
            .collect()
    }

    /// Files a read catalog as the glossary, a leaflet's translation, or an orphan.
    fn add_catalog(&mut self, loaded: LoadedCatalog) {
        let LoadedCatalog { lang, slug, rel, catalog, warning } = loaded;
        self.diagnostics.extend(warning.map(|w| w.lang(lang.as_str()).leaflet(&slug)));
        let catalog = match catalog {
            Ok(c) => c,
            Err(d) => {
                self.diagnostics.push(d.lang(lang.as_str()));
                return;
            }
        };
        if slug == TERMS {
            self.terms.extend(catalog.map(|c| (lang, c)));
        } else if slug == ui::UI_FILE {
            self.ui.extend(catalog.map(|c| (lang, c)));
        } else if self.leaflet(&slug).is_none() {
            self.diagnostics.push(
                Diagnostic::warning(
                    Kind::OrphanFile,
                    rel,
                    format!("translation file for a leaflet that does not exist (no content/{slug}.md)"),
                )
                .lang(lang.as_str())
                .leaflet(&slug)
                .hint("rename the file after its leaflet, or delete it if the leaflet was removed"),
            );
        } else if let Some(catalog) = catalog {
            self.catalogs.insert((lang, slug), catalog);
        }
    }
}

/// A translation file found under `locales/`.
struct CatalogFile {
    lang: Lang,
    slug: String,
    path: PathBuf,
}

/// A translation file once read: `Ok(None)` for a reference catalog (read and checked,
/// never used), with the warning its provenance sidecar gave, if any.
struct LoadedCatalog {
    lang: Lang,
    slug: String,
    rel: String,
    catalog: Result<Option<Catalog>, Diagnostic>,
    warning: Option<Diagnostic>,
}

/// The entries of a folder, sorted by name; a folder that cannot be read stops the
/// command (exit 2): a project read in part would look like missing translations, or
/// make `build` remove pages.
fn list_dir(root: &Path, dir: &Path, name: &str) -> Result<Vec<walkdir::DirEntry>, Fatal> {
    let mut out = Vec::new();
    for entry in WalkDir::new(dir).min_depth(1).max_depth(1).sort_by_file_name() {
        match entry {
            Ok(e) => out.push(e),
            Err(e) => {
                let why = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
                let rel = rel_path(root, dir);
                return Err(Diagnostic::error(
                    Kind::Io,
                    rel.clone(),
                    format!("cannot read the folder {name}: {why}"),
                )
                .hint(format!(
                    "make {rel} a folder you may read (e.g. `chmod u+rx {rel}`), then run the command again"
                ))
                .into());
            }
        }
    }
    Ok(out)
}

/// Why an entry that should be a text file is not one (a folder, a dangling link...).
fn not_a_file(root: &Path, entry: &walkdir::DirEntry) -> Option<Diagnostic> {
    if entry.file_type().is_file() {
        // The folder listing said so (no link to follow): no need to ask the disk again.
        return None;
    }
    let path = entry.path();
    let rel = rel_path(root, path);
    let why = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => return None,
        Ok(m) if m.is_dir() => "is a folder, not a file".to_string(),
        Ok(_) => "is not a regular file".to_string(),
        Err(e) => match std::fs::read_link(path) {
            Ok(target) => format!("is a link to {}, which does not exist", target.display()),
            Err(_) => format!("cannot be read: {e}"),
        },
    };
    Some(
        Diagnostic::error(Kind::Io, rel, format!("the file {why}; nothing reads or writes it"))
            .hint("replace it with a text file, or remove it"),
    )
}

fn rel_or_abs(root: &Path, path: &Path) -> String {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        rel_path(root, path)
    } else {
        path.display().to_string()
    }
}

fn load_leaflets(
    root: &Path,
    content: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Leaflet>, Fatal> {
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut unreadable = Vec::new();
    for e in list_dir(root, content, "content/")? {
        if e.path().extension().is_some_and(|x| x == "md") {
            match not_a_file(root, &e) {
                None => paths.push(e.into_path()),
                Some(d) => {
                    let slug =
                        e.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    diagnostics.push(d.leaflet(&slug));
                    unreadable.push(Leaflet::unreadable(&slug, &rel_path(root, e.path())));
                }
            }
        }
    }
    let parsed: Vec<(Option<Leaflet>, Vec<Diagnostic>)> = paths
        .par_iter()
        .map(|path| {
            let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let rel = rel_path(root, path);
            if !crate::source::is_identifier(&slug) {
                let d = Diagnostic::error(Kind::Source, rel, format!("\"{slug}\" cannot name a leaflet"))
                    .hint("name leaflets with letters, digits, `-` and `_`, starting with a letter (e.g. `walkout.md`)");
                return (None, vec![d]);
            }
            match read_text(root, path) {
                Ok(text) => {
                    let (leaflet, diags) = parse_leaflet(&slug, &rel, &text);
                    (Some(leaflet), diags)
                }
                // Kept as a leaflet without text, so its translations are neither
                // orphans nor obsolete, and its pages are not removed.
                Err(d) => (Some(Leaflet::unreadable(&slug, &rel)), vec![d.leaflet(slug)]),
            }
        })
        .collect();
    let mut leaflets = unreadable;
    for (leaflet, diags) in parsed {
        diagnostics.extend(diags);
        leaflets.extend(leaflet);
    }
    leaflets.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(leaflets)
}
