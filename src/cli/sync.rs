//! `tradui sync [LANG...]`: updates translation files to the source (stubs, review
//! markers, re-keying, obsolete section), writing each changed file atomically.
//! `--check` changes nothing and exits 1 when a file would change.

use super::{ExitStatus, Out, select_langs};
use crate::diag::{Diagnostic, Fatal, Kind};
use crate::project::Project;
use crate::sync::{Options, refuse, sync_text, write_atomic};

pub struct Args<'a> {
    pub langs: &'a [String],
    pub check: bool,
    pub prune: bool,
    pub accept: &'a [String],
}

pub fn run(project: &Project, args: Args, out: &mut Out) -> Result<ExitStatus, Fatal> {
    let langs = select_langs(project, args.langs)?;
    let accept = accepted(project, args.accept)?;
    for d in project.diagnostics.iter().filter(|d| matches!(d.kind, Kind::UnknownLocale | Kind::Source | Kind::Io)) {
        out.err(Out::styled(d));
    }
    if !args.check {
        crate::fsx::clean_and_report(&project.root, &project.root.join("locales"), 1).inspect(|d| out.err(Out::styled(d)));
    }
    let source = project.config.source.to_string();
    let (mut changed, mut same, mut failed) = (0, 0, 0);
    for lang in &langs {
        for leaflet in &project.leaflets {
            let file = Project::catalog_file(lang, &leaflet.slug);
            if !project.leaflet_ok(&leaflet.slug) {
                out.err(format!("{file}: skipped: fix the errors in {} first", leaflet.file));
                failed += 1;
                continue;
            }
            let path = project.root.join(&file);
            let catalog = project.catalog(lang, &leaflet.slug);
            if path.symlink_metadata().is_ok() && catalog.is_none() {
                // The file exists but could not be read (its diagnostic is above).
                failed += 1;
                continue;
            }
            if let Some(d) = catalog.and_then(|c| refuse(c, &path)) {
                out.err(Out::styled(&d));
                failed += 1;
                continue;
            }
            let options = Options { prune: args.prune, accept: accept.get(&leaflet.slug).cloned().unwrap_or_default() };
            let (text, changes) = sync_text(leaflet, catalog, &source, &options);
            if changes.junk_kept > 0 {
                let d = Diagnostic::warning(Kind::Invalid, &file, format!("{} piece(s) of Fluent that do not parse kept as they are", changes.junk_kept))
                    .hint(format!("run `tradui check --lang {lang}` to see where, and fix them"));
                out.err(Out::styled(&d));
            }
            let old = catalog.map(|c| c.text.as_str());
            if old == Some(text.as_str()) || (old.is_none() && text.is_empty()) {
                same += 1;
                continue;
            }
            let what = changes.describe().unwrap_or_else(|| "reformatted".into());
            if args.check {
                out.line(format!("{file}: would change: {what}"));
                changed += 1;
                continue;
            }
            match write_atomic(&path, &text) {
                Ok(()) => {
                    out.line(format!("{file}: {what}"));
                    changed += 1;
                }
                Err(e) => {
                    let d = Diagnostic::error(Kind::Io, &file, format!("cannot write: {e}; the file is unchanged"))
                        .hint("check that you may write to the folder");
                    out.err(Out::styled(&d));
                    failed += 1;
                }
            }
        }
    }
    let verb = if args.check { "would change" } else { "updated" };
    out.err(format!("sync: {changed} file(s) {verb}, {same} up to date{}", if failed > 0 { format!(", {failed} left untouched") } else { String::new() }));
    let problems = failed > 0 || (args.check && changed > 0);
    Ok(if problems { ExitStatus::Problems } else { ExitStatus::Success })
}

/// `--accept-source LEAFLET:ID` values, by leaflet.
fn accepted(project: &Project, values: &[String]) -> Result<std::collections::HashMap<String, std::collections::HashSet<String>>, Fatal> {
    let mut out: std::collections::HashMap<String, std::collections::HashSet<String>> = Default::default();
    for v in values {
        let bad = |why: String| Fatal::from(Diagnostic::error(Kind::Config, "--accept-source", why).hint("write it as LEAFLET:ID, e.g. `walkout:walkout-p1` (IDs are in `tradui check` output)"));
        let (slug, id) = v.split_once(':').ok_or_else(|| bad(format!("\"{v}\" is not LEAFLET:ID")))?;
        let leaflet = project.leaflet(slug).ok_or_else(|| bad(format!("there is no leaflet \"{slug}\" (content/{slug}.md)")))?;
        if leaflet.unit(id).is_none() {
            return Err(bad(format!("content/{slug}.md has no unit \"{id}\"")));
        }
        out.entry(slug.to_string()).or_default().insert(id.to_string());
    }
    Ok(out)
}
