//! The translators' pages, as HTML that works without script: the list of languages with
//! what is left in each, and one leaflet's form, its units in reading order. Every string
//! reaches the page through `render::escape`.

use crate::catalog::text::message_text;
use crate::diag::{Diagnostic, Kind};
use crate::interchange::fingerprint;
use crate::lang::Lang;
use crate::project::Project;
use crate::render::escape;
use crate::source::Ref;
use crate::status::{Cell, Counts, Report, State, UnitState, matching::word_diff};
use crate::sync::memory::{Memory, Suggestion, term_texts};
use std::collections::BTreeMap;

/// The stylesheet's URL (outside `/translate`, like the reload script: it holds no data).
pub const CSS_URL: &str = "/__tradui/translate.css";
/// The stylesheet.
pub const CSS: &str = include_str!("translate.css");
/// The script that adds placeable chips (the form works without it).
pub const JS_URL: &str = "/__tradui/translate.js";
/// The script.
pub const JS: &str = include_str!("translate.js");

/// What the form shows of one unit, beyond the files on disk: a text sent that was not
/// written (it stays in its field), and what saving said of it.
#[derive(Default)]
pub struct Field {
    /// (text, fingerprint of the translation it was made from) when not the file's.
    pub kept: Option<(String, String)>,
    pub said: Vec<String>,
}

/// One leaflet's form in one language, with what the last save said.
pub struct Form<'a> {
    pub project: &'a Project,
    pub report: &'a Report,
    pub lang: &'a Lang,
    pub slug: &'a str,
    pub csrf: &'a str,
    pub notices: &'a [String],
    pub fields: &'a BTreeMap<String, Field>,
}

/// The fingerprint of a translation file's text as the form carries it (no file: "").
pub fn file_hash(project: &Project, lang: &Lang, slug: &str) -> String {
    project
        .catalog(lang, slug)
        .map_or(String::new(), |c| blake3::hash(c.text.as_bytes()).to_hex().to_string())
}

