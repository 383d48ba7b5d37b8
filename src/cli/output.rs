//! Where commands write: stdout for results, stderr for errors, colour only on a
//! terminal (or `--color always`), never with NO_COLOR under `auto`. A closed pipe
//! (`tradui check | head`) is not an error.

use super::ColorWhen;
use crate::diag::{Diagnostic, Fatal, Styles};
use anstyle::{AnsiColor, Style};
use std::io::Write;

/// The two output streams of a command.
pub struct Out {
    stdout: Box<dyn Write>,
    stderr: Box<dyn Write>,
    /// Set when stdout was closed by the reader; commands stop writing.
    pub closed: bool,
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
        Out { stdout: Box::new(stdout), stderr: Box::new(stderr), closed: false }
    }

    /// Writes to buffers (for tests).
    pub fn buffers(stdout: Box<dyn Write>, stderr: Box<dyn Write>) -> Out {
        Out { stdout, stderr, closed: false }
    }

    /// Writes a line to stdout; a broken pipe marks the output closed.
    pub fn line(&mut self, s: impl AsRef<str>) {
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

    /// A problem that stopped the command.
    pub fn fatal(&mut self, fatal: &Fatal) {
        for d in &fatal.0 {
            self.err(Self::styled(d));
        }
    }

    pub fn flush(&mut self) {
        let _ = self.stdout.flush();
        let _ = self.stderr.flush();
    }
}
