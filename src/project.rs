//! The leaflet project on disk: `tradui.toml`, `content/*.md`, `locales/<lang>/*.ftl`,
//! loaded once and shared by every command.
//!
//! Loading never stops at the first problem: a broken leaflet or `.ftl` becomes a
//! diagnostic and the rest loads. Only a project that cannot be read at all (no
//! `tradui.toml`, a broken one, no `content/`) is [`Fatal`] (exit code 2).

use crate::catalog::Catalog;
use crate::config::{CONFIG_FILE, Config};
use crate::diag::{Diagnostic, Fatal, Kind, read_text, rel_path};
use crate::lang::Lang;
use crate::source::{Leaflet, parse_leaflet};
use rayon::prelude::*;
use std::collections::BTreeMap;
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
    /// Problems met while loading (broken leaflets, unknown locale folders...).
    pub diagnostics: Vec<Diagnostic>,
}

impl Project {
    /// Loads the project at `root`.
    pub fn load(root: &Path) -> Result<Project, Fatal> {
        let config_path = root.join(CONFIG_FILE);
        if !config_path.is_file() {
            return Err(Diagnostic::error(Kind::Config, rel_or_abs(root, &config_path), "no tradui.toml here: this is not a tradui project")
                .hint("run `tradui init` to create a project, or pass `--project DIR` to point at one")
                .into());
        }
        let config_text = read_text(root, &config_path)?;
        let config = Config::parse(&config_text)?;
        let content = root.join("content");
        if !content.is_dir() {
            return Err(Diagnostic::error(Kind::Config, "content", "the project has no content/ folder")
                .hint("create content/ and write each leaflet there as <name>.md")
                .into());
        }
        let mut diagnostics = Vec::new();
        let leaflets = load_leaflets(root, &content, &mut diagnostics);
        let mut project = Project { root: root.to_path_buf(), config, leaflets, catalogs: BTreeMap::new(), terms: BTreeMap::new(), diagnostics };
        project.load_locales();
        Ok(project)
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

    /// Source leaflets that have no error of their own.
    pub fn leaflet_ok(&self, slug: &str) -> bool {
        !self.diagnostics.iter().any(|d| d.is_error() && d.kind == Kind::Source && d.leaflet.as_deref() == Some(slug))
    }

    fn load_locales(&mut self) {
        let locales = self.root.join("locales");
        if !locales.is_dir() {
            return;
        }
        let known = self.config.all_languages();
        let mut files = Vec::new();
        for entry in WalkDir::new(&locales).min_depth(1).max_depth(1).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_dir() {
                continue;
            }
            let dir_name = entry.file_name().to_string_lossy().into_owned();
            if dir_name.starts_with('.') {
                // `.provenance/` (see `provenance`) and editors' folders.
                continue;
            }
            let rel = rel_path(&self.root, entry.path());
            let lang = match Lang::parse(&dir_name) {
                Ok(l) if known.contains(&l) && l.as_str() != dir_name => {
                    self.diagnostics.push(
                        Diagnostic::error(Kind::UnknownLocale, rel, format!("locale folder \"{dir_name}\" should be spelled \"{l}\""))
                            .hint(format!("rename the folder to locales/{l}, the tag as tradui.toml spells it")),
                    );
                    continue;
                }
                Ok(l) if known.contains(&l) => l,
                Ok(l) => {
                    self.diagnostics.push(
                        Diagnostic::error(Kind::UnknownLocale, rel, format!("locale folder for \"{l}\", which tradui.toml does not list"))
                            .hint(format!("add \"{l}\" to `languages` in tradui.toml, or rename the folder to one of its languages")),
                    );
                    continue;
                }
                Err(e) => {
                    self.diagnostics.push(
                        Diagnostic::error(Kind::UnknownLocale, rel, format!("locale folder name: {e}"))
                            .hint("name each folder under locales/ by a BCP 47 tag from tradui.toml, such as `es` or `ht`"),
                    );
                    continue;
                }
            };
            for f in WalkDir::new(entry.path()).min_depth(1).max_depth(1).sort_by_file_name().into_iter().flatten() {
                let path = f.path();
                if f.file_type().is_file() && path.extension().is_some_and(|e| e == "ftl") {
                    let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    files.push((lang.clone(), slug, path.to_path_buf()));
                }
            }
        }
        let root = self.root.clone();
        let source = self.config.source.to_string();
        let parsed: Vec<_> = files
            .into_par_iter()
            .map(|(lang, slug, path)| {
                let rel = rel_path(&root, &path);
                let mut catalog = read_text(&root, &path).map(|text| Catalog::parse(&rel, text, &source));
                let mut warning = None;
                if let (Ok(c), false) = (&mut catalog, slug == TERMS || lang.as_str() == source) {
                    let (sidecar, w) = crate::provenance::Sidecar::load(&root, lang.as_str(), &slug);
                    sidecar.iter().for_each(|s| s.apply(c));
                    warning = w;
                }
                (lang, slug, rel, catalog, warning)
            })
            .collect();
        for (lang, slug, rel, catalog, warning) in parsed {
            self.diagnostics.extend(warning.map(|w| w.lang(lang.as_str()).leaflet(&slug)));
            let catalog = match catalog {
                Ok(c) => c,
                Err(d) => {
                    self.diagnostics.push(d.lang(lang.as_str()));
                    continue;
                }
            };
            if slug == TERMS {
                self.terms.insert(lang, catalog);
            } else if self.leaflet(&slug).is_none() {
                self.diagnostics.push(
                    Diagnostic::warning(Kind::OrphanFile, rel, format!("translation file for a leaflet that does not exist (no content/{slug}.md)"))
                        .lang(lang.as_str())
                        .leaflet(&slug)
                        .hint("rename the file after its leaflet, or delete it if the leaflet was removed"),
                );
            } else if lang != self.config.source {
                self.catalogs.insert((lang, slug), catalog);
            }
        }
    }
}

fn rel_or_abs(root: &Path, path: &Path) -> String {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        rel_path(root, path)
    } else {
        path.display().to_string()
    }
}

fn load_leaflets(root: &Path, content: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<Leaflet> {
    let paths: Vec<PathBuf> = WalkDir::new(content)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
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
                Err(d) => (None, vec![d.leaflet(slug)]),
            }
        })
        .collect();
    let mut leaflets = Vec::new();
    for (leaflet, diags) in parsed {
        diagnostics.extend(diags);
        leaflets.extend(leaflet);
    }
    leaflets
}
