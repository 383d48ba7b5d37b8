//! `tradui add-lang TAG`: a new translation language in one command. The tag goes into
//! `languages` in tradui.toml (and `required`, when the file lists one), edited with
//! toml_edit so that its comments and layout stay; then every leaflet gets its stubs (as
//! `tradui sync TAG` writes them) and `locales/<tag>/terms.ftl` gets the source glossary's
//! terms, each the source's text until translated, so a translation that uses
//! `{ -union-name }` checks clean from the start.

use super::{ExitStatus, Out};
use crate::catalog::EntryKind;
use crate::diag::{Diagnostic, Fatal, Kind};
use crate::lang::Lang;
use crate::project::Project;
use crate::project::config::CONFIG_FILE;
use std::path::Path;
use toml_edit::{Array, DocumentMut, Value};

/// What the edit of tradui.toml did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The tag was already in `languages`.
    pub already: bool,
    /// The file lists `required` (so the tag was added there too); without it, every
    /// language is required.
    pub required_listed: bool,
}

pub fn run(root: &Path, tag: &str, out: &mut Out) -> Result<ExitStatus, Fatal> {
    let lang = Lang::parse(tag).map_err(|e| {
        Fatal::from(
            Diagnostic::error(Kind::Config, "add-lang", format!("\"{tag}\": {e}"))
                .hint("give a BCP 47 tag such as `bn`, `es`, `zh-Hans` or `pt-BR`"),
        )
    })?;
    let project = Project::load(root)?;
    if lang == project.config.source {
        return Err(Diagnostic::error(
            Kind::Config,
            "add-lang",
            format!("\"{lang}\" is the source language of this project"),
        )
        .hint("add the languages the leaflets are translated into")
        .into());
    }
    let path = root.join(CONFIG_FILE);
    let text = std::fs::read(&path)
        .map_err(|e| Diagnostic::error(Kind::Io, CONFIG_FILE, format!("cannot read: {e}")))
        .and_then(|b| crate::diag::decode_text(CONFIG_FILE, b))?;
    let (new, added) = add_to_config(&text, &lang)
        .map_err(|why| Diagnostic::error(Kind::Config, CONFIG_FILE, why).hint("add the tag by hand"))?;
    if added.already {
        out.line(format!("{CONFIG_FILE}: \"{lang}\" is already in `languages`"));
    } else {
        write(root, CONFIG_FILE, &new)?;
        let also = if added.required_listed { " and `required`" } else { "" };
        out.line(format!("{CONFIG_FILE}: \"{lang}\" ({}) added to `languages`{also}", lang.native_name()));
    }
    // Loaded again, so that the new language is one of the project's.
    let project = Project::load(root)?;
    glossary(&project, &lang, out)?;
    let langs = [lang.to_string()];
    let args = super::sync::Args { langs: &langs, check: false, prune: false, accept: &[], no_memory: false };
    let status = super::sync::run(&project, args, out)?;
    next_steps(&lang, &added, out);
    Ok(status)
}

/// tradui.toml with `lang` added to `languages` (and to `required` when it is there),
/// everything else as it was.
pub fn add_to_config(text: &str, lang: &Lang) -> Result<(String, Added), String> {
    let mut doc: DocumentMut = text.parse().map_err(|e| format!("cannot read the file to edit it: {e}"))?;
    let tag = lang.to_string();
    let listed =
        |a: &Array| a.iter().any(|v| v.as_str().and_then(|s| Lang::parse(s).ok()).as_ref() == Some(lang));
    let languages = doc
        .get_mut("languages")
        .and_then(|i| i.as_array_mut())
        .ok_or("the file has no `languages = [...]` list to add the language to")?;
    if listed(languages) {
        let required_listed = doc.get("required").is_some();
        return Ok((text.to_string(), Added { already: true, required_listed }));
    }
    push(languages, &tag);
    let required_listed = match doc.get_mut("required") {
        None => false,
        Some(item) => {
            let required = item.as_array_mut().ok_or("`required` is not a list of languages")?;
            if !listed(required) {
                push(required, &tag);
            }
            true
        }
    };
    Ok((doc.to_string(), Added { already: false, required_listed }))
}

