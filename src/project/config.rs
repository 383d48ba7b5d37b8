//! `tradui.toml`: the project settings. Unknown keys and invalid language tags are errors
//! that name the key, with the line and column where it is.

use crate::diag::{Diagnostic, Fatal, Kind, line_col};
use crate::lang::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;

pub const CONFIG_FILE: &str = "tradui.toml";

pub use super::theme::Theme;
pub use crate::document::Paper;

/// What a page shows for a unit whose translation is out of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum StaleFallback {
    /// Show the current source text, marked as untranslated (the default: a worker never
    /// reads an out-of-date date, time or demand).
    #[default]
    Source,
    /// Show the out-of-date translation.
    Translation,
}

/// The fallback policy of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fallback {
    pub stale: StaleFallback,
    /// Below this percentage of current units the leaflet is not published in the language.
    pub min_coverage: u8,
}

impl Default for Fallback {
    fn default() -> Self {
        Fallback { stale: StaleFallback::Source, min_coverage: 0 }
    }
}

/// The settings, validated.
#[derive(Debug, Clone)]
pub struct Config {
    pub source: Lang,
    /// The translation languages, in the order the file lists them.
    pub languages: Vec<Lang>,
    /// Languages whose errors fail `check` (default: all of `languages`).
    pub required: Vec<Lang>,
    pub title: String,
    pub paper: Paper,
    /// How a PDF uses its page, unless a leaflet's front matter says (`fit`).
    pub fit: crate::document::Fit,
    /// The prints of every leaflet besides its page-sized PDF (`prints`), unless its
    /// front matter lists its own.
    pub prints: Vec<crate::document::Print>,
    /// `posters = false`: no multilingual poster (`public/poster/<slug>.pdf`) is made.
    pub posters: bool,
    /// `bleed = "3mm"`: paper beyond the trim for a copy shop's cutter, in points.
    pub bleed: Option<f64>,
    /// A Typst template that replaces the built-in one, relative to the project.
    pub template: Option<String>,
    /// Languages that also get a two-language PDF (source beside translation).
    pub bilingual: Vec<Lang>,
    /// `[theme]`: colours and footer.
    pub theme: Theme,
    /// Warnings about the settings (a colour below WCAG AA contrast); `Project::load`
    /// reports them with the project's other problems.
    pub warnings: Vec<Diagnostic>,
    /// Where `public/` is served (`https://example.org/leaflets/`, always ending in `/`):
    /// link previews and the sitemap need absolute addresses.
    pub base_url: Option<String>,
    fallback: Fallback,
    fallback_by_lang: BTreeMap<Lang, Fallback>,
}

impl Config {
    /// What tradui prints on every PDF besides the document: the site title and the
    /// theme's footer (for the glyph check and the choice of fonts).
    pub fn printed_words(&self) -> String {
        let footer = self.theme.footer.as_ref();
        let text = footer.map_or("", |f| f.text.as_str());
        let phone = footer.and_then(|f| f.phone.as_deref()).unwrap_or("");
        format!("{} {text} {phone}", self.title)
    }

    pub fn is_required(&self, lang: &Lang) -> bool {
        self.required.contains(lang)
    }

    pub fn fallback(&self, lang: &Lang) -> Fallback {
        self.fallback_by_lang.get(lang).copied().unwrap_or(self.fallback)
    }

    /// Every language: the source first, then the translations.
    pub fn all_languages(&self) -> Vec<Lang> {
        std::iter::once(self.source.clone()).chain(self.languages.iter().cloned()).collect()
    }

    /// A project with only `source` and `languages`.
    pub fn minimal(source: Lang, languages: Vec<Lang>) -> Config {
        Config {
            source,
            required: languages.clone(),
            languages,
            title: "Leaflets".into(),
            paper: Paper::Letter,
            fit: crate::document::Fit::Page,
            prints: Vec::new(),
            posters: true,
            bleed: None,
            template: None,
            bilingual: Vec::new(),
            theme: Theme::default(),
            warnings: Vec::new(),
            base_url: None,
            fallback: Fallback::default(),
            fallback_by_lang: BTreeMap::new(),
        }
    }

