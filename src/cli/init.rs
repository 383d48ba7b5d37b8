//! `tradui init [DIR]`: a new project with one example leaflet, fully translated into
//! Spanish, Haitian Creole, Arabic and French, that passes `tradui check` as created.

use super::{ExitStatus, Out};
use crate::diag::{Diagnostic, Fatal, Kind};
use crate::project::config::CONFIG_FILE;
use std::path::Path;

/// The example project's files: (path, contents).
const FILES: &[(&str, &str)] = &[
    (CONFIG_FILE, include_str!("example/tradui.toml")),
    ("content/meeting.md", include_str!("example/meeting.md")),
    ("locales/en/terms.ftl", include_str!("example/terms.ftl")),
    ("locales/es/terms.ftl", include_str!("example/terms.ftl")),
    ("locales/ht/terms.ftl", include_str!("example/terms.ftl")),
    ("locales/ar/terms.ftl", include_str!("example/terms.ftl")),
    ("locales/fr/terms.ftl", include_str!("example/terms.ftl")),
    ("locales/es/meeting.ftl", include_str!("example/es.ftl")),
    ("locales/ht/meeting.ftl", include_str!("example/ht.ftl")),
    ("locales/ar/meeting.ftl", include_str!("example/ar.ftl")),
    ("locales/fr/meeting.ftl", include_str!("example/fr.ftl")),
    ("locales/es/tradui.ftl", include_str!("example/tradui-es.ftl")),
    ("locales/ht/tradui.ftl", include_str!("example/tradui-ht.ftl")),
    ("locales/ar/tradui.ftl", include_str!("example/tradui-ar.ftl")),
    ("locales/fr/tradui.ftl", include_str!("example/tradui-fr.ftl")),
    (".gitignore", "/public\n/export\n"),
];

pub fn run(dir: &Path, out: &mut Out) -> Result<ExitStatus, Fatal> {
    let shown = dir.display().to_string();
    if dir.join(CONFIG_FILE).exists() {
        return Err(Diagnostic::error(
            Kind::Config,
            format!("{shown}/{CONFIG_FILE}"),
            "a tradui project already exists here",
        )
        .hint("choose an empty folder: `tradui init NEW-FOLDER`")
        .into());
    }
    for (path, _) in FILES {
        if dir.join(path).exists() {
            return Err(Diagnostic::error(
                Kind::Io,
                format!("{shown}/{path}"),
                "the file already exists; tradui init will not overwrite it",
            )
            .hint("choose an empty folder: `tradui init NEW-FOLDER`")
            .into());
        }
    }
    for (path, text) in FILES {
        write(&dir.join(path), text).map_err(|e| {
            Fatal::from(
                Diagnostic::error(Kind::Io, format!("{shown}/{path}"), format!("cannot write: {e}"))
                    .hint("check that you may write to the folder"),
            )
        })?;
    }
    // The reference catalog and provenance sidecars, as `tradui sync` writes them.
    let project = crate::project::Project::load(dir)?;
    let mut quiet = Out::buffers(Box::new(std::io::sink()), Box::new(std::io::sink()));
    super::sync::run(
        &project,
        super::sync::Args { langs: &[], check: false, prune: false, accept: &[], no_memory: true },
        &mut quiet,
    )?;
    out.line(format!(
        "Created a tradui project in {shown} with one leaflet (content/meeting.md) in en, es, ht, ar, fr."
    ));
    out.line("Next:");
    if shown != "." {
        out.line(format!("  cd {shown}"));
    }
    out.line("  tradui check     # is every translation present and current?");
    out.line("  tradui build     # write public/<lang>/meeting.html and .pdf");
    Ok(ExitStatus::Success)
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}
