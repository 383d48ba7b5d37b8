//! Limits: how big and how deep the input may be, stated once and checked where input
//! comes in, so that hostile or accidental input gets a clear error that names the
//! limit, the file and the line, never a crash (stack overflow) or a stall.
//!
//! The numbers are far above what a leaflet needs (README, "Limits") and low enough that
//! every stage after the check (pulldown-cmark, fluent-syntax, fluent-bundle, the JSON
//! Typst reads, Typst's own call and layout depth) stays well inside its own bounds.

use crate::diag::{Diagnostic, Kind, LineIndex};

/// Largest file tradui reads: a leaflet, a translation file, a glossary, tradui.toml.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Largest PO or XLIFF file `tradui import` reads (one file may hold every leaflet of a
/// language).
pub const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;
/// Largest provenance sidecar tradui reads (`locales/.provenance/`): it holds a
/// translation file's texts and their sources, so it may be a few times the file's size.
pub const MAX_SIDECAR_BYTES: u64 = 16 * 1024 * 1024;
/// Most translation units in one leaflet.
pub const MAX_UNITS: usize = 20_000;
/// Longest text of one unit, or of one translated message.
pub const MAX_TEXT_BYTES: usize = 16 * 1024;
/// Deepest nesting: Markdown lists, quotes, emphasis and links inside one another;
/// Fluent placeables (`{ ... }`) and call arguments inside one another.
pub const MAX_NESTING: usize = 16;
/// Most placeables one message may expand to, terms and referenced messages included
/// (fluent-bundle stops formatting a message past 100).
pub const MAX_EXPANSION: u64 = 100;

/// A size as people read it: `4 MiB`, `16 KiB`.
pub fn human(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{} KiB", bytes / 1024)
    }
}

/// The whole-file limit.
pub fn check_file(file: &str, text: &str) -> Result<(), Diagnostic> {
    if text.len() <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Diagnostic::error(
        Kind::Io,
        file,
        format!(
            "the file is {} bytes, more than tradui's limit of {} per file",
            text.len(),
            human(MAX_FILE_BYTES)
        ),
    )
    .at((1, 1))
    .hint("split it into several leaflets (each with its own translation files)"))
}

/// The limit on one text (a unit or a message), at its line and column.
pub fn text_too_long(
    file: &str,
    what: impl FnOnce() -> String,
    len: usize,
    at: (usize, usize),
) -> Option<Diagnostic> {
    (len > MAX_TEXT_BYTES).then(|| {
        Diagnostic::error(
            Kind::Invalid,
            file,
            format!(
                "{} is {len} bytes long, more than tradui's limit of {} for one text",
                what(),
                human(MAX_TEXT_BYTES)
            ),
        )
        .at(at)
        .hint("split it into several paragraphs")
    })
}

/// The nesting error, at the byte offset where the limit is crossed.
pub fn too_deep(kind: Kind, file: &str, text: &str, offset: usize, what: &str) -> Diagnostic {
    Diagnostic::error(
        kind,
        file,
        format!("{what} nested more than {MAX_NESTING} levels deep, tradui's limit"),
    )
    .at(LineIndex::new(text).line_col(offset))
    .hint("flatten the structure: no leaflet needs this many levels")
}

/// Checks a Fluent file before it is parsed: its size, and the nesting of placeables
/// and call arguments (fluent-syntax's parser is recursive, and too deep an input would
/// overflow its stack).
///
/// The count is an upper bound of the parser's depth: braces inside a string literal
/// (`{ "{" }`) are skipped, and it starts again from zero only at a line that begins a
/// new message, term or comment, where the parser either starts afresh or has already
/// given up on the entry before.
pub fn check_fluent(file: &str, text: &str) -> Result<(), Diagnostic> {
    check_file(file, text)?;
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        if depth == 0 {
            // Outside placeables only an opening brace matters: jump to the next one.
            let Some(next) = memchr::memchr(b'{', &bytes[i..]) else { break };
            i += next;
        } else if (i == 0 || bytes[i - 1] == b'\n') && starts_entry(&text[i..]) {
            depth = 0;
            continue;
        }
        match bytes[i] {
            b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(too_deep(Kind::Io, file, text, i, "placeables are"));
                }
                i = skip_string_literal(bytes, i + 1);
                continue;
            }
            b'(' if depth > 0 => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(too_deep(Kind::Io, file, text, i, "placeables and function arguments are"));
                }
            }
            b'}' | b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Does this line start a message (`id =`), a term (`-id =`) or a comment?
