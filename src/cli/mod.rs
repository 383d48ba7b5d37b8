//! The command line: argument parsing (clap) and one module per subcommand. Each
//! subcommand returns an [`ExitStatus`]; `main.rs` turns it into the process exit code.

mod add_lang;
mod build;
mod check;
mod export;
mod import;
mod init;
mod output;
mod serve;
mod sms;
mod status;
mod sync;

pub use output::Out;

use crate::diag::Fatal;
use crate::project::Project;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The exit codes are a contract: 0 clean, 1 problems found, 2 the tool could not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success = 0,
    Problems = 1,
    Error = 2,
}

#[derive(Parser, Debug)]
#[command(
    name = "tradui",
    version,
    about = "Leaflets in every language: find missing and stale translations, build HTML and PDF."
)]
pub struct Cli {
    /// The project folder (default: the current directory).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub project: PathBuf,
    /// When to use colours (NO_COLOR is honoured with `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

pub use crate::diag::format::Format;

/// The file formats of `tradui export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InterchangeFormat {
    /// GNU gettext PO (Poedit, Weblate, Pootle).
    Po,
    /// XLIFF 1.2 (OmegaT, Trados, memoQ, Crowdin).
    Xliff,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new project with one example leaflet translated into es, ht, ar, fr.
    Init {
        /// Where to create it (default: the current directory).
        dir: Option<PathBuf>,
    },
    /// Write public/<lang>/<leaflet>.html and .pdf for every language, and public/index.html.
    Build {
        /// Output folder (default: public/ in the project).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// HTML only.
        #[arg(long)]
        no_pdf: bool,
        /// Write PDF/A-2b (for archiving) instead of plain PDF.
        #[arg(long)]
        pdf_a: bool,
        /// Write PDF/UA-1 (accessible: tagged, with title and language); every image
        /// needs its alt text.
        #[arg(long)]
        pdf_ua: bool,
        /// Render every page and PDF again, even those whose inputs did not change.
        #[arg(long)]
        force: bool,
        /// Also write the pseudo-languages en-XA (accented, longer) and ar-XB (right to
        /// left), to see overflow and RTL problems before any translation exists.
        #[arg(long)]
        pseudo: bool,
        /// How to report problems: text, or one document for CI (json, github, sarif,
        /// junit, gitlab, markdown).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Build, serve public/ on this computer, rebuild what changes and reload the page
    /// in the browser. Stop with Ctrl-C.
    Serve {
        /// The port (default: 1111; if it is taken, the next free one).
        #[arg(long)]
        port: Option<u16>,
        /// The address to listen on (default: 127.0.0.1, this computer only).
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the web browser.
        #[arg(long)]
        open: bool,
        /// HTML only (faster; the PDF links are left out).
        #[arg(long)]
        no_pdf: bool,
        /// Look for changes by polling the files (for file systems that send no change
        /// events, such as some network or container folders).
        #[arg(long)]
        poll: bool,
        /// With `--bind 0.0.0.0`: print the translators' link with this computer's network
        /// address, and a QR code of it for phones on the same network.
        #[arg(long)]
        translators: bool,
    },
    /// Report every problem, one line each with file:line:col. Exit 1 when a required
    /// language has an error.
    Check {
        /// How to report problems: text, or one document for CI (json, github, sarif,
        /// junit, gitlab, markdown).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Only these languages (repeat or separate with commas).
        #[arg(long, value_delimiter = ',')]
        lang: Vec<String>,
    },
    /// Coverage of each leaflet in each language; with --lang, what is left to do.
    Status {
        /// text and json: the coverage table; the other formats: its problems, as `check`.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Only these languages (repeat or separate with commas).
        #[arg(long, value_delimiter = ',')]
        lang: Vec<String>,
    },
    /// Bring translation files in line with the source: stubs for missing text, review
    /// markers on stale text, moved text re-keyed, obsolete text moved to the end.
    Sync {
        /// Languages to update (default: all).
        langs: Vec<String>,
        /// Change nothing; exit 1 if a file would change (for CI).
        #[arg(long)]
        check: bool,
        /// Delete obsolete messages instead of keeping them at the end.
        #[arg(long)]
        prune: bool,
        /// Accept a minor source edit (a typo fix) without review: LEAFLET:ID.
        #[arg(long = "accept-source", value_name = "LEAFLET:ID")]
        accept_source: Vec<String>,
        /// Write stubs only: do not fill missing text from translation memory.
        #[arg(long)]
        no_memory: bool,
        /// How to report problems: text, or one document for CI (json, github, sarif,
        /// junit, gitlab, markdown).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write a PO or XLIFF file per language for translators' tools (Poedit, CAT tools).
    Export {
        /// Languages to export (default: all).
        langs: Vec<String>,
        #[arg(long, value_enum, default_value_t = InterchangeFormat::Po)]
        format: InterchangeFormat,
        /// Only this leaflet (one file per leaflet and language).
        #[arg(long, value_name = "SLUG")]
        leaflet: Option<String>,
        /// Output folder (default: export/ in the project).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Put the translations of PO or XLIFF files back into locales/<lang>/*.ftl.
    Import {
        /// The .po or .xlf files translators sent back.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to report problems: text, or one document for CI (json, github, sarif,
        /// junit, gitlab, markdown).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Add a translation language: tradui.toml's `languages` (and `required`, when it is
    /// listed) with its comments kept, stubs for every leaflet, and the glossary.
    AddLang {
        /// The language's BCP 47 tag (bn, es, zh-Hans, pt-BR...).
        tag: String,
    },
}

impl Command {
    /// The command's name and its `--format` (text for those without one).
    fn name_and_format(&self) -> (&'static str, Format) {
        match self {
            Command::Init { .. } => ("init", Format::Text),
            Command::Build { format, .. } => ("build", *format),
            Command::Serve { .. } => ("serve", Format::Text),
            Command::Check { format, .. } => ("check", *format),
            Command::Status { format, .. } => ("status", *format),
            Command::Sync { format, .. } => ("sync", *format),
            Command::Export { .. } => ("export", Format::Text),
            Command::Import { format, .. } => ("import", *format),
            Command::AddLang { .. } => ("add-lang", Format::Text),
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli, out: &mut Out) -> ExitStatus {
    let (name, format) = cli.command.name_and_format();
    out.format = format;
    out.context.command = name.to_string();
    out.context.repo_prefix = repo_prefix(&cli.project);
    let status = run_command(&cli, out);
    out.finish();
    status
}

fn run_command(cli: &Cli, out: &mut Out) -> ExitStatus {
    match dispatch(cli, out) {
        Ok(status) => status,
        Err(fatal) => {
            out.fatal(&fatal);
            ExitStatus::Error
        }
    }
}

/// Runs the command the arguments name.
fn dispatch(cli: &Cli, out: &mut Out) -> Result<ExitStatus, Fatal> {
    match &cli.command {
        Command::Init { dir } => init::run(dir.as_deref().unwrap_or(&cli.project), out),
        Command::Build { out: dir, no_pdf, pdf_a, pdf_ua, force, pseudo, .. } => {
            let args = build::Args {
                out: dir.clone(),
                no_pdf: *no_pdf,
                pdf_a: *pdf_a,
                pdf_ua: *pdf_ua,
                force: *force,
                pseudo: *pseudo,
            };
            with_project(cli, out, |p, out| build::run(p, &args, out))
        }
        Command::Serve { port, bind, open, no_pdf, poll, translators } => serve::run(
            &cli.project,
            serve::Args {
                port: *port,
                bind: *bind,
                open: *open,
                no_pdf: *no_pdf,
                poll: *poll,
                translators: *translators,
            },
            out,
        ),
        Command::Check { lang, .. } => with_project(cli, out, |p, out| check::run(p, lang, out)),
        Command::Status { format, lang } => {
            with_project(cli, out, |p, out| status::run(p, *format, lang, out))
        }
        Command::Sync { langs, check, prune, accept_source, no_memory, .. } => {
            with_project(cli, out, |p, out| {
                sync::run(
                    p,
                    sync::Args {
                        langs,
                        check: *check,
                        prune: *prune,
                        accept: accept_source,
                        no_memory: *no_memory,
                    },
                    out,
                )
            })
        }
        Command::Export { langs, format, leaflet, out: dir } => with_project(cli, out, |p, out| {
            export::run(
                p,
                export::Args { langs, format: *format, leaflet: leaflet.as_deref(), out: dir.clone() },
                out,
            )
        }),
        Command::Import { files, .. } => import::run(&cli.project, files, out),
        Command::AddLang { tag } => add_lang::run(&cli.project, tag, out),
    }
}

fn with_project(
    cli: &Cli,
    out: &mut Out,
    f: impl FnOnce(&Project, &mut Out) -> Result<ExitStatus, Fatal>,
) -> Result<ExitStatus, Fatal> {
    let project = Project::load(&cli.project)?;
    out.context = context(&project, &out.context.command);
    let status = f(&project, out);
    // The process ends with the command: freeing a thousand parsed files one by one
    // would only delay the exit.
    std::mem::forget(project);
    status
}

/// Parses `--lang` values against the project's languages.
pub(crate) fn select_langs(project: &Project, wanted: &[String]) -> Result<Vec<crate::lang::Lang>, Fatal> {
    use crate::diag::{Diagnostic, Kind};
    if wanted.is_empty() {
        return Ok(project.config.languages.clone());
    }
    let mut out = Vec::new();
    for w in wanted {
        let lang = crate::lang::Lang::parse(w).map_err(|e| {
            Fatal::from(
                Diagnostic::error(Kind::Config, "--lang", e.to_string())
                    .hint("use a tag from tradui.toml, such as `ht`"),
            )
        })?;
        if !project.config.languages.contains(&lang) {
            let known: Vec<String> = project.config.languages.iter().map(|l| l.to_string()).collect();
            return Err(Diagnostic::error(
                Kind::Config,
                "--lang",
                format!("\"{lang}\" is not a translation language of this project"),
            )
            .hint(format!(
                "tradui.toml lists: {}; to add it, with stubs for every leaflet: `tradui add-lang {lang}`",
                known.join(", ")
            ))
            .into());
        }
        out.push(lang);
    }
    Ok(out)
}

/// What the output formats need to know of a project.
pub(crate) fn context(project: &Project, command: &str) -> crate::diag::format::Context {
    use crate::diag::format::{Context, LeafletInfo};
    let tags = |langs: &[crate::lang::Lang]| langs.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    Context {
        command: command.to_string(),
        source: project.config.source.to_string(),
        languages: tags(&project.config.languages),
        required: tags(&project.config.required),
        leaflets: project
            .leaflets
            .iter()
            .map(|l| LeafletInfo {
                slug: l.slug.clone(),
                file: l.file.clone(),
                required: tags(&project.required_for(&l.slug)),
            })
            .collect(),
        repo_prefix: repo_prefix(&project.root),
    }
}

/// The project folder as a path from the root of its git repository (`""` when it is
/// the root or in no repository), with a trailing `/`.
fn repo_prefix(root: &std::path::Path) -> String {
    let Ok(root) = std::fs::canonicalize(root) else { return String::new() };
    let Some(repo) = root.ancestors().find(|dir| dir.join(".git").exists()) else { return String::new() };
    let rel = crate::diag::rel_path(repo, &root);
    if rel.is_empty() { rel } else { format!("{rel}/") }
}