/// Adds `tag` at the end of a list, spaced like the list's last item: on a line of its
/// own in a list written one item per line, after a space otherwise.
fn push(array: &mut Array, tag: &str) {
    let prefix = match array.iter().last().and_then(|v| v.decor().prefix()).and_then(|p| p.as_str()) {
        Some(p) if p.contains('\n') => format!("\n{}", &p[p.rfind('\n').map_or(0, |i| i + 1)..]),
        _ if array.is_empty() => String::new(),
        _ => " ".to_string(),
    };
    let mut value = Value::from(tag);
    value.decor_mut().set_prefix(prefix);
    value.decor_mut().set_suffix("");
    array.push_formatted(value);
}

/// `locales/<lang>/terms.ftl` from the source glossary, when the language has none yet.
fn glossary(project: &Project, lang: &Lang, out: &mut Out) -> Result<(), Fatal> {
    let source = &project.config.source;
    let Some(terms) = project.terms.get(source) else { return Ok(()) };
    let file = format!("locales/{lang}/{}.ftl", crate::project::TERMS);
    if project.root.join(&file).exists() {
        return Ok(());
    }
    let mut text = format!(
        "# The glossary in {lang}, from locales/{source}/terms.ftl (written by `tradui add-lang`).\n# Each term is the {source} text until you translate it: write the word your members\n# use after `=`, or keep the {source} if they say it that way.\n"
    );
    let mut count = 0;
    for entry in terms.entries.iter().filter(|e| e.kind == EntryKind::Term) {
        text.push('\n');
        text.push_str(terms.text[entry.range.clone()].trim_end());
        text.push('\n');
        count += 1;
    }
    if count == 0 {
        return Ok(());
    }
    write(&project.root, &file, &text)?;
    out.line(format!("{file}: {count} term(s) from the {source} glossary, in {source} until translated"));
    Ok(())
}

fn write(root: &Path, file: &str, text: &str) -> Result<(), Fatal> {
    crate::fsx::write_atomic(&root.join(file), text).map_err(|e| {
        Fatal::from(
            Diagnostic::error(Kind::Io, file, format!("cannot write: {e}"))
                .hint("check that you may write to the project folder"),
        )
    })
}

fn next_steps(lang: &Lang, added: &Added, out: &mut Out) {
    out.err(format!(
        "next: translate the stubs in locales/{lang}/ (delete the `# ` before `id =` and write the translation after `=`) and the terms in locales/{lang}/terms.ftl, or send `tradui export {lang}` to a translator (Poedit, a CAT tool); `tradui status --lang {lang}` shows what is left"
    ));
    if !added.required_listed && !added.already {
        out.err(format!(
            "note: tradui.toml has no `required` list, so every language is required: `tradui check` fails until {lang} is complete; list the languages CI must block on in `required = [...]` to publish {lang} as it grows"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(text: &str, tag: &str) -> (String, Added) {
        add_to_config(text, &Lang::parse(tag).unwrap()).unwrap()
    }

    #[test]
    fn the_file_keeps_its_comments_and_layout() {
        let text = "# Our settings.\nsource = \"en\"  # English\nlanguages = [\"es\", \"ht\"] # both\n\n# CI blocks on these:\nrequired = [\"es\"]\ntitle = \"Leaflets\"\n";
        let (new, added) = add(text, "bn");
        assert_eq!(
            new,
            "# Our settings.\nsource = \"en\"  # English\nlanguages = [\"es\", \"ht\", \"bn\"] # both\n\n# CI blocks on these:\nrequired = [\"es\", \"bn\"]\ntitle = \"Leaflets\"\n"
        );
        assert_eq!(added, Added { already: false, required_listed: true });
        let multi = "source = \"en\"\nlanguages = [\n  \"es\", # Spanish\n  \"ht\",\n]\n";
        let (new, added) = add(multi, "zh-hans");
        assert_eq!(
            new,
            "source = \"en\"\nlanguages = [\n  \"es\", # Spanish\n  \"ht\",\n  \"zh-Hans\",\n]\n"
        );
        assert!(!added.required_listed);
    }

    #[test]
    fn a_language_already_there_changes_nothing() {
        let text = "source = \"en\"\nlanguages = [\"es\", \"bn\"]\n";
        let (new, added) = add(text, "bn");
        assert_eq!((new.as_str(), added.already), (text, true));
        assert!(add_to_config("source = \"en\"\n", &Lang::parse("bn").unwrap()).is_err());
        assert!(
            add_to_config(
                "source = \"en\"\nlanguages = []\nrequired = \"es\"\n",
                &Lang::parse("bn").unwrap()
            )
            .is_err()
        );
        assert_eq!(
            add("source = \"en\"\nlanguages = []\n", "bn").0,
            "source = \"en\"\nlanguages = [\"bn\"]\n"
        );
    }
}
