//! Where commands write: stdout for results, stderr for errors, colour only on a
//! terminal (or `--color always`), never with NO_COLOR under `auto`. A closed pipe
//! (`tradui check | head`) is not an error. With `--format` other than text, problems
//! are collected and printed at the end as one document on stdout (see
//! [`crate::diag::format`]), and the command's other lines go to stderr.

use super::ColorWhen;
use crate::diag::format::{self, Context, Format, Report};
use crate::diag::{Diagnostic, Fatal, Styles};
use anstyle::{AnsiColor, Style};
use std::io::Write;

/// The two output streams of a command.
pub struct Out {
    stdout: Box<dyn Write>,
    stderr: Box<dyn Write>,
    /// Set when stdout was closed by the reader; commands stop writing.
    pub closed: bool,
    /// The `--format` of the command.
    pub format: Format,
    /// The problems kept for a document format, in the order they came.
    collected: Vec<Diagnostic>,
    /// What the document format needs to know of the project, once it is loaded.
    pub context: Context,
    /// Set by a command that printed its own document (`status --format json`).
    pub rendered: bool,
}

impl Out {
    /// The process's stdout and stderr, with colour as `when` and the environment say.
    pub fn terminal(when: ColorWhen) -> Out {
        let choice = match when {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        let stdout = anstream::AutoStream::new(std::io::stdout(), choice);
        let stderr = anstream::AutoStream::new(std::io::stderr(), choice);
        Out::new(Box::new(stdout), Box::new(stderr))
    }

    /// Writes to buffers (for tests).
    pub fn buffers(stdout: Box<dyn Write>, stderr: Box<dyn Write>) -> Out {
        Out::new(stdout, stderr)
    }

    fn new(stdout: Box<dyn Write>, stderr: Box<dyn Write>) -> Out {
        Out {
            stdout,
            stderr,
            closed: false,
            format: Format::Text,
            collected: Vec::new(),
            context: Context::default(),
            rendered: false,
        }
    }

    /// Whether problems go into one document at the end rather than line by line.
    pub fn is_document(&self) -> bool {
        self.format != Format::Text
    }

    /// Writes a line to stdout (to stderr when stdout is for a document); a broken pipe
    /// marks the output closed.
    pub fn line(&mut self, s: impl AsRef<str>) {
        if self.is_document() && !self.rendered {
            self.err(s);
            return;
        }
        if self.closed {
            return;
        }
        if let Err(e) = writeln!(self.stdout, "{}", s.as_ref())
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            self.closed = true;
        }
    }

    /// Writes raw text to stdout (JSON is never coloured: it holds no styles).
    pub fn raw(&mut self, s: &str) {
        if !self.closed && self.stdout.write_all(s.as_bytes()).is_err() {
            self.closed = true;
        }
    }

    /// Writes a line to stderr.
    pub fn err(&mut self, s: impl AsRef<str>) {
        let _ = writeln!(self.stderr, "{}", s.as_ref());
    }

    /// A diagnostic in the text format, coloured by severity (colour codes are removed
    /// by the stream when colour is off).
    pub fn styled(d: &Diagnostic) -> String {
        let styles = Styles {
            location: Style::new().bold(),
            error: Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
            warning: Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())),
            hint: Style::new().fg_color(Some(AnsiColor::Cyan.into())),
        };
        d.render(&styles)
    }

    /// A problem the command found: on stderr in the text format, else kept for the
    /// document.
    pub fn problem(&mut self, d: &Diagnostic) {
        if self.is_document() {
            self.collected.push(d.clone());
        } else {
            self.err(Self::styled(d));
        }
    }

    /// A problem that stopped the command.
    pub fn fatal(&mut self, fatal: &Fatal) {
        for d in &fatal.0 {
            self.problem(d);
        }
    }

    /// Prints the document of the collected problems (once, at the end of a command
    /// with a document format).
    pub fn finish(&mut self) {
        if !self.is_document() || self.rendered {
            return;
        }
        self.rendered = true;
        let collected = std::mem::take(&mut self.collected);
        let context = std::mem::take(&mut self.context);
        let report = Report::new(collected.iter().collect(), &context);
        let text = format::render(self.format, &report);
        self.raw(&text);
        if self.format == Format::Github {
            step_summary(&report, self);
        }
    }

    pub fn flush(&mut self) {
        let _ = self.stdout.flush();
        let _ = self.stderr.flush();
    }
}

/// Appends the Markdown table to the file `$GITHUB_STEP_SUMMARY` names, as GitHub
/// Actions asks; a file that cannot be written is said on stderr, not fatal.
fn step_summary(report: &Report, out: &mut Out) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else { return };
    let table = format::markdown::render(report);
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(table.as_bytes()));
    if let Err(e) = written {
        out.err(format!(
            "{}: cannot write the step summary: {e}; the annotations above are complete",
            std::path::Path::new(&path).display()
        ));
    }
}
