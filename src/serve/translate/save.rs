//! Saving a translator's form: the fields become import entries and go through the same
//! `interchange::import` as a PO or XLIFF file, so the `.ftl` is written as `import`
//! writes it: the record is the source the translator saw (a source that changed while
//! they typed stays stale), comments are kept, a message edited on disk since the page
//! loaded is kept beside the new text (both, marked for review), and a text `check` finds
//! invalid is written nowhere. The file is replaced atomically, and only if no one saved
//! it in the meantime.

use super::page::{Field, file_hash};
use crate::diag::Diagnostic;
use crate::fsx::replace_if_unchanged;
use crate::interchange::{Bundle, Entry, Import, fingerprint, import};
use crate::lang::Lang;
use crate::project::Project;
use std::collections::BTreeMap;
use std::path::Path;

/// The name imports from the form go under (in `# imported from ...` lines).
pub const FORM_NAME: &str = "the browser (tradui serve)";

/// What a save did: lines for the top of the page, and per unit ID what to show on it.
#[derive(Default)]
pub struct Saved {
    pub notices: Vec<String>,
    pub fields: BTreeMap<String, Field>,
}

/// The fields of an `application/x-www-form-urlencoded` body, in order; None when it
/// does not decode to UTF-8. Line ends sent as CRLF become LF.
pub fn parse_form(body: &[u8]) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for pair in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let mut it = pair.splitn(2, |b| *b == b'=');
        let name = decode(it.next().unwrap_or_default())?;
        let value = decode(it.next().unwrap_or_default())?;
        out.push((name, value.replace("\r\n", "\n")));
    }
    Some(out)
}

fn decode(s: &[u8]) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(s.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// A form's fields by name (the first of each).
fn fields(form: &[(String, String)]) -> BTreeMap<&str, &str> {
    let mut map = BTreeMap::new();
    for (k, v) in form {
        map.entry(k.as_str()).or_insert(v.as_str());
    }
    map
}

/// The entries the form brings: each field whose text differs from the one the page
/// showed, or whose "still right" box is ticked. (unit ID, text, base) of each too.
pub fn entries(project: &Project, slug: &str, form: &[(String, String)]) -> Vec<Entry> {
    let f = fields(form);
    let Some(leaflet) = project.leaflet(slug) else { return Vec::new() };
    let mut out = Vec::new();
    for (i, unit) in leaflet.units.iter().enumerate() {
        let Some(text) = f.get(unit.id.as_str()) else { continue };
        let base = f.get(format!("_base.{}", unit.id).as_str()).copied().unwrap_or_default();
        let confirm = f.contains_key(format!("_confirm.{}", unit.id).as_str());
        if fingerprint(text) == base && !confirm {
            continue;
        }
        let seen = f.get(format!("_seen.{}", unit.id).as_str()).copied().unwrap_or(&unit.text);
        out.push(Entry {
            leaflet: slug.to_string(),
            id: unit.id.clone(),
            source: seen.to_string(),
            target: text.to_string(),
            base: Some(base.to_string()),
            line: i + 1,
            target_line: i + 1,
            ..Entry::default()
        });
    }
    out
}

/// Saves the form of `slug` in `lang` into `project` (as just read from disk).
pub fn save(project: &Project, lang: &Lang, slug: &str, form: &[(String, String)]) -> Saved {
    let mut saved = Saved::default();
    let file = Project::catalog_file(lang, slug);
    if fields(form).get("_file").copied() != Some(file_hash(project, lang, slug).as_str()) {
        saved.notices.push(format!(
            "{file} changed on disk since this page was loaded: your texts were saved where no one else changed the same message; where someone did, both versions are kept in the file, marked for review (see below)."
        ));
    }
    let entries = entries(project, slug, form);
    if entries.is_empty() {
        saved.notices.push("Nothing to save: no field was changed.".into());
        return saved;
    }
    let bundle = Bundle { lang: lang.to_string(), source_lang: String::new(), entries };
    let outcome = match import(project, &Import { file: FORM_NAME, bundle: &bundle }) {
        Ok(o) => o,
        Err(d) => {
            saved.notices.push(super::page::said(&d));
            return saved;
        }
    };
    let refused = tell(&mut saved, &outcome.diagnostics, &bundle.entries, &file);
    let old = project.catalog(lang, slug).map(|c| c.text.as_str());
    write(&mut saved, (&project.root, old), &outcome, &file);
    if refused > 0 {
        saved.notices.push(format!(
            "{refused} translation(s) were not saved because check finds them invalid: fix them (see below), then save again."
        ));
    }
    saved
}

/// Puts each problem on its field; a refused text stays in its field. Returns how many
/// texts were refused.
fn tell(saved: &mut Saved, diagnostics: &[Diagnostic], entries: &[Entry], file: &str) -> usize {
    let mut refused = 0;
    for d in diagnostics {
        let Some(e) = entries.iter().find(|e| d.id.as_deref() == Some(&e.id)) else {
            saved.notices.push(super::page::said(d));
            continue;
        };
        let field = saved.fields.entry(e.id.clone()).or_default();
        let mut d = d.clone();
        if let Some(h) = d.hint.as_deref().and_then(|h| h.split_once("this translation was not imported")) {
            let own = h.0.trim_end_matches([';', ' ']).to_string();
            d.hint = (!own.is_empty()).then_some(own);
        }
        if d.kind == crate::diag::Kind::Stale && !d.is_error() {
            // The one warning of import's own: a message edited on disk meanwhile.
            field.said.push(format!(
                "Someone changed this translation in {} since this page was loaded: the field shows their text, and yours is in the file on the `# imported from {FORM_NAME}` line above it; both are marked for review. Keep the better one, here or in the file.",
                file
            ));
            continue;
        }
        field.said.push(super::page::said(&d));
        if d.is_error() && field.kept.is_none() {
            field.said.push("Not saved: fix this text, then save again.".into());
            field.kept = Some((e.target.clone(), e.base.clone().unwrap_or_default()));
            refused += 1;
        }
    }
    refused
}

/// Writes the new file texts, each only if the file still holds what import read.
fn write(
    saved: &mut Saved,
    (root, old): (&Path, Option<&str>),
    outcome: &crate::interchange::ImportOutcome,
    file: &str,
) {
    for (path, text) in &outcome.files {
        match replace_if_unchanged(&root.join(path), old, text) {
            Ok(true) => {
                let n = &outcome.notes[path];
                let what = crate::sync::counted(&[
                    (n.imported, "translation(s) saved"),
                    (n.review, "saved and marked for review"),
                    (n.confirmed, "confirmed as still right"),
                    (n.kept_both, "kept both ways (the file was edited meanwhile), marked for review"),
                ]);
                saved.notices.push(format!("Saved {path}: {}.", what.unwrap_or_else(|| "comments".into())));
            }
            Ok(false) => saved.notices.push(format!(
                "Nothing was saved: {file} changed on disk while saving. Your texts are still below: save again."
            )),
            Err(e) => saved.notices.push(format!(
                "Nothing was saved: cannot write {path}: {e}. Check that serve may write to the folder, then save again."
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_body_is_decoded() {
        let form = parse_form(b"a=1+2&b=%C3%A9%26x%3D&c=l1%0D%0Al2&&d").unwrap();
        let want = [("a", "1 2"), ("b", "é&x="), ("c", "l1\nl2"), ("d", "")];
        assert_eq!(form, want.map(|(k, v)| (k.to_string(), v.to_string())));
        assert_eq!(parse_form(b"a=%zz"), None);
        assert_eq!(parse_form(b"a=%ff"), None, "not UTF-8");
    }
}
