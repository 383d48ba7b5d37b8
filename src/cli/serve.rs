//! `tradui serve`: build, serve `public/` on this computer (127.0.0.1 unless `--bind`),
//! rebuild what changes and reload the pages in the browser. Ctrl-C stops it (exit 0).

use super::{ExitStatus, Out};
use crate::diag::Fatal;
use crate::render::pdf::PdfOptions;
use crate::serve::{Log, ServeOptions};
use std::net::IpAddr;
use std::path::Path;

pub struct Args {
    pub port: Option<u16>,
    pub bind: IpAddr,
    pub open: bool,
    pub no_pdf: bool,
    pub poll: bool,
    pub translators: bool,
}

pub fn run(root: &Path, args: Args, out: &mut Out) -> Result<ExitStatus, Fatal> {
    let pdf = (!args.no_pdf).then(PdfOptions::from_env);
    let build = crate::build::BuildOptions {
        out: root.join("public"),
        pdf,
        progress: true,
        force: false,
        renderers: Some(Default::default()),
        pseudo: false,
    };
    let options = ServeOptions {
        root: root.to_path_buf(),
        build,
        bind: args.bind,
        port: args.port,
        open: args.open,
        poll: args.poll,
        translators: args.translators,
    };
    let out_dir = options.build.out.clone();
    crate::serve::run(options, &mut |log| match log {
        Log::Line(s) => out.line(s),
        Log::Note(s) => out.err(s),
        Log::Problem(d) => out.err(Out::styled(&d)),
        Log::Built(summary) => {
            for d in &summary.diagnostics {
                out.err(Out::styled(d));
            }
            out.line(super::build::summary_line(&summary, &out_dir));
        }
    })?;
    Ok(ExitStatus::Success)
}
