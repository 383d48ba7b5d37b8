//! Diagnostics: the one type every problem travels in, from the loaders and the status
//! engine to every output format (`format/`: text, JSON, GitHub, SARIF, JUnit, GitLab,
//! Markdown), each a view of the same list.
//!
//! A diagnostic names the file (relative to the project), the 1-based line and column
//! (in characters), what is wrong and a hint of what to do next.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

pub mod format;

pub use format::text::Styles;

/// How bad a problem is. Errors in a required language make `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// What kind of problem this is; the JSON `kind` field, the text's `error[kind]`, the SARIF
/// rule and the GitLab check name: every format reads its name from [`Kind::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// No translation for a unit.
    Missing,
    /// The translation was made from another source text, or is marked for review.
    Stale,
    /// A translation whose unit no longer exists.
    Obsolete,
    /// A file or message that does not parse, or whose placeables do not match the source.
    Invalid,
    /// The translation is a copy of the source text.
    Untranslated,
    /// A translation without a `# en:` record of the text it was made from (an error:
    /// it cannot be shown to be current).
    NoRecord,
    /// A character that no available font has: the PDF would show empty boxes.
    Glyph,
    /// A current translation found under an old ID (its unit moved); `sync` re-keys it.
    Moved,
    /// A translation file for a leaflet that does not exist.
    OrphanFile,
    /// A locale folder for a language that `tradui.toml` does not list.
    UnknownLocale,
    /// A select variant key that is not a plural category of the language.
    Plural,
    /// A link whose address is not safe to publish (javascript:, data:...).
    UnsafeLink,
    /// A problem in a source leaflet (`content/*.md`).
    Source,
    /// A problem in `tradui.toml`.
    Config,
    /// A file that could not be read or written.
    Io,
    /// A number, time, date, phone number, link or e-mail address of the source that the
    /// translation does not keep.
    Mismatch,
    /// Emphasis, a link or inline code of the source that the translation drops.
    Markup,
    /// A date, time or phone number written in the source text rather than as a variable.
    LiteralValue,
    /// A leaflet whose `valid-until` date has passed: its event is over.
    Expired,
    /// A `[theme]` colour below WCAG AA contrast with the text shown on or beside it.
    Contrast,
}

/// One kind of problem as every output format names and explains it.
#[derive(Debug, Clone, Copy)]
pub struct KindInfo {
    pub kind: Kind,
    /// The one name of the kind, in every format.
    pub name: &'static str,
    /// One line: what the problem is.
    pub summary: &'static str,
    /// What to do about it (SARIF rule help, Markdown).
    pub help: &'static str,
}

const fn info(kind: Kind, name: &'static str, summary: &'static str, help: &'static str) -> KindInfo {
    KindInfo { kind, name, summary, help }
}