fn starts_entry(line: &str) -> bool {
    if line.starts_with('#') {
        return true;
    }
    let rest = line.strip_prefix('-').unwrap_or(line);
    let id_len =
        rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    id_len > 0
        && rest.as_bytes()[0].is_ascii_alphabetic()
        && rest[id_len..].trim_start_matches([' ', '\t']).starts_with('=')
}

/// From just after a `{`: past a string literal that opens the placeable (`{ "{" }`),
/// which ends at its closing quote or at the end of the line.
fn skip_string_literal(bytes: &[u8], mut i: usize) -> usize {
    let start = i;
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    if bytes.get(i) != Some(&b'"') {
        return start;
    }
    i += 1;
    while i < bytes.len() && bytes[i] != b'\n' {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i.min(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_placeables_are_refused_with_a_position() {
        let deep = format!("ok = fine\nx = {}{}\n", "{ ".repeat(5000), "} ".repeat(5000));
        let d = check_fluent("x.ftl", &deep).unwrap_err();
        assert_eq!((d.line, d.column), (2, 5 + 2 * MAX_NESTING));
        assert!(d.message.contains("more than 16 levels"), "{d}");
        let calls = format!("x = {{ {}$n{} }}\n", "NUMBER(".repeat(100), ")".repeat(100));
        assert!(check_fluent("x.ftl", &calls).is_err());
    }

    #[test]
    fn ordinary_files_pass() {
        let ftl = "# en: a { b } c\nx = a { \"{\" } b { \"}\" } c\ny = { $n ->\n    [one] one (x)\n   *[other] { $n } ({ -t })\n}\n";
        assert!(check_fluent("x.ftl", ftl).is_ok());
        // Braces that junk leaves open do not add up across messages.
        let junk: String = (0..40).map(|i| format!("m{i} = {{ broken\n")).collect();
        assert!(check_fluent("x.ftl", &junk).is_ok());
        let at_limit = format!("x = {}{}\n", "{ ".repeat(MAX_NESTING), "}".repeat(MAX_NESTING));
        assert!(check_fluent("x.ftl", &at_limit).is_ok());
    }

    #[test]
    fn a_new_line_inside_a_placeable_does_not_reset_the_count() {
        let sneaky = format!("x = {}\n", "{\nNUMBER(\n".repeat(20));
        assert!(check_fluent("x.ftl", &sneaky).is_err());
    }

    #[test]
    fn big_files_are_refused() {
        let big = "a".repeat(MAX_FILE_BYTES + 1);
        let d = check_file("content/x.md", &big).unwrap_err();
        assert!(d.message.contains("limit of 4 MiB"), "{d}");
    }

    /// The byte-by-byte count `check_fluent` made before it jumped between braces.
    fn depth_error_byte_by_byte(text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let (mut depth, mut i) = (0usize, 0);
        while i < bytes.len() {
            if (i == 0 || bytes[i - 1] == b'\n') && starts_entry(&text[i..]) {
                depth = 0;
            }
            match bytes[i] {
                b'{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some(i);
                    }
                    i = skip_string_literal(bytes, i + 1);
                    continue;
                }
                b'(' if depth > 0 => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some(i);
                    }
                }
                b'}' | b')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn jumping_between_braces_finds_what_the_byte_count_found(text in "([{}()\n\"# =a-]|ab = |-t = |# c\n){0,200}") {
            let fast = check_fluent("x.ftl", &text).err().map(|d| (d.line, d.column));
            let slow = depth_error_byte_by_byte(&text).map(|at| LineIndex::new(&text).line_col(at));
            proptest::prop_assert_eq!(fast, slow);
        }
    }
}
