//! `tradui export LANG... --format po|xliff`: one file per language (every leaflet) or,
//! with `--leaflet`, per leaflet and language, for Poedit, CAT tools and platforms.

use super::{ExitStatus, InterchangeFormat, Out, select_langs};
use crate::diag::{Diagnostic, Fatal, Kind};
use crate::fsx::write_atomic;
use crate::interchange::{self, Bundle, Format};
use crate::project::Project;
use std::path::PathBuf;

pub struct Args<'a> {
    pub langs: &'a [String],
    pub format: InterchangeFormat,
    pub leaflet: Option<&'a str>,
    pub out: Option<PathBuf>,
}

pub fn run(project: &Project, args: Args, out: &mut Out) -> Result<ExitStatus, Fatal> {
    let langs = select_langs(project, args.langs)?;
    if let Some(slug) = args.leaflet
        && project.leaflet(slug).is_none()
    {
        let known: Vec<&str> = project.leaflets.iter().map(|l| l.slug.as_str()).collect();
        return Err(Diagnostic::error(
            Kind::Config,
            "--leaflet",
            format!("there is no leaflet \"{slug}\" (content/{slug}.md)"),
        )
        .hint(format!("the leaflets are: {}", known.join(", ")))
        .into());
    }
    let format = match args.format {
        InterchangeFormat::Po => Format::Po,
        InterchangeFormat::Xliff => Format::Xliff,
    };
    let dir = args.out.clone().unwrap_or_else(|| project.root.join("export"));
    let report = crate::status::report(project);
    let mut failed = false;
    for lang in &langs {
        let (name, text, units, todo) = file_for(project, &report, lang, &args, format);
        let path = dir.join(&name);
        let shown = if path.starts_with(&project.root) {
            crate::diag::rel_path(&project.root, &path)
        } else {
            path.display().to_string()
        };
        match write_atomic(&path, &text) {
            Ok(()) => out.line(format!("{shown}: {units} unit(s), {todo} to translate or review")),
            Err(e) => {
                let d = Diagnostic::error(Kind::Io, path.display().to_string(), format!("cannot write: {e}"))
                    .hint("choose a folder you may write to with --out DIR");
                out.err(Out::styled(&d));
                failed = true;
            }
        }
    }
    Ok(if failed { ExitStatus::Error } else { ExitStatus::Success })
}

/// One language's file: its name, its text, how many units it has and how many of them
/// are to translate or review.
fn file_for(
    project: &Project,
    report: &crate::status::Report,
    lang: &crate::lang::Lang,
    args: &Args,
    format: Format,
) -> (String, String, usize, usize) {
    let show = &crate::localize::display_value;
    let entries = interchange::export_entries(project, report, lang, args.leaflet, show);
    let todo = entries.iter().filter(|e| e.target.is_empty() || e.fuzzy).count();
    let bundle = Bundle { lang: lang.to_string(), source_lang: project.config.source.to_string(), entries };
    let text = match format {
        Format::Po => {
            let revised =
                interchange::po::revision_date(interchange::last_revised(project, lang, args.leaflet));
            interchange::po::write(&bundle, &interchange::po::plural_forms(lang), &revised)
        }
        Format::Xliff => interchange::xliff::write(&bundle),
    };
    let name = match args.leaflet {
        Some(slug) => format!("{slug}.{lang}.{}", format.extension()),
        None => format!("{lang}.{}", format.extension()),
    };
    (name, text, bundle.entries.len(), todo)
}