    /// Parses the text of `tradui.toml` of the project at `root`: as [`Config::parse`],
    /// and the template, if any, must not lead outside `root` through a link.
    pub fn parse_in(text: &str, root: &std::path::Path) -> Result<Config, Fatal> {
        let config = Config::parse(text)?;
        if let Some(t) = &config.template {
            let inside = match (root.canonicalize(), root.join(t).canonicalize()) {
                (Ok(root), Ok(path)) => path.starts_with(root),
                // A template that does not exist is reported when the build reads it.
                _ => true,
            };
            if !inside {
                let offset = text.find("template").unwrap_or(0);
                return Err(Diagnostic::error(
                    Kind::Config,
                    CONFIG_FILE,
                    format!("`template` = \"{t}\" leads outside the project through a link"),
                )
                .at(line_col(text, offset))
                .hint("copy the template into the project folder and point `template` at the copy")
                .into());
            }
        }
        Ok(config)
    }

    /// Parses the text of `tradui.toml`.
    pub fn parse(text: &str) -> Result<Config, Fatal> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or((1, 1), |s| line_col(text, s.start));
            Diagnostic::error(Kind::Config, CONFIG_FILE, e.message().trim().replace('\n', " "))
                .at(at)
                .hint("see the README section \"tradui.toml\" for the keys tradui knows")
        })?;
        let mut problems = Problems { text, list: Vec::new() };
        let source = problems.lang("source", &raw.source);
        let languages = problems.langs("languages", &raw.languages);
        let bilingual = problems.langs("bilingual", &raw.bilingual);
        let required = raw.required.as_ref().map(|r| problems.langs("required", r));
        let (fallback, fallback_by_lang) = problems.fallbacks(raw.fallback.as_ref());
        if let (Some(req), Some(raw_req)) = (&required, &raw.required) {
            problems.members("required", req.iter().zip(raw_req.iter().map(|r| r.span())), &languages);
        }
        problems.members(
            "bilingual",
            bilingual.iter().zip(raw.bilingual.iter().map(|r| r.span())),
            &languages,
        );
        let fallback_spans = fallback_by_lang.keys().map(|l| {
            let span = raw
                .fallback
                .as_ref()
                .and_then(|f| f.languages.keys().find(|k| Lang::parse(k.get_ref()).ok().as_ref() == Some(l)))
                .map_or(0..0, |k| k.span());
            (l, span)
        });
        problems.members("fallback.languages", fallback_spans, &languages);
        problems.language_list(source.as_ref(), &languages, &raw);
        problems.template(raw.template.as_ref());
        let theme = raw.theme.as_ref().map(|t| t.check(text)).unwrap_or_else(no_theme);
        problems.list.extend(theme.errors);
        let base_url = raw.base_url.as_ref().and_then(|u| base_url(text, u, &mut problems.list));
        let bleed = raw.bleed.as_ref().and_then(|b| bleed(text, b, &mut problems.list));
        if !problems.list.is_empty() {
            return Err(Fatal(problems.list));
        }
        let source = source.expect("no problems means the source parsed");
        Ok(Config {
            source,
            required: required.unwrap_or_else(|| languages.clone()),
            languages,
            title: raw.title.unwrap_or_else(|| "Leaflets".into()),
            paper: raw.paper.unwrap_or_default(),
            fit: raw.fit.unwrap_or_default(),
            prints: raw.prints.unwrap_or_default(),
            posters: raw.posters.unwrap_or(true),
            bleed,
            template: raw.template.map(toml::Spanned::into_inner),
            bilingual,
            theme: theme.theme,
            warnings: theme.warnings,
            base_url,
            fallback,
            fallback_by_lang,
        })
    }
}

