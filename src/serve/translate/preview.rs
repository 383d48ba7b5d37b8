//! The preview of a form not yet saved: the fields go through the same import as a save,
//! into a copy of the project in memory, and that copy's page is rendered as `build`
//! renders it. Nothing is written. A text import refuses (check finds it invalid) is left
//! out, so the preview shows what a save would publish.

use super::save::{FORM_NAME, entries};
use crate::catalog::Catalog;
use crate::interchange::{Bundle, Import, import};
use crate::lang::Lang;
use crate::project::Project;
use crate::render::html::{PageContext, Templates, render_page};

/// The page of `slug` in `lang` as it would be with the form saved; None when there is no
/// such leaflet.
pub fn draft(project: &Project, lang: &Lang, slug: &str, form: &[(String, String)]) -> Option<String> {
    let mut catalogs = project.catalogs.clone();
    let entries = entries(project, slug, form);
    if !entries.is_empty() {
        let bundle = Bundle { lang: lang.to_string(), source_lang: String::new(), entries };
        if let Ok(outcome) = import(project, &Import { file: FORM_NAME, bundle: &bundle }) {
            let source = project.config.source.to_string();
            for (file, text) in outcome.files {
                catalogs.insert((lang.clone(), slug.to_string()), Catalog::parse(&file, text, &source));
            }
        }
    }
    let draft = project.with_catalogs(catalogs);
    let report = crate::status::report(&draft);
    let leaflet = draft.leaflet(slug)?;
    let (doc, _) = crate::localize::localize(&draft, leaflet, lang, report.cell(slug, lang));
    let ctx = PageContext {
        site_title: &draft.config.title,
        alternates: &[],
        pdf: false,
        base_url: None,
        image: false,
        templates: &Templates::load(&draft.root).0,
        theme: &draft.config.theme,
    };
    // A project template with an error: the preview says so where the page would be.
    Some(render_page(&doc, &ctx).unwrap_or_else(|d| {
        let mut out = String::from("<!doctype html>\n<p>");
        crate::render::escape::text(&mut out, &format!("{}:{}: {}", d.file, d.line, d.message));
        out.push_str("</p>\n");
        out
    }))
}
