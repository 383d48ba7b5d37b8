//! Unit text: whitespace normalisation, the Fluent placeables in a text, and a text as a
//! Fluent pattern.

use super::{Ref, is_identifier};
use std::ops::Range;

/// Collapses whitespace (line breaks included) to single spaces; inside a block quote
/// also drops the `>` markers that continue the quote on each line.
pub fn normalize(text: &str, in_quote: bool) -> String {
    if is_normal(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut at_line_start = false;
    let mut pending_space = false;
    for c in text.chars() {
        if c == '\n' {
            at_line_start = true;
            pending_space = true;
            continue;
        }
        // Only ASCII whitespace collapses: a no-break space (French `Où :`) is text.
        if c.is_ascii_whitespace() {
            pending_space = true;
            continue;
        }
        if at_line_start && in_quote && c == '>' {
            pending_space = true;
            continue;
        }
        at_line_start = false;
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Is the text already normalised (single spaces, nothing at either end)?
pub(super) fn is_normal(text: &str) -> bool {
    let b = text.as_bytes();
    if b.first().is_some_and(u8::is_ascii_whitespace) || b.last().is_some_and(u8::is_ascii_whitespace) {
        return false;
    }
    !b.windows(2).any(|w| matches!(w[0], b'\n' | b'\t' | b'\r' | b'\x0c') || (w[0] == b' ' && w[1] == b' '))
}

/// The Fluent placeables of a source text: `{ $name }`, `{ -term }`. Any other brace is
/// a plain brace.
pub fn placeables(text: &str) -> Vec<(Range<usize>, Ref)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{'
            && let Some((len, r)) = placeable_at(&text[i..])
        {
            out.push((i..i + len, r));
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

pub(super) fn placeable_at(s: &str) -> Option<(usize, Ref)> {
    let inner_start = 1 + s[1..].len() - s[1..].trim_start_matches([' ', '\t']).len();
    let rest = &s[inner_start..];
    let sigil = rest.chars().next()?;
    if sigil.is_ascii_uppercase() {
        return call_at(rest).map(|(len, r)| (inner_start + len, r));
    }
    if sigil != '$' && sigil != '-' {
        return None;
    }
    let name_len = rest[1..]
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        .map_or(rest.len() - 1, |(i, _)| i);
    let name = &rest[1..1 + name_len];
    if !is_identifier(name) {
        return None;
    }
    let after = &rest[1 + name_len..];
    let close = after.len() - after.trim_start_matches([' ', '\t']).len();
    if !after[close..].starts_with('}') {
        return None;
    }
    let len = inner_start + 1 + name_len + close + 1;
    let r = if sigil == '$' { Ref::Var(name.to_string()) } else { Ref::Term(name.to_string()) };
    Some((len, r))
}

/// A function call placeable, `DATETIME($date, weekday: "long") }` (after the `{ `): its
/// length up to and past the `}`, and the variable it formats. Anything else is no call.
fn call_at(rest: &str) -> Option<(usize, Ref)> {
    let name_len = rest.find('(')?;
    let name = &rest[..name_len];
    if name.is_empty()
        || !name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return None;
    }
    let mut in_string = false;
    let mut close = None;
    for (i, c) in rest[name_len..].char_indices() {
        match c {
            '"' => in_string = !in_string,
            ')' if !in_string => {
                close = Some(name_len + i);
                break;
            }
            '{' | '}' | '\n' if !in_string => return None,
            _ => {}
        }
    }
    let close = close?;
    let after = &rest[close + 1..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    if !after[spaces..].starts_with('}') {
        return None;
    }
    let args = &rest[name_len + 1..close];
    let var = args.split(',').next()?.trim().strip_prefix('$').filter(|v| is_identifier(v))?;
    Some((close + 1 + spaces + 1, Ref::Var(var.to_string())))
}

/// A source text as a Fluent pattern: placeables kept, literal braces quoted.
pub fn to_fluent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for (range, r) in placeables(text) {
        quote_braces(&text[last..range.start], &mut out);
        match &text[range.clone()] {
            // A function call stays as written (`{ DATETIME($date, weekday: "long") }`).
            call if call.contains('(') => out.push_str(call),
            _ => out.push_str(&r.to_string()),
        }
        last = range.end;
    }
    quote_braces(&text[last..], &mut out);
    out
}

pub(super) fn quote_braces(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '{' => out.push_str("{ \"{\" }"),
            '}' => out.push_str("{ \"}\" }"),
            c => out.push(c),
        }
    }
}