/// The problems found in `tradui.toml`, each at its place in `text`.
struct Problems<'a> {
    text: &'a str,
    list: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn push(&mut self, message: String, offset: usize, hint: impl Into<String>) {
        self.list.push(
            Diagnostic::error(Kind::Config, CONFIG_FILE, message).at(line_col(self.text, offset)).hint(hint),
        );
    }

    /// The language tag of `key`, or `None` and a problem when it is not BCP 47.
    fn lang(&mut self, key: &str, value: &toml::Spanned<String>) -> Option<Lang> {
        match Lang::parse(value.get_ref()) {
            Ok(l) => Some(l),
            Err(e) => {
                self.push(
                    format!("`{key}`: {e}"),
                    value.span().start,
                    "use a BCP 47 tag such as \"es\", \"ht\", \"ar\", \"fr\" or \"zh-Hans\"",
                );
                None
            }
        }
    }

    /// The tags of a list that parse.
    fn langs(&mut self, key: &str, values: &[toml::Spanned<String>]) -> Vec<Lang> {
        values.iter().filter_map(|l| self.lang(key, l)).collect()
    }

    /// The project's fallback policy, and its overrides per language.
    fn fallbacks(&mut self, raw: Option<&RawFallbackTable>) -> (Fallback, BTreeMap<Lang, Fallback>) {
        let mut fallback_by_lang = BTreeMap::new();
        let mut fallback = Fallback::default();
        if let Some(f) = raw {
            fallback = RawFallback { stale: f.stale, min_coverage: f.min_coverage }.apply(fallback);
            for (tag, over) in &f.languages {
                if let Some(l) = self.lang("fallback.languages", tag) {
                    fallback_by_lang.insert(l, over.apply(fallback));
                }
            }
        }
        (fallback, fallback_by_lang)
    }

    /// Each language that `key` names must be one of `languages`.
    fn members<'l>(
        &mut self,
        key: &str,
        values: impl Iterator<Item = (&'l Lang, std::ops::Range<usize>)>,
        languages: &[Lang],
    ) {
        for (value, span) in values {
            if !languages.contains(value) {
                self.push(
                    format!("`{key}` names \"{value}\", which is not in `languages`"),
                    span.start,
                    format!("add \"{value}\" to `languages`, or remove it from `{key}`"),
                );
            }
        }
    }

    /// `languages` lists translations only, each once.
    fn language_list(&mut self, source: Option<&Lang>, languages: &[Lang], raw: &RawConfig) {
        if let Some(source) = source
            && languages.contains(source)
        {
            self.push(
                format!("`languages` lists the source language \"{source}\""),
                raw.languages_span().start,
                "`languages` lists the translations only; remove the source language from it",
            );
        }
        let mut seen = Vec::new();
        for (l, r) in languages.iter().zip(&raw.languages) {
            if seen.contains(l) {
                self.push(
                    format!("`languages` lists \"{l}\" twice"),
                    r.span().start,
                    "remove one of the two",
                );
            }
            seen.push(l.clone());
        }
    }

    fn template(&mut self, template: Option<&toml::Spanned<String>>) {
        if let Some(t) = template
            && let Some(why) = template_problem(t.get_ref())
        {
            self.push(
                format!("`template` = \"{}\" {why}", t.get_ref()),
                t.span().start,
                "put the template inside the project folder and give its path from there, e.g. `template = \"templates/leaflet.typ\"`",
            );
        }
    }
}

/// Why a template path cannot be used: the template must be a file of the project, so
/// its path is relative and stays inside (no `..`).
fn template_problem(path: &str) -> Option<&'static str> {
    use std::path::{Component, Path};
    if path.trim().is_empty() {
        return Some("is empty");
    }
    let p = Path::new(path);
    let drive = path.len() >= 2 && path.as_bytes()[1] == b':' && path.as_bytes()[0].is_ascii_alphabetic();
    if p.is_absolute() || path.starts_with(['/', '\\']) || drive {
        return Some("is an absolute path; the template must be inside the project");
    }
    if p.components().any(|c| matches!(c, Component::ParentDir))
        || path.split(['/', '\\']).any(|part| part == "..")
    {
        return Some("goes up out of the project with `..`; the template must be inside the project");
    }
    None
}

/// A project without `[theme]`: tradui's colours, no footer.
fn no_theme() -> super::theme::Checked {
    super::theme::Checked { theme: Theme::default(), errors: Vec::new(), warnings: Vec::new() }
}