impl Kind {
    /// The table of kinds, in the order of the enum: names, summaries and help texts.
    pub const ALL: [KindInfo; 20] = [
        info(
            Kind::Missing,
            "missing",
            "A unit of the leaflet has no translation in this language.",
            "Run `tradui sync LANG` to add a stub for it, then translate the stub and delete the `#` before it.",
        ),
        info(
            Kind::Stale,
            "stale",
            "The translation was made from an older source text, or is marked for review.",
            "Update the translation to today's source text (shown in the message), then delete the review marker and run `tradui sync LANG`.",
        ),
        info(
            Kind::Obsolete,
            "obsolete",
            "A translated message whose unit no longer exists in the source.",
            "Nothing is lost: `tradui sync LANG` moves it to the end of the file; delete it there or run `tradui sync --prune`.",
        ),
        info(
            Kind::Invalid,
            "invalid",
            "A file or message that does not parse, or whose placeables do not match the source.",
            "Fix the Fluent syntax or the placeables (`{ $variable }`, `{ -term }`) so they match the source text.",
        ),
        info(
            Kind::Untranslated,
            "untranslated",
            "The translation is a copy of the source text.",
            "Translate the text, or confirm it is meant to stay as it is.",
        ),
        info(
            Kind::NoRecord,
            "no-record",
            "A translation without the `# en:` record of the text it was made from.",
            "Run `tradui sync LANG` to restore the record, then check that the translation matches the source.",
        ),
        info(
            Kind::Glyph,
            "missing-glyph",
            "A character that no available font has: the PDF would show empty boxes.",
            "Install a font that covers the script (see the README's install step), or fix the character.",
        ),
        info(
            Kind::Moved,
            "moved",
            "A translation found under an old message ID: its unit moved.",
            "Run `tradui sync LANG` to re-key it; nothing needs translating again.",
        ),
        info(
            Kind::OrphanFile,
            "orphan-file",
            "A translation file for a leaflet that does not exist.",
            "Rename it to match a leaflet in content/, or delete it.",
        ),
        info(
            Kind::UnknownLocale,
            "unknown-locale",
            "A locale folder for a language that tradui.toml does not list.",
            "Add the language to `languages` in tradui.toml, or rename or delete the folder.",
        ),
        info(
            Kind::Plural,
            "plural",
            "A select variant key that is not a plural category of the language.",
            "Use the language's plural categories (zero, one, two, few, many, other) or a number.",
        ),
        info(
            Kind::UnsafeLink,
            "unsafe-link",
            "A link whose address is not safe to publish (javascript:, data:...).",
            "Link to an http(s), mailto: or tel: address, or a page of the site.",
        ),
        info(
            Kind::Source,
            "source",
            "A problem in a source leaflet (content/*.md).",
            "Fix the leaflet at the position given; the message says what is wrong.",
        ),
        info(
            Kind::Config,
            "config",
            "A problem in tradui.toml or in a command-line option.",
            "Fix the setting named in the message; the README lists every key of tradui.toml.",
        ),
        info(
            Kind::Io,
            "io",
            "A file that could not be read or written, or is not UTF-8 text.",
            "Check that the file exists, that you may read and write it, and that it is saved as UTF-8.",
        ),
        info(
            Kind::Mismatch,
            "mismatch",
            "A number, amount, time, date, phone number, link or e-mail address of the source that the translation does not keep.",
            "Write the value as the source has it (digits of the language's own script are fine), or, if the translation is right, add the `# tradui: values-ok` line the hint gives.",
        ),
        info(
            Kind::Markup,
            "markup",
            "Emphasis, a link or inline code of the source that the translation drops.",
            "Put the same `**`, `*`, `[text](link)` or backticks around the matching words of the translation.",
        ),
        info(
            Kind::LiteralValue,
            "literal-value",
            "A date, time or phone number written into the source text rather than as a variable.",
            "Move the value to the front matter's [variables] and write `{ $name }` in the text, so a change reaches every language at once.",
        ),
        info(
            Kind::Expired,
            "expired",
            "The leaflet's `valid-until` date has passed: its event is over.",
            "Remove the leaflet, or update the date and its text for the next event; its pages say the event is over.",
        ),
        info(
            Kind::Contrast,
            "contrast",
            "A `[theme]` colour has too little contrast with the text on it or beside it for WCAG AA (4.5:1).",
            "Choose a darker accent for white text (or a lighter one for dark text); a checker such as WebAIM's shows the ratio of two colours.",
        ),
    ];

    /// The kind's entry in [`Kind::ALL`].
    pub fn info(self) -> &'static KindInfo {
        &Kind::ALL[self as usize]
    }

    /// The kind's one name, in every format.
    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    /// The kind called `name`, as [`Kind::as_str`] spells it.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().find(|i| i.name == name).map(|i| i.kind)
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let name = String::deserialize(d)?;
        Kind::from_name(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown kind \"{name}\"")))
    }
}

/// One problem, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub kind: Kind,
    pub severity: Severity,
    /// The leaflet slug, when the problem belongs to one (JSON null otherwise).
    pub leaflet: Option<String>,
    /// The language tag, when the problem belongs to one.
    pub lang: Option<String>,
    /// The message ID, when the problem belongs to one.
    pub id: Option<String>,
    /// The file, relative to the project root, with `/` separators.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
    /// What to do next.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The unit's current source text (for `missing` and `stale`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Diagnostic {
    pub fn new(kind: Kind, severity: Severity, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            kind,
            severity,
            leaflet: None,
            lang: None,
            id: None,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            source: None,
        }
    }

    pub fn error(kind: Kind, file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(kind, Severity::Error, file, message)
    }

    pub fn warning(kind: Kind, file: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(kind, Severity::Warning, file, message)
    }

    /// Places the diagnostic at a 1-based line and column (a 0 counts as 1: no location
    /// is ever line 0 or column 0).
    pub fn at(mut self, (line, column): (usize, usize)) -> Self {
        self.line = line.max(1);
        self.column = column.max(1);
        self
    }

    /// The diagnostic as JSON views show it: a problem of the file as a whole (line 0)
    /// is at its start, 1:1, so that every `line` and `column` a tool reads is 1-based.
    pub fn located(&self) -> Diagnostic {
        Diagnostic { line: self.line.max(1), column: self.column.max(1), ..self.clone() }
    }

    /// Places the diagnostic at a byte offset of `text`.
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        self.at(line_col(text, offset))
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn leaflet(mut self, slug: impl Into<String>) -> Self {
        self.leaflet = Some(slug.into());
        self
    }

    pub fn lang(mut self, lang: impl Into<String>) -> Self {
        self.lang = Some(lang.into());
        self
    }

    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    pub fn source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The sort key that makes every report deterministic: file, position, kind, ID.
    pub fn sort_key(&self) -> (&str, usize, usize, Kind, Option<&str>, &str) {
        (&self.file, self.line, self.column, self.kind, self.id.as_deref(), &self.message)
    }
}