fn head(out: &mut String, title: &str, body_class: &str) {
    out.push_str("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape::text(out, title);
    out.push_str("</title>\n<link rel=\"stylesheet\" href=\"");
    escape::attr(out, CSS_URL);
    out.push_str("\">\n<script src=\"");
    escape::attr(out, JS_URL);
    out.push_str("\" defer></script>\n</head>\n<body class=\"");
    escape::attr(out, body_class);
    out.push_str("\">\n");
}

fn left(c: &Counts) -> String {
    let mut parts = Vec::new();
    for (n, what) in [(c.missing, "missing"), (c.stale, "stale"), (c.invalid, "invalid")] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    if parts.is_empty() {
        return format!("all {} current", c.total);
    }
    format!("{} of {} current: {}", c.current, c.total, parts.join(", "))
}

/// `/translate/`: every language, what is left in it, and a link per leaflet.
pub fn list(project: &Project, report: &Report) -> String {
    let mut out = String::new();
    head(&mut out, "Translate", "list");
    out.push_str("<main>\n<h1>Translate</h1>\n");
    let totals = crate::status::totals_by_lang(report);
    for lang in &project.config.languages {
        out.push_str("<section>\n<h2 lang=\"");
        escape::attr(&mut out, lang.as_str());
        out.push_str("\">");
        escape::text(&mut out, &format!("{} ({lang})", lang.native_name()));
        out.push_str("</h2>\n<p>");
        escape::text(&mut out, &left(&totals.get(lang).copied().unwrap_or_default()));
        out.push_str("</p>\n<ul>\n");
        for cell in report.cells.iter().filter(|c| &c.lang == lang) {
            out.push_str("<li><a href=\"");
            escape::href(&mut out, &format!("/translate/{lang}/{}", cell.leaflet));
            out.push_str("\">");
            escape::text(&mut out, &cell.leaflet);
            out.push_str("</a>: ");
            escape::text(&mut out, &left(&cell.counts()));
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// `/translate/<lang>/<slug>`: the form, or None when there is no such leaflet or language.
pub fn leaflet(form: &Form) -> Option<String> {
    let cell = form.report.cell(form.slug, form.lang)?;
    let mut out = String::new();
    let title = format!("Translate {} into {} ({})", form.slug, form.lang.native_name(), form.lang);
    head(&mut out, &title, "with-preview");
    out.push_str("<main>\n<p><a href=\"/translate/\">All languages</a> · <a href=\"");
    escape::href(&mut out, &format!("/{}/{}.html", form.lang, form.slug));
    out.push_str("\">The page</a></p>\n<h1>");
    escape::text(&mut out, &title);
    out.push_str("</h1>\n<p>");
    escape::text(&mut out, &left(&cell.counts()));
    out.push_str("</p>\n");
    notices(&mut out, form.notices);
    out.push_str("<form method=\"post\" action=\"");
    escape::href(&mut out, &format!("/translate/{}/{}", form.lang, form.slug));
    out.push_str("\" accept-charset=\"utf-8\">\n");
    hidden(&mut out, "_csrf", form.csrf);
    hidden(&mut out, "_file", &file_hash(form.project, form.lang, form.slug));
    let aids = Aids::of(form);
    for u in &cell.units {
        unit(&mut out, form, (cell, &aids), u);
    }
    out.push_str("<p class=\"save\"><button type=\"submit\">Save</button> <button type=\"submit\" class=\"show-preview\" formtarget=\"preview\" formaction=\"");
    escape::href(&mut out, &format!("/translate/{}/{}/preview", form.lang, form.slug));
    out.push_str("\">Preview (not saved)</button></p>\n</form>\n</main>\n");
    // The built page beside the form on a wide screen, below it on a phone; it reloads
    // itself after each save, and Preview shows it with the texts not saved yet.
    out.push_str("<aside class=\"preview\"><iframe name=\"preview\" title=\"The page\" src=\"");
    escape::href(&mut out, &format!("/{}/{}.html", form.lang, form.slug));
    out.push_str("\"></iframe></aside>\n</body>\n</html>\n");
    Some(out)
}

fn notices(out: &mut String, notices: &[String]) {
    if notices.is_empty() {
        return;
    }
    out.push_str("<div class=\"notices\" role=\"status\">\n");
    for n in notices {
        out.push_str("<p>");
        escape::text(out, n);
        out.push_str("</p>\n");
    }
    out.push_str("</div>\n");
}

fn hidden(out: &mut String, name: &str, value: &str) {
    out.push_str("<input type=\"hidden\" name=\"");
    escape::attr(out, name);
    out.push_str("\" value=\"");
    escape::attr(out, value);
    out.push_str("\">\n");
}

fn state_word(s: State) -> &'static str {
    match s {
        State::Current => "current",
        State::Stale => "stale",
        State::Missing => "missing",
        State::Invalid => "invalid",
    }
}

/// One unit: its source, state, what check says of it, and its field.
fn unit(out: &mut String, form: &Form, (cell, aids): (&Cell, &Aids), u: &UnitState) {
    let catalog = form.project.catalog(form.lang, form.slug);
    let msg_id = u.message.as_deref().unwrap_or(&u.id);
    let message = catalog.and_then(|c| c.message(msg_id));
    let on_disk = catalog.and_then(|c| message_text(c, msg_id)).unwrap_or_default();
    let field = form.fields.get(&u.id);
    let (text, base) = match field.and_then(|f| f.kept.clone()) {
        Some(kept) => kept,
        None => (on_disk.clone(), fingerprint(&on_disk)),
    };
    let state = state_word(u.state);
    out.push_str(&format!("<section class=\"unit {state}\" id=\"unit-"));
    escape::attr(out, &u.id);
    out.push_str("\">\n<h2><code>");
    escape::text(out, &u.id);
    out.push_str(&format!("</code> <span class=\"state\">{state}</span></h2>\n<p class=\"source\" lang=\""));
    escape::attr(out, form.project.config.source.as_str());
    out.push_str(&format!("\" dir=\"{}\">", form.project.config.source.direction().as_str()));
    escape::text(out, &u.source);
    out.push_str("</p>\n");
    if u.state == State::Stale
        && let Some(record) = message.and_then(|m| m.record.as_deref())
        && record != u.source
    {
        out.push_str("<p class=\"diff\">Changed since it was translated: ");
        diff(out, &word_diff(record, &u.source));
        out.push_str("</p>\n");
    }
    let said: Vec<String> = problems(form, cell, u, msg_id)
        .into_iter()
        .chain(field.map(|f| f.said.clone()).unwrap_or_default())
        .collect();
    list_of(out, &said);
    if u.state != State::Current {
        aids.show(out, form, u);
    }
    textarea(out, form.lang, &u.id, &text);
    hidden(out, &format!("_seen.{}", u.id), &u.source);
    hidden(out, &format!("_base.{}", u.id), &base);
    if u.state == State::Stale {
        out.push_str("<p><label><input type=\"checkbox\" name=\"");
        escape::attr(out, &format!("_confirm.{}", u.id));
        out.push_str("\" value=\"1\"> The translation is still right for the new source text</label></p>\n");
    }
    out.push_str("</section>\n");
}

/// What helps with a unit left to do: the language's translation memory and glossary.
struct Aids {
    memory: Memory,
    /// (term, source text, text in the language) of every term both glossaries define.
    terms: Vec<(String, String, String)>,
}

impl Aids {
    fn of(form: &Form) -> Aids {
        let memory = Memory::of_language(form.project, form.lang);
        let texts = |lang: &Lang| form.project.terms.get(lang).map(term_texts).unwrap_or_default();
        let theirs = texts(form.lang);
        let terms = texts(&form.project.config.source)
            .into_iter()
            .filter_map(|(name, src)| {
                let (_, t) = theirs.iter().find(|(n, _)| *n == name)?;
                Some((name, src, t.clone()))
            })
            .collect();
        Aids { memory, terms }
    }

    /// The glossary terms the unit uses, the memory's match (exact or near, as `sync`
    /// would fill it) and the same unit's current translations in the other languages.
    fn show(&self, out: &mut String, form: &Form, u: &UnitState) {
        let used = form.project.leaflet(form.slug).and_then(|l| l.unit(&u.id)).map(|x| &x.refs);
        for (name, src, text) in &self.terms {
            if used.is_some_and(|refs| refs.contains(&Ref::Term(name.clone()))) {
                out.push_str("<p class=\"memory\">Glossary: <code>");
                escape::text(out, &format!("{{ -{name} }}"));
                out.push_str("</code> ");
                escape::text(out, &format!("\u{201c}{src}\u{201d} = "));
                lang_span(out, form.lang, text);
                out.push_str("</p>\n");
            }
        }
        memory(out, form, u, &self.memory);
        other_languages(out, form, u);
    }
}

fn lang_span(out: &mut String, lang: &Lang, text: &str) {
    out.push_str("<span lang=\"");
    escape::attr(out, lang.as_str());
    out.push_str(&format!("\" dir=\"{}\">", lang.direction().as_str()));
    escape::text(out, text);
    out.push_str("</span>");
}

fn memory(out: &mut String, form: &Form, u: &UnitState, memory: &Memory) {
    match memory.lookup(&u.source) {
        Some(Suggestion::Exact { target, origin }) => {
            out.push_str("<p class=\"memory\">Translation memory, the same text in ");
            escape::text(out, &origin);
            out.push_str(": <span lang=\"");
            escape::attr(out, form.lang.as_str());
            out.push_str(&format!("\" dir=\"{}\">", form.lang.direction().as_str()));
            escape::text(out, &target);
            out.push_str("</span></p>\n");
        }
        Some(Suggestion::Near { target, origin, source, similarity }) => {
            out.push_str(&format!(
                "<p class=\"memory\">Translation memory, {}% similar text in ",
                (similarity * 100.0).floor()
            ));
            escape::text(out, &origin);
            out.push_str(" (");
            diff(out, &word_diff(&source, &u.source));
            out.push_str("): <span lang=\"");
            escape::attr(out, form.lang.as_str());
            out.push_str(&format!("\" dir=\"{}\">", form.lang.direction().as_str()));
            escape::text(out, &target);
            out.push_str("</span></p>\n");
        }
        None => {}
    }
}

/// The unit's current translations in the project's other languages, folded.
fn other_languages(out: &mut String, form: &Form, u: &UnitState) {
    let mut rows = Vec::new();
    for lang in form.project.config.languages.iter().filter(|l| *l != form.lang) {
        let Some(other) =
            form.report.cell(form.slug, lang).and_then(|c| c.units.iter().find(|x| x.id == u.id))
        else {
            continue;
        };
        let msg = other.message.as_deref().unwrap_or(&other.id);
        let text = form.project.catalog(lang, form.slug).and_then(|c| message_text(c, msg));
        if let (State::Current, Some(text)) = (other.state, text) {
            rows.push((lang, text));
        }
    }
    if rows.is_empty() {
        return;
    }
    out.push_str("<details class=\"others\"><summary>In other languages</summary>\n<dl>\n");
    for (lang, text) in rows {
        out.push_str("<dt>");
        escape::text(out, &format!("{} ({lang})", lang.native_name()));
        out.push_str("</dt><dd lang=\"");
        escape::attr(out, lang.as_str());
        out.push_str(&format!("\" dir=\"{}\">", lang.direction().as_str()));
        escape::text(out, &text);
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n</details>\n");
}

/// What `check` says of this unit in this language (not that it is missing: the state says it).
fn problems(form: &Form, cell: &Cell, u: &UnitState, msg_id: &str) -> Vec<String> {
    let concerns = |d: &&Diagnostic| {
        d.lang.as_deref() == Some(form.lang.as_str())
            && d.file == cell.file
            && (d.id.as_deref() == Some(&u.id) || d.id.as_deref() == Some(msg_id))
            && d.kind != Kind::Missing
    };
    form.report.diagnostics.iter().filter(concerns).map(said).collect()
}

/// A problem in the words `check` uses, with its hint.
pub fn said(d: &Diagnostic) -> String {
    let severity = if d.is_error() { "error" } else { "warning" };
    let mut s = format!("{severity}[{}]: {}", d.kind.as_str(), d.message);
    if let Some(h) = &d.hint {
        s.push_str(&format!(" (hint: {h})"));
    }
    s
}

fn list_of(out: &mut String, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str("<ul class=\"problems\">\n");
    for s in items {
        out.push_str("<li>");
        escape::text(out, s);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn textarea(out: &mut String, lang: &Lang, id: &str, text: &str) {
    out.push_str("<label for=\"field-");
    escape::attr(out, id);
    out.push_str("\">Translation</label>\n<textarea id=\"field-");
    escape::attr(out, id);
    out.push_str("\" name=\"");
    escape::attr(out, id);
    out.push_str("\" lang=\"");
    escape::attr(out, lang.as_str());
    let rows = (text.chars().count() / 40 + text.lines().count()).clamp(2, 12);
    out.push_str(&format!("\" dir=\"{}\" rows=\"{rows}\">\n", lang.direction().as_str()));
    escape::text(out, text);
    out.push_str("</textarea>\n");
}

/// A word diff (`[-old-]{+new+}`) as `<del>` and `<ins>`.
fn diff(out: &mut String, d: &str) {
    let mut rest = d;
    while !rest.is_empty() {
        let next = [("[-", "-]", "del"), ("{+", "+}", "ins")]
            .into_iter()
            .filter_map(|(open, close, tag)| rest.find(open).map(|at| (at, open, close, tag)))
            .min_by_key(|(at, ..)| *at);
        let Some((at, open, close, tag)) = next else { break };
        let Some(len) = rest[at + open.len()..].find(close) else { break };
        escape::text(out, &rest[..at]);
        out.push_str(&format!("<{tag}>"));
        escape::text(out, &rest[at + open.len()..at + open.len() + len]);
        out.push_str(&format!("</{tag}>"));
        rest = &rest[at + open.len() + len + close.len()..];
    }
    escape::text(out, rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_diff_becomes_del_and_ins_and_stays_text() {
        let mut out = String::new();
        diff(&mut out, "Come [-on Monday-]{+on <b>Tuesday</b>+} now");
        assert_eq!(out, "Come <del>on Monday</del><ins>on &lt;b&gt;Tuesday&lt;/b&gt;</ins> now");
    }

    #[test]
    fn what_is_left_is_counted_like_status() {
        let c = Counts { total: 5, current: 2, missing: 2, stale: 1, ..Counts::default() };
        assert_eq!(left(&c), "2 of 5 current: 2 missing, 1 stale");
        assert_eq!(left(&Counts { total: 3, current: 3, ..Counts::default() }), "all 3 current");
    }
}