/// `bleed = "3mm"` (or `"0.125in"`, `"9pt"`) in points: a length from 0 to 20 mm.
fn bleed(text: &str, value: &toml::Spanned<String>, problems: &mut Vec<Diagnostic>) -> Option<f64> {
    let v = value.get_ref().trim();
    let points = [("mm", 72.0 / 25.4), ("cm", 72.0 / 2.54), ("in", 72.0), ("pt", 1.0)]
        .iter()
        .find_map(|(unit, k)| v.strip_suffix(unit).and_then(|n| n.trim().parse::<f64>().ok()).map(|n| n * k));
    match points.filter(|p| p.is_finite() && (0.0..=20.0 * 72.0 / 25.4).contains(p)) {
        Some(p) => Some(p),
        None => {
            problems.push(
                Diagnostic::error(
                    Kind::Config,
                    CONFIG_FILE,
                    format!("`bleed` = \"{v}\" is not a length from 0 to 20 mm"),
                )
                .at(line_col(text, value.span().start))
                .hint("write the bleed your copy shop asks for, e.g. `bleed = \"3mm\"` (or \"0.125in\")"),
            );
            None
        }
    }
}

/// `base_url`, checked and ending in `/`: an `https:` or `http:` address with a host,
/// no query or fragment, nothing that would need escaping.
fn base_url(text: &str, value: &toml::Spanned<String>, problems: &mut Vec<Diagnostic>) -> Option<String> {
    let url = value.get_ref().trim();
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let why = match rest {
        None => Some("must start with https:// (or http://)"),
        Some(r) if r.is_empty() || r.starts_with('/') => Some("has no host name"),
        Some(r) if r.contains(['?', '#']) => Some("must not have a query (`?`) or fragment (`#`)"),
        Some(r) if r.chars().any(|c| !c.is_ascii_graphic() || matches!(c, '"' | '<' | '>' | '\\' | '`')) => {
            Some("has a space or a character that needs escaping; percent-encode it")
        }
        Some(_) => None,
    };
    if let Some(why) = why {
        problems.push(
            Diagnostic::error(Kind::Config, CONFIG_FILE, format!("`base_url` = \"{url}\" {why}"))
                .at(line_col(text, value.span().start))
                .hint("give the address where public/ is served, e.g. `base_url = \"https://union.example.org/leaflets/\"`"),
        );
        return None;
    }
    Some(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    source: toml::Spanned<String>,
    languages: Vec<toml::Spanned<String>>,
    required: Option<Vec<toml::Spanned<String>>>,
    title: Option<String>,
    paper: Option<Paper>,
    fit: Option<crate::document::Fit>,
    prints: Option<Vec<crate::document::Print>>,
    posters: Option<bool>,
    bleed: Option<toml::Spanned<String>>,
    template: Option<toml::Spanned<String>>,
    #[serde(default)]
    bilingual: Vec<toml::Spanned<String>>,
    fallback: Option<RawFallbackTable>,
    theme: Option<super::theme::RawTheme>,
    base_url: Option<toml::Spanned<String>>,
}

impl RawConfig {
    fn languages_span(&self) -> std::ops::Range<usize> {
        self.languages.first().map_or(0..0, |l| l.span())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFallbackTable {
    stale: Option<StaleFallback>,
    min_coverage: Option<u8>,
    #[serde(default)]
    languages: BTreeMap<toml::Spanned<String>, RawFallback>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFallback {
    stale: Option<StaleFallback>,
    min_coverage: Option<u8>,
}

impl RawFallback {
    fn apply(&self, base: Fallback) -> Fallback {
        Fallback {
            stale: self.stale.unwrap_or(base.stale),
            min_coverage: self.min_coverage.unwrap_or(base.min_coverage).min(100),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bleed_is_a_length_a_copy_shop_means() {
        let parse =
            |b: &str| Config::parse(&format!("source = \"en\"\nlanguages = [\"es\"]\nbleed = \"{b}\"\n"));
        let mm3 = parse("3mm").unwrap().bleed.unwrap();
        assert!((mm3 - 8.5039).abs() < 0.001, "{mm3}");
        assert_eq!(parse("0.125in").unwrap().bleed, Some(9.0));
        for bad in ["3", "3 furlongs", "-1mm", "50mm", "NaNmm"] {
            let e = parse(bad).unwrap_err().0.remove(0);
            assert!(e.message.contains("is not a length"), "{bad}: {}", e.message);
            assert_eq!(e.line, 3, "{bad}");
        }
    }

    #[test]
    fn base_url_is_an_absolute_web_address_ending_in_a_slash() {
        let parse =
            |u: &str| Config::parse(&format!("source = \"en\"\nlanguages = [\"es\"]\nbase_url = \"{u}\"\n"));
        assert_eq!(
            parse("https://u.org/leaflets").unwrap().base_url.as_deref(),
            Some("https://u.org/leaflets/")
        );
        assert_eq!(parse("http://u.org/").unwrap().base_url.as_deref(), Some("http://u.org/"));
        for (bad, why) in [
            ("u.org", "must start with https://"),
            ("javascript:alert(1)", "must start with https://"),
            ("https://", "has no host name"),
            ("https://u.org/?a=1", "query"),
            ("https://u.org/a b", "space"),
            ("https://u.org/\\\"><script>", "escaping"),
        ] {
            let e = parse(bad).unwrap_err().0.remove(0);
            assert!(e.message.contains(why), "{bad}: {}", e.message);
            assert_eq!(e.line, 3, "{bad}");
        }
        assert_eq!(Config::parse("source = \"en\"\nlanguages = [\"es\"]\n").unwrap().base_url, None);
    }

    #[test]
    fn minimal_config_is_valid() {
        let c = Config::parse("source = \"en\"\nlanguages = [\"es\", \"ht\", \"ar\", \"fr\"]\n").unwrap();
        assert_eq!(c.source.as_str(), "en");
        assert_eq!(c.required.len(), 4);
        assert_eq!(c.fallback(&Lang::parse("ar").unwrap()), Fallback::default());
    }

    #[test]
    fn unknown_key_is_named_with_its_position() {
        let e = Config::parse("source = \"en\"\nlanguages = [\"es\"]\nlanguage = \"fr\"\n").unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("tradui.toml:3:1: error[config]: unknown field `language`"), "{text}");
    }

    #[test]
    fn invalid_tag_names_the_key() {
        let e = Config::parse("source = \"en\"\nlanguages = [\"es\", \"klingon!\"]\n").unwrap_err();
        assert!(
            e.to_string().contains(
                "tradui.toml:2:20: error[config]: `languages`: \"klingon!\" is not a valid language tag"
            ),
            "{e}"
        );
    }

    #[test]
    fn required_must_be_a_language() {
        let e = Config::parse("source = \"en\"\nlanguages = [\"es\"]\nrequired = [\"ar\"]\n").unwrap_err();
        assert!(e.to_string().contains("`required` names \"ar\""), "{e}");
    }

    #[test]
    fn template_stays_inside_the_project() {
        for (bad, why) in [
            ("../x.txt", "goes up out of the project"),
            ("/etc/passwd", "absolute path"),
            ("t/../../x", "goes up"),
            ("C:\\\\x.typ", "absolute path"),
            ("", "is empty"),
        ] {
            let text = format!("source = \"en\"\nlanguages = [\"es\"]\ntemplate = \"{bad}\"\n");
            let e = Config::parse(&text).unwrap_err().to_string();
            assert!(e.starts_with("tradui.toml:3:12: error[config]: `template`"), "{bad}: {e}");
            assert!(e.contains(why), "{bad}: {e}");
        }
        assert!(
            Config::parse("source = \"en\"\nlanguages = [\"es\"]\ntemplate = \"templates/a.typ\"\n").is_ok()
        );
    }

    #[cfg(unix)]
    #[test]
    fn template_link_out_of_the_project_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("p");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("t.typ")).unwrap();
        let text = "source = \"en\"\nlanguages = [\"es\"]\ntemplate = \"t.typ\"\n";
        let e = Config::parse_in(text, &root).unwrap_err().to_string();
        assert!(
            e.starts_with("tradui.toml:3:1: error[config]: `template` = \"t.typ\" leads outside the project"),
            "{e}"
        );
        std::fs::write(root.join("inside.typ"), "x").unwrap();
        assert!(Config::parse_in(&text.replace("t.typ", "inside.typ"), &root).is_ok());
    }

    #[test]
    fn fallback_per_language() {
        let c = Config::parse(
            "source = \"en\"\nlanguages = [\"es\", \"ar\"]\n[fallback]\nstale = \"translation\"\n[fallback.languages.ar]\nmin-coverage = 100\n",
        )
        .unwrap();
        let ar = c.fallback(&Lang::parse("ar").unwrap());
        assert_eq!(ar, Fallback { stale: StaleFallback::Translation, min_coverage: 100 });
        assert_eq!(c.fallback(&Lang::parse("es").unwrap()).min_coverage, 0);
    }
}
