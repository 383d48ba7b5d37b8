//! Interface words: every word tradui itself prints on a page or a PDF (`not yet
//! translated`, `PDF for printing`, `All leaflets`, the site title, the facts labels) is
//! a message of a catalog. tradui ships one per language it knows (`ui/<lang>.ftl`,
//! embedded in the binary); a project adds a language or overrides a word in
//! `locales/<lang>/tradui.ftl`. A word that neither has in a language of the project is
//! reported as `missing`, and the page shows the English word until it is translated.

use super::Project;
use crate::catalog::Catalog;
use crate::diag::{Diagnostic, Kind};
use crate::document::Ui;
use crate::lang::Lang;
use std::sync::OnceLock;

/// The file name (without `.ftl`) of a project's interface words in `locales/<lang>/`.
pub const UI_FILE: &str = "tradui";

/// The languages tradui ships interface words for, and their catalogs.
const BUILT_IN: [(&str, &str); 5] = [
    ("en", include_str!("ui/en.ftl")),
    ("es", include_str!("ui/es.ftl")),
    ("ht", include_str!("ui/ht.ftl")),
    ("ar", include_str!("ui/ar.ftl")),
    ("fr", include_str!("ui/fr.ftl")),
];

/// Every interface word's message ID.
pub const WORDS: [&str; 14] = [
    "site-title",
    "not-translated",
    "notice",
    "pdf-for-printing",
    "all-leaflets",
    "languages",
    "not-published",
    "fact-date",
    "fact-time",
    "fact-place",
    "fact-phone",
    "event-over",
    "poster",
    "two-up",
];

fn built_in() -> &'static [(&'static str, Catalog)] {
    static PARSED: OnceLock<Vec<(&'static str, Catalog)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        BUILT_IN
            .iter()
            .map(|(tag, text)| {
                (*tag, Catalog::parse(&format!("tradui:ui/{tag}.ftl"), text.to_string(), "en"))
            })
            .collect()
    })
}

/// tradui's own catalog for a language: the tag's, else its primary language's.
fn shipped(lang: &Lang) -> Option<&'static Catalog> {
    let all = built_in();
    all.iter()
        .find(|(t, _)| *t == lang.as_str())
        .or_else(|| all.iter().find(|(t, _)| *t == lang.primary()))
        .map(|(_, c)| c)
}

fn value(catalog: Option<&Catalog>, id: &str) -> Option<String> {
    catalog?.message(id)?.value.clone().filter(|v| !v.trim().is_empty())
}

/// One word in a language, or None when neither the project nor tradui has it. The
/// site title of the source language is `title` in `tradui.toml`; in another language
/// it is the project's translation, or tradui's own when `title` is tradui's default.
fn word(project: &Project, lang: &Lang, id: &str) -> Option<String> {
    if let Some(v) = value(project.ui.get(lang), id) {
        return Some(v);
    }
    if id != "site-title" {
        return value(shipped(lang), id);
    }
    if *lang == project.config.source {
        return Some(project.config.title.clone());
    }
    // tradui's default title ("Leaflets") is tradui's word, translated with the others.
    let default_title = project.config.title == "Leaflets"
        || value(shipped(&project.config.source), id).is_some_and(|t| t == project.config.title);
    if default_title { value(shipped(lang), id) } else { None }
}

/// The interface words of a language; a word it lacks is shown in English (and
/// reported by [`missing`]).
pub fn resolve(project: &Project, lang: &Lang) -> Ui {
    let en = Lang::parse("en").expect("en is a tag");
    let get = |id: &str| {
        word(project, lang, id)
            .or_else(|| (id == "site-title").then(|| project.config.title.clone()))
            .or_else(|| value(shipped(&en), id))
            .unwrap_or_default()
    };
    Ui {
        site_title: get("site-title"),
        not_translated: get("not-translated"),
        notice: get("notice"),
        pdf: get("pdf-for-printing"),
        all_leaflets: get("all-leaflets"),
        languages: get("languages"),
        not_published: get("not-published"),
        date: get("fact-date"),
        time: get("fact-time"),
        place: get("fact-place"),
        phone: get("fact-phone"),
        event_over: get("event-over"),
        poster: get("poster"),
        two_up: get("two-up"),
        footer: footer(project, lang).unwrap_or_else(|| source_footer(project)),
        footer_translated: *lang == project.config.source || footer(project, lang).is_some(),
    }
}

/// The message ID of the union's footer line in `locales/<lang>/tradui.ftl`.
pub const FOOTER: &str = "footer";

/// The footer line of `[theme]` in the source language, or "" without one.
fn source_footer(project: &Project) -> String {
    project.config.theme.footer.as_ref().map_or_else(String::new, |f| f.text.clone())
}

/// The footer's translation into `lang`, when the project has one.
fn footer(project: &Project, lang: &Lang) -> Option<String> {
    project.config.theme.footer.as_ref()?;
    if *lang == project.config.source {
        return Some(source_footer(project));
    }
    value(project.ui.get(lang), FOOTER)
}

/// The footer line has no translation into a language: a `missing` problem, as for
/// tradui's own words.
fn missing_footer(project: &Project, lang: &Lang, file: &str) -> Option<Diagnostic> {
    let text = source_footer(project);
    if text.is_empty() || footer(project, lang).is_some() {
        return None;
    }
    let source = &project.config.source;
    Some(
        Diagnostic::error(
            Kind::Missing,
            file,
            format!("the footer (\"{text}\", `[theme] footer` in tradui.toml) has no translation into {lang}; pages and PDFs show it in {source}"),
        )
        .at((1, 1))
        .lang(lang.as_str())
        .id(FOOTER)
        .source(text)
        .hint(format!("add `{FOOTER} = ...` in {lang} to {file}")),
    )
}

/// Every interface word a language of the project has no translation for, as a
/// `missing` problem at `locales/<lang>/tradui.ftl`, and the syntax errors of those files.
pub fn missing(project: &Project) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> =
        project.ui.iter().flat_map(|(l, c)| c.errors.iter().cloned().map(|d| d.lang(l.as_str()))).collect();
    for lang in project.config.all_languages() {
        let file = format!("locales/{lang}/{UI_FILE}.ftl");
        out.extend(missing_footer(project, &lang, &file));
        for id in WORDS {
            if word(project, &lang, id).is_some() {
                continue;
            }
            let english = if id == "site-title" {
                project.config.title.clone()
            } else {
                value(shipped(&Lang::parse("en").expect("en is a tag")), id).unwrap_or_default()
            };
            let shipped: Vec<&str> = BUILT_IN.iter().map(|(t, _)| *t).collect();
            out.push(
                Diagnostic::error(
                    Kind::Missing,
                    &file,
                    format!("interface word `{id}` (\"{english}\") has no translation into {lang}; pages and PDFs show it in English"),
                )
                .at((1, 1))
                .lang(lang.as_str())
                .id(id)
                .source(english.clone())
                .hint(format!(
                    "add `{id} = ...` in {lang} to {file} (tradui ships interface words for {} only)",
                    shipped.join(", ")
                )),
            );
        }
    }
    out
}
