//! `tradui import FILE...`: translations from PO or XLIFF files back into
//! `locales/<lang>/*.ftl`, each file written atomically, every problem at its line.

use super::{ExitStatus, Out};
use crate::diag::{Diagnostic, Fatal, Kind};
use crate::fsx::write_atomic;
use crate::interchange::{self, Bundle, Import, ParseError};
use crate::limits::MAX_IMPORT_BYTES;
use crate::project::Project;
use std::path::{Path, PathBuf};

pub fn run(root: &Path, files: &[PathBuf], out: &mut Out) -> Result<ExitStatus, Fatal> {
    let mut problems = false;
    let (mut written, mut same) = (0, 0);
    for path in files {
        let shown = path.display().to_string();
        let bundle = match read(path, &shown) {
            Ok(b) => b,
            Err(d) => {
                out.problem(&d);
                problems = true;
                continue;
            }
        };
        // Loaded again for each file, so that a second file sees what the first wrote.
        let project = Project::load(root)?;
        out.context = super::context(&project, "import");
        let outcome = match interchange::import(&project, &Import { file: &shown, bundle: &bundle }) {
            Ok(o) => o,
            Err(d) => {
                out.problem(&d);
                problems = true;
                continue;
            }
        };
        for (file, text) in &outcome.files {
            match write_atomic(&project.root.join(file), text) {
                Ok(()) => {
                    written += 1;
                    out.line(format!("{file}: {}", describe(&outcome.notes[file])));
                }
                Err(e) => {
                    let d = Diagnostic::error(
                        Kind::Io,
                        file,
                        format!("cannot write: {e}; the file is unchanged"),
                    )
                    .hint("check that you may write to the folder");
                    out.problem(&d);
                    problems = true;
                }
            }
        }
        if outcome.files.is_empty() {
            same += 1;
        }
        for d in &outcome.diagnostics {
            out.problem(d);
            problems |= d.is_error();
        }
    }
    out.err(format!("import: {written} translation file(s) updated, {same} import file(s) changed nothing"));
    Ok(if problems { ExitStatus::Problems } else { ExitStatus::Success })
}

fn describe(n: &interchange::Note) -> String {
    crate::sync::counted(&[
        (n.imported, "translation(s) imported"),
        (n.review, "imported and marked for review"),
        (n.confirmed, "confirmed (review cleared)"),
        (n.kept_both, "kept both (the .ftl was edited after the export), marked for review"),
        (n.comments, "comment(s) added"),
    ])
    .unwrap_or_default()
}

fn read(path: &Path, shown: &str) -> Result<Bundle, Diagnostic> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::error(Kind::Io, shown, format!("cannot read: {e}")).hint("check the file name")
    })?;
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(Diagnostic::error(
            Kind::Io,
            shown,
            format!("the file is {} bytes; import reads files up to {MAX_IMPORT_BYTES} bytes", meta.len()),
        )
        .hint("export one leaflet at a time with --leaflet"));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(Kind::Io, shown, format!("cannot read: {e}")).hint("check the file name")
    })?;
    let text = crate::diag::decode_text(shown, bytes)?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let xml = match ext.as_str() {
        "po" | "pot" => false,
        "xlf" | "xliff" | "xml" => true,
        _ => text.trim_start().starts_with('<'),
    };
    let parsed = if xml { interchange::xliff::parse(&text) } else { interchange::po::parse(&text) };
    parsed.map_err(|e: ParseError| {
        let what = if xml { "XLIFF" } else { "PO" };
        Diagnostic::error(Kind::Invalid, shown, format!("not a valid {what} file: {}", e.message))
            .at((e.line, e.column))
            .hint("nothing was imported from this file; fix it in your translation tool (or send the last good copy), then import it again")
    })
}
