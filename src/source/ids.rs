//! Unit IDs: readable, positional within a section (`title`, a heading's slug or pinned
//! `{#id}`, then `<section>-p1`, `-li2`...), and stable when another unit is edited.

use super::placeables;
use std::collections::{BTreeSet, HashMap};

#[derive(Default)]
pub(super) struct IdGen {
    pub(super) used: BTreeSet<String>,
    pub(super) section: String,
    pub(super) counters: HashMap<String, usize>,
    /// The next suffix to try for a heading slug already taken (so that many equal
    /// headings cost linear time, not quadratic).
    pub(super) next_suffix: HashMap<String, usize>,
}

impl IdGen {
    pub(super) fn heading(&mut self, pinned: Option<&str>, text: &str) -> String {
        let base = match pinned {
            Some(p) => p.to_string(),
            None => slug(text),
        };
        let mut id = base.clone();
        let n = self.next_suffix.entry(base.clone()).or_insert(2);
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.used.insert(id.clone());
        self.section = id.clone();
        self.counters.clear();
        id
    }

    pub(super) fn next(&mut self, kind: &str) -> String {
        let section = if self.section.is_empty() { "intro" } else { &self.section };
        let n = self.counters.entry(kind.to_string()).or_insert(0);
        *n += 1;
        let id = format!("{section}-{kind}{n}");
        self.used.insert(id.clone());
        id
    }
}

/// A readable ID from heading text: `Know your rights at work!` -> `know-your-rights-at-work`.
pub fn slug(text: &str) -> String {
    let text = strip_markup_for_slug(text);
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_lowercase());
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words.truncate(5);
    let s = words.join("-");
    match s.chars().next() {
        None => "section".to_string(),
        Some(c) if !c.is_ascii_alphabetic() => format!("h-{s}"),
        _ => s,
    }
}

pub(super) fn strip_markup_for_slug(text: &str) -> String {
    // Placeables carry no meaning for a heading's name.
    let mut out = text.to_string();
    for (range, _) in placeables(text).into_iter().rev() {
        out.replace_range(range, " ");
    }
    out
}

/// Is `s` a Fluent identifier (`[a-zA-Z][a-zA-Z0-9_-]*`)?
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Splits a trailing `{#id}` off heading text.
pub(super) fn split_pinned_id(raw: &str) -> (&str, Option<&str>) {
    let trimmed = raw.trim_end();
    if let Some(open) = trimmed.rfind("{#")
        && trimmed.ends_with('}')
    {
        let id = &trimmed[open + 2..trimmed.len() - 1];
        if !id.contains(char::is_whitespace) && !id.contains('{') {
            return (trimmed[..open].trim_end(), Some(id));
        }
    }
    (trimmed, None)
}