/// 1-based line and column (in characters) of a byte offset. Offsets past the end clamp to
/// the end; offsets inside a character count that character.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].trim_end_matches('\r').chars().count() + 1;
    (line, column)
}

/// Line starts of a text, for many offset -> (line, column) look-ups in one file.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts }
    }

    /// 1-based line and column (in characters), as [`line_col`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].trim_end_matches('\r').chars().count() + 1)
    }
}

/// A path relative to the project root, always with `/`, for messages and JSON.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// An error that stops a command before it can do its work (exit code 2): an unreadable
/// project, a broken `tradui.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fatal(pub Vec<Diagnostic>);

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Fatal {}

impl From<Diagnostic> for Fatal {
    fn from(d: Diagnostic) -> Self {
        Fatal(vec![d])
    }
}

/// Reads a text file as UTF-8, dropping a leading byte-order mark. Invalid UTF-8 is a
/// diagnostic at the line and column of the first bad byte.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let rel = rel_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(Kind::Io, rel.clone(), format!("cannot read the file: {e}"))
            .hint("check that the file exists and that you may read it")
    })?;
    decode_text(&rel, bytes)
}

/// Decodes file contents: UTF-8, with a leading BOM dropped. Windows line endings are kept
/// (every parser here accepts them).
pub fn decode_text(rel: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let text = String::from_utf8_lossy(&bytes[..good]);
        Diagnostic::error(Kind::Io, rel, "the file is not valid UTF-8 text")
            .at_offset(&text, good)
            .hint("save the file with the UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)")
    })?;
    match control_char(&text) {
        None => Ok(text),
        Some((at, c)) => Err(Diagnostic::error(
            Kind::Io,
            rel,
            format!("the file contains the control character U+{:04X}, which is not text", c as u32),
        )
        .at_offset(&text, at)
        .hint("delete it (most editors do not show it; it often comes from copying out of another program)")),
    }
}

/// The first control character other than tab and line breaks: text files never hold
/// one on purpose, and it would reach every page and PDF as it is.
fn control_char(text: &str) -> Option<(usize, char)> {
    // Control characters are U+0000-U+001F, U+007F and U+0080-U+009F: in UTF-8, a byte
    // below 0x20, 0x7F, or 0xC2 followed by 0x80-0x9F. Bytes are faster to scan than chars.
    let bytes = text.as_bytes();
    let at = bytes.iter().enumerate().position(|(i, &b)| match b {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        _ => false,
    })?;
    text[at..].chars().next().map(|c| (at, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a\nمرحبا x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 7));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "ab\r\ncd\n\nمرحبا x\n";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line_col(offset), line_col(text, offset), "offset {offset}");
        }
    }

    #[test]
    fn line_col_ignores_carriage_returns() {
        assert_eq!(line_col("ab\r\ncd", 5), (2, 2));
    }

    #[test]
    fn invalid_utf8_points_at_the_bad_byte() {
        let d = decode_text("x.ftl", b"ok = 1\nbad = \xFF\n".to_vec()).unwrap_err();
        assert_eq!((d.line, d.column), (2, 7));
        assert!(d.to_string().starts_with("x.ftl:2:7: error[io]: the file is not valid UTF-8"));
    }

    #[test]
    fn control_characters_are_refused_where_they_are() {
        let d = decode_text("x.ftl", b"ok = 1\nbad = a\x00b\n".to_vec()).unwrap_err();
        assert_eq!(
            d.to_string().lines().next().unwrap(),
            "x.ftl:2:8: error[io]: the file contains the control character U+0000, which is not text"
        );
        assert!(decode_text("x", "a\u{85}".as_bytes().to_vec()).is_err());
        assert!(decode_text("x", b"\x1b[31m".to_vec()).is_err());
        assert!(decode_text("x", b"tab\there\r\nok\n".to_vec()).is_ok());
    }

    #[test]
    fn kind_table_is_in_enum_order_and_names_are_unique() {
        for (i, info) in Kind::ALL.iter().enumerate() {
            assert_eq!(info.kind as usize, i, "{}", info.name);
            assert_eq!(Kind::from_name(info.name), Some(info.kind));
        }
        assert_eq!(serde_json::to_string(&Kind::Glyph).unwrap(), "\"missing-glyph\"");
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode_text("x", b"\xEF\xBB\xBFhi".to_vec()).unwrap(), "hi");
    }

    proptest::proptest! {
        #[test]
        fn control_characters_are_found_as_char_by_char(text in "[a\t\n\r\u{0}-\u{1f}\u{7f}-\u{a1}\u{100}é ]{0,40}") {
            let by_char = text.char_indices().find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
            proptest::prop_assert_eq!(control_char(&text), by_char);
        }
    }
}
